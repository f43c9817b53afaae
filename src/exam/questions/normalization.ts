/** 6.3 Batch Normalization (and Layer Normalization beyond the book). */
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { BN_EPS, BatchNormalization } from "../../nn/batch-normalization";
import { LayerNormalization } from "../../nn/layer-normalization";
import { callAnswer, expectClose, runHarness } from "../harness";
import { allClose } from "../rule-check";
import type { BlankName, ChoiceLetter, Question } from "../types";

const NB = "6-3-batch-norm";

const column = (values: number[]): Matrix => Matrix.from(values.map((v) => [v]));

interface ColumnStats {
  mean: number[];
  biased: number[];
  unbiased: number[];
}

function columnStats(x: Matrix): ColumnStats {
  const mean: number[] = [], biased: number[] = [], unbiased: number[] = [];
  for (let j = 0; j < x.cols; j++) {
    let s = 0;
    for (let i = 0; i < x.rows; i++) s += x.get(i, j);
    const mu = s / x.rows;
    let q = 0;
    for (let i = 0; i < x.rows; i++) q += (x.get(i, j) - mu) ** 2;
    mean.push(mu);
    biased.push(q / x.rows);
    unbiased.push(q / (x.rows - 1));
  }
  return { mean, biased, unbiased };
}

/** out[i][j] = f(x[i][j], j). */
function mapColumns(x: Matrix, f: (v: number, j: number) => number): Float64Array {
  const out = new Float64Array(x.size);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) out[i * x.cols + j] = f(x.get(i, j), j);
  return out;
}

/** A trained BN layer (γ, β random) and a fresh batch, for the test-mode question. */
function bnFixture() {
  const rng = new RNG(63);
  const gamma = Matrix.row([1.5, 0.5, 2]), beta = Matrix.row([0.3, -1, 0.7]);
  const bn = new BatchNormalization(gamma, beta);
  for (let k = 0; k < 5; k++) {
    const xb = Matrix.randn(8, 3, rng, 2);
    for (let i = 0; i < xb.size; i++) xb.data[i] += 1;
    bn.forward(xb, true);
  }
  const x = Matrix.randn(6, 3, rng, 2);
  return { bn, gamma, beta, x, out: bn.forward(x, false).clone() };
}

