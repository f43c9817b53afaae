/** 確認問題 of 6-5-hyperparameter-search (asked at the end of that notebook). */
import { expectedImprovement, upperConfidenceBound } from "../../search/acquisition";
import { GaussianProcess } from "../../search/gaussian-process";
import { valueToUnit } from "../../search/space";
import type { ChoiceLetter, Question } from "../types";
import { distinctFirstAxis, eiQuestion } from "./search";

const NB = "6-5-hyperparameter-search";
const HOME = "6-5-hyperparameter-search";
const BO = "ベイズ最適化";

export const QUIZ_6_5: Question[] = [
  {
    id: "q62",
    topic: "search",
    format: "choice",
    keyword: "検証データ",
    home: HOME,
    title: "テストデータで調整してはいけない理由",
    prompt: `ハイパーパラメータの調整に**テストデータ**を使ってはいけない理由として、最も適切なものを選んでください。`,
    choices: [
      "テストデータは枚数が少なく、学習が遅くなるから",
      "ハイパーパラメータがテストデータに過学習し、テストデータでの精度が汎化性能の見積もりとして使えなくなるから",
      "テストデータで学習すると勾配消失が起きるから",
      "テストデータにはラベルが付いていないから",
    ],
    key: "B",
    explanation:
      `テストデータで何度も評価して良い値を選ぶと、選ばれた値はテストデータにたまたま合った値になります。そのためテストデータでの精度は楽観的になり、未知のデータに対する性能 (汎化性能) を正しく表さなくなります。` +
      `選ぶための評価には訓練データから切り出した検証データを使い、テストデータは最後に一度だけ使います。`,
    reread: { notebook: NB, section: "検証データ" },
  },
  {
    id: "q63",
    topic: "search",
    format: "numeric",
    keyword: "グリッドサーチ / ランダムサーチ",
    home: HOME,
    title: "グリッドで試せる値の数",
    prompt:
      `2 つのハイパーパラメータのうち、効くのは 1 つ ($x$) だけだとします。9 回の試行を $3 \\times 3$ のグリッドサーチに使うと、$x$ の異なる値を何通り試せますか。`,
    key: 3,
    digits: 0,
    tolerance: 0.5,
    explanation:
      `3 × 3 の格子では、$x$ の値は 3 通りしかなく、それぞれを $y$ を変えて 3 回ずつ試すことになります ($y$ は効かないので、その 3 回は実質同じ試行です)。ランダムな 9 点なら $x$ は 9 通りです。` +
      `これが、重要なパラメータが一部だけのときにランダムサーチが有利な理由です (Bergstra & Bengio, 2012)。`,
    reread: { notebook: NB, section: "なぜランダムの方がよいことが多いのか" },
    engineAnswer: () => distinctFirstAxis().grid,
  },
  {
    id: "q64",
    topic: "search",
    format: "choice",
    keyword: BO,
    home: HOME,
    title: "EI が大きくなる点",
    prompt:
      `期待改善量 $\\mathrm{EI}(\\boldsymbol{x}) = (\\mu - f_{\\mathrm{best}})\\Phi(z) + \\sigma\\phi(z)$ ($z = (\\mu - f_{\\mathrm{best}})/\\sigma$) が大きくなるのはどんな点ですか。最も適切なものを選んでください。`,
    choices: [
      "予測平均 $\\mu$ が高い点だけ",
      "不確かさ $\\sigma$ が大きい点だけ",
      "予測平均が高い点と、不確かさが大きい点の両方 (活用と探索の両立)",
      "これまでに観測した点",
    ],
    key: "C",
    explanation:
      `第 1 項 $(\\mu - f_{\\mathrm{best}})\\Phi(z)$ は平均が最良値を上回るほど大きく (活用)、第 2 項 $\\sigma\\phi(z)$ は不確かさが大きいほど大きくなります (探索)。` +
      `すでに観測した点では $\\sigma$ がほぼ 0 で、平均も最良値以下なら EI はほぼ 0 です。`,
    reread: { notebook: NB, section: "数式: 獲得関数" },
    engineChoice: (letter: ChoiceLetter) => {
      const best = 0.8;
      const growsWithMean = expectedImprovement(0.85, 0.05, best, 0) > expectedImprovement(0.8, 0.05, best, 0);
      const growsWithStd = expectedImprovement(0.8, 0.2, best, 0) > expectedImprovement(0.8, 0.05, best, 0);
      const observed = expectedImprovement(0.8, 1e-9, best, 0);
      return { A: !growsWithStd, B: !growsWithMean, C: growsWithMean && growsWithStd, D: observed > expectedImprovement(0.8, 0.05, best, 0) }[letter];
    },
  },
  eiQuestion(HOME, "数式: 獲得関数", {
    id: "q65",
    title: "最良値を上回る点の EI",
    prompt:
      `ある点で GP の予測が $\\mu = 0.85$、$\\sigma = 0.10$、これまでの最良値が $f_{\\mathrm{best}} = 0.80$ でした ($\\xi = 0$)。この点の EI を小数第 4 位まで求めてください。` +
      `ヒント: $z = 0.5$、$\\Phi(0.5) \\approx 0.6915$、$\\phi(0.5) \\approx 0.3521$。`,
    key: 0.0698,
    digits: 4,
    tolerance: 0.0005,
    explanation:
      `$z = (0.85 - 0.80)/0.10 = 0.5$ なので、第 1 項は $0.05 \\times 0.6915 \\approx 0.0346$、第 2 項は $0.10 \\times 0.3521 \\approx 0.0352$、合わせて $0.0698$ です。` +
      `平均が最良値を上回る分 (活用) と、不確かさの分 (探索) がほぼ半分ずつ効いています。`,
    ei: [0.85, 0.1, 0.8, 0],
  }),
  {
    id: "q66",
    topic: "search",
    format: "numeric",
    keyword: "グリッドサーチ / ランダムサーチ",
    home: HOME,
    title: "普通の一様分布で学習係数を選ぶと",
    prompt:
      `学習係数を $[10^{-6}, 10^{-2}]$ から**普通の一様分布**で選ぶと、$10^{-4}$ より小さい値が出る確率はおよそ何 % ですか (整数で答えてください)。`,
    key: 1,
    digits: 0,
    tolerance: 0.5,
    explanation:
      `$(10^{-4} - 10^{-6})/(10^{-2} - 10^{-6}) \\approx 0.0099$、つまり約 1 % です。4 桁の範囲のうち下の 2 桁をほとんど試しません。` +
      `対数一様分布 (10 の一様乱数乗) なら 50 % になり、どの桁も同じ割合で試せます。`,
    reread: { notebook: NB, section: "ランダムサーチ（本書の方法）" },
    engineAnswer: () => 100 * valueToUnit({ low: 1e-6, high: 1e-2 }, 1e-4),
  },
  {
    id: "q67",
    topic: "search",
    format: "choice",
    keyword: BO,
    home: HOME,
    title: "UCB で κ = 0 にすると",
    prompt: `獲得関数 $\\mathrm{UCB}(\\boldsymbol{x}) = \\mu(\\boldsymbol{x}) + \\kappa\\,\\sigma(\\boldsymbol{x})$ で $\\kappa = 0$ にすると、ベイズ最適化はどう振る舞いますか。`,
    choices: [
      "予測平均が最大の点ばかりを選ぶ (活用だけで探索しない)",
      "不確かさが最大の点ばかりを選ぶ (探索だけ)",
      "ランダムサーチと同じになる",
      "グリッドサーチと同じになる",
    ],
    key: "A",
    explanation:
      `$\\kappa = 0$ では UCB $= \\mu$ なので、今のモデルで一番良さそうな点だけを選びます。モデルが間違っている所 (まだ試していない所) を確かめに行かないので、局所解にとどまりやすくなります。` +
      `$\\kappa$ を大きくするほど $\\sigma$ の大きい所 (探索) を重視します。`,
    reread: { notebook: NB, section: "数式: 獲得関数" },
    engineChoice: (letter: ChoiceLetter) => {
      const points = [[0.6, 0.3], [0.7, 0.01], [0.5, 0.5]] as const; // (μ, σ)
      const ucb = points.map(([m, s]) => upperConfidenceBound(m, s, 0));
      const pick = ucb.indexOf(Math.max(...ucb));
      return { A: pick === 1, B: pick === 2, C: undefined, D: undefined }[letter];
    },
  },
  {
    id: "q68",
    topic: "search",
    format: "numeric",
    keyword: BO,
    home: HOME,
    title: "観測した点での GP の事後分散",
    prompt:
      `ノイズのない観測 ($\\sigma_n^2 = 0$) でガウス過程を当てはめたとき、**観測した点**での事後分散 $\\sigma^2(\\boldsymbol{x}_i)$ はいくつですか (小数第 3 位まで)。`,
    key: 0,
    digits: 3,
    tolerance: 0.0005,
    explanation:
      `観測点では $\\boldsymbol{k}_*$ が $K$ の列そのものになるので、$\\sigma^2 = k(\\boldsymbol{x},\\boldsymbol{x}) - \\boldsymbol{k}_*^\\top K^{-1}\\boldsymbol{k}_* = 0$ です (GP は観測点を通り、そこでの不確かさは 0)。` +
      `観測点から離れるほど $\\sigma^2$ は大きくなり、十分遠くでは事前分散に戻ります。ノイズ項 $\\sigma_n^2 > 0$ があると、観測点でも $\\sigma^2$ は 0 より少し大きくなります。`,
    reread: { notebook: NB, section: "数式: ガウス過程回帰" },
    engineAnswer: () => {
      const gp = GaussianProcess.fit([[0.1], [0.35], [0.8]], [0.2, 0.9, 0.4], {
        hyperparameters: { lengthScales: [0.2], signalVariance: 1, noiseVariance: 1e-12 },
      });
      return gp.predict([0.35]).variance;
    },
  },
];
