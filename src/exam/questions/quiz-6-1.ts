/** 確認問題 of 6-1-optimizers (asked at the end of that notebook). */
import { Matrix } from "../../core/matrix";
import { compareOptimizers2D } from "../../experiments/optimizers/paths-2d";
import { sgdAnalysis } from "../../experiments/optimizers/sgd-analysis";
import { AdaGrad } from "../../optim/adagrad";
import { Adam } from "../../optim/adam";
import { RMSprop } from "../../optim/rmsprop";
import { ruleAgrees, type ElementRule } from "../rule-check";
import { CODE_BLANK, type ChoiceLetter, type Question } from "../types";
import { byRules } from "./optimizers";

const NB = "6-1-optimizers";
const HOME = "6-1-optimizers";

/** The first step of one optimizer from the book's start (−7, 2) on x²/20 + y², with the book's settings. */
function firstStep(name: "SGD" | "AdaGrad"): [number, number] {
  const path = compareOptimizers2D({ steps: 1, optimizers: [name] })[0].path;
  return [path[1][0] - path[0][0], path[1][1] - path[0][1]];
}

const ADAM_HP = { lr: 0.01, beta1: 0.8, beta2: 0.95 };

/** Goodfellow's Adam (bias-corrected s, r; δ outside the root) with the book's names mapped in. */
function goodfellowAdam(rho1: number, rho2: number, eps: number): ElementRule {
  return (p, g, s) => {
    s.t += 1;
    s.m = rho1 * s.m + (1 - rho1) * g;
    s.v = rho2 * s.v + (1 - rho2) * g * g;
    const sHat = s.m / (1 - rho1 ** s.t), rHat = s.v / (1 - rho2 ** s.t);
    return p - (eps * sHat) / (Math.sqrt(rHat) + 1e-7);
  };
}

