/** 確認問題 of 6-3-batch-norm (asked at the end of that notebook). */
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { BatchNormalization } from "../../nn/batch-normalization";
import { normSetCount, normSetOf, type NormKind } from "../../nn/normalization-variants";
import { allClose } from "../rule-check";
import type { ChoiceLetter, Question } from "../types";
import { column } from "./normalization";

const NB = "6-3-batch-norm";
const HOME = "6-3-batch-norm";
const BN = "Batch Normalization";

const bnLayer = (d: number, options = {}) =>
  new BatchNormalization(Matrix.row(Array.from({ length: d }, (_, j) => 1 + 0.5 * j)), Matrix.row(Array.from({ length: d }, (_, j) => 0.2 * j - 0.3)), options);

export const QUIZ_6_3: Question[] = [
  {
    id: "q48",
    topic: "normalization",
    format: "numeric",
    keyword: BN,
    home: HOME,
    title: "ミニバッチでの正規化を手計算",
    prompt:
      `ミニバッチ $x = (2,\\ 4,\\ 6,\\ 8)$ (特徴 1 つ、$m = 4$) を BN で正規化します。$\\varepsilon$ を無視したとき、$x = 8$ に対応する $\\hat{x}$ はいくつですか (小数第 3 位まで)。`,
    key: 1.342,
    digits: 3,
    tolerance: 0.002,
    explanation:
      `$\\mu_B = 5$、$\\sigma_B^2 = (9 + 1 + 1 + 9)/4 = 5$ なので、$\\hat{x} = (8 - 5)/\\sqrt{5} \\approx 1.342$ です。分散は $m$ (= 4) で割ります。` +
      `$m - 1$ で割ると $\\sqrt{20/3}$ を使うことになり、$1.162$ と答えてしまいます。`,
    reread: { notebook: NB, section: "手で検算する例" },
    engineAnswer: () => new BatchNormalization(Matrix.row([1]), Matrix.row([0])).forward(column([2, 4, 6, 8]), true).data[3],
  },
  {
    id: "q49",
    topic: "normalization",
    format: "numeric",
    keyword: BN,
    home: HOME,
    title: "推論時の BN の出力を手計算",
    prompt:
      `学習を終えた BN レイヤ (特徴 1 つ) の値は $\\gamma = 3$、$\\beta = 1$、running_mean $= 2.0$、running_var $= 4.0$ です。` +
      `推論時 (\`train_flg=False\`) に $x = 5$ を 1 つだけ入力したときの出力はいくつですか ($\\varepsilon$ は無視してかまいません)。`,
    key: 5.5,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `推論時は入力のミニバッチではなく、学習中に蓄えた移動平均で正規化します: $\\hat{x} = (5 - 2.0)/\\sqrt{4.0} = 1.5$、出力は $\\gamma \\hat{x} + \\beta = 3 \\times 1.5 + 1 = 5.5$ です。` +
      `入力が 1 つでも、他のサンプルに左右されずに決まります。もし学習時と同じくミニバッチの統計量を使うと、1 つだけの入力では $x - \\mu_B = 0$ で、出力はいつも $\\beta = 1$ になってしまいます。`,
    reread: { notebook: NB, section: "学習時と推論時" },
    engineAnswer: () =>
      new BatchNormalization(Matrix.row([3]), Matrix.row([1]), { runningMean: Matrix.row([2]), runningVar: Matrix.row([4]) }).forward(column([5]), false).data[0],
  },
  {
    id: "q50",
    topic: "normalization",
    format: "choice",
    keyword: BN,
    home: HOME,
    title: "データ 1 個の勾配確認",
    prompt:
      `本書の \`batch_norm_gradient_check.py\` は、データ 1 個で BN ありのネットワークの勾配確認を行い、ほとんどのパラメータで差 0 を出力します。この結果の説明として正しいものはどれですか。`,
    choices: [
      "BN の逆伝播の実装が完全に正しいことが確かめられた",
      "データ 1 個では BN の出力が $\\beta$ に固定され、BN より前のパラメータの勾配は逆伝播でも数値微分でも本当に 0 なので、実装の正しさは確かめられていない",
      "数値微分の $h$ が小さすぎて、勾配が 0 に丸められた",
      "データ 1 個のときは BN が自動的に推論モードになる",
    ],
    key: "B",
    explanation:
      `$m = 1$ では $x - \\mu_B = 0$ なので BN の出力は入力によらず $\\beta$ です。BN より前のパラメータは損失に影響しないので、勾配は本当に 0 で、` +
      `どちらの方法でも 0 になって「一致」します。BN の逆伝播 $dx = dx_c - \\frac{1}{m}\\sum dx_c$ は $m = 1$ で常に 0 を返すので、式が間違っていても気づけません。勾配確認はバッチサイズ 3 以上で行います。`,
    reread: { notebook: NB, section: "勾配確認を正しく行う" },
    engineChoice: (letter: ChoiceLetter) => {
      const layer = bnLayer(3, { runningMean: Matrix.row([0.5, -1, 2]), runningVar: Matrix.row([2, 0.5, 1]) });
      const x = Matrix.row([3.1, -0.4, 7]);
      const train = layer.forward(x, true).clone();
      const dx = layer.backward(Matrix.row([0.7, -1.2, 0.4]));
      const fixedAtBeta = allClose(train.data, layer.beta.data, 0) && dx.data.every((v) => v === 0);
      const test = bnLayer(3, { runningMean: Matrix.row([0.5, -1, 2]), runningVar: Matrix.row([2, 0.5, 1]) }).forward(x, false);
      return { A: undefined, B: fixedAtBeta, C: undefined, D: allClose(train.data, test.data, 1e-9) }[letter];
    },
  },
  {
    id: "q51",
    topic: "normalization",
    format: "choice",
    keyword: BN,
    home: HOME,
    title: "BN の直前の層のバイアス",
    prompt: `Affine レイヤの直後に BN レイヤを置きました。この Affine のバイアス $b$ について、損失の勾配 $\\partial L / \\partial b$ はどうなりますか。`,
    choices: [
      "重み $W$ の勾配と同じ大きさになる",
      "学習モードでは常にちょうど 0 になる (BN が平均を引くので、$b$ は出力に影響しない)",
      "バッチサイズに比例して大きくなる",
      "$\\gamma$ の勾配と等しくなる",
    ],
    key: "B",
    explanation:
      `$b$ はミニバッチのすべてのデータに同じ値を足すだけなので、$\\mu_B$ も同じだけ増え、$x - \\mu_B$ は変わりません。逆伝播でも $\\sum_i dx_i = 0$ なので $db = \\sum_i dx_i = 0$ です。` +
      `BN の直前の層ではバイアスを省くのが普通です (役割は $\\beta$ が担います)。`,
    reread: { notebook: NB, section: "勾配確認を正しく行う" },
    engineChoice: (letter: ChoiceLetter) => {
      const rng = new RNG(651);
      const x = Matrix.randn(6, 3, rng);
      const shifted = new Matrix(6, 3, x.data.map((v, i) => v + [0.8, -2, 5][i % 3]));
      const layer = bnLayer(3);
      const a = layer.forward(x, true).clone();
      const dx = layer.backward(Matrix.randn(6, 3, rng));
      const db = [0, 1, 2].map((j) => [0, 1, 2, 3, 4, 5].reduce((s, i) => s + dx.get(i, j), 0));
      const b = bnLayer(3).forward(shifted, true);
      return { A: undefined, B: allClose(a.data, b.data, 1e-9) && db.every((v) => Math.abs(v) < 1e-12), C: undefined, D: undefined }[letter];
    },
  },
  {
    id: "q52",
    topic: "normalization",
    format: "choice",
    keyword: "Layer / Instance / Group Normalization",
    home: HOME,
    title: "サンプルごとに全要素で正規化するのは",
    prompt:
      `入力が $N \\times C \\times H \\times W$ の画像のとき、**サンプルごとに、すべてのチャネルと画素 $(C, H, W)$ にわたって**平均と分散をとる正規化はどれですか。`,
    choices: ["Batch Normalization", "Layer Normalization", "Instance Normalization", "Group Normalization ($G = C$)"],
    key: "B",
    explanation:
      `Layer Norm は 1 つのサンプルの中の全要素で正規化します (Group Norm の $G = 1$ と同じ)。Batch Norm は $(N, H, W)$、Instance Norm は $(H, W)$ です。` +
      `Group Norm で $G = C$ にすると各グループが 1 チャネルになり、Instance Norm と同じになります。`,
    reread: { notebook: NB, section: "他の正規化" },
    engineChoice: (letter: ChoiceLetter) => {
      const [N, C] = [4, 6];
      const choice: Record<ChoiceLetter, [NormKind, number]> = { A: ["batch", 1], B: ["layer", 1], C: ["instance", 1], D: ["group", C] };
      const [kind, groups] = choice[letter];
      // one set per sample, and every channel of a sample in that sample's set
      const perSample = normSetCount(kind, [N, C, 2, 2], groups) === N;
      const allChannels = [0, 1, 2, 3].every((n) => new Set([0, 1, 2, 3, 4, 5].map((c) => normSetOf(kind, n, c, C, groups))).size === 1);
      return perSample && allChannels;
    },
  },
  {
    id: "q53",
    topic: "normalization",
    format: "numeric",
    keyword: "Layer / Instance / Group Normalization",
    home: HOME,
    title: "Group Normalization の統計量の数",
    prompt:
      `チャネル数 $C = 32$ の特徴マップに Group Normalization ($G = 8$) を適用します。ミニバッチのデータ数が $N = 4$ のとき、平均と分散の組はいくつ計算されますか。`,
    key: 32,
    digits: 0,
    tolerance: 0.5,
    explanation:
      `Group Norm は**サンプルごと・グループごと**に 1 組なので $N \\times G = 4 \\times 8 = 32$ 組です (1 組は $C/G = 4$ チャネル × $H \\times W$ 画素)。` +
      `同じ入力で Batch Norm ならチャネルの数の 32 組、Layer Norm なら 4 組、Instance Norm なら $4 \\times 32 = 128$ 組です。`,
    reread: { notebook: NB, section: "他の正規化" },
    engineAnswer: () => normSetCount("group", [4, 32, 3, 3], 8),
  },
  {
    id: "q54",
    topic: "normalization",
    format: "numeric",
    keyword: BN,
    home: HOME,
    title: "BN の入力の勾配の和",
    prompt:
      `BN の逆伝播で、1 つの特徴について入力の勾配の和 $\\sum_{i=1}^{m} \\dfrac{\\partial L}{\\partial x_i}$ はいくつになりますか。逆伝播の式から考えてください (小数第 3 位まで)。`,
    key: 0,
    digits: 3,
    tolerance: 0.0005,
    explanation:
      `$dx_i = dx_{c,i} - \\frac{1}{m}\\sum_j dx_{c,j}$ を $i$ について足すと、ちょうど 0 です。全データに同じ値を足しても BN の出力は変わらないので、その方向の勾配は 0、と考えても同じ結論になります。`,
    reread: { notebook: NB, section: "逆伝播を計算グラフで導く" },
    engineAnswer: () => {
      const rng = new RNG(654);
      const layer = bnLayer(1);
      layer.forward(Matrix.randn(8, 1, rng, 2), true);
      const dx = layer.backward(Matrix.randn(8, 1, rng));
      const sum = dx.data.reduce((s, v) => s + v, 0);
      return Math.round(sum * 1e9) / 1e9; // 0 up to rounding (≈ 1e-16)
    },
  },
];
