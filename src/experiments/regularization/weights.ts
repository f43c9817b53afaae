/**
 * Weight-level tools of §6.4 beyond the book: the proximal L1 step (ISTA's
 * soft-thresholding), decoupled weight decay, and weight statistics.
 *
 * Only the weights W1, W2, … are regularised, never the biases — as in the
 * book's weight_decay_lambda.
 *
 * Why a proximal step for L1: the subgradient λ₁·sign(w) pushes a weight by
 * ±ηλ₁ every step, so it jumps across 0 and lands on exactly 0 essentially
 * never. The proximal gradient method (ISTA) takes the plain gradient step on
 * the data loss and then solves min_w ½(w − v)² + ηλ₁|w| exactly:
 *   w ← sign(v)·max(|v| − ηλ₁, 0)      (soft-thresholding)
 * which sets every weight with |v| ≤ ηλ₁ to exactly 0.
 */
import { ArgumentError, assertFinite } from "../../core/errors";
import type { Params } from "../../nn/types";

/** Keys W1, W2, … of `params` in order (biases, γ, β excluded). */
export function weightKeys(params: Params): string[] {
  return Object.keys(params)
    .filter((k) => /^W\d+$/.test(k))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

function checkNonNegative(name: string, v: number): void {
  assertFinite(name, v);
  if (v < 0) throw new ArgumentError(name, "a number >= 0", v);
}

/** Soft-thresholding (the proximal L1 step) lives with its optimizer wrapper; re-exported for the experiments. */
export { softThresholdWeights } from "../../optim/proximal-l1";

/** Decoupled weight decay W ← W − rate·W on every W, in place (rate = ηλ; AdamW's first half). */
export function decayWeights(params: Params, rate: number): void {
  checkNonNegative("rate", rate);
  if (rate === 0) return;
  for (const k of weightKeys(params)) {
    const w = params[k].data;
    for (let i = 0; i < w.length; i++) w[i] -= rate * w[i];
  }
}

/** Weights smaller than this in magnitude count as "near zero". */
export const NEAR_ZERO = 1e-3;

export interface WeightStats {
  /** Number of weights (entries of W1 … W_L). */
  count: number;
  /** Fraction of weights that are exactly 0 (w === 0). */
  zeroFraction: number;
  /** Fraction with |w| < NEAR_ZERO (1e-3), exact zeros included. */
  nearZeroFraction: number;
  /** Σ‖W‖² (the L2 penalty without ½λ) and Σ|W| (the L1 penalty without λ₁). */
  sumSquares: number;
  sumAbs: number;
}

export function weightStats(params: Params): WeightStats {
  let count = 0, zeros = 0, near = 0, sq = 0, abs = 0;
  for (const k of weightKeys(params)) {
    for (const w of params[k].data) {
      count++;
      const a = Math.abs(w);
      if (w === 0) zeros++;
      if (a < NEAR_ZERO) near++;
      sq += w * w;
      abs += a;
    }
  }
  if (count === 0) throw new ArgumentError("params", "at least one weight matrix W1, W2, …", Object.keys(params));
  return { count, zeroFraction: zeros / count, nearZeroFraction: near / count, sumSquares: sq, sumAbs: abs };
}

/** Σ‖W‖² only (cheap enough to record every epoch). */
export function weightSumSquares(params: Params): number {
  let sq = 0;
  for (const k of weightKeys(params)) for (const w of params[k].data) sq += w * w;
  return sq;
}

/** All weights W1 … W_L in one array (for histograms). */
export function flattenWeights(params: Params): Float64Array {
  const keys = weightKeys(params);
  const out = new Float64Array(keys.reduce((n, k) => n + params[k].size, 0));
  let at = 0;
  for (const k of keys) {
    out.set(params[k].data, at);
    at += params[k].size;
  }
  return out;
}
