/**
 * よくある誤解 (6.4): "L1 ノルム = |w₁²| + |w₂²| + …" (one source article).
 * |w²| = w², so that penalty is the L2 one (without ½): its gradient 2λw
 * shrinks a weight by a fixed FRACTION per step and never reaches 0. The real
 * L1 penalty λ|w| (proximal step = soft-thresholding by ηλ) removes a fixed
 * AMOUNT per step and sets small weights exactly to 0.
 *
 * Only the penalty acts here (no data gradient): the case of 6.4's weights
 * from always-zero pixels, whose rows receive no loss gradient.
 */
import { ArgumentError, assertFinite, assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { softThresholdWeights } from "../../optim/proximal-l1";

export interface PenaltyOutcome {
  label: string;
  /** Fraction of weights exactly 0 after the steps. */
  exactZero: number;
  /** Fraction with |w| < 1e-3. */
  nearZero: number;
  /** Largest |w| after the steps. */
  maxAbs: number;
}

export interface L1SquaredOptions {
  seed?: number;
  /** Number of weights (default 784 × 100, the size of 6.4's W1). */
  size?: number;
  /** Initial std (default He for 784 inputs, √(2/784) ≈ 0.0505). */
  std?: number;
  lr?: number;
  lambda?: number;
  /** SGD steps (default 601, the updates of 6.4's 200 epochs). */
  steps?: number;
}

function outcome(label: string, w: Float64Array): PenaltyOutcome {
  let zero = 0, near = 0, maxAbs = 0;
  for (const x of w) {
    if (x === 0) zero++;
    if (Math.abs(x) < 1e-3) near++;
    maxAbs = Math.max(maxAbs, Math.abs(x));
  }
  return { label, exactZero: zero / w.length, nearZero: near / w.length, maxAbs };
}

export function l1VersusSquaredPenalty(options: L1SquaredOptions = {}): PenaltyOutcome[] {
  const { seed = 0, size = 78_400, std = Math.sqrt(2 / 784), lr = 0.01, lambda = 0.01, steps = 601 } = options;
  assertInteger("seed", seed, 0);
  assertInteger("size", size, 1);
  assertPositive("std", std);
  assertPositive("lr", lr);
  assertFinite("lambda", lambda);
  if (lambda < 0) throw new ArgumentError("lambda", "a number >= 0", lambda);
  assertInteger("steps", steps, 0);
  const w0 = Matrix.randn(1, size, new RNG(seed), std);
  const l1 = { W1: w0.clone() }, squared = w0.clone(), l2 = w0.clone();
  for (let t = 0; t < steps; t++) {
    softThresholdWeights(l1, lr * lambda); // prox of ηλ|w|
    const s = squared.data, h = l2.data;
    for (let i = 0; i < size; i++) {
      s[i] -= lr * lambda * 2 * s[i]; // gradient of λ|w²| = λw²
      h[i] -= lr * lambda * h[i]; // gradient of ½λw²
    }
  }
  return [
    outcome("L1 λ|w|（近接勾配法）", l1.W1.data),
    outcome("記事の式 λ|w²|（= λw²）", squared.data),
    outcome("L2 ½λw²", l2.data),
  ];
}
