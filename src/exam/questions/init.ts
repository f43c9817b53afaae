/** 6.2 重みの初期値: Xavier, He, Glorot, symmetry. */
import { Matrix } from "../../core/matrix";
import { matmul } from "../../core/ops";
import { RNG } from "../../core/rng";
import { symmetryDemo } from "../../experiments/init/symmetry";
import { weightInitStd } from "../../nn/init";
import { CODE_BLANK, type BlankName, type ChoiceLetter, type Question } from "../types";
import { initStdQuestion } from "./build";

const NB = "6-2-weight-init";

/**
 * Mean square of the activations of layer 5 over layer 1 in a 5-layer ReLU
 * net (n = 100 nodes, 500 samples) with weights ~ N(0, std²): the book's
 * activation-distribution experiment reduced to one number (≈ 1: preserved).
 */
export function reluSecondMomentRatio(std: number, seed = 62): number {
  const rng = new RNG(seed);
  let z = Matrix.randn(500, 100, rng);
  const ms: number[] = [];
  for (let layer = 0; layer < 5; layer++) {
    const a = matmul(z, Matrix.randn(100, 100, rng, std));
    z = new Matrix(a.rows, a.cols, a.data.map((v) => (v > 0 ? v : 0)));
    ms.push(z.data.reduce((s, v) => s + v * v, 0) / z.data.length);
  }
  return ms[4] / ms[0];
}

let symmetry: ReturnType<typeof symmetryDemo> | null = null;
function symmetryCase(key: "constant") {
  symmetry ??= symmetryDemo({ steps: 50 });
  return symmetry.find((c) => c.key === key)!;
}

