/** 確認問題 of 6-2-weight-init (asked at the end of that notebook). */
import { Matrix } from "../../core/matrix";
import { weightInitStd } from "../../nn/init";
import { Sigmoid } from "../../nn/sigmoid";
import type { ChoiceLetter, Question } from "../types";
import { initStdQuestion } from "./build";
import { reluSecondMomentRatio } from "./init";

const NB = "6-2-weight-init";
const HOME = "6-2-weight-init";
const INIT = "重みの初期化 (Xavier / He)";

/** The largest slope of the engine's Sigmoid layer on a grid of x in [−6, 6] (x = 0 included). */
export function sigmoidMaxSlope(): number {
  const xs = Array.from({ length: 1201 }, (_, i) => -6 + i / 100);
  const layer = new Sigmoid();
  layer.forward(Matrix.row(xs), true);
  const dx = layer.backward(Matrix.row(xs.map(() => 1)));
  return Math.max(...dx.data);
}

export const QUIZ_6_2: Question[] = [
  {
    id: "q41",
    topic: "init",
    format: "choice",
    keyword: INIT,
    home: HOME,
    title: "ReLU の層に向いた初期値",
    prompt: `活性化関数に ReLU を使う全結合層の重みの初期値として、本書が推奨するものはどれですか。前の層のノード数を $n$ とします。`,
    choices: [
      "標準偏差 0.01 のガウス分布",
      "Xavier の初期値 (標準偏差 $1/\\sqrt{n}$)",
      "He の初期値 (標準偏差 $\\sqrt{2/n}$)",
      "すべて 0",
    ],
    key: "C",
    explanation:
      `ReLU は負の入力をすべて 0 にするので、$\\mathrm{E}[\\mathrm{ReLU}(a)^2] = \\tfrac12 \\mathrm{Var}[a]$ となり、Xavier のままだと層ごとに分散が半分になります。` +
      `重みの分散を 2 倍の $2/n$ にして補うのが He の初期値です。Xavier は sigmoid・tanh のような原点付近で線形な活性化関数向けです。`,
    reread: { notebook: NB, section: "数式：分散はどう伝わるか" },
    engineChoice: (letter: ChoiceLetter) => {
      const std = { A: 0.01, B: Math.sqrt(1 / 100), C: Math.sqrt(2 / 100), D: 0 }[letter];
      const r = reluSecondMomentRatio(std);
      return Number.isFinite(r) && r > 0.4 && r < 2.5; // the 2nd moment kept over 5 ReLU layers
    },
  },
  initStdQuestion(HOME, {
    id: "q42",
    title: "Xavier の初期値の標準偏差 (n = 100)",
    prompt: `前の層のノード数が $n = 100$ のとき、Xavier の初期値 (本書の $1/\\sqrt{n}$) の標準偏差はいくつですか。`,
    key: 0.1,
    digits: 2,
    tolerance: 0.005,
    explanation: `$1/\\sqrt{100} = 1/10 = 0.1$ です。このとき $n\\sigma^2 = 100 \\times 0.01 = 1$ となり、線形な層では分散が保たれます。`,
    init: ["xavier", 100, 100],
  }),
  initStdQuestion(HOME, {
    id: "q43",
    title: "He の初期値の標準偏差 (n = 100)",
    prompt: `同じく $n = 100$ のとき、He の初期値の標準偏差はいくつですか (小数第 4 位まで)。`,
    key: 0.1414,
    digits: 4,
    tolerance: 0.0005,
    explanation: `$\\sqrt{2/100} = \\sqrt{0.02} \\approx 0.1414$ です。Xavier の $\\sqrt{2} \\approx 1.41$ 倍です。エンジンでは \`weightInitStd("he", 100, 100)\` で確かめられます。`,
    init: ["he", 100, 100],
  }),
  {
    id: "q44",
    topic: "init",
    format: "choice",
    keyword: INIT,
    home: HOME,
    title: "sigmoid で出力が 0.5 付近に集中するとき",
    prompt:
      `活性化関数が sigmoid、重みの標準偏差が 0.01 のとき、どの層のアクティベーションも 0.5 付近に集中しました。これが意味することとして最も適切なものはどれですか。`,
    choices: [
      "勾配が大きくなりすぎて学習が発散する",
      "どのニューロンもほぼ同じ値を出力し、表現力が制限される",
      "過学習が起きている",
      "理想的な分布なので問題はない",
    ],
    key: "B",
    explanation:
      `重みが小さいと $a \\approx 0$ となり、sigmoid の出力はどれも 0.5 付近になります。2 層目以降の出力は入力をほとんど区別しておらず、` +
      `ニューロンを何個並べても 1 個と変わりません。勾配も小さくなりますが、発散 (A) ではなく消失の方向です。`,
    reread: { notebook: NB, section: "ヒストグラムの背後の数値" },
  },
  {
    id: "q45",
    topic: "init",
    format: "numeric",
    keyword: INIT,
    home: HOME,
    title: "線形な 5 層での分散",
    prompt:
      `活性化関数のない (線形の) 全結合層を 5 層重ね、各層のノード数を $n = 100$、重みの標準偏差を 1 にしました。入力の分散を 1 とすると、5 層目の重み付き和 $a$ の分散は理論上いくつになりますか。`,
    key: 1e10,
    digits: 0,
    tolerance: 1e8,
    explanation: `1 層ごとに $n\\sigma^2 = 100 \\times 1^2 = 100$ 倍になるので、5 層で $100^5 = 10^{10}$ です (\`1e10\` と答えてかまいません)。`,
    reread: { notebook: NB, section: "数値で確かめる" },
    engineAnswer: () => (100 * weightInitStd(1, 100, 100) ** 2) ** 5,
  },
  {
    id: "q46",
    topic: "init",
    format: "numeric",
    keyword: "勾配消失問題",
    home: HOME,
    title: "sigmoid の微分の上限と勾配消失",
    prompt:
      `sigmoid $\\sigma(x)$ の微分は $\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))$ です。活性化関数が sigmoid の層を 5 つ逆向きに通るとき、` +
      `活性化関数の微分だけで、勾配は**最大でも**何倍になりますか (重みの影響は考えません)。小数第 5 位まで答えてください。`,
    key: 0.00098,
    digits: 5,
    tolerance: 0.00002,
    explanation:
      `$\\sigma(1 - \\sigma)$ は $\\sigma = 0.5$ ($x = 0$) で最大の $0.25$ になるので、$\\sigma'(x) \\le 0.25$ です。逆伝播では層ごとにこの値が掛かるので、5 層で $0.25^5 \\approx 0.00098$ 倍以下になります。` +
      `重みがこれを補うほど大きくなければ、入力に近い層ほど勾配が小さくなります (勾配消失)。ReLU の微分は正の側で 1 なので、この上限はありません。`,
    reread: { notebook: NB, section: "勾配：逆伝播で見る勾配消失・勾配爆発" },
    engineAnswer: () => sigmoidMaxSlope() ** 5,
  },
  initStdQuestion(HOME, {
    id: "q47",
    title: "Glorot の初期値 (784 → 100)",
    prompt:
      `Glorot (Xavier) の元の論文の式 $\\sigma = \\sqrt{2/(n_\\mathrm{in}+n_\\mathrm{out})}$ で、$784 \\to 100$ の層の標準偏差を求めてください (小数第 4 位まで)。本書の $1/\\sqrt{n}$ との違いにも注目しましょう。`,
    key: 0.0476,
    digits: 4,
    tolerance: 0.0005,
    explanation:
      `$\\sqrt{2/884} \\approx 0.0476$ です。本書の $1/\\sqrt{784} \\approx 0.0357$ より大きくなります。本書の式は順伝播だけを考えた簡略版で、` +
      `逆伝播 ($n_\\mathrm{out}$ 側) も考えると $n_\\mathrm{in}$ と $n_\\mathrm{out}$ の平均を使うことになります。$n_\\mathrm{in} = n_\\mathrm{out}$ なら両者は一致します。`,
    init: ["glorot", 784, 100],
  }),
];
