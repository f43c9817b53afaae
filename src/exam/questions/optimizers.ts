/** 6.1 パラメータの更新: SGD, Momentum, AdaGrad, RMSprop, Adam, AdamW. */
import { Matrix } from "../../core/matrix";
import { AdaGrad } from "../../optim/adagrad";
import { Adam } from "../../optim/adam";
import { AdamW } from "../../optim/adamw";
import { Momentum } from "../../optim/momentum";
import { RMSprop } from "../../optim/rmsprop";
import { allClose, randomRun, ruleAgrees, runOptimizer, runRule, type ElementRule, type ElementState } from "../rule-check";
import { CODE_BLANK, type BlankName, type ChoiceLetter, type Question } from "../types";

const NB = "6-1-optimizers";
const DL = "\\frac{\\partial L}{\\partial W}";

interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
}

/** The book's Adam for one element: the step size to subtract (updates s.m, s.v, s.t). */
export function adamStep(g: number, s: ElementState, { lr, beta1, beta2 }: AdamHyper): number {
  s.t += 1;
  const lrT = (lr * Math.sqrt(1 - beta2 ** s.t)) / (1 - beta1 ** s.t);
  s.m += (1 - beta1) * (g - s.m);
  s.v += (1 - beta2) * (g * g - s.v);
  return (lrT * s.m) / (Math.sqrt(s.v) + 1e-7);
}

/** engineChoice from one rule per letter. */
export function byRules(make: Parameters<typeof ruleAgrees>[0], rules: Record<ChoiceLetter, ElementRule | null>, tol?: number) {
  return (letter: ChoiceLetter): boolean | undefined => {
    const rule = rules[letter];
    return rule === null ? false : ruleAgrees(make, rule, 6, tol);
  };
}

/** engineBlank for a formula whose blanks are filled with option values. */
function byBlanks(
  make: Parameters<typeof ruleAgrees>[0],
  key: Partial<Record<BlankName, number>>,
  optionValues: number[],
  build: (b: Record<BlankName, number>) => ElementRule,
) {
  return (blank: BlankName, option: number): boolean | undefined => {
    if (!(blank in key)) return undefined;
    const vals = {} as Record<BlankName, number>;
    for (const [k, o] of Object.entries(key)) vals[k as BlankName] = optionValues[(o as number) - 1];
    vals[blank] = optionValues[option - 1];
    if (vals[blank] === undefined || Number.isNaN(vals[blank])) return false;
    return ruleAgrees(make, build(vals));
  };
}

const MOM = { lr: 0.1, momentum: 0.9 };
const RMS = { lr: 0.05, decayRate: 0.8 };
const ADAM = { lr: 0.01, beta1: 0.8, beta2: 0.95 };

/** A 1×1 parameter or gradient. */
const Matrix1 = (v: number): Matrix => Matrix.row([v]);

