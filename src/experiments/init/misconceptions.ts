/**
 * よくある誤解 (6.2), two computed checks of claims in the source articles:
 *
 * - heWeightSigns: "He の初期値は正の値に偏る重みを作る". He draws N(0, 2/n):
 *   as many negative as positive weights. What is non-negative is ReLU's OUTPUT.
 * - xavierTanhVsRelu: "Xavier で学習後 90 % 以上" — the article's Xavier run
 *   used tanh; the book's figure 6-15 uses ReLU. The book's loop
 *   (ch06/weight_init_compare.py: SGD lr 0.01, batch 128, the same mini-batch
 *   for every network, 784 → 100 × 4 → 10) with tanh × Xavier beside
 *   ReLU × Xavier and ReLU × He, test accuracy at the end.
 *
 *   FAST  200 iterations, 1 seed, the first 1000 test images
 *   FULL  2000 iterations (the book), 3 seeds, all 10000 test images
 */
import { assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { matmul } from "../../core/ops";
import { RNG } from "../../core/rng";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { loadMnist } from "../../data/mnist";
import { initWeight, weightInitStd, type WeightInit } from "../../nn/init";
import type { Activation } from "../../nn/types";
import { SGD } from "../../optim/sgd";
import { TrainingLoop } from "../../train/loop";
import { MiniBatch } from "../../train/mini-batch";
import { sameStartNets, seedList } from "../optimizers/mnist-side-by-side";

export interface HeWeightSigns {
  nIn: number;
  nOut: number;
  /** √(2/nIn). */
  heStd: number;
  /** Measured over the nIn × nOut weights. */
  mean: number;
  std: number;
  positiveFraction: number;
  /** ReLU(x·W) for 1000 standard-normal inputs x: its min and fractions. */
  reluMin: number;
  reluPositiveFraction: number;
  reluZeroFraction: number;
}

export function heWeightSigns(options: { seed?: number; nIn?: number; nOut?: number } = {}): HeWeightSigns {
  const { seed = 0, nIn = 100, nOut = 100 } = options;
  assertInteger("seed", seed, 0);
  const rng = new RNG(seed);
  const w = initWeight("he", nIn, nOut, rng);
  let s = 0, pos = 0;
  for (const v of w.data) { s += v; if (v > 0) pos++; }
  const mean = s / w.data.length;
  let ss = 0;
  for (const v of w.data) ss += (v - mean) ** 2;
  const a = matmul(Matrix.randn(1000, nIn, rng), w);
  let reluMin = Infinity, reluPos = 0, reluZero = 0;
  for (const v of a.data) {
    const z = v > 0 ? v : 0;
    reluMin = Math.min(reluMin, z);
    if (z > 0) reluPos++; else reluZero++;
  }
  return {
    nIn, nOut, heStd: weightInitStd("he", nIn, nOut), mean, std: Math.sqrt(ss / w.data.length),
    positiveFraction: pos / w.data.length,
    reluMin, reluPositiveFraction: reluPos / a.data.length, reluZeroFraction: reluZero / a.data.length,
  };
}

export interface XavierTanhCase {
  label: string;
  activation: Activation;
  weightInitStd: WeightInit;
  /** Test accuracy per seed. */
  testAcc: number[];
  mean: number;
  min: number;
  max: number;
}

export interface XavierTanhResult {
  budget: Budget;
  seeds: number[];
  iterations: number;
  testSize: number;
  cases: XavierTanhCase[];
}

export interface XavierTanhOptions {
  budget?: Budget;
  seed?: number;
  seeds?: number;
  iterations?: number;
  testSize?: number;
  batchSize?: number;
  lr?: number;
}

export const XAVIER_TANH_CASES: readonly { label: string; activation: Activation; weightInitStd: WeightInit }[] = [
  { label: "tanh × Xavier（記事の設定）", activation: "tanh", weightInitStd: "xavier" },
  { label: "ReLU × Xavier（本書の図 6-15）", activation: "relu", weightInitStd: "xavier" },
  { label: "ReLU × He（本書の図 6-15）", activation: "relu", weightInitStd: "he" },
];

export function xavierTanhDefaults(budget: Budget) {
  return {
    seeds: byBudget(budget, 1, 3),
    iterations: byBudget(budget, 200, 2000),
    testSize: byBudget(budget, 1_000, 10_000),
  };
}

export function xavierTanhVsRelu(options: XavierTanhOptions = {}): XavierTanhResult {
  const budget = options.budget ?? currentBudget();
  const d = xavierTanhDefaults(budget);
  const { seed = 0, seeds = d.seeds, iterations = d.iterations, testSize = d.testSize, batchSize = 128, lr = 0.01 } = options;
  const seedsRun = seedList({ seed, seeds, iterations, batchSize, testSize });
  assertPositive("lr", lr);
  const mnist = loadMnist({ normalize: true, testSize });
  const xTrain = mnist.xTrain, tTrain = mnist.tTrain as Int32Array;
  const acc: number[][] = XAVIER_TANH_CASES.map(() => []);
  const batch = new MiniBatch(xTrain, tTrain, batchSize);
  for (const s of seedsRun) {
    const rng = new RNG(s);
    const nets = sameStartNets(rng, XAVIER_TANH_CASES);
    const optimizer = new SGD({ lr });
    new TrainingLoop({
      batch, rng, maxIter: iterations,
      step: (x, t) => {
        for (const net of nets) optimizer.update(net.params, net.gradient(x, t));
      },
    }).run();
    nets.forEach((net, n) => acc[n].push(net.accuracy(mnist.xTest, mnist.tTest as Int32Array)));
  }
  const cases = XAVIER_TANH_CASES.map((c, n) => ({
    ...c, testAcc: acc[n],
    mean: acc[n].reduce((a, b) => a + b, 0) / acc[n].length,
    min: Math.min(...acc[n]), max: Math.max(...acc[n]),
  }));
  return { budget, seeds: seedsRun, iterations, testSize, cases };
}