export const QUIZ_6_1: Question[] = [
  {
    id: "q34",
    topic: "optimizer",
    format: "choice",
    keyword: "AdaGrad",
    home: HOME,
    title: "AdaGrad の更新式",
    prompt: `AdaGrad の更新式はどれですか ($g = \\partial L/\\partial W$)。`,
    choices: [
      `$v \\leftarrow \\alpha v - \\eta g,\\quad W \\leftarrow W + v$`,
      `$h \\leftarrow h + g \\odot g,\\quad W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h}} g$`,
      `$h \\leftarrow \\rho h + (1 - \\rho)\\, g \\odot g,\\quad W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h}} g$`,
      `$W \\leftarrow W - \\eta g$`,
    ],
    key: "B",
    explanation:
      `AdaGrad は勾配の 2 乗を**足し続ける** $h$ で学習係数を割ります。A は Momentum、C は $h$ を指数移動平均にした RMSprop、D は SGD です。`,
    reread: { notebook: NB, section: "AdaGrad・RMSprop・Adam" },
    // The book's code adds 1e-7 to √h: the formulas agree with it to ~1e-6.
    engineChoice: byRules(
      () => new AdaGrad({ lr: 0.1 }),
      {
        A: (p, g, s) => p + (s.v = 0.9 * s.v - 0.1 * g),
        B: (p, g, s) => ((s.h += g * g), p - (0.1 / Math.sqrt(s.h)) * g),
        C: (p, g, s) => ((s.h = 0.9 * s.h + 0.1 * g * g), p - (0.1 / Math.sqrt(s.h)) * g),
        D: (p, g) => p - 0.1 * g,
      },
      1e-5,
    ),
  },
  {
    id: "q35",
    topic: "optimizer",
    format: "numeric",
    keyword: "SGD",
    home: HOME,
    title: "SGD の最初の 1 歩 (y 座標)",
    prompt:
      `本書の関数 $f(x, y) = \\frac{1}{20}x^2 + y^2$ で、$(-7, 2)$ から SGD ($\\eta = 0.95$) を 1 回更新したあとの **y 座標**はいくつですか。`,
    key: -1.8,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `$\\partial f/\\partial y = 2y = 4$ なので $y \\leftarrow 2 - 0.95 \\times 4 = -1.8$ です。y の倍率 $1 - 2\\eta = -0.9$ が負なので符号が反転します。これがジグザグの 1 歩目です。`,
    reread: { notebook: NB, section: "なぜジグザグになるのか" },
    engineAnswer: () => 2 + firstStep("SGD")[1],
  },
  {
    id: "q36",
    topic: "optimizer",
    format: "choice",
    keyword: "AdaGrad",
    home: HOME,
    title: "AdaGrad の最初の 1 歩の向き",
    prompt: `同じ出発点 $(-7, 2)$ から AdaGrad ($\\eta = 1.5$) で 1 回更新すると、点はおよそどの向きに動きますか。`,
    choices: [
      "ほぼ真下 (y だけが減る)",
      "右下 45° (x が約 +1.5、y が約 −1.5)",
      "原点へ向かう直線の方向",
      "左上",
    ],
    key: "B",
    explanation:
      `最初は $h = g \\odot g$ なので、更新量は $\\eta\\, g/\\sqrt{g^2} = \\eta\\,\\mathrm{sign}(g)$ になり、勾配の大きさによらず各座標が $\\eta$ だけ動きます。` +
      `勾配 $(-0.7, 4)$ の逆向きの符号は $(+, -)$ なので右下 45° です。SGD なら勾配の大きい y 方向ばかりに動くところを、AdaGrad は座標ごとに歩幅をそろえます。`,
    reread: { notebook: NB, section: "AdaGrad" },
    engineChoice: (letter: ChoiceLetter) => {
      const [dx, dy] = firstStep("AdaGrad");
      const toOrigin = Math.abs(dx * 2 - dy * -7) < 1e-6 * Math.hypot(dx, dy); // parallel to (7, −2)
      return {
        A: Math.abs(dx) < 0.1 * Math.abs(dy) && dy < 0,
        B: dx > 0 && dy < 0 && Math.abs(dx - 1.5) < 1e-3 && Math.abs(dy + 1.5) < 1e-3,
        C: toOrigin,
        D: dx < 0 && dy > 0,
      }[letter];
    },
  },
  {
    id: "q37",
    topic: "optimizer",
    format: "code",
    keyword: "RMSProp",
    home: HOME,
    title: "RMSprop の update の空欄",
    prompt:
      `RMSprop の \`update\` です (\`self.h\` は 0 に初期化済み)。本書のコードでは ${CODE_BLANK} の部分が \`*=\` と \`+=\` の 2 行に分かれていますが、ここでは 1 行にまとめています。` +
      `${CODE_BLANK} に入る行として正しいものを選んでください。\`decay_rate\` の既定値は 0.99 です。`,
    code: `    def update(self, params, grads):
        for key in params.keys():
            ${CODE_BLANK}
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)`,
    choices: [
      "self.h[key] += grads[key] * grads[key]",
      "self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key]",
      "self.h[key] = (1 - self.decay_rate) * self.h[key] + self.decay_rate * grads[key] * grads[key]",
      "self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] * grads[key]",
    ],
    key: "D",
    explanation:
      `RMSprop は勾配の 2 乗の**指数移動平均**をとり、古い勾配を $\\rho$ (\`decay_rate\`) 倍ずつ忘れます。A は勾配の 2 乗を足し続ける AdaGrad、` +
      `B は 2 乗を忘れていて ($h$ が負になりうる)、C は係数が逆で、最新の勾配に 0.99 の重みがかかります。`,
    reread: { notebook: NB, section: "RMSprop" },
    engineChoice: (() => {
      const hp = { lr: 0.05, decayRate: 0.8 };
      const step = (h: (h: number, g: number) => number): ElementRule => (p, g, s) => ((s.h = h(s.h, g)), p - (hp.lr * g) / (Math.sqrt(s.h) + 1e-7));
      const rho = hp.decayRate;
      return byRules(() => new RMSprop(hp), {
        A: step((h, g) => h + g * g),
        B: step((h, g) => rho * h + (1 - rho) * g),
        C: step((h, g) => (1 - rho) * h + rho * g * g),
        D: step((h, g) => rho * h + (1 - rho) * g * g),
      });
    })(),
  },
  {
    id: "q38",
    topic: "optimizer",
    format: "numeric",
    keyword: "SGD",
    home: HOME,
    title: "SGD が発散しない学習係数の上限",
    prompt:
      `$f(x, y) = x^2 + 5y^2$ に SGD を使います。どの出発点からでも発散しないための学習係数 $\\eta$ の上限 (この値未満なら収束する境界) はいくつですか。`,
    key: 0.2,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `ヘッセ行列は $\\mathrm{diag}(2, 10)$ なので $\\lambda_{\\max} = 10$、境界は $2/\\lambda_{\\max} = 0.2$ です。y の倍率 $1 - 10\\eta$ が $-1$ より小さくなると発散します。`,
    reread: { notebook: NB, section: "なぜジグザグになるのか" },
    engineAnswer: () => sgdAnalysis({ fn: "x^2 + 5*y^2", at: [0, 0] }).divergenceLr,
  },
  {
    id: "q39",
    topic: "optimizer",
    format: "choice",
    keyword: "Adam",
    home: HOME,
    title: "記法の対応: Goodfellow の Adam",
    prompt:
      `Goodfellow『深層学習』(E資格でよく使われる記法) の Adam は $s \\leftarrow \\rho_1 s + (1-\\rho_1) g$、$r \\leftarrow \\rho_2 r + (1-\\rho_2)\\, g \\odot g$、` +
      `$\\hat{s} = s/(1-\\rho_1^t)$、$\\hat{r} = r/(1-\\rho_2^t)$、$\\theta \\leftarrow \\theta - \\epsilon \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}$ と書かれます。` +
      `本書の \`Adam(lr, beta1, beta2)\` との対応として正しいものはどれですか。`,
    choices: [
      "$\\rho_1$ = `beta2`、$\\rho_2$ = `beta1`、$\\epsilon$ = `lr`",
      "$\\rho_1$ = `beta1`、$\\rho_2$ = `beta2`、$\\epsilon$ = `lr`",
      "$\\rho_1$ = `beta1`、$\\rho_2$ = `beta2`、$\\epsilon$ = `1e-7` (ゼロ除算を防ぐ定数)",
      "$\\rho_1$ = `momentum`、$\\rho_2$ = `decay_rate`、$\\epsilon$ = `lr`",
    ],
    key: "B",
    explanation:
      `$\\rho_1$ は勾配の移動平均 (1 次モーメント) の減衰率で本書の \`beta1\` (0.9)、$\\rho_2$ は勾配の 2 乗の移動平均の減衰率で \`beta2\` (0.999) です。` +
      `Goodfellow では学習係数が $\\epsilon$、ゼロ除算を防ぐ定数が $\\delta$ です (d2l や PyTorch では $\\epsilon$ が小さな定数を表すので逆になります)。D の \`momentum\` と \`decay_rate\` は Momentum と RMSprop の引数で、Adam にはありません。`,
    reread: { notebook: NB, section: "記号の対応表" },
    // Goodfellow's δ is outside the bias-corrected root; the book's is outside the raw one: equal to ~1e-5 here.
    engineChoice: (letter: ChoiceLetter) => {
      const { lr, beta1, beta2 } = ADAM_HP;
      const rule = { A: goodfellowAdam(beta2, beta1, lr), B: goodfellowAdam(beta1, beta2, lr), C: goodfellowAdam(beta1, beta2, 1e-7), D: null }[letter];
      return rule === null ? undefined : ruleAgrees(() => new Adam(ADAM_HP), rule, 6, 1e-4);
    },
  },
  {
    id: "q40",
    topic: "optimizer",
    format: "numeric",
    keyword: "Adam",
    home: HOME,
    title: "Adam のバイアス補正 (t = 1)",
    prompt:
      `本書の Adam で、$\\beta_1 = 0.9$, $\\beta_2 = 0.999$ のとき、1 回目の更新 ($t = 1$) の $\\eta_t / \\eta = \\sqrt{1 - \\beta_2^t}/(1 - \\beta_1^t)$ はいくつですか (小数第 3 位まで)。`,
    key: 0.316,
    digits: 3,
    tolerance: 0.0006,
    explanation:
      `$\\sqrt{0.001}/0.1 \\approx 0.316$ です。このとき $m = 0.1 g$、$v = 0.001 g^2$ なので $\\eta_t\\, m/\\sqrt{v} = 0.316\\,\\eta \\times 0.1 g / (0.0316 |g|) = \\eta\\,\\mathrm{sign}(g)$。` +
      `補正のおかげで、最初の 1 歩から大きさ $\\eta$ で動けます (補正がないと、1 歩目の大きさは $\\eta$ の $0.1/\\sqrt{0.001} \\approx 3.16$ 倍になります)。`,
    reread: { notebook: NB, section: "Adam" },
    engineAnswer: () => {
      // One step of the engine's Adam with lr = 1, g = 1: step = η_t · m / (√v + 1e-7), m = 0.1, v = 0.001.
      const W = { W: Matrix.row([0]) };
      new Adam({ lr: 1, beta1: 0.9, beta2: 0.999 }).update(W, { W: Matrix.row([1]) });
      const step = -W.W.data[0];
      return (step * (Math.sqrt(0.001) + 1e-7)) / 0.1;
    },
  },
];
