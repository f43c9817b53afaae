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
    const rho = this.decayRate;
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const h = this.h.get(key, params[key]).data;
      for (let i = 0; i < p.length; i++) {
        h[i] *= rho;
        h[i] += (1 - rho) * g[i] * g[i];
        p[i] -= (this.lr * g[i]) / (Math.sqrt(h[i]) + 1e-7);
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
