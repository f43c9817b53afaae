/**
 * The proximal L1 step (ISTA's soft-thresholding) as a wrapper around SGD.
 *
 * Why: the subgradient λ₁·sign(w) pushes a weight by ±ηλ₁ every step, so it
 * jumps across 0 and lands on exactly 0 essentially never. The proximal gradient
 * method takes the plain gradient step on the data loss and then solves
 * min_w ½(w − v)² + ηλ₁|w| exactly:
 *   w ← sign(v)·max(|v| − ηλ₁, 0)      (soft-thresholding)
 * which sets every weight with |v| ≤ ηλ₁ to exactly 0. Only the weights
 * W1, W2, … are thresholded (biases never), like the book's regularisation.
 * ISTA is the proximal step after a plain gradient step, so the wrapped
 * optimizer must be SGD (for others use the subgradient in the loss).
 */
import { ArgumentError } from "../core/errors";
import { readOptions } from "../core/options";
import { weightKeys } from "../nn/weight-keys";
import { Optimizer, OptimizerName, Params, checkNonNegative, checkParamsGrads } from "./optimizer";

/** Soft-thresholding of every W by `threshold` (= ηλ₁ after an SGD step), in place. */
export function softThresholdWeights(params: Params, threshold: number): void {
  checkNonNegative("threshold", threshold);
  if (threshold === 0) return;
  for (const k of weightKeys(params)) {
    const w = params[k].data;
    for (let i = 0; i < w.length; i++) {
      const a = Math.abs(w[i]) - threshold;
      w[i] = a > 0 ? Math.sign(w[i]) * a : 0;
    }
  }
}

export interface ProximalL1Options {
  /** λ₁ (required, ≥ 0). */
  l1: number;
}

export class ProximalL1 implements Optimizer {
  readonly name: OptimizerName;
  readonly lr: number;
  readonly l1: number;

  constructor(readonly inner: Optimizer, options: ProximalL1Options) {
    const { l1 } = readOptions("new ProximalL1", options, ["l1"]);
    if (inner === null || typeof inner !== "object" || typeof inner.update !== "function") {
      throw new ArgumentError("inner", "an Optimizer (new SGD(…))", inner);
    }
    if (inner.name !== "sgd") {
      throw new ArgumentError("inner", "SGD (the proximal step here is ISTA: SGD only; use the L1 subgradient in the loss with " + inner.name + ")", inner.name);
    }
    this.name = inner.name;
    this.lr = inner.lr;
    this.l1 = checkNonNegative("l1", l1);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    // the gradient step on the data loss
    this.inner.update(params, grads);
    // w ← sign(w)·max(|w| − ηλ₁, 0)
    softThresholdWeights(params, this.lr * this.l1);
  }

  reset(): void {
    this.inner.reset();
  }

  hyperparams(): Record<string, number> {
    return { ...this.inner.hyperparams(), l1: this.l1 };
  }
}
