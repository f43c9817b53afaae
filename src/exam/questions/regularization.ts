/** 6.4 正則化: weight decay (L2), L1, dropout (two forms), early stopping. */
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { Dropout, type DropoutForm } from "../../nn/dropout";
import { numericalGradient } from "../../nn/gradient";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import type { Params } from "../../nn/types";
import { SGD } from "../../optim/sgd";
import { EarlyStopping } from "../../train/early-stopping";
import { allClose } from "../rule-check";
import { CODE_BLANK, type BlankName, type ChoiceLetter, type Question } from "../types";

const NB = "6-4-regularization";

/** dW of a small net with the given penalty, and its weights (same seed → same weights). */
function penaltyGradients(penalty: { weightDecayLambda?: number; weightDecayL1?: number }): { grads: Params; params: Params } {
  const rng = new RNG(64);
  const x = Matrix.randn(8, 4, rng);
  const t = Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1]);
  const net = new MultiLayerNet({ inputSize: 4, hiddenSizeList: [5], outputSize: 3, rng: new RNG(640), ...penalty });
  return { grads: net.gradient(x, t), params: net.params };
}

/** dW(with penalty) − dW(without) for W1 and W2, flattened. */
export function penaltyPart(penalty: { weightDecayLambda?: number; weightDecayL1?: number }): { diff: number[]; W: number[] } {
  const plain = penaltyGradients({}), pen = penaltyGradients(penalty);
  const diff: number[] = [], W: number[] = [];
  for (const k of ["W1", "W2"]) {
    pen.grads[k].data.forEach((g, i) => diff.push(g - plain.grads[k].data[i]));
    W.push(...pen.params[k].data);
  }
  return { diff, W };
}

/** x, the kept mask, and the train / test outputs of a Dropout layer. */
export function dropoutRun(form: DropoutForm, ratio: number) {
  const rng = new RNG(65);
  const x = Matrix.randn(4, 25, rng);
  for (let i = 0; i < x.size; i++) x.data[i] += Math.sign(x.data[i]) * 0.5; // no zeros
  const layer = new Dropout({ dropoutRatio: ratio, form, rng: new RNG(650) });
  const train = layer.forward(x, true).clone();
  const test = layer.forward(x, false).clone();
  const kept = Array.from(train.data, (v) => (v !== 0 ? 1 : 0));
  return { x: Array.from(x.data), kept, train: train.data, test: test.data };
}

/** The epoch training stops at and the epoch of the restored weights. */
function earlyStoppingOutcome(accuracies: number[], patience: number): { stop: number; best: number } {
  const es = new EarlyStopping({ patience, mode: "max" });
  const net = { params: { W: Matrix.row([0]) } };
  for (let e = 1; e <= accuracies.length; e++) {
    net.params.W.data[0] = e; // the "weights" of epoch e
    if (es.step(accuracies[e - 1], e, net)) {
      es.restoreBest(net);
      return { stop: e, best: net.params.W.data[0] };
    }
  }
  es.restoreBest(net);
  return { stop: accuracies.length, best: net.params.W.data[0] };
}

const ACCURACIES = [0.8, 0.85, 0.84, 0.86, 0.86, 0.85, 0.84, 0.87];

