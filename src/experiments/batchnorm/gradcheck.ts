/**
 * ch06/batch_norm_gradient_check.py, done right and done the book's way.
 *
 * The book checks MultiLayerNetExtend (784 → 100 → 100 → 10, ReLU, He init, BN)
 * on x_train[:1], ONE sample. For one sample BN's train-mode output is exactly
 * β (x − mean(x) = 0), so nothing before a BN layer affects the loss: both
 * gradients are 0 there and "agree" without testing anything. With a batch of
 * ≥ 2 the check exercises BN's backward for real.
 *
 * Reported per parameter: relativeError (max|a − b| / max(|a| + |b|), see
 * nn/gradient.ts), the book's printed mean|a − b|, and max|backprop| (0 exposes
 * the degenerate case). FULL uses the book's hidden sizes [100, 100]; FAST
 * [10, 10] (the numerical gradient costs two losses per parameter).
 *
 * Three things a correct check meets on the way:
 * - zero gradients: the biases b1, b2 sit right before a BN layer, which subtracts
 *   the batch mean, so a bias shift cancels and ∂L/∂b = 0 exactly. Both methods
 *   then return rounding noise (≈ 1e-17 vs ≈ 1e-13) and their relative error is
 *   ≈ 1, meaningless: such keys are flagged `zeroGradient` instead of failing.
 * - the loss is −log(y_t + δ), δ = 1e-7, but backprop returns (y − t)/N, the
 *   gradient WITHOUT δ: per sample they differ by the factor y_t / (y_t + δ), so
 *   even a perfect backward disagrees by ≈ δ / y_t relatively. `deltaBound` =
 *   δ / (smallest label probability of the batch) says how large that can be;
 *   the tolerance adds it (every y_t ≥ 0.05 → ≤ 2e-6).
 * - batch = 2: each BN feature of two samples is normalised to ±1 (up to ε), so
 *   x̂ = ±d/√(d² + ε) for d = half the difference of the two inputs: W1 reaches
 *   the loss mostly through ε, and where some d is near √ε ≈ 1e-3 the loss is
 *   sharply curved along W1. Then the central difference is off (truncation ∝ h²
 *   at h = 1e-4; a smaller h runs into rounding), and W1's relative error can be
 *   1e-4 … 1e-3 although the backward is right. Use a batch of 3 or more.
 */
import { assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { loadMnist } from "../../data/mnist";
import { argmaxRows } from "../../core/ops";
import { softmax } from "../../nn/functions";
import { NUMERICAL_H, numericalGradient, relativeError } from "../../nn/gradient";
import { MultiLayerNetExtend } from "../../nn/multi-layer-net-extend";
import type { Params } from "../../nn/types";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { defineCli } from "../../cli/experiment";

/**
 * Stated tolerance: relative error ≤ GRADCHECK_TOLERANCE + deltaBound per
 * parameter. 1e-5 covers the central difference (h = 1e-4: truncation ∝ h²
 * and rounding ≈ ε_machine·|L|/h, both well below it for batch ≥ 3); deltaBound
 * = δ / min y_t covers the loss's δ that backprop leaves out (≤ 2e-6 when every
 * label has probability ≥ 0.05). A ReLU input within h of 0 would break any
 * bound (a kink, not a bug). Batch 2 is ill-conditioned along W1 (see above).
 */
export const GRADCHECK_TOLERANCE = 1e-5;

/**
 * Both gradients below this in every entry count as zero. The numerical
 * gradient's rounding noise is ≈ ε_machine·|L|/h ≈ 2e-16 · 2.3 / 1e-4 ≈ 5e-12;
 * a real gradient of a parameter that reaches the loss is many orders larger.
 */
export const ZERO_GRADIENT = 1e-9;

/** The book's δ in cross_entropy_error: −log(y + 1e-7). */
export const CE_DELTA = 1e-7;

export interface BatchNormGradcheckOptions {
  /** Samples x_train[:batch] (default 2; the book's 1 shows the degenerate case). */
  batch?: number;
  /** Seed of the initial weights (default 0). */
  seed?: number;
  /** Default FAST [10, 10], FULL [100, 100] (the book). */
  hiddenSizeList?: number[];
  /** Central-difference step (default 1e-4, the book's). */
  h?: number;
  budget?: Budget;
}

export interface BatchNormGradcheckResult {
  budget: Budget;
  seed: number;
  batch: number;
  hiddenSizeList: number[];
  h: number;
  /** Keys in the book's order: W1, b1, gamma1, beta1, W2, … */
  relativeError: Record<string, number>;
  /** What the book prints: mean |backprop − numerical|. */
  meanAbsDiff: Record<string, number>;
  /** max |backprop gradient|: exactly 0 means the parameter does not reach the loss. */
  maxAbsGradient: Record<string, number>;
  /** Smallest softmax probability of a sample's label (train-mode forward, as in the loss). */
  minLabelProbability: number;
  /** δ / minLabelProbability: the relative disagreement the loss's δ alone can cause. */
  deltaBound: number;
  /** Both gradients below ZERO_GRADIENT everywhere (relative error meaningless). */
  zeroGradient: Record<string, boolean>;
  /** GRADCHECK_TOLERANCE + deltaBound. */
  tolerance: number;
  /** Every key is a zero gradient or has relative error ≤ tolerance. */
  passed: boolean;
  /** batch = 1: BN outputs β, the check cannot see BN's backward. */
  degenerate: boolean;
}

function maxAbs(m: Matrix): number {
  let s = 0;
  for (let i = 0; i < m.size; i++) s = Math.max(s, Math.abs(m.data[i]));
  return s;
}

function meanAbsDiff(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += Math.abs(a.data[i] - b.data[i]);
  return s / a.size;
}

function cloneParams(p: Params): Params {
  const out: Params = {};
  for (const k of Object.keys(p)) out[k] = p[k].clone();
  return out;
}

export function batchNormGradcheck(options: BatchNormGradcheckOptions = {}): BatchNormGradcheckResult {
  const budget = options.budget ?? currentBudget();
  const { batch = 2, seed = 0, h = NUMERICAL_H } = options;
  assertInteger("batch", batch, 1, 1000);
  assertInteger("seed", seed, 0);
  assertPositive("h", h);
  const hiddenSizeList = options.hiddenSizeList ?? byBudget(budget, [10, 10], [100, 100]);
  const { xTrain, tTrain } = loadMnist({ normalize: true, oneHotLabel: true, trainSize: batch, testSize: 1 });
  const network = new MultiLayerNetExtend({
    inputSize: 784, hiddenSizeList, outputSize: 10, useBatchnorm: true, rng: new RNG(seed),
  });
  const gradBackprop = cloneParams(network.gradient(xTrain, tTrain)); // buffers are reused: copy
  const probs = softmax(network.predict(xTrain, true));
  const labels = argmaxRows(tTrain);
  let minLabelProbability = 1;
  for (let i = 0; i < batch; i++) minLabelProbability = Math.min(minLabelProbability, probs.get(i, labels[i]));
  // network.numericalGradient with a choosable h: the loss in train mode, like the book
  const gradNumerical = numericalGradient(() => network.loss(xTrain, tTrain, true), network.params, h);
  const relErr: Record<string, number> = {}, mad: Record<string, number> = {}, mx: Record<string, number> = {};
  const zero: Record<string, boolean> = {};
  for (const key of Object.keys(gradBackprop)) { // the book's order W1, b1, gamma1, beta1, …
    relErr[key] = relativeError(gradBackprop[key], gradNumerical[key]);
    mad[key] = meanAbsDiff(gradBackprop[key], gradNumerical[key]);
    mx[key] = maxAbs(gradBackprop[key]);
    zero[key] = mx[key] < ZERO_GRADIENT && maxAbs(gradNumerical[key]) < ZERO_GRADIENT;
  }
  const deltaBound = CE_DELTA / minLabelProbability;
  const tolerance = GRADCHECK_TOLERANCE + deltaBound;
  return {
    budget, seed, batch, hiddenSizeList: [...network.hiddenSizeList], h,
    relativeError: relErr, meanAbsDiff: mad, maxAbsGradient: mx,
    minLabelProbability, deltaBound, zeroGradient: zero,
    tolerance,
    passed: Object.keys(relErr).every((k) => zero[k] || relErr[k] <= tolerance),
    degenerate: batch === 1,
  };
}

export const cli = defineCli<Pick<BatchNormGradcheckOptions, "batch" | "seed" | "hiddenSizeList" | "h">>({
  name: "batchnorm-gradcheck",
  description: "6.3 gradient check of MultiLayerNetExtend with BN: backprop vs numerical, relative error per parameter",
  options: {
    batch: { kind: "number", description: "samples x_train[:batch] (default 2; 1 = the book's degenerate check)" },
    seed: { kind: "number", description: "seed of the initial weights (default 0)" },
    hiddenSizeList: { kind: "number[]", description: "hidden sizes (default FAST 10,10 / FULL 100,100 like the book)" },
    h: { kind: "number", description: "central-difference step (default 1e-4, the book's)" },
  },
  run: (o) => batchNormGradcheck(o),
});
