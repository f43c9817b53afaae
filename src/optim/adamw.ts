/**
 * AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization").
 *
 * Weight decay is applied to the parameter directly, separately from the
 * gradient, and does not pass through Adam's m and v:
 *   W ← W − η·λ·W            (decoupled decay, base lr η — not Adam's lr_t)
 *   W ← Adam step on g        (the book's Adam above, unchanged)
 * This is the form PyTorch's torch.optim.AdamW uses (decay first, with the
 * current W). Contrast with L2 regularisation (the book's weight_decay_lambda),
 * which adds λW to the gradient, so Adam rescales it per parameter.
 * It decays every key it is given (biases, γ/β too); pass a narrower params
 * object to exclude some. Defaults: Adam's, weightDecay λ = 0.01 (the book's
 * snake_case weight_decay is accepted too).
 */
import { readOptions } from "../core/options";
import { ADAM_OPTION_KEYS, Adam, AdamOptions } from "./adam";
import { decayParams } from "./decoupled-weight-decay";
import { Params, checkNonNegative, checkParamsGrads } from "./optimizer";

export interface AdamWOptions extends AdamOptions {
  weightDecay?: number;
}

export class AdamW extends Adam {
  override readonly name = "adamw";
  readonly weightDecay: number;

  constructor(options: AdamWOptions = {}) {
    const { weightDecay = 0.01, ...adam } = readOptions("new AdamW", options, [...ADAM_OPTION_KEYS, "weightDecay"], { weight_decay: "weightDecay" });
    super(adam);
    this.weightDecay = checkNonNegative("weightDecay", weightDecay);
  }

  override update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    // W ← W − η·λ·W
    decayParams(params, this.lr * this.weightDecay);
    super.update(params, grads);
  }

  override hyperparams(): Record<string, number> {
    return { ...super.hyperparams(), weightDecay: this.weightDecay };
  }
}
