/**
 * RMSprop: h ← ρh + (1 − ρ) g⊙g;  W ← W − η g / (√h + 1e-7).
 * An exponential moving average replaces AdaGrad's growing sum, so old
 * gradients are forgotten. Book defaults lr = 0.01, decay_rate ρ = 0.99.
 */
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

  constructor({ lr = 0.01, decayRate = 0.99 }: RMSpropOptions = {}) {
    this.lr = checkLr(lr);
    this.decayRate = checkRate("decayRate", decayRate);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    const rho = this.decayRate, lr = this.lr, c = 1 - rho; // locals, computed once
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const h = this.h.get(key, params[key]).data;
      // self.h[key] *= self.decay_rate
      // self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
      // params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const hi = h[i] * rho + c * gi * gi;
        h[i] = hi;
        p[i] -= (lr * gi) / (Math.sqrt(hi) + 1e-7);
      }
    }
  }

  reset(): void {
    this.h.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, decayRate: this.decayRate };
  }
}
