/**
 * Weight statistics of §6.4: exact and near zeros (what L1 does to the
 * weights), Σ‖W‖², and all weights in one array for histograms.
 *
 * Only the weights W1, W2, … count, never the biases — as in the book's
 * weight_decay_lambda (weightKeys, src/nn/weight-keys.ts). The steps that change
 * weights are optimizer wrappers in src/optim: decoupled weight decay
 * (DecoupledWeightDecay, decayParams) and the proximal L1 step (ProximalL1,
 * softThresholdWeights).
 */
import { ArgumentError } from "../../core/errors";
import { weightKeys } from "../../nn/weight-keys";
import type { Params } from "../../nn/types";

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
