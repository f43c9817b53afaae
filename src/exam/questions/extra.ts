/** Later additions to the 6-6 drill: topics E資格 asks around chapter 6 (Nesterov, schedules, clipping, vanishing gradients, …). */
import { Matrix } from "../../core/matrix";
import { AdaGrad } from "../../optim/adagrad";
import { GradClip, gradNorm, type ClipOptions } from "../../optim/grad-clip";
import { LrSchedule, cosineSchedule, exponentialSchedule, stepSchedule, warmupSchedule, type Schedule } from "../../optim/lr-schedule";
import { Nesterov } from "../../optim/nesterov";
import { SGD } from "../../optim/sgd";
import type { ChoiceLetter, NumericQuestion, Question } from "../types";
import { numericQuestion, type NumericFields, type Shared } from "./build";
import { sigmoidMaxSlope } from "./quiz-6-2";
import { dropoutRun } from "./regularization";

/**
 * The learning rate the engine's LrSchedule wrapper (src/optim/lr-schedule.ts) actually applies at
 * update t (t = 0 for the first): plain SGD wrapped, t updates with a zero gradient, then one with
 * gradient 1 — SGD moves the weight by exactly that update's learning rate.
 */
export function scheduledLr(schedule: Schedule, baseLr: number, t: number): number {
  const opt = new LrSchedule(new SGD({ lr: baseLr }), schedule);
  const W = { W: Matrix.row([0]) };
  for (let i = 0; i < t; i++) opt.update(W, { W: Matrix.row([0]) });
  opt.update(W, { W: Matrix.row([1]) });
  return -W.W.data[0];
}

/**
 * The gradient the engine's GradClip wrapper (src/optim/grad-clip.ts) passes on: SGD with lr = 1
 * wrapped, one update from W = 0, so the weight moves by minus the clipped gradient.
 */
export function clippedGradient(g: number[], options: ClipOptions): number[] {
  const opt = new GradClip(new SGD({ lr: 1 }), options);
  const W = { W: Matrix.row(g.map(() => 0)) };
  opt.update(W, { W: Matrix.row(g) });
  return Array.from(W.W.data, (w) => -w);
}

const HOME = "6-6-exam-review";

/** 6.1 学習係数のスケジュール: the rate a schedule gives at update t, checked with scheduledLr. */
function lrScheduleQuestion(q: NumericFields & { schedule: Schedule; baseLr: number; t: number }): NumericQuestion {
  const shared: Shared = {
    topic: "optimizer", keyword: "学習率のスケジューリング", home: HOME,
    reread: { notebook: "6-1-optimizers", section: "学習係数のスケジュール" },
  };
  return numericQuestion(shared, q, () => scheduledLr(q.schedule, q.baseLr, q.t));
}

