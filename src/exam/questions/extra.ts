/** Later additions to the 6-6 drill: topics E資格 asks around chapter 6 (Nesterov, schedules, clipping, vanishing gradients, …). */
import { Matrix } from "../../core/matrix";
import { AdaGrad } from "../../optim/adagrad";
import { Nesterov } from "../../optim/nesterov";
import type { ChoiceLetter, Question } from "../types";
import { sigmoidMaxSlope } from "./quiz-6-2";

const HOME = "6-6-exam-review";

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
];
