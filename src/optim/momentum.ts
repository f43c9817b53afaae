/**
 * Momentum SGD: v ← αv − η ∂L/∂W;  W ← W + v.
 * Book defaults lr = 0.01, momentum α = 0.9.
 */
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads, checkRate } from "./optimizer";

export interface MomentumOptions {
  lr?: number;
  momentum?: number;
}

export class Momentum implements Optimizer {
  readonly name = "momentum";
  readonly lr: number;
  readonly momentum: number;
  /** Velocity per parameter (the book's self.v). */
  readonly v = new StateByKey("Momentum v");

  constructor({ lr = 0.01, momentum = 0.9 }: MomentumOptions = {}) {
    this.lr = checkLr(lr);
    this.momentum = checkRate("momentum", momentum);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    const a = this.momentum, lr = this.lr; // locals: V8 would re-read the fields per element
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const v = this.v.get(key, params[key]).data;
      // self.v[key] = self.momentum*self.v[key] - self.lr*grads[key];  params[key] += self.v[key]
      for (let i = 0; i < p.length; i++) {
        const vi = a * v[i] - lr * g[i];
        v[i] = vi;
        p[i] += vi;
      }
    }
  }

  reset(): void {
    this.v.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, momentum: this.momentum };
  }
}
