/** 6.5 ハイパーパラメータの検証: validation data, log-uniform sampling, random vs grid, EI/PI/UCB. */
import { RNG } from "../../core/rng";
import { expectedImprovement, probabilityOfImprovement, upperConfidenceBound } from "../../search/acquisition";
import { gridShape, gridUnitPoints } from "../../search/grid-sampler";
import { normCdf, normPdf } from "../../search/normal";
import { randomUnitPoint } from "../../search/random-sampler";
import { CODE_BLANK, type BlankName, type ChoiceLetter, type Home, type NumericQuestion, type Question } from "../types";
import { numericQuestion, type NumericFields, type Shared } from "./build";

const NB = "6-5-hyperparameter-search";

/** Expected improvement at one point (μ, σ, best, ξ) by hand, checked with the engine's expectedImprovement. */
export function eiQuestion(home: Home, section: string, q: NumericFields & { ei: [number, number, number, number] }): NumericQuestion {
  const [mu, sigma, best, xi] = q.ei;
  const shared: Shared = { topic: "search", keyword: "ベイズ最適化", home, reread: { notebook: NB, section } };
  return numericQuestion(shared, q, () => expectedImprovement(mu, sigma, best, xi));
}

/** Share of samples in each decade [1e-6, 1e-5), …, [1e-3, 1e-2); NaN share if any falls outside. */
function decadeShares(sample: (rng: RNG) => number): number[] {
  const rng = new RNG(65), n = 4000, counts = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const v = sample(rng);
    const d = Math.floor(Math.log10(v)) + 6;
    if (!(d >= 0 && d < 4)) return [NaN];
    counts[d]++;
  }
  return counts.map((c) => c / n);
}

/** Distinct values of the first hyperparameter tried by 9 trials of grid and random search. */
export function distinctFirstAxis(): { grid: number; random: number } {
  const grid = new Set(gridUnitPoints(gridShape(9, 2)).map((p) => p[0])).size;
  const random = new Set(Array.from({ length: 9 }, (_, k) => randomUnitPoint(0, k, 2)[0])).size;
  return { grid, random };
}