export const INIT_QUESTIONS: Question[] = [
  initStdQuestion("6-6-exam-review", {
    id: "q12",
    title: "He の初期値の標準偏差 (n = 256)",
    prompt: `前層のノード数が $n = 256$ の層を He の初期値で初期化します。重みの標準偏差を小数第 4 位まで答えてください。`,
    key: 0.0884,
    digits: 4,
    tolerance: 0.0005,
    explanation:
      `He の初期値の標準偏差は $\\sqrt{2/n} = \\sqrt{2/256} = \\sqrt{1/128} \\approx 0.0884$ です。` +
      `ReLU は負の入力を 0 にして分散を半分にするので、Xavier ($\\sqrt{1/n} = 0.0625$) の $\\sqrt{2}$ 倍の広がりを持たせます。`,
    init: ["he", 256, 100],
  }),
  initStdQuestion("6-6-exam-review", {
    id: "q13",
    title: "Glorot の初期値 (入力 300, 出力 100)",
    prompt:
      `Glorot & Bengio の論文どおりの Xavier の初期値 (Glorot の初期値) は、入力側のノード数 $n_\\text{in}$ と出力側のノード数 $n_\\text{out}$ の両方を使います。` +
      `$n_\\text{in} = 300$、$n_\\text{out} = 100$ のときの標準偏差を小数第 4 位まで答えてください。`,
    key: 0.0707,
    digits: 4,
    tolerance: 0.0005,
    explanation:
      `$\\sqrt{2/(n_\\text{in} + n_\\text{out})} = \\sqrt{2/400} = \\sqrt{1/200} \\approx 0.0707$ です。` +
      `本書は前層のノード数だけを使う簡略形 $\\sqrt{1/n}$ (ここでは $\\sqrt{1/300} \\approx 0.0577$) を「Xavier の初期値」と呼んでいます。` +
      `一様分布で書くと $U\\left(-\\sqrt{6/(n_\\text{in}+n_\\text{out})},\\ \\sqrt{6/(n_\\text{in}+n_\\text{out})}\\right)$ です (分散は同じ)。`,
    init: ["glorot", 300, 100],
  }),
  {
    id: "q14",
    topic: "init",
    format: "choice",
    keyword: "重みの初期化 (Xavier / He)",
    home: "6-6-exam-review",
    title: "ReLU で分布を保つ初期値",
    prompt:
      `活性化関数が ReLU の 5 層のネットワーク (各層のノード数 $n = 100$) に、ガウス分布の重みを使います。` +
      `層が深くなってもアクティベーションの大きさ (2 乗平均) が変わらない標準偏差はどれですか。`,
    choices: ["$\\sqrt{1/n}$", "$\\sqrt{2/n}$", "$0.01$", "$1$"],
    key: "B",
    explanation:
      `ReLU は入力の半分を 0 にするので、出力の 2 乗平均は $\\frac{1}{2} n \\sigma^2 \\times$ (入力の 2 乗平均) になります。これを 1 倍に保つのが $\\sigma = \\sqrt{2/n}$ (He の初期値) です。` +
      `$\\sqrt{1/n}$ では 1 層ごとに半分になり (5 層で約 $1/16$)、$0.01$ では急速に 0 に、$1$ では爆発的に大きくなります。`,
    reread: { notebook: NB, section: "アクティベーション分布" },
    engineChoice: (letter: ChoiceLetter) => {
      const std = { A: Math.sqrt(1 / 100), B: Math.sqrt(2 / 100), C: 0.01, D: 1 }[letter];
      const r = reluSecondMomentRatio(std);
      return r > 0.4 && r < 2.5; // ≈ 1 up to the spread of one random net (nominal ratios: 1/16, ~1e-9, 1, ~1e6)
    },
  },
  {
    id: "q15",
    topic: "init",
    format: "blanks",
    keyword: "重みの初期化 (Xavier / He)",
    home: "6-6-exam-review",
    title: "Xavier と He の空欄補充",
    prompt:
      `重みの初期値についての文です。空欄 (あ)〜(え) に入るものを語群から選び、番号で答えてください。前層のノード数を $n$ とします。\n\n` +
      `- Xavier の初期値は標準偏差 (あ) のガウス分布で、活性化関数が (う) のときに向いています。\n` +
      `- He の初期値は標準偏差 (い) のガウス分布で、活性化関数が (え) のときに向いています。`,
    blanks: ["あ", "い", "う", "え"],
    options: [
      "$\\sqrt{1/n}$",
      "$\\sqrt{2/n}$",
      "$\\sqrt{n}$",
      "$0.01$",
      "sigmoid や tanh (中心付近で線形とみなせる点対称な関数。sigmoid は点 (0, 0.5) について対称)",
      "ReLU",
      "ステップ関数",
    ],
    key: { あ: 1, い: 2, う: 5, え: 6 },
    explanation:
      `Xavier の初期値 $\\sqrt{1/n}$ は、原点付近で線形とみなせる sigmoid・tanh を想定して導かれています。` +
      `ReLU では負の側が 0 になるので、係数を 2 倍にした He の初期値 $\\sqrt{2/n}$ を使います。` +
      `本書の \`weight_init_std\` でも 'sigmoid'/'xavier' → $\\sqrt{1/n}$、'relu'/'he' → $\\sqrt{2/n}$ と対応しています。`,
    reread: { notebook: NB, section: "数式：分散はどう伝わるか" },
    engineBlank: (blank: BlankName, option: number) => {
      if (blank === "う" || blank === "え") return undefined; // a recommendation, not a computation
      const formula = [(n: number) => Math.sqrt(1 / n), (n: number) => Math.sqrt(2 / n), (n: number) => Math.sqrt(n), () => 0.01][option - 1];
      if (formula === undefined) return false;
      const name = blank === "あ" ? "xavier" : "he";
      return [50, 100, 784].every((n) => Math.abs(formula(n) - weightInitStd(name, n, 10)) < 1e-12);
    },
  },
  {
    id: "q16",
    topic: "init",
    format: "choice",
    keyword: "重みの初期化 (Xavier / He)",
    home: "6-6-exam-review",
    title: "重みを同じ値で初期化すると",
    prompt: `隠れ層の重みをすべて同じ値 (例えば 0.5) で初期化して学習すると、何が起こりますか。`,
    choices: [
      "隠れ層のどのニューロンも同じ勾配を受け取り、学習しても重みが互いに同じ値のまま変わらない (対称性が崩れない)",
      "勾配がすべて 0 になり、どの重みも更新されない",
      "学習するうちに重みが自然にばらばらの値に散らばる",
      "出力層の重みだけが 0 になり、隠れ層は普通に学習が進む",
    ],
    key: "A",
    explanation:
      `同じ重みを持つニューロンは順伝播で同じ値を出し、逆伝播でも同じ勾配を受け取るので、更新後も同じ値のままです。` +
      `何個ニューロンを並べても 1 個分の表現力しかありません。重みは更新されます (勾配は 0 ではない) が、対称性が崩れないことが問題です。` +
      `だから初期値はランダムにします (全部 0 のときは、最初の一歩では隠れ層の重みの勾配そのものが 0 になります)。`,
    reread: { notebook: NB, section: "重みの初期値を 0（均一な値）にしてはいけない理由" },
    engineChoice: (letter: ChoiceLetter) => {
      const c = symmetryCase("constant");
      const spreadStaysZero = c.spread.every((s) => s < 1e-12);
      const moved = c.W1Final.some((row, i) => row.some((w, j) => w !== c.W1Initial[i][j]));
      return { A: spreadStaysZero && moved, B: !moved, C: !spreadStaysZero, D: undefined }[letter];
    },
  },
];