export const OPTIMIZER_QUESTIONS: Question[] = [
  {
    id: "q01",
    topic: "optimizer",
    format: "choice",
    keyword: "モメンタム",
    home: "6-6-exam-review",
    title: "Momentum の更新式",
    prompt: `本書の Momentum の更新式として正しいものを選んでください。$\\alpha$ はモーメンタム係数 (既定値 0.9)、$\\eta$ は学習係数、$v$ は速度で最初は 0 です。`,
    choices: [
      `$v \\leftarrow \\alpha v + \\eta ${DL},\\quad W \\leftarrow W + v$`,
      `$v \\leftarrow (1-\\alpha) v - \\eta ${DL},\\quad W \\leftarrow W + v$`,
      `$v \\leftarrow \\alpha v - \\eta ${DL},\\quad W \\leftarrow W + v$`,
      `$v \\leftarrow \\alpha v - \\eta ${DL},\\quad W \\leftarrow W - v$`,
    ],
    key: "C",
    explanation:
      `速度 $v$ は「前の速度を $\\alpha$ 倍に減衰させ、勾配の逆向きに $\\eta$ 倍だけ加速」したもので、重みには $v$ をそのまま足します。` +
      `コードでは \`v = momentum * v - lr * grad\`、\`W += v\` の 2 行です。E資格の記法では $v \\leftarrow \\alpha v - \\epsilon g,\\ \\theta \\leftarrow \\theta + v$ と書きます。`,
    reread: { notebook: NB, section: "Momentum と Nesterov" },
    engineChoice: byRules(() => new Momentum(MOM), {
      A: (p, g, s) => p + (s.v = MOM.momentum * s.v + MOM.lr * g),
      B: (p, g, s) => p + (s.v = (1 - MOM.momentum) * s.v - MOM.lr * g),
      C: (p, g, s) => p + (s.v = MOM.momentum * s.v - MOM.lr * g),
      D: (p, g, s) => p - (s.v = MOM.momentum * s.v - MOM.lr * g),
    }),
  },
  {
    id: "q02",
    topic: "optimizer",
    format: "choice",
    keyword: "AdaGrad",
    home: "6-6-exam-review",
    title: "AdaGrad (E資格の記法)",
    prompt:
      `E資格 (Goodfellow らの教科書) の記法で AdaGrad を書いたものはどれですか。$g$ は勾配、$\\epsilon$ は学習率、` +
      `$\\delta$ はゼロ除算を防ぐ小さな定数 ($10^{-7}$)、$r$ は最初 0 の累積変数です。`,
    choices: [
      `$r \\leftarrow r + g \\odot g,\\quad \\theta \\leftarrow \\theta - \\dfrac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g$`,
      `$r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g,\\quad \\theta \\leftarrow \\theta - \\dfrac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g$`,
      `$r \\leftarrow r + g \\odot g,\\quad \\theta \\leftarrow \\theta - \\epsilon\\,(\\delta + \\sqrt{r}) \\odot g$`,
      `$r \\leftarrow r + g,\\quad \\theta \\leftarrow \\theta - \\dfrac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g$`,
    ],
    key: "A",
    explanation:
      `AdaGrad は勾配の 2 乗を足し続け ($r$ は単調に増える)、よく動いたパラメータほど学習率を小さくします。` +
      `本書の $h \\leftarrow h + ${DL} \\odot ${DL}$、$W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h}} ${DL}$ と同じ式で、$h = r$、$\\eta = \\epsilon$ です。` +
      `B は RMSProp、C は割り算と掛け算が逆、D は 2 乗を忘れています。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineChoice: byRules(() => new AdaGrad({ lr: 0.1 }), {
      A: (p, g, s) => ((s.h += g * g), p - (0.1 / (1e-7 + Math.sqrt(s.h))) * g),
      B: (p, g, s) => ((s.h = 0.9 * s.h + 0.1 * g * g), p - (0.1 / Math.sqrt(1e-7 + s.h)) * g),
      C: (p, g, s) => ((s.h += g * g), p - 0.1 * (1e-7 + Math.sqrt(s.h)) * g),
      D: (p, g, s) => ((s.h += g), p - (0.1 / (1e-7 + Math.sqrt(s.h))) * g),
    }),
  },
  {
    id: "q03",
    topic: "optimizer",
    format: "blanks",
    keyword: "RMSProp",
    home: "6-6-exam-review",
    title: "RMSprop の空欄補充",
    prompt:
      `本書の RMSprop (\`common/optimizer.py\`) の更新式です。空欄 (あ)〜(え) に入るものを語群から選び、番号で答えてください。` +
      `$\\rho$ は decay_rate (既定値 0.99)、$\\eta$ は学習係数です。\n\n` +
      `$$h \\leftarrow \\text{(あ)}\\, h + \\text{(い)}\\, ${DL} \\odot ${DL}$$\n\n` +
      `$$W \\leftarrow W - \\text{(う)}\\, \\frac{1}{\\sqrt{h} + \\text{(え)}}\\, ${DL}$$`,
    blanks: ["あ", "い", "う", "え"],
    options: ["$\\rho$", "$1-\\rho$", "$\\eta$", "$10^{-7}$", "$\\alpha$", "$1$", "$\\eta^2$", "$0.5$"],
    key: { あ: 1, い: 2, う: 3, え: 4 },
    explanation:
      `RMSprop は AdaGrad の「勾配の 2 乗の和」を指数移動平均 $h \\leftarrow \\rho h + (1-\\rho) g^2$ に変え、昔の勾配を少しずつ忘れます。` +
      `そのため AdaGrad のように学習が止まってしまうことがありません。$10^{-7}$ は $h = 0$ のときのゼロ除算を防ぐ定数です ` +
      `(E資格の記法では $\\delta$ で、RMSProp では $\\sqrt{\\delta + r}$ と根号の中に置かれることにも注意)。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineBlank: byBlanks(
      () => new RMSprop(RMS),
      { あ: 1, い: 2, う: 3, え: 4 },
      [RMS.decayRate, 1 - RMS.decayRate, RMS.lr, 1e-7, NaN, 1, RMS.lr ** 2, 0.5],
      (b) => (p, g, s) => ((s.h = b.あ * s.h + b.い * g * g), p - (b.う * g) / (Math.sqrt(s.h) + b.え)),
    ),
  },
  {
    id: "q04",
    topic: "optimizer",
    format: "blanks",
    keyword: "Adam",
    home: "6-6-exam-review",
    title: "Adam の空欄補充 (本書の実装)",
    prompt:
      `本書の Adam の実装は、バイアス補正を学習係数 $\\eta_t$ にまとめています。空欄 (あ)〜(え) に入るものを語群から選び、番号で答えてください。` +
      `$g$ は勾配、$m, v$ は最初 0、$t$ は更新回数です。\n\n` +
      `$$t \\leftarrow t + 1,\\qquad \\eta_t = \\eta\\, \\frac{\\sqrt{1 - \\text{(あ)}^{\\,t}}}{1 - \\text{(い)}^{\\,t}}$$\n\n` +
      `$$m \\leftarrow m + \\text{(う)}\\,(g - m),\\qquad v \\leftarrow v + \\text{(え)}\\,(g \\odot g - v)$$\n\n` +
      `$$W \\leftarrow W - \\eta_t\\, \\frac{m}{\\sqrt{v} + 10^{-7}}$$`,
    blanks: ["あ", "い", "う", "え"],
    options: ["$\\beta_1$", "$\\beta_2$", "$1-\\beta_1$", "$1-\\beta_2$", "$\\eta$", "$1$"],
    key: { あ: 2, い: 1, う: 3, え: 4 },
    explanation:
      `$m \\leftarrow m + (1-\\beta_1)(g - m)$ は $m \\leftarrow \\beta_1 m + (1-\\beta_1) g$ を書き換えたもので、勾配の指数移動平均 (1 次モーメント)、` +
      `$v$ は勾配の 2 乗の指数移動平均 (2 次モーメント) です。論文の $\\hat m = m/(1-\\beta_1^t)$、$\\hat v = v/(1-\\beta_2^t)$ を代入すると ` +
      `$\\hat m / \\sqrt{\\hat v} = \\frac{\\sqrt{1-\\beta_2^t}}{1-\\beta_1^t}\\, m/\\sqrt{v}$ となるので、補正は $\\eta_t$ に入ります。E資格の記法では $\\beta_1, \\beta_2$ を $\\rho_1, \\rho_2$ と書きます。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineBlank: byBlanks(
      () => new Adam(ADAM),
      { あ: 2, い: 1, う: 3, え: 4 },
      [ADAM.beta1, ADAM.beta2, 1 - ADAM.beta1, 1 - ADAM.beta2, ADAM.lr, 1],
      (b) => (p, g, s) => {
        s.t += 1;
        const lrT = (ADAM.lr * Math.sqrt(1 - b.あ ** s.t)) / (1 - b.い ** s.t);
        s.m += b.う * (g - s.m);
        s.v += b.え * (g * g - s.v);
        return p - (lrT * s.m) / (Math.sqrt(s.v) + 1e-7);
      },
    ),
  },
  {
    id: "q05",
    topic: "optimizer",
    format: "numeric",
    keyword: "モメンタム",
    home: "6-6-exam-review",
    title: "Momentum を 2 ステップ手計算",
    prompt:
      `本書の Momentum ($\\eta = 0.1$, $\\alpha = 0.9$) で、$W = 1.0$、$v = 0$ から始めて、勾配 $${DL} = 2.0$ が 2 回続きました。` +
      `2 ステップ後の $W$ はいくつですか。`,
    key: 0.42,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `1 回目: $v = 0.9 \\times 0 - 0.1 \\times 2 = -0.2$、$W = 1.0 - 0.2 = 0.8$。` +
      `2 回目: $v = 0.9 \\times (-0.2) - 0.2 = -0.38$、$W = 0.8 - 0.38 = 0.42$。同じ向きの勾配が続くと $v$ が育ち、一歩が大きくなります (最終的には $\\eta g / (1-\\alpha)$、つまり 10 倍まで)。`,
    reread: { notebook: NB, section: "Momentum と Nesterov" },
    engineAnswer: () => {
      const W = { W: Matrix1(1.0) };
      const opt = new Momentum({ lr: 0.1, momentum: 0.9 });
      opt.update(W, { W: Matrix1(2.0) });
      opt.update(W, { W: Matrix1(2.0) });
      return W.W.data[0];
    },
  },
  {
    id: "q06",
    topic: "optimizer",
    format: "numeric",
    keyword: "Adam",
    home: "6-6-exam-review",
    title: "Adam の最初の 1 ステップ",
    prompt:
      `本書の Adam ($\\eta = 0.001$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$) で、$W = 1.0$、勾配 $g = 0.5$ のときの最初の 1 ステップ後の $W$ を、小数第 4 位まで答えてください。` +
      `(ヒント: $m$, $v$, $\\eta_t$ を順に計算します。$\\sqrt{0.001} \\approx 0.0316$)`,
    key: 0.999,
    digits: 4,
    tolerance: 0.00005,
    explanation:
      `$m = 0.1 \\times 0.5 = 0.05$、$v = 0.001 \\times 0.25 = 0.00025$、$\\eta_t = 0.001 \\times \\sqrt{0.001}/0.1 \\approx 3.162 \\times 10^{-4}$、` +
      `$\\sqrt{v} \\approx 0.01581$ なので一歩は $3.162 \\times 10^{-4} \\times 0.05 / 0.01581 \\approx 0.001$、$W \\approx 0.9990$ です。` +
      `バイアス補正のおかげで、最初の一歩は勾配の大きさによらずほぼ $\\eta$ (の符号付き) になります。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineAnswer: () => {
      const W = { W: Matrix1(1.0) };
      new Adam({ lr: 0.001, beta1: 0.9, beta2: 0.999 }).update(W, { W: Matrix1(0.5) });
      return W.W.data[0];
    },
  },
  {
    id: "q07",
    topic: "optimizer",
    format: "code",
    keyword: "モメンタム",
    home: "6-6-exam-review",
    title: "Momentum の update の空欄",
    prompt: `本書の \`common/optimizer.py\` の \`Momentum\` クラスです。${CODE_BLANK} に入る行として正しいものを選んでください。`,
    code: `class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            ${CODE_BLANK}
            params[key] += self.v[key]`,
    choices: [
      "self.v[key] = self.momentum*self.v[key] + self.lr*grads[key]",
      "self.v[key] = self.momentum*self.v[key] - self.lr*grads[key]",
      "self.v[key] = self.momentum*self.v[key] - self.lr*params[key]",
      "self.v[key] = (1 - self.momentum)*self.v[key] - self.lr*grads[key]",
    ],
    key: "B",
    explanation:
      `速度 $v$ を $\\alpha$ (\`momentum\`) 倍に減衰させ、勾配の $\\eta$ 倍を引きます: $v \\leftarrow \\alpha v - \\eta \\frac{\\partial L}{\\partial W}$。そのあと \`params[key] += self.v[key]\` で重みに足します。` +
      `A は勾配の向きに進んでしまい (損失が増える)、C は勾配ではなく重みそのものを引き、D は減衰の係数が $1-\\alpha$ になっています。`,
    reread: { notebook: NB, section: "Momentum と Nesterov" },
    engineChoice: byRules(() => new Momentum(MOM), {
      A: (p, g, s) => p + (s.v = MOM.momentum * s.v + MOM.lr * g),
      B: (p, g, s) => p + (s.v = MOM.momentum * s.v - MOM.lr * g),
      C: (p, _g, s) => p + (s.v = MOM.momentum * s.v - MOM.lr * p),
      D: (p, g, s) => p + (s.v = (1 - MOM.momentum) * s.v - MOM.lr * g),
    }),
  },
  {
    id: "q08",
    topic: "optimizer",
    format: "code",
    keyword: "AdaGrad",
    home: "6-6-exam-review",
    title: "AdaGrad の update の空欄",
    prompt:
      `本書の \`AdaGrad\` クラスの \`update\` です (\`self.h\` は \`np.zeros_like\` で 0 に初期化済み)。${CODE_BLANK} に入る行として正しいものを選んでください。` +
      `勾配がちょうど 0 の要素があっても重みが壊れないことも条件です。`,
    code: `    def update(self, params, grads):
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            ${CODE_BLANK}`,
    choices: [
      "params[key] -= self.lr * grads[key] / (self.h[key] + 1e-7)",
      "params[key] -= self.lr * grads[key] * (np.sqrt(self.h[key]) + 1e-7)",
      "params[key] -= self.lr * grads[key] / np.sqrt(self.h[key])",
      "params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)",
    ],
    key: "D",
    explanation:
      `$W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h}} \\frac{\\partial L}{\\partial W}$ に、ゼロ除算を防ぐ $10^{-7}$ を根号の外に足したものです。` +
      `A は根号を忘れ (学習係数が $1/h$ で急に小さくなる)、B は割り算と掛け算が逆、C は勾配 0 の要素で $h = 0$ となり \`0 / 0 = nan\` が重みに入ります。` +
      `E資格の記法では $\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g$ で、$\\delta$ がこの $10^{-7}$ です。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineChoice: (() => {
      const lr = 0.1;
      const agrees = (rule: ElementRule) => {
        const run = randomRun(108);
        run.grads[0].data[0] = 0; // a unit with no gradient yet: h = 0
        const expected = runOptimizer(new AdaGrad({ lr }), run).data;
        return allClose(runRule(rule, run), expected, 1e-10);
      };
      const rules: Record<ChoiceLetter, ElementRule> = {
        A: (p, g, s) => ((s.h += g * g), p - (lr * g) / (s.h + 1e-7)),
        B: (p, g, s) => ((s.h += g * g), p - lr * g * (Math.sqrt(s.h) + 1e-7)),
        C: (p, g, s) => ((s.h += g * g), p - (lr * g) / Math.sqrt(s.h)),
        D: (p, g, s) => ((s.h += g * g), p - (lr * g) / (Math.sqrt(s.h) + 1e-7)),
      };
      return (letter: ChoiceLetter) => agrees(rules[letter]);
    })(),
  },
  {
    id: "q09",
    topic: "optimizer",
    format: "code",
    keyword: "Adam",
    home: "6-6-exam-review",
    title: "Adam の update の空欄",
    prompt:
      `本書の \`Adam\` クラスの \`update\` の一部です (\`self.m\`、\`self.v\` は 0 に初期化済み)。${CODE_BLANK} に入る行として正しいものを選んでください。`,
    code: `        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)

        for key in params.keys():
            ${CODE_BLANK}
            self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)`,
    choices: [
      "self.m[key] += self.beta1 * (grads[key] - self.m[key])",
      "self.m[key] += (1 - self.beta1) * (grads[key]**2 - self.m[key])",
      "self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])",
      "self.m[key] = self.beta1 * self.m[key] + grads[key]",
    ],
    key: "C",
    explanation:
      `\`m += (1 - beta1) * (g - m)\` は $m \\leftarrow \\beta_1 m + (1-\\beta_1) g$ を書き換えたもので、勾配の指数移動平均 (1 次モーメント) です。` +
      `A は係数が逆 (最新の勾配に 0.9 の重み)、B は 2 乗を取っていて $v$ と同じ量になり、D は $(1-\\beta_1)$ を掛け忘れて平均にならず、約 10 倍に膨らみます (Momentum の速度に近い形)。` +
      `E資格の記法では $s \\leftarrow \\rho_1 s + (1-\\rho_1) g$ と書きます。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    engineChoice: (() => {
      const hp = { lr: 0.01, beta1: 0.8, beta2: 0.95 };
      const adam = (mLine: (m: number, g: number) => number): ElementRule => (p, g, s) => {
        s.t += 1;
        const lrT = (hp.lr * Math.sqrt(1 - hp.beta2 ** s.t)) / (1 - hp.beta1 ** s.t);
        s.m = mLine(s.m, g);
        s.v += (1 - hp.beta2) * (g * g - s.v);
        return p - (lrT * s.m) / (Math.sqrt(s.v) + 1e-7);
      };
      return byRules(() => new Adam(hp), {
        A: adam((m, g) => m + hp.beta1 * (g - m)),
        B: adam((m, g) => m + (1 - hp.beta1) * (g * g - m)),
        C: adam((m, g) => m + (1 - hp.beta1) * (g - m)),
        D: adam((m, g) => hp.beta1 * m + g),
      });
    })(),
  },
  {
    id: "q10",
    topic: "optimizer",
    format: "choice",
    keyword: "パラメータノルムペナルティ",
    home: "6-6-exam-review",
    title: "AdamW の 1 ステップ",
    prompt:
      `AdamW (重み減衰を勾配から切り離した Adam) の 1 ステップとして正しいものはどれですか。$\\lambda$ は重み減衰の係数、$\\eta$ は学習係数、` +
      `$\\mathrm{Adam}(g)$ は Adam が勾配 $g$ から計算する一歩 ($m, v$ を $g$ で更新して $\\eta_t\\, m / (\\sqrt{v} + 10^{-7})$) を表します。`,
    choices: [
      `勾配を $g \\leftarrow g + \\lambda W$ としてから $W \\leftarrow W - \\mathrm{Adam}(g)$`,
      `$W \\leftarrow W - \\mathrm{Adam}(g) - \\lambda W$`,
      `$W \\leftarrow (1 + \\eta \\lambda)\\, W - \\mathrm{Adam}(g)$`,
      `$W \\leftarrow W - \\eta \\lambda W$ としてから $W \\leftarrow W - \\mathrm{Adam}(g)$`,
    ],
    key: "D",
    explanation:
      `AdamW は重みを直接 $\\eta\\lambda$ の割合で縮め、Adam の $m, v$ には元の勾配 $g$ だけを通します (Loshchilov & Hutter)。` +
      `A は L2 正則化 (本書の weight decay) を Adam に組み合わせたもので、$\\lambda W$ も $\\sqrt{v}$ で割られてしまうため、大きな勾配を持つ重みほど減衰が弱くなります。`,
    reread: { notebook: "6-4-regularization", section: "Adam と Weight decay" },
    engineChoice: (() => {
      const hp = { lr: 0.01, beta1: 0.9, beta2: 0.999 }, lambda = 0.5;
      const make = () => new AdamW({ ...hp, weightDecay: lambda });
      return byRules(make, {
        A: (p, g, s) => p - adamStep(g + lambda * p, s, hp),
        B: (p, g, s) => p - adamStep(g, s, hp) - lambda * p,
        C: (p, g, s) => (1 + hp.lr * lambda) * p - adamStep(g, s, hp),
        D: (p, g, s) => p - hp.lr * lambda * p - adamStep(g, s, hp),
      });
    })(),
  },
  {
    id: "q11",
    topic: "optimizer",
    format: "choice",
    keyword: "RMSProp",
    home: "6-6-exam-review",
    title: "記法の対応: RMSProp の ρ",
    prompt:
      `E資格 (Goodfellow らの教科書) の RMSProp は $r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g$、$\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g$ と書かれます。` +
      `この $\\rho$ は、本書の \`RMSprop(lr, decay_rate)\` のどれに当たりますか。`,
    choices: [
      "`lr` (学習係数 $\\eta$)",
      "`decay_rate` (既定値 0.99)",
      "Momentum の `momentum` (既定値 0.9)",
      "ゼロ除算を防ぐ定数 `1e-7`",
    ],
    key: "B",
    explanation:
      `$\\rho$ は過去の $r$ をどれだけ残すかを決める減衰率で、本書の \`decay_rate\` です。学習率は $\\epsilon$ (本書の $\\eta$ = \`lr\`)、` +
      `ゼロ除算を防ぐ定数は $\\delta$ です。E資格では $\\epsilon$ が学習率を表すので、d2l や PyTorch の $\\epsilon$ (小さな定数) と混同しないようにしましょう。`,
    reread: { notebook: NB, section: "記号の対応表" },
    engineChoice: (() => {
      const candidate: Record<ChoiceLetter, number> = { A: RMS.lr, B: RMS.decayRate, C: NaN, D: 1e-7 };
      return (letter: ChoiceLetter) => {
        const rho = candidate[letter];
        if (Number.isNaN(rho)) return false;
        // Goodfellow's form puts δ under the root: equal to the book's up to ~1e-6 relative.
        const rule: ElementRule = (p, g, s) => ((s.h = rho * s.h + (1 - rho) * g * g), p - (RMS.lr / Math.sqrt(1e-7 + s.h)) * g);
        return ruleAgrees(() => new RMSprop(RMS), rule, 6, 1e-4);
      };
    })(),
  },
];

