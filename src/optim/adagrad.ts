/**
 * AdaGrad: h ← h + g⊙g;  W ← W − η g / (√h + 1e-7).
 * Book default lr = 0.01; 1e-7 keeps the first step finite when h = 0.
 */
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads } from "./optimizer";

export interface AdaGradOptions {
  lr?: number;
}

export class AdaGrad implements Optimizer {
  readonly name = "adagrad";
  readonly lr: number;
  /** Sum of squared gradients per parameter (the book's self.h). */
  readonly h = new StateByKey("AdaGrad h");

  constructor({ lr = 0.01 }: AdaGradOptions = {}) {
    this.lr = checkLr(lr);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    const lr = this.lr; // a local: V8 would re-read this.lr per element
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const h = this.h.get(key, params[key]).data;
      // self.h[key] += grads[key] * grads[key]
      // params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const hi = h[i] + gi * gi;
        h[i] = hi;
        p[i] -= (lr * gi) / (Math.sqrt(hi) + 1e-7);
      }
    }
  }

  reset(): void {
    this.h.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr };
  }
}
