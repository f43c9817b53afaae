/** 6.3 Batch Normalization (and Layer Normalization beyond the book). */
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { BN_EPS, BatchNormalization } from "../../nn/batch-normalization";
import { LayerNormalization } from "../../nn/layer-normalization";
import { allClose } from "../rule-check";
import { CODE_BLANK, type BlankName, type ChoiceLetter, type Question } from "../types";

const NB = "6-3-batch-norm";

export const column = (values: number[]): Matrix => Matrix.from(values.map((v) => [v]));

interface ColumnStats {
  mean: number[];
  biased: number[];
  unbiased: number[];
}

export function columnStats(x: Matrix): ColumnStats {
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
  let last = new Matrix(8, 3);
  for (let k = 0; k < 5; k++) {
    const xb = Matrix.randn(8, 3, rng, 2);
    for (let i = 0; i < xb.size; i++) xb.data[i] += 1;
    bn.forward(xb, true);
    last = xb;
  }
  const x = Matrix.randn(6, 3, rng, 2);
  return { bn, gamma, beta, x, last, out: bn.forward(x, false).clone() };
}

export const NORMALIZATION_QUESTIONS: Question[] = [
  {
    id: "q17",
    topic: "normalization",
    format: "numeric",
    keyword: "Batch Normalization",
    home: "6-6-exam-review",
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
    keyword: "Batch Normalization",
    home: "6-6-exam-review",
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
    keyword: "Batch Normalization",
    home: "6-6-exam-review",
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
    keyword: "Batch Normalization",
    home: "6-6-exam-review",
    title: "テスト時の Batch Normalization",
    prompt: `本書の BatchNormalization レイヤは、テスト時 (\`train_flg=False\`) に何を使って正規化しますか。`,
    choices: [
      "学習時と同じく、そのとき入力されたミニバッチの平均と分散 ($\\gamma, \\beta$ は学習した値)",
      "学習の最後のミニバッチで計算した平均と分散 ($\\gamma, \\beta$ は学習した値)",
      "学習時に移動平均で蓄えた平均と分散 (running_mean, running_var) で正規化し、学習した $\\gamma, \\beta$ で $\\gamma \\hat{x} + \\beta$",
      "学習時に移動平均で蓄えた平均と分散で正規化し、$\\gamma, \\beta$ は掛けずに $\\hat{x}$ を出力する",
    ],
    key: "C",
    explanation:
      `テスト時は学習中に蓄えた running_mean / running_var で $\\hat{x} = (x - \\text{running\\_mean}) / \\sqrt{\\text{running\\_var} + \\varepsilon}$ とし、` +
      `学習した $\\gamma, \\beta$ で $\\gamma \\hat{x} + \\beta$ を出力します。A では 1 つのサンプルの出力が同じバッチの他のサンプルに左右され、バッチサイズ 1 では出力が $\\beta$ に固定されます。` +
      `B は最後の 1 バッチの偶然に左右され、D は学習したスケールとシフトを捨ててしまいます。running の統計量は \`running_mean = momentum * running_mean + (1 - momentum) * mu\` で毎回更新されます。`,
    reread: { notebook: NB, section: "学習時と推論時" },
    engineChoice: (letter: ChoiceLetter) => {
      const { bn, gamma, beta, x, last, out } = bnFixture();
      const st = columnStats(x);
      const rm = bn.runningMean!.data, rv = bn.runningVar!.data;
      const candidate = {
        A: mapColumns(x, (v, j) => gamma.data[j] * ((v - st.mean[j]) / Math.sqrt(st.biased[j] + BN_EPS)) + beta.data[j]),
        B: (() => {
          const ls = columnStats(last);
          return mapColumns(x, (v, j) => gamma.data[j] * ((v - ls.mean[j]) / Math.sqrt(ls.biased[j] + BN_EPS)) + beta.data[j]);
        })(),
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
    keyword: "Layer / Instance / Group Normalization",
    home: "6-6-exam-review",
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
    keyword: "Batch Normalization",
    home: "6-6-exam-review",
    title: "BatchNormalization の順伝播の空欄",
    prompt:
      `本書の \`BatchNormalization\` の学習時の順伝播 (\`__forward\` の \`train_flg\` が True の部分) です。入力 \`x\` は (データ数 × 特徴量) の配列です。` +
      `${CODE_BLANK} に入る行として正しいものを選んでください。`,
    code: `            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            ${CODE_BLANK}
            xn = xc / std`,
    choices: [
      "std = var + 10e-7",
      "std = np.sqrt(np.mean(x**2, axis=0) + 10e-7)",
      "std = np.sqrt(var * x.shape[0] / (x.shape[0] - 1) + 10e-7)",
      "std = np.sqrt(var + 10e-7)",
    ],
    key: "D",
    explanation:
      `$\\hat{x} = (x - \\mu_B) / \\sqrt{\\sigma_B^2 + \\varepsilon}$ の分母です。$\\varepsilon$ (\`10e-7\`) は根号の**中**に足します (Adam や AdaGrad の $10^{-7}$ は根号の外)。` +
      `A は根号を忘れ、B は平均を引かずに 2 乗平均をとり、C はミニバッチの分散を $m-1$ で割る不偏分散にしています。学習時の正規化は $m$ で割る分散です。`,
    reread: { notebook: NB, section: "実装：エンジンの `BatchNormalization`" },
    engineChoice: (letter: ChoiceLetter) => {
      const rng = new RNG(622);
      const x = Matrix.randn(6, 3, rng, 3);
      for (let i = 0; i < x.size; i++) x.data[i] += 2;
      const expected = new BatchNormalization(Matrix.row([1, 1, 1]), Matrix.row([0, 0, 0])).forward(x, true).clone();
      const st = columnStats(x);
      const meanSq = [0, 1, 2].map((j) => st.biased[j] + st.mean[j] ** 2);
      const std = {
        A: (j: number) => st.biased[j] + BN_EPS,
        B: (j: number) => Math.sqrt(meanSq[j] + BN_EPS),
        C: (j: number) => Math.sqrt(st.unbiased[j] + BN_EPS),
        D: (j: number) => Math.sqrt(st.biased[j] + BN_EPS),
      }[letter];
      return allClose(mapColumns(x, (v, j) => (v - st.mean[j]) / std(j)), expected.data, 1e-9);
    },
  },
];
