/**
 * The numbers behind each histogram of 6.2: per layer, how the activations
 * z = f(a) are spread, how many sit where the activation is flat (勾配消失),
 * how much they still depend on the input (表現力), and the variance of a = x·W
 * against the formula Var[a] = n·Var[w]·E[x²].
 */
import type { Matrix } from "../../core/matrix";
import type { ForwardResult } from "./activations";
import type { InitActivation } from "./common";

/** |z| below this counts as "ほぼ 0". */
export const NEAR_ZERO = 0.01;
/** Within this of an asymptote (sigmoid 0/1, tanh ±1) counts as saturated. */
export const SATURATION_MARGIN = 0.01;
/** Within this of the centre (sigmoid 0.5, tanh 0) counts as "中央に集中". */
export const CENTER_MARGIN = 0.05;

export interface LayerStats {
  /** 1-based like the book's "1-layer". */
  layer: number;
  mean: number;
  /** Population std over all 1000 × 100 values, like np.std. */
  std: number;
  min: number;
  max: number;
  /** Fraction with |z| < NEAR_ZERO. */
  nearZero: number;
  /** Fraction exactly 0 (ReLU's dead half). */
  exactZero: number;
  /** Sigmoid z < 0.01 / tanh z < −0.99; null for relu and linear. */
  saturatedLow: number | null;
  /** Sigmoid z > 0.99 / tanh z > 0.99. */
  saturatedHigh: number | null;
  /** saturatedLow + saturatedHigh. */
  saturated: number | null;
  /** Sigmoid |z − 0.5| < 0.05 / tanh |z| < 0.05. */
  nearCenter: number | null;
  /** Mean of f′(a): sigmoid z(1−z) ≤ 0.25, tanh 1−z², ReLU 1[a>0], linear 1. The factor backprop multiplies by. */
  meanDerivative: number;
  /**
   * √(mean over units of the variance over the 1000 inputs): how much a unit's
   * output still changes with the input. Much smaller than `std` means the spread
   * of the histogram is between units, not between inputs.
   */
  sampleStd: number;
  /** np.var(a) of the pre-activation a = x·W. */
  preVar: number;
  /** E[x²] of this layer's input (the previous layer's z, or the Gaussian input). */
  inputMeanSquare: number;
  /** n · std² · E[x²]: the expected Var[a] for zero-mean weights (see the notebook's derivation). */
  predictedPreVar: number;
}

function meanSquare(m: Matrix): number {
  const d = m.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return s / d.length;
}

function variance(m: Matrix): number {
  const d = m.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i];
  const mean = s / d.length;
  let v = 0;
  for (let i = 0; i < d.length; i++) v += (d[i] - mean) ** 2;
  return v / d.length;
}

/** √(mean_j Var_i z[i, j]) over rows i (inputs) for each column j (unit). */
function withinUnitStd(z: Matrix): number {
  const { rows, cols, data } = z;
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  let v = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) v += (data[i * cols + j] - mean[j]) ** 2;
  return Math.sqrt(v / (rows * cols));
}

export function layerStats(
  layer: number, a: Matrix, z: Matrix, input: Matrix, activation: InitActivation, weightStd: number,
): LayerStats {
  const d = z.data, n = d.length;
  let sum = 0, min = Infinity, max = -Infinity, near = 0, zero = 0, low = 0, high = 0, center = 0, deriv = 0;
  for (let i = 0; i < n; i++) {
    const v = d[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (Math.abs(v) < NEAR_ZERO) near++;
    if (v === 0) zero++;
    if (activation === "sigmoid") {
      if (v < SATURATION_MARGIN) low++;
      else if (v > 1 - SATURATION_MARGIN) high++;
      if (Math.abs(v - 0.5) < CENTER_MARGIN) center++;
      deriv += v * (1 - v);
    } else if (activation === "tanh") {
      if (v < -1 + SATURATION_MARGIN) low++;
      else if (v > 1 - SATURATION_MARGIN) high++;
      if (Math.abs(v) < CENTER_MARGIN) center++;
      deriv += 1 - v * v;
    } else if (activation === "relu") {
      deriv += +(a.data[i] > 0);
    } else {
      deriv += 1;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - mean) ** 2;
  const bounded = activation === "sigmoid" || activation === "tanh";
  const inputMeanSquare = meanSquare(input);
  return {
    layer,
    mean,
    std: Math.sqrt(ss / n),
    min,
    max,
    nearZero: near / n,
    exactZero: zero / n,
    saturatedLow: bounded ? low / n : null,
    saturatedHigh: bounded ? high / n : null,
    saturated: bounded ? (low + high) / n : null,
    nearCenter: bounded ? center / n : null,
    meanDerivative: deriv / n,
    sampleStd: withinUnitStd(z),
    preVar: variance(a),
    inputMeanSquare,
    predictedPreVar: input.cols * weightStd * weightStd * inputMeanSquare,
  };
}

/** Statistics of every layer of a forward run. */
export function forwardStats(run: ForwardResult): LayerStats[] {
  return run.post.map((z, i) =>
    layerStats(i + 1, run.pre[i], z, i === 0 ? run.input : run.post[i - 1], run.activation, run.weightStd),
  );
}
