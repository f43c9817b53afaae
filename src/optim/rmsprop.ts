/**
 * RMSprop: h ← ρh + (1 − ρ) g⊙g;  W ← W − η g / (√h + 1e-7).
 * An exponential moving average replaces AdaGrad's growing sum, so old
 * gradients are forgotten. Book defaults lr = 0.01, decay_rate ρ = 0.99
 * (the book's spelling decay_rate is accepted beside decayRate). Each line of
 * the book is quoted above the kernel that does it (src/core).
 */
import { addScaledSquares, rootScaledStep } from "../core/adaptive-steps";
import { scal } from "../core/axpy";
import { readOptions } from "../core/options";
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads, checkRate } from "./optimizer";

export interface RMSpropOptions {
  lr?: number;
  decayRate?: number;
}

export class RMSprop implements Optimizer {
  readonly name = "rmsprop";
  readonly lr: number;
  readonly decayRate: number;
  readonly h = new StateByKey("RMSprop h");

  constructor(options: RMSpropOptions = {}) {
    const { lr = 0.01, decayRate = 0.99 } = readOptions("new RMSprop", options, ["lr", "decayRate"], { decay_rate: "decayRate" });
    this.lr = checkLr(lr);
    this.decayRate = checkRate("decayRate", decayRate);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      const g = grads[key].data;
      const h = this.h.get(key, params[key]).data;
      // self.h[key] *= self.decay_rate
      scal(this.decayRate, h);
      // self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
      addScaledSquares(1 - this.decayRate, g, h);
      // params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
      rootScaledStep(this.lr, g, h, params[key].data, 1e-7);
    }
  }

  reset(): void {
    this.h.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, decayRate: this.decayRate };
  }
}
