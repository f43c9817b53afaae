/**
 * Decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay
 * Regularization") as a wrapper around any optimizer:
 *   W ← W − η·λ·W           (the weights shrink directly, before the step)
 *   the wrapped optimizer's step on the gradient
 * This is PyTorch's order (decay first, with the current W). With SGD it is the
 * same update as the book's L2 (½λ‖W‖² in the loss); with Adam it is not: the
 * λW does not pass through m and v (AdamW is Adam wrapped like this, with every
 * key decayed). By default only the weights W1, W2, … decay, like the book's
 * weight_decay_lambda; `only: "all"` decays every key (biases, γ, β too).
 */
import { axpy } from "../core/axpy";
import { ArgumentError } from "../core/errors";
import { readOptions } from "../core/options";
import { weightKeys } from "../nn/weight-keys";
import { Optimizer, OptimizerName, Params, checkNonNegative, checkParamsGrads } from "./optimizer";

/** W ← W − rate·W for every key in `keys`, in place (rate = ηλ). */
export function decayParams(params: Params, rate: number, keys: readonly string[] = Object.keys(params)): void {
  checkNonNegative("rate", rate);
  if (rate === 0) return;
  for (const k of keys) axpy(-rate, params[k].data, params[k].data);
}

export interface DecoupledWeightDecayOptions {
  /** λ (required, ≥ 0). */
  weightDecay: number;
  /** η of the decay; default the wrapped optimizer's lr. */
  lr?: number;
  /** "weights" (default: W1, W2, …) or "all" keys. */
  only?: "weights" | "all";
}

export class DecoupledWeightDecay implements Optimizer {
  readonly name: OptimizerName;
  readonly lr: number;
  readonly weightDecay: number;
  readonly only: "weights" | "all";

  constructor(readonly inner: Optimizer, options: DecoupledWeightDecayOptions) {
    const o = readOptions("new DecoupledWeightDecay", options, ["weightDecay", "lr", "only"], { weight_decay: "weightDecay" });
    if (inner === null || typeof inner !== "object" || typeof inner.update !== "function") {
      throw new ArgumentError("inner", "an Optimizer (new SGD(…), createOptimizer(…))", inner);
    }
    this.name = inner.name;
    this.lr = o.lr ?? inner.lr;
    checkNonNegative("lr", this.lr);
    this.weightDecay = checkNonNegative("weightDecay", o.weightDecay);
    this.only = o.only ?? "weights";
    if (this.only !== "weights" && this.only !== "all") throw new ArgumentError("only", '"weights" or "all"', this.only);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    // W ← W − η·λ·W
    decayParams(params, this.lr * this.weightDecay, this.only === "all" ? Object.keys(params) : weightKeys(params));
    // then the wrapped optimizer's step
    this.inner.update(params, grads);
  }

  reset(): void {
    this.inner.reset();
  }

  hyperparams(): Record<string, number> {
    return { ...this.inner.hyperparams(), weightDecay: this.weightDecay };
  }
}