export const NORMALIZATION_QUESTIONS: Question[] = [
  {
    id: "q17",
    topic: "normalization",
    format: "numeric",
    title: "Batch Normalization の出力を手計算",
    prompt:
      `ある特徴量について、ミニバッチ $x = (1,\\ 2,\\ 3,\\ 6)$ を学習時の Batch Normalization に通します ($\\gamma = 1$, $\\beta = 0$、$\\varepsilon$ は無視してかまいません)。` +
      `$x = 6$ に対する出力を小数第 3 位まで答えてください。`,
    key: 1.604,
    digits: 3,
    tolerance: 0.002,
    explanation:
      `平均 $\\mu_B = 12/4 = 3$、分散 $\\sigma_B^2 = (4 + 1 + 0 + 9)/4 = 3.5$ (データ数 $m$ で割る)、` +
      `$\\hat{x} = (6 - 3)/\\sqrt{3.5} \\approx 3/1.8708 \\approx 1.604$ です。$m - 1$ で割る不偏分散ではないことに注意しましょう ($m-1$ で割ると 1.389)。`,
    reread: { notebook: NB, section: "手で検算する例" },
    engineAnswer: () => new BatchNormalization(Matrix.row([1]), Matrix.row([0])).forward(column([1, 2, 3, 6]), true).get(3, 0),
  },
  {
    id: "q18",
    topic: "normalization",
    format: "numeric",
    title: "running_mean の更新",
    prompt:
      `本書の BatchNormalization (momentum = 0.9、running_mean の初期値は 0) に、学習時に平均 3 のミニバッチ、続いて平均 5 のミニバッチを通しました。` +
      `このときの running_mean はいくつですか。`,
    key: 0.77,
    digits: 2,
    tolerance: 0.005,
    explanation:
      `running_mean $\\leftarrow$ momentum × running_mean + (1 − momentum) × (ミニバッチの平均) なので、` +
      `1 回目 $0.9 \\times 0 + 0.1 \\times 3 = 0.3$、2 回目 $0.9 \\times 0.3 + 0.1 \\times 5 = 0.77$ です。テスト時はこの移動平均で正規化します。`,
    reread: { notebook: NB, section: "学習時と推論時" },
    engineAnswer: () => {
      const bn = new BatchNormalization(Matrix.row([1]), Matrix.row([0]), { momentum: 0.9 });
      bn.forward(column([2, 4]), true);
      bn.forward(column([4, 6]), true);
      return bn.runningMean!.data[0];
    },
  },
  {
    id: "q19",
    topic: "normalization",
    format: "blanks",
    title: "Batch Normalization の式の空欄補充",
    prompt:
      `ミニバッチ $B = \\{x_1, \\dots, x_m\\}$ に対する Batch Normalization の式です。空欄 (あ)〜(え) に入るものを語群から選び、番号で答えてください。\n\n` +
      `$$\\mu_B = \\frac{1}{m} \\sum_{i=1}^{m} x_i,\\qquad \\sigma_B^2 = \\text{(あ)}$$\n\n` +
      `$$\\hat{x}_i = \\frac{x_i - \\mu_B}{\\text{(い)}},\\qquad y_i = \\text{(う)}\\, \\hat{x}_i + \\text{(え)}$$`,
    blanks: ["あ", "い", "う", "え"],
    options: [
      "$\\frac{1}{m} \\sum_{i=1}^{m} (x_i - \\mu_B)^2$",
      "$\\frac{1}{m-1} \\sum_{i=1}^{m} (x_i - \\mu_B)^2$",
      "$\\sqrt{\\sigma_B^2 + \\varepsilon}$",
      "$\\sigma_B^2 + \\varepsilon$",
      "$\\gamma$",
      "$\\beta$",
      "$\\varepsilon$",
      "$\\mu_B$",
    ],
    key: { あ: 1, い: 3, う: 5, え: 6 },
    explanation:
      `分散はデータ数 $m$ で割り、標準偏差 $\\sqrt{\\sigma_B^2 + \\varepsilon}$ で割って平均 0・分散 1 にしたあと、学習するパラメータ $\\gamma$ (スケール、初期値 1) と $\\beta$ (シフト、初期値 0) で変換します。` +
      `本書の $\\varepsilon$ は \`10e-7\` (= $10^{-6}$) です。`,
    reread: { notebook: NB, section: "アルゴリズム" },
    engineBlank: (() => {
      const rng = new RNG(619);
      const x = Matrix.randn(6, 3, rng, 2);
      const gamma = Matrix.row([1.5, 0.5, 2]), beta = Matrix.row([0.3, -1, 0.7]);
      const expected = new BatchNormalization(gamma, beta).forward(x, true).clone().data;
      const st = columnStats(x);
      const key = { あ: 1, い: 3, う: 5, え: 6 };
      // Option n for column j, where σ_B² inside options 3, 4 is the candidate (あ).
      const option = (n: number, j: number, variance: number): number =>
        [st.biased[j], st.unbiased[j], Math.sqrt(variance + BN_EPS), variance + BN_EPS, gamma.data[j], beta.data[j], BN_EPS, st.mean[j]][n - 1];
      return (blank: BlankName, n: number) => {
        const pick = { ...key, [blank]: n };
        const got = mapColumns(x, (v, j) => {
          const variance = option(pick.あ, j, 0);
          return option(pick.う, j, variance) * ((v - st.mean[j]) / option(pick.い, j, variance)) + option(pick.え, j, variance);
        });
        return allClose(got, expected, 1e-9);
      };
    })(),
  },
  {
    id: "q20",
    topic: "normalization",
    format: "choice",
    title: "テスト時の Batch Normalization",
    prompt: `本書の BatchNormalization レイヤは、テスト時 (\`train_flg=False\`) に何を使って正規化しますか。`,
    choices: [
      "テスト時も、そのとき入力されたミニバッチの平均と分散",
      "正規化はせず、$\\gamma x + \\beta$ だけを計算する",
      "学習時に移動平均で蓄えた平均と分散 (running_mean, running_var)",
      "$\\gamma$ と $\\beta$ を使わず、正規化した $\\hat{x}$ をそのまま出力する",
    ],
    key: "C",
    explanation:
      `テスト時は学習中に蓄えた running_mean / running_var で $\\hat{x} = (x - \\text{running\\_mean}) / \\sqrt{\\text{running\\_var} + \\varepsilon}$ とし、` +
      `$\\gamma \\hat{x} + \\beta$ を出力します。こうすると 1 つのサンプルの出力が同じバッチの他のサンプルに左右されず、バッチサイズ 1 でも推論できます。`,
    reread: { notebook: NB, section: "学習時と推論時" },
    engineChoice: (letter: ChoiceLetter) => {
      const { bn, gamma, beta, x, out } = bnFixture();
      const st = columnStats(x);
      const rm = bn.runningMean!.data, rv = bn.runningVar!.data;
      const candidate = {
        A: mapColumns(x, (v, j) => gamma.data[j] * ((v - st.mean[j]) / Math.sqrt(st.biased[j] + BN_EPS)) + beta.data[j]),
        B: mapColumns(x, (v, j) => gamma.data[j] * v + beta.data[j]),
        C: mapColumns(x, (v, j) => gamma.data[j] * ((v - rm[j]) / Math.sqrt(rv[j] + BN_EPS)) + beta.data[j]),
        D: mapColumns(x, (v, j) => (v - rm[j]) / Math.sqrt(rv[j] + BN_EPS)),
      }[letter];
      return allClose(candidate, out.data, 1e-9);
    },
  },
  {
    id: "q21",
    topic: "normalization",
    format: "choice",
    title: "Layer Normalization の性質",
    prompt: `Layer Normalization (LN) について正しいものはどれですか。入力は (バッチサイズ × 特徴量) の 2 次元配列とします。`,
    choices: [
      "LN はミニバッチ内で、同じ特徴量 (列) ごとに平均と分散を計算する",
      "LN は学習時と推論時で異なる統計量 (移動平均) を使う",
      "LN はバッチサイズが 1 のときには計算できない",
      "LN は 1 つのサンプル (行) の特徴量全体で平均と分散を計算するので、バッチサイズによらず、学習時と推論時で同じ計算になる",
    ],
    key: "D",
    explanation:
      `BN は「特徴量ごとに、バッチ方向」に、LN は「サンプルごとに、特徴量方向」に正規化します。LN はサンプル 1 つで統計量が決まるので、` +
      `移動平均が要らず、バッチサイズ 1 や系列長が変わる RNN・Transformer でも使えます。画像 (N×C×H×W) では、Instance Norm は (サンプル, チャネル) ごと、Group Norm はチャネルのグループごとに正規化します。`,
    reread: { notebook: NB, section: "他の正規化：Layer / Instance / Group Normalization" },
    engineChoice: (letter: ChoiceLetter) => {
      const rng = new RNG(621);
      const x = Matrix.randn(5, 4, rng, 3);
      const ln = () => new LayerNormalization(Matrix.row([1, 1, 1, 1]), Matrix.row([0, 0, 0, 0]));
      const train = ln().forward(x, true).clone(), test = ln().forward(x, false).clone();
      const rowsNormalised = [0, 1, 2, 3, 4].every((i) => Math.abs(train.rowView(i).reduce((s, v) => s + v, 0)) < 1e-9);
      const colsNormalised = [0, 1, 2, 3].every((j) => Math.abs([0, 1, 2, 3, 4].reduce((s, i) => s + train.get(i, j), 0)) < 1e-9);
      const sameInTest = allClose(train.data, test.data, 0);
      const single = ln().forward(Matrix.from([[1, 2, 3, 4]]), true);
      const singleOk = single.data.every(Number.isFinite);
      return { A: colsNormalised, B: !sameInTest, C: !singleOk, D: rowsNormalised && sameInTest && singleOk }[letter];
    },
  },
  {
    id: "q22",
    topic: "normalization",
    format: "code",
    title: "正規化の 1 行",
    prompt:
      `Batch Normalization の正規化 $\\hat{x} = (x - \\mu_B) / \\sqrt{\\sigma_B^2 + \\varepsilon}$ を 1 要素分の式で書いてください。` +
      `\`mu\` はその特徴量のミニバッチ平均、\`variance\` は分散、\`eps\` は本書の \`10e-7\` です。\`np.sqrt\` が使えます。` +
      `チェックでは src/nn の \`BatchNormalization\` ($\\gamma = 1$, $\\beta = 0$) の学習時の出力と比べます。`,
    params: ["x", "mu", "variance", "eps"],
    returns: "正規化した値 x̂",
    keyBody: "(x - mu) / np.sqrt(variance + eps)",
    explanation:
      `\`(x - mu) / np.sqrt(variance + eps)\` です。本書の forward では \`xc = x - mu\`、\`std = np.sqrt(var + 10e-7)\`、\`xn = xc / std\` の 3 行に分かれています。` +
      `$\\varepsilon$ は根号の中に足す点が、Adam や AdaGrad の $10^{-7}$ (根号の外) と違います。`,
    reread: { notebook: NB, section: "実装：エンジンの `BatchNormalization`" },
    harness: (fn) =>
      runHarness(() => {
        const rng = new RNG(622);
        const x = Matrix.randn(6, 3, rng, 3);
        for (let i = 0; i < x.size; i++) x.data[i] += 2;
        const expected = new BatchNormalization(Matrix.row([1, 1, 1]), Matrix.row([0, 0, 0])).forward(x, true).clone();
        const st = columnStats(x);
        const got = mapColumns(x, (v, j) => callAnswer(fn, [v, st.mean[j], st.biased[j], BN_EPS]));
        expectClose(expected.data, got, "出力 ");
      }),
  },
];