export const EXTRA_QUESTIONS: Question[] = [
  {
    id: "q69",
    topic: "init",
    format: "choice",
    keyword: "勾配消失問題",
    home: HOME,
    title: "sigmoid の微分の上限",
    prompt: `sigmoid $\\sigma(x) = 1/(1 + e^{-x})$ の微分 $\\sigma'(x)$ について正しいものはどれですか。`,
    choices: [
      "$\\sigma'(x)$ の最大値は $x = 0$ での $1$ なので、sigmoid を重ねても勾配は小さくならない",
      "$\\sigma'(x)$ の最大値は $x = 0$ での $0.5$ である",
      "$\\sigma'(x) = \\sigma(x)(1-\\sigma(x)) \\le 0.25$ なので、sigmoid の層を $L$ 層逆向きに通ると、活性化関数の分だけで勾配は $0.25^L$ 倍以下になる",
      "$\\sigma'(x)$ は $|x|$ が大きいほど大きくなる",
    ],
    key: "C",
    explanation:
      `$\\sigma(1-\\sigma)$ は $\\sigma = 0.5$ ($x = 0$) で最大の $0.25$ をとり、$|x|$ が大きいと 0 に近づきます (飽和)。逆伝播では層ごとにこの値が掛かるので、重みが補わない限り入力側の層ほど勾配が小さくなります (勾配消失)。` +
      `tanh の微分の最大値は 1、ReLU の微分は正の側で 1 です。`,
    reread: { notebook: "6-2-weight-init", section: "勾配：逆伝播で見る勾配消失・勾配爆発" },
    engineChoice: (letter: ChoiceLetter) => {
      const m = sigmoidMaxSlope();
      return { A: m === 1, B: m === 0.5, C: m === 0.25, D: undefined }[letter];
    },
  },
  {
    id: "q70",
    topic: "optimizer",
    format: "numeric",
    keyword: "AdaGrad",
    home: HOME,
    title: "AdaGrad の学習係数が小さくなっていく",
    prompt:
      `本書の AdaGrad ($\\eta = 0.1$) で、ある重みの勾配がずっと $g = 2$ のままだったとします。100 回目の更新で、その重みはいくつ動きますか ($10^{-7}$ は無視してかまいません)。`,
    key: 0.01,
    digits: 3,
    tolerance: 0.0005,
    explanation:
      `100 回目には $h = 100 \\times 2^2 = 400$ なので、動く量は $\\eta\\, g/\\sqrt{h} = 0.1 \\times 2 / 20 = 0.01$ です。1 回目は $0.1 \\times 2/2 = 0.1$ でした。` +
      `実質の学習係数 $\\eta/\\sqrt{h}$ は $1/\\sqrt{t}$ のように小さくなり続け、いずれ更新がほとんど止まります。これを直したのが、古い勾配を忘れる RMSprop です。`,
    reread: { notebook: "6-1-optimizers", section: "AdaGrad" },
    engineAnswer: () => {
      const W = { W: Matrix.row([0]) };
      const opt = new AdaGrad({ lr: 0.1 });
      let before = 0;
      for (let t = 1; t <= 100; t++) {
        before = W.W.data[0];
        opt.update(W, { W: Matrix.row([2]) });
      }
      return before - W.W.data[0];
    },
  },
  {
    id: "q71",
    topic: "optimizer",
    format: "numeric",
    keyword: "モメンタム",
    home: HOME,
    title: "Nesterov を 2 ステップ手計算 (発展)",
    prompt:
      `**発展**: Nesterov の加速勾配法は本書の本文では扱わず、\`common/optimizer.py\` にクラスがあるだけです (E資格のシラバスに項目として挙がっているかは受験する回のシラバスで確かめてください。Goodfellow 8.3.3 節には載っています)。` +
      `本書の \`Nesterov\` は $W \\leftarrow W + \\alpha^2 v - (1 + \\alpha)\\eta g$、$v \\leftarrow \\alpha v - \\eta g$ の順に更新します。` +
      `$\\eta = 0.1$、$\\alpha = 0.9$、$W = 1.0$、$v = 0$ から、勾配 $g = 2.0$ が 2 回続いたあとの $W$ を小数第 3 位まで答えてください。`,
    key: 0.078,
    digits: 3,
    tolerance: 0.0005,
    explanation:
      `1 回目: $W = 1.0 + 0 - 1.9 \\times 0.1 \\times 2 = 0.62$、$v = -0.2$。2 回目: $W = 0.62 + 0.81 \\times (-0.2) - 0.38 = 0.078$、$v = -0.38$。` +
      `同じ条件の Momentum (Q05) では 0.42 なので、Nesterov は速度で「先読み」した分だけ早く進みます。`,
    reread: { notebook: "6-1-optimizers", section: "Nesterov" },
    engineAnswer: () => {
      const W = { W: Matrix.row([1]) };
      const opt = new Nesterov({ lr: 0.1, momentum: 0.9 });
      opt.update(W, { W: Matrix.row([2]) });
      opt.update(W, { W: Matrix.row([2]) });
      return W.W.data[0];
    },
  },
  lrScheduleQuestion({
    id: "q72",
    title: "ステップ減衰の学習係数",
    prompt: `学習係数を $\\eta_0 = 0.1$ から始め、30 エポックごとに 0.1 倍するステップ減衰 (PyTorch の StepLR, step_size = 30, gamma = 0.1) を使います。エポックを 0 から数えるとき、エポック 65 の学習係数はいくつですか (小数第 4 位まで)。`,
    key: 0.001,
    digits: 4,
    tolerance: 5e-05,
    explanation: `$\\lfloor 65/30 \\rfloor = 2$ 回減衰しているので $0.1 \\times 0.1^2 = 0.001$ です。エポック 60〜89 はこの値のままです。`,
    schedule: stepSchedule({ stepSize: 30, gamma: 0.1 }),
    baseLr: 0.1,
    t: 65,
  }),
  lrScheduleQuestion({
    id: "q73",
    title: "指数減衰の学習係数",
    prompt: `学習係数を毎エポック $\\gamma = 0.95$ 倍する指数減衰で、$\\eta_0 = 0.01$ から始めます。10 エポック後 ($t = 10$) の学習係数 $\\eta_0 \\gamma^t$ を小数第 4 位まで答えてください。`,
    key: 0.006,
    digits: 4,
    tolerance: 5e-05,
    explanation: `$0.01 \\times 0.95^{10} \\approx 0.01 \\times 0.5987 \\approx 0.0060$ です。`,
    schedule: exponentialSchedule({ gamma: 0.95 }),
    baseLr: 0.01,
    t: 10,
  }),
  lrScheduleQuestion({
    id: "q74",
    title: "コサイン減衰の学習係数",
    prompt: `コサイン減衰 $\\eta_t = \\eta_{\\min} + \\frac{1}{2}(\\eta_{\\max} - \\eta_{\\min})\\left(1 + \\cos\\frac{\\pi t}{T}\\right)$ で、$\\eta_{\\max} = 0.1$、$\\eta_{\\min} = 0$、$T = 100$ のとき、$t = 25$ の学習係数を小数第 4 位まで答えてください ($\\cos(\\pi/4) \\approx 0.7071$)。`,
    key: 0.0854,
    digits: 4,
    tolerance: 5e-05,
    explanation: `$0.05 \\times (1 + 0.7071) \\approx 0.0854$ です。$t = 50$ でちょうど半分の 0.05、$t = 100$ で 0 になります。`,
    schedule: cosineSchedule({ totalSteps: 100, minLr: 0 }),
    baseLr: 0.1,
    t: 25,
  }),
  lrScheduleQuestion({
    id: "q75",
    title: "線形ウォームアップ",
    prompt: `最初の $T_w = 5$ エポックで学習係数を 0 から $\\eta = 0.1$ まで直線的に上げる線形ウォームアップ $\\eta_t = \\eta \\cdot t / T_w$ ($t = 1, \\dots, 5$) を使います。$t = 2$ の学習係数はいくつですか。`,
    key: 0.04,
    digits: 2,
    tolerance: 0.005,
    explanation: `$0.1 \\times 2/5 = 0.04$ です。学習の初めの不安定な時期 (Adam の $v$ がまだ育っていない時期や、BN の統計量が落ち着かない時期) に大きな一歩を踏み出さないための工夫です。`,
    schedule: warmupSchedule({ warmupSteps: 5 }),
    baseLr: 0.1,
    // the question counts t = 1 … 5, the engine counts updates from 0: t = 2 is update 1
    t: 1,
  }),
  {
    id: "q76",
    topic: "optimizer",
    format: "numeric",
    keyword: "勾配クリッピング",
    home: HOME,
    title: "ノルムによる勾配クリッピング",
    prompt: `勾配 $g = (3, -4)$ を、閾値 $c = 2$ のノルムによるクリッピング ($\\lVert g \\rVert > c$ なら $g \\leftarrow \\frac{c}{\\lVert g \\rVert} g$) にかけます。クリッピング後の 1 成分目はいくつですか。`,
    key: 1.2,
    digits: 2,
    tolerance: 0.005,
    explanation: `$\\lVert g \\rVert = 5 > 2$ なので $g \\leftarrow \\frac{2}{5}(3, -4) = (1.2, -1.6)$ です。向きは変わらず、長さだけが 2 になります。`,
    reread: { notebook: "6-1-optimizers", section: "勾配クリッピング" },
    engineAnswer: () => clippedGradient([3, -4], { maxNorm: 2 })[0],
  },
  {
    id: "q77",
    topic: "optimizer",
    format: "numeric",
    keyword: "勾配クリッピング",
    home: HOME,
    title: "値による勾配クリッピングのあとのノルム",
    prompt: `勾配 $g = (0.3, -2.5, 1.2)$ の各成分を $[-1, 1]$ に切り詰める値によるクリッピングをかけます。クリッピング後の勾配のノルム $\\lVert g \\rVert$ を小数第 3 位まで答えてください。`,
    key: 1.446,
    digits: 3,
    tolerance: 0.0005,
    explanation: `クリッピング後は $(0.3, -1, 1)$ なので $\\sqrt{0.09 + 1 + 1} = \\sqrt{2.09} \\approx 1.446$ です。値によるクリッピングは成分ごとに切るので、ノルムによるクリッピングと違って勾配の**向きが変わります**。`,
    reread: { notebook: "6-1-optimizers", section: "勾配クリッピング" },
    engineAnswer: () => gradNorm({ g: Matrix.row(clippedGradient([0.3, -2.5, 1.2], { clipValue: 1 })) }),
  },
  {
    id: "q78",
    topic: "regularization",
    format: "numeric",
    keyword: "ドロップアウト",
    home: HOME,
    title: "推論時の Dropout の出力",
    prompt: `本書の形の Dropout (\`dropout_ratio = 0.3\`) の層に、推論時 (\`train_flg=False\`) に $x = 5$ が入りました。出力はいくつですか。inverted dropout なら同じ入力で何になるかも考えてみましょう。`,
    key: 3.5,
    digits: 1,
    tolerance: 0.05,
    explanation: `本書の形では推論時に $1 - 0.3 = 0.7$ を掛けるので $5 \\times 0.7 = 3.5$ です。inverted dropout は訓練時に $1/0.7$ 倍しておくので、推論時は何もせず 5 のままです。`,
    reread: { notebook: "6-4-regularization", section: "Dropout" },
    engineAnswer: () => (() => { const r = dropoutRun("book", 0.3); return (5 * r.test[0]) / r.x[0]; })(),
  },
];