export const REGULARIZATION_QUESTIONS: Question[] = [
  {
    id: "q23",
    topic: "regularization",
    format: "code",
    keyword: "パラメータノルムペナルティ",
    home: "6-6-exam-review",
    title: "荷重減衰つきの gradient の空欄",
    prompt:
      `本書の \`MultiLayerNet\` は、荷重減衰 (損失に $\\frac{1}{2} \\lambda W^2$ を加える) を使うとき、誤差逆伝播で求めた勾配に荷重減衰の分を足します。` +
      `\`gradient\` の最後の部分 (読みやすく \`layer\` という変数を置いています) の ${CODE_BLANK} に入る行を選んでください。`,
    code: `        grads = {}
        for idx in range(1, self.hidden_layer_num+2):
            layer = self.layers['Affine' + str(idx)]
            ${CODE_BLANK}
            grads['b' + str(idx)] = layer.db`,
    choices: [
      "grads['W' + str(idx)] = layer.dW + self.weight_decay_lambda * layer.W",
      "grads['W' + str(idx)] = layer.dW + 0.5 * self.weight_decay_lambda * layer.W**2",
      "grads['W' + str(idx)] = layer.dW - self.weight_decay_lambda * layer.W",
      "grads['W' + str(idx)] = layer.dW + self.weight_decay_lambda * np.sign(layer.W)",
    ],
    key: "A",
    explanation:
      `$\\frac{\\partial}{\\partial W} \\frac{1}{2}\\lambda W^2 = \\lambda W$ なので、勾配に \`weight_decay_lambda * W\` を足します。B はペナルティそのもの (微分前)、C は符号が逆で重みを大きくし、D は L1 正則化 ($\\lambda |W|$) の勾配です。` +
      `SGD と組み合わせると $W \\leftarrow (1 - \\eta\\lambda) W - \\eta g$ となり、毎回重みを少しずつ縮める (減衰させる) ことがわかります。バイアスには掛けません。`,
    reread: { notebook: NB, section: "ペナルティとその勾配" },
    engineChoice: (letter: ChoiceLetter) => {
      const lambda = 0.1;
      const { diff, W } = penaltyPart({ weightDecayLambda: lambda });
      const part = { A: (w: number) => lambda * w, B: (w: number) => 0.5 * lambda * w * w, C: (w: number) => -lambda * w, D: (w: number) => lambda * Math.sign(w) }[letter];
      return allClose(diff, W.map(part), 1e-9);
    },
  },
  {
    id: "q24",
    topic: "regularization",
    format: "numeric",
    keyword: "パラメータノルムペナルティ",
    home: "6-6-exam-review",
    title: "荷重減衰つき SGD を 1 ステップ",
    prompt:
      `荷重減衰 (損失に $\\frac{1}{2}\\lambda W^2$、$\\lambda = 0.1$) と SGD ($\\eta = 0.1$) で学習しています。重み $W = 3.0$、データの損失の勾配が $0.5$ のとき、` +
      `1 ステップ後の $W$ はいくつですか。`,
    key: 2.92,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `勾配は $0.5 + \\lambda W = 0.5 + 0.3 = 0.8$ なので、$W = 3.0 - 0.1 \\times 0.8 = 2.92$ です。` +
      `荷重減衰がなければ $2.95$ で、差の $0.03 = \\eta\\lambda W$ が「重みを減衰させる」分です。`,
    reread: { notebook: NB, section: "Weight decay（荷重減衰、L2 正則化）" },
    engineAnswer: () => {
      const lambda = 0.1;
      const W = Matrix.row([3.0]);
      // Loss = data part with gradient 0.5 (0.5·W) + ½λW²; its gradient by the engine's numerical differentiation.
      const loss = () => 0.5 * W.data[0] + 0.5 * lambda * W.data[0] ** 2;
      const grad = numericalGradient(loss, W);
      new SGD({ lr: 0.1 }).update({ W }, { W: grad });
      return W.data[0];
    },
  },
  {
    id: "q25",
    topic: "regularization",
    format: "blanks",
    keyword: "ドロップアウト",
    home: "6-6-exam-review",
    title: "Dropout の 2 つの形",
    prompt:
      `Dropout (消去する割合 $p$、残すニューロンで 1・消すニューロンで 0 になるマスク $\\text{mask}$) の 2 つの実装について、空欄 (あ)〜(え) に入る式を語群から選び、番号で答えてください。\n\n` +
      `| 実装 | 学習時の出力 | 推論時の出力 |\n|---|---|---|\n` +
      `| 本書の Dropout | (あ) | (い) |\n| inverted dropout (多くのフレームワーク) | (う) | (え) |`,
    blanks: ["あ", "い", "う", "え"],
    options: ["$x \\odot \\text{mask}$", "$x\\,(1-p)$", "$x \\odot \\text{mask} / (1-p)$", "$x$", "$x / (1-p)$", "$x\\,p$"],
    key: { あ: 1, い: 2, う: 3, え: 4 },
    explanation:
      `どちらも「推論時の出力 = 学習時の出力の期待値」になるように作られています。本書の形は推論時に $(1-p)$ を掛け、` +
      `inverted dropout は学習時に $1/(1-p)$ 倍しておくことで推論時は何もしません。本書の形は、Goodfellow らの教科書 (E資格) の「weight scaling inference rule」(推論時に重みを「残す確率」倍する) と同じ考え方です。`,
    reread: { notebook: NB, section: "Dropout" },
    engineBlank: (() => {
      const p = 0.3;
      const runs = { book: dropoutRun("book", p), inverted: dropoutRun("inverted", p) };
      const option = (n: number, x: number, kept: number): number => [x * kept, x * (1 - p), (x * kept) / (1 - p), x, x / (1 - p), x * p][n - 1];
      const where: Record<BlankName, [DropoutForm, "train" | "test"]> = {
        あ: ["book", "train"], い: ["book", "test"], う: ["inverted", "train"], え: ["inverted", "test"],
      };
      return (blank: BlankName, n: number) => {
        const [form, mode] = where[blank];
        const r = runs[form];
        return allClose(r.x.map((x, i) => option(n, x, r.kept[i])), r[mode], 1e-12);
      };
    })(),
  },
  {
    id: "q26",
    topic: "regularization",
    format: "numeric",
    keyword: "ドロップアウト",
    home: "6-6-exam-review",
    title: "inverted dropout の出力",
    prompt: `inverted dropout (消去する割合 $p = 0.2$) の学習時に、入力 $x = 5.0$ のニューロンが消されずに残りました。このニューロンの出力はいくつですか。`,
    key: 6.25,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `残ったニューロンは $1/(1-p) = 1/0.8 = 1.25$ 倍されるので $5.0 \\times 1.25 = 6.25$ です。` +
      `確率 $0.8$ で 6.25、$0.2$ で 0 なので、期待値は $0.8 \\times 6.25 = 5.0$ と元の入力に一致します。`,
    reread: { notebook: NB, section: "Dropout" },
    engineAnswer: () => {
      const layer = new Dropout({ dropoutRatio: 0.2, form: "inverted", rng: new RNG(66) });
      const out = layer.forward(Matrix.full(1, 50, 5.0), true);
      const kept = Array.from(out.data).find((v) => v !== 0);
      if (kept === undefined) throw new Error("no unit kept");
      return kept;
    },
  },
  {
    id: "q27",
    topic: "regularization",
    format: "choice",
    keyword: "パラメータノルムペナルティ",
    home: "6-6-exam-review",
    title: "L1 正則化と L2 正則化",
    prompt: `L1 正則化と L2 正則化について正しいものはどれですか。`,
    choices: [
      "L1 正則化 ($\\lambda \\sum |w|$) の勾配は $\\lambda\\,\\mathrm{sign}(w)$ で、重みの大きさによらず一定の強さで 0 に引くので、重みがちょうど 0 になりやすい (スパースになる)",
      "L1 正則化の勾配は $\\lambda w$ で、重みが大きいほど強く 0 に引く",
      "L2 正則化 ($\\frac{1}{2}\\lambda \\sum w^2$) の勾配は $\\lambda\\,\\mathrm{sign}(w)$ である",
      "L2 正則化のほうが L1 正則化より、重みをちょうど 0 にしやすい",
    ],
    key: "A",
    explanation:
      `L2 の勾配 $\\lambda w$ は $w$ が 0 に近づくほど弱くなるので、重みは小さくなっても 0 にはなりにくく、` +
      `L1 の勾配 $\\lambda\\,\\mathrm{sign}(w)$ は小さな重みも同じ力で 0 へ引くので、不要な重みが 0 になります (Lasso)。E資格 (Goodfellow) では係数を $\\alpha$ と書き、$\\alpha \\sum_i \\lvert w_i \\rvert$、$\\frac{\\alpha}{2} w^\\top w$ とします。`,
    reread: { notebook: NB, section: "L1 と L2" },
    engineChoice: (letter: ChoiceLetter) => {
      const lambda = 0.05;
      const close = (a: number[], b: number[]) => allClose(a, b, 1e-9);
      switch (letter) {
        case "A": {
          const { diff, W } = penaltyPart({ weightDecayL1: lambda });
          return close(diff, W.map((w) => lambda * Math.sign(w)));
        }
        case "B": {
          const { diff, W } = penaltyPart({ weightDecayL1: lambda });
          return close(diff, W.map((w) => lambda * w));
        }
        case "C": {
          const { diff, W } = penaltyPart({ weightDecayLambda: lambda });
          return close(diff, W.map((w) => lambda * Math.sign(w)));
        }
        case "D":
          return undefined;
      }
    },
  },
  {
    id: "q28",
    topic: "regularization",
    format: "choice",
    keyword: "早期終了 (Early stopping)",
    home: "6-6-exam-review",
    title: "Early stopping",
    prompt:
      `Early stopping (patience = 3: 検証精度がそれまでの最高を上回らないエポックが 3 回続いたら停止し、最高だったエポックの重みに戻す) で学習したところ、検証精度は次のとおりでした。` +
      `学習が止まるエポックと、戻す重みのエポックの組はどれですか。\n\n` +
      `| エポック | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n|---|---|---|---|---|---|---|---|---|\n` +
      `| 検証精度 | ${ACCURACIES.map((a) => a.toFixed(2)).join(" | ")} |`,
    choices: [
      "5 エポック目で停止、4 エポック目の重みに戻す",
      "7 エポック目で停止、4 エポック目の重みに戻す",
      "7 エポック目で停止、5 エポック目の重みに戻す",
      "8 エポック目まで学習し、8 エポック目の重みを使う",
    ],
    key: "B",
    explanation:
      `最高は 4 エポック目の 0.86 です。5 エポック目の 0.86 は「上回って」いないので改善ではなく、5・6・7 の 3 回続けて改善しなかった時点 (7 エポック目) で止まり、4 エポック目の重みに戻します。` +
      `8 エポック目の 0.87 は見られません。patience を大きくすると、こうした後からの改善を待てる代わりに学習が長くなります。`,
    reread: { notebook: NB, section: "Early stopping" },
    engineChoice: (letter: ChoiceLetter) => {
      const { stop, best } = earlyStoppingOutcome(ACCURACIES, 3);
      const claim = { A: [5, 4], B: [7, 4], C: [7, 5], D: [8, 8] }[letter];
      return claim[0] === stop && claim[1] === best;
    },
  },
];
