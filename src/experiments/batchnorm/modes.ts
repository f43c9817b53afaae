/**
 * Train mode vs test mode of BatchNormalization, on one layer and synthetic data.
 *
 * runningStatistics: the running mean/variance the book keeps
 *   running = momentum · running + (1 − momentum) · batch statistic
 * step by step for several momenta, all on the same mini-batches drawn from
 * N(mean, std²). They start at 0 (the book's np.zeros), so early in training the
 * test-mode statistics are biased towards 0: after k steps the start still
 * weighs momentumᵏ (0.9¹⁰ ≈ 0.35).
 *
 * testModeDemo: a layer trained on mini-batches, then ONE sample x* pushed through
 * alone and inside a batch, in both modes. Test mode gives the same output both
 * ways (it uses the running statistics); train mode depends on the batch, and a
 * batch of one gives exactly β.
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { BatchNormalization } from "../../nn/batch-normalization";

export interface RunningStatisticsOptions {
  /** Default [0.5, 0.9, 0.99]; 0.9 is the book's. */
  momenta?: number[];
  /** Training steps (mini-batches), default 60. */
  steps?: number;
  /** Default 16. */
  batchSize?: number;
  /** The data's true mean and standard deviation (default 3 and 2). */
  mean?: number;
  std?: number;
  seed?: number;
}

export interface RunningStatisticsResult {
  /** Step numbers 0 (before training) … steps. */
  step: number[];
  trueMean: number;
  trueVar: number;
  /** The mean and (biased) variance of each step's mini-batch; NaN at step 0. */
  batchMean: number[];
  batchVar: number[];
  series: { momentum: number; runningMean: number[]; runningVar: number[] }[];
}

export function runningStatistics(options: RunningStatisticsOptions = {}): RunningStatisticsResult {
  const { momenta = [0.5, 0.9, 0.99], steps = 60, batchSize = 16, mean = 3, std = 2, seed = 0 } = options;
  if (!Array.isArray(momenta) || momenta.length === 0) throw new ArgumentError("momenta", "a non-empty array of numbers in [0, 1]", momenta);
  assertInteger("steps", steps, 1, 100000);
  assertInteger("batchSize", batchSize, 1);
  assertPositive("std", std);
  if (!Number.isFinite(mean)) throw new ArgumentError("mean", "a finite number", mean);
  assertInteger("seed", seed, 0);
  const layers = momenta.map((momentum) => new BatchNormalization(Matrix.full(1, 1, 1), new Matrix(1, 1), { momentum }));
  const series = momenta.map((momentum) => ({ momentum, runningMean: [0], runningVar: [0] }));
  const rng = new RNG(seed);
  const batchMean = [NaN], batchVar = [NaN];
  for (let k = 1; k <= steps; k++) {
    const x = Matrix.randn(batchSize, 1, rng, std);
    for (let i = 0; i < batchSize; i++) x.data[i] += mean;
    const mu = x.data.reduce((s, v) => s + v, 0) / batchSize;
    batchMean.push(mu);
    batchVar.push(x.data.reduce((s, v) => s + (v - mu) ** 2, 0) / batchSize);
    layers.forEach((layer, j) => {
      layer.forward(x, true);
      series[j].runningMean.push(layer.runningMean!.data[0]);
      series[j].runningVar.push(layer.runningVar!.data[0]);
    });
  }
  return { step: Array.from({ length: steps + 1 }, (_, k) => k), trueMean: mean, trueVar: std * std, batchMean, batchVar, series };
}

export interface TestModeDemo {
  /** The sample x* (3 features). */
  sample: number[];
  /** The other samples of the batch that x* is put into (x* is the last row). */
  batch: number[][];
  runningMean: number[];
  runningVar: number[];
  testAlone: number[];
  testInBatch: number[];
  trainInBatch: number[];
  /** Train mode, batch of one: exactly β. */
  trainAlone: number[];
  beta: number[];
  /** The same in-batch test, with another batch around x*: still the same. */
  testInOtherBatch: number[];
  trainInOtherBatch: number[];
}

export function testModeDemo(seed = 0, trainingSteps = 200): TestModeDemo {
  assertInteger("seed", seed, 0);
  assertInteger("trainingSteps", trainingSteps, 1, 100000);
  const rng = new RNG(seed);
  const mu = [3, -1, 0.5], sd = [2, 0.5, 1];
  const draw = (n: number): Matrix => {
    const m = new Matrix(n, 3);
    for (let i = 0; i < n; i++) for (let j = 0; j < 3; j++) m.set(i, j, mu[j] + sd[j] * rng.normal());
    return m;
  };
  const gamma = Matrix.row([1.5, 0.8, 1]), beta = Matrix.row([0.2, -0.3, 0.1]);
  const bn = new BatchNormalization(gamma, beta);
  for (let k = 0; k < trainingSteps; k++) bn.forward(draw(32), true);
  const sample = Array.from(draw(1).data);
  const withSample = (others: Matrix): Matrix => Matrix.from([...others.toArray(), sample]);
  const batch = withSample(draw(4)), other = withSample(draw(4));
  const last = (m: Matrix): number[] => Array.from(m.rowView(m.rows - 1));
  const one = Matrix.from([sample]);
  const running = { mean: Array.from(bn.runningMean!.data), var: Array.from(bn.runningVar!.data) };
  // test mode first: it does not touch the running statistics
  const testAlone = Array.from(bn.forward(one, false).data);
  const testInBatch = last(bn.forward(batch, false));
  const testInOtherBatch = last(bn.forward(other, false));
  const trainInBatch = last(bn.forward(batch, true));
  const trainInOtherBatch = last(bn.forward(other, true));
  const trainAlone = Array.from(bn.forward(one, true).data);
  return {
    sample, batch: batch.toArray(), runningMean: running.mean, runningVar: running.var,
    testAlone, testInBatch, trainInBatch, trainAlone, beta: Array.from(beta.data),
    testInOtherBatch, trainInOtherBatch,
  };
}