export const SEARCH_QUESTIONS: Question[] = [
  {
    id: "q29",
    topic: "search",
    format: "choice",
    keyword: "グリッドサーチ / ランダムサーチ",
    home: "6-6-exam-review",
    title: "対数スケールでのサンプリング",
    prompt:
      `学習係数を $10^{-6}$ 〜 $10^{-2}$ の範囲でランダムに探します。各桁 ($10^{-6}$〜$10^{-5}$、$10^{-5}$〜$10^{-4}$、…) からほぼ同じ回数ずつ値を選ぶコードはどれですか。` +
      `\`rng.uniform(a, b)\` は $a$ 以上 $b$ 未満の一様乱数です。`,
    choices: [
      "`rng.uniform(1e-6, 1e-2)`",
      "`Math.log10(rng.uniform(1e-6, 1e-2))`",
      "`10 ** rng.uniform(-6, -2)`",
      "`rng.uniform(-6, -2)`",
    ],
    key: "C",
    explanation:
      `指数を一様に選ぶ \`10 ** rng.uniform(-6, -2)\` (本書の \`10 ** np.random.uniform(-6, -2)\`) で、各桁が 1/4 ずつ選ばれます (対数一様分布)。` +
      `A では約 90% が $10^{-3}$〜$10^{-2}$ に集まり、$10^{-6}$〜$10^{-5}$ はわずか 0.09% しか選ばれません。B と D は負の値になり、学習係数になりません。`,
    reread: { notebook: NB, section: "ランダムサーチ" },
    engineChoice: (letter: ChoiceLetter) => {
      const sample = {
        A: (r: RNG) => r.uniform(1e-6, 1e-2),
        B: (r: RNG) => Math.log10(r.uniform(1e-6, 1e-2)),
        C: (r: RNG) => 10 ** r.uniform(-6, -2),
        D: (r: RNG) => r.uniform(-6, -2),
      }[letter];
      return decadeShares(sample).every((s) => s > 0.2 && s < 0.3);
    },
  },
  {
    id: "q30",
    topic: "search",
    format: "choice",
    keyword: "検証データ",
    home: "6-6-exam-review",
    title: "ハイパーパラメータの評価に使うデータ",
    prompt:
      `本書の手順で、(1) ハイパーパラメータの良し悪しを比べるとき と (2) 最後に汎化性能を見積もるとき に使うデータの組として、正しいものはどれですか。`,
    choices: [
      "(1) テストデータ、(2) テストデータ (同じデータで比べ、同じデータで測るのが公平だから)",
      "(1) 訓練データから分けておいた検証データ、(2) テストデータを最後に一度だけ",
      "(1) 検証データ、(2) 検証データ (検証データは学習に使っていないので、テストデータは要らない)",
      "(1) 重みの学習に使った訓練データ (損失が最も小さくなる値を選ぶ)、(2) テストデータ",
    ],
    key: "B",
    explanation:
      `テストデータでハイパーパラメータを選ぶと、テストデータに過学習し、汎化性能を正しく測れなくなります (A)。` +
      `C では、検証データはハイパーパラメータを選ぶのに使ったので、その上での精度は楽観的になります。D では、訓練データの損失は表現力の高い (過学習しやすい) 設定ほど小さくなり、良し悪しを比べられません。` +
      `本書では訓練データの 20% ほどを検証データとして分け (\`shuffle_dataset\` してから切り出す)、テストデータは最後に一度だけ使います。`,
    reread: { notebook: NB, section: "検証データ" },
  },
  eiQuestion("6-6-exam-review", "ベイズ最適化", {
    id: "q31",
    title: "期待改善量 EI を手計算",
    prompt:
      `ベイズ最適化で、ガウス過程の予測がある点で平均 $\\mu = 0.80$、標準偏差 $\\sigma = 0.10$ でした。これまでの最良の検証精度は $f^+ = 0.80$ です ($\\xi = 0$)。` +
      `この点の期待改善量 EI を小数第 4 位まで答えてください。$\\phi(0) = 1/\\sqrt{2\\pi} \\approx 0.3989$、$\\Phi(0) = 0.5$ です。`,
    key: 0.0399,
    digits: 4,
    tolerance: 0.0002,
    explanation:
      `$z = (\\mu - f^+ - \\xi)/\\sigma = 0$ なので、$\\mathrm{EI} = (\\mu - f^+ - \\xi)\\,\\Phi(z) + \\sigma\\,\\phi(z) = 0 + 0.10 \\times 0.3989 \\approx 0.0399$ です。` +
      `平均が最良値と同じでも、不確かさ $\\sigma$ があれば改善が期待できる (探索) ことを表しています。`,
    ei: [0.8, 0.1, 0.8, 0],
  }),
  {
    id: "q32",
    topic: "search",
    format: "blanks",
    keyword: "ベイズ最適化",
    home: "6-6-exam-review",
    title: "獲得関数 PI / EI / UCB の空欄補充",
    prompt:
      `ガウス過程の予測平均 $\\mu$、標準偏差 $\\sigma$、これまでの最良値 $f^+$ (最大化) に対する獲得関数です。空欄 (あ)〜(え) に入るものを語群から選び、番号で答えてください。` +
      `$\\Phi$ は標準正規分布の累積分布関数、$\\phi$ は確率密度関数です。\n\n` +
      `$$z = \\text{(あ)},\\qquad \\mathrm{PI} = \\text{(い)}(z)$$\n\n` +
      `$$\\mathrm{EI} = (\\mu - f^+ - \\xi)\\,\\Phi(z) + \\text{(う)}\\,\\phi(z),\\qquad \\mathrm{UCB} = \\mu + \\text{(え)}\\,\\sigma$$`,
    blanks: ["あ", "い", "う", "え"],
    options: [
      "$\\dfrac{\\mu - f^+ - \\xi}{\\sigma}$",
      "$\\dfrac{f^+ - \\mu}{\\sigma}$",
      "$\\Phi$",
      "$\\phi$",
      "$\\sigma$",
      "$\\mu$",
      "$\\kappa$",
      "$\\xi$",
    ],
    key: { あ: 1, い: 3, う: 5, え: 7 },
    explanation:
      `PI は「改善する確率」$\\Phi(z)$、EI は「改善量の期待値」で、第 1 項が平均の高さ (活用)、第 2 項 $\\sigma\\phi(z)$ が不確かさ (探索) の寄与です。` +
      `UCB は $\\mu + \\kappa\\sigma$ で、$\\kappa$ が大きいほど探索寄りになります。$\\xi$ は「わずかな改善」を無視するための余裕です。`,
    reread: { notebook: NB, section: "ベイズ最適化" },
    engineBlank: (blank: BlankName, n: number) => {
      const points = [
        { mu: 0.82, sigma: 0.05, best: 0.8, xi: 0.01, kappa: 2 },
        { mu: 0.7, sigma: 0.2, best: 0.75, xi: 0.02, kappa: 1.5 },
      ];
      return points.every(({ mu, sigma, best, xi, kappa }) => {
        const z = (mu - best - xi) / sigma;
        const numbers = [z, (best - mu) / sigma, NaN, NaN, sigma, mu, kappa, xi];
        const functions: ((z: number) => number)[] = [];
        functions[2] = normCdf;
        functions[3] = normPdf;
        const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;
        switch (blank) {
          case "あ":
            return close(normCdf(numbers[n - 1]), probabilityOfImprovement(mu, sigma, best, xi));
          case "い":
            return functions[n - 1] !== undefined && close(functions[n - 1](z), probabilityOfImprovement(mu, sigma, best, xi));
          case "う":
            return close((mu - best - xi) * normCdf(z) + numbers[n - 1] * normPdf(z), expectedImprovement(mu, sigma, best, xi));
          case "え":
            return close(mu + numbers[n - 1] * sigma, upperConfidenceBound(mu, sigma, kappa));
        }
      });
    },
  },
  {
    id: "q33",
    topic: "search",
    format: "choice",
    keyword: "グリッドサーチ / ランダムサーチ",
    home: "6-6-exam-review",
    title: "ランダムサーチとグリッドサーチ",
    prompt:
      `ハイパーパラメータが 2 つあり、そのうち 1 つだけが性能に大きく効くとします。試行回数が 9 回のとき、ランダムサーチがグリッドサーチ (3 × 3) より有利な理由として正しいものはどれですか。`,
    choices: [
      "ランダムサーチは、良い結果が出た点の近くを重点的に探すから",
      "グリッドサーチは同じ点を何度も評価してしまうから",
      "ランダムサーチのほうが、2 つのハイパーパラメータの組み合わせを多く (9 通りより多く) 試せるから",
      "重要なハイパーパラメータについて、グリッドでは 3 通りの値しか試せないが、ランダムでは 9 通りの異なる値を試せるから",
    ],
    key: "D",
    explanation:
      `グリッドでは 9 回のうち、重要なパラメータの値は 3 通りしかなく、残りは効かないパラメータを変えているだけです。ランダムサーチなら 9 回とも違う値を試せます (Bergstra & Bengio, 2012)。` +
      `A はベイズ最適化 (や coarse-to-fine の絞り込み) の説明で、ランダムサーチはそれまでの結果を見ません。グリッドの 9 点はすべて異なり (B)、組み合わせの数はどちらも 9 通りです (C)。`,
    reread: { notebook: NB, section: "グリッドサーチ" },
    engineChoice: (letter: ChoiceLetter) => {
      const { grid, random } = distinctFirstAxis();
      const gridPoints = gridUnitPoints(gridShape(9, 2)).map((p) => p.join(","));
      const randomPoints = Array.from({ length: 9 }, (_, k) => randomUnitPoint(0, k, 2).join(","));
      const combos = { grid: new Set(gridPoints).size, random: new Set(randomPoints).size };
      return { A: undefined, B: combos.grid < gridPoints.length, C: combos.random > 9 || combos.random > combos.grid, D: grid === 3 && random === 9 }[letter];
    },
  },
];
