/**
 * Nesterov's Accelerated Gradient in the book's reformulation
 * (Bengio et al., http://arxiv.org/abs/1212.0901), which needs only the
 * gradient at the current parameters:
 *   W ← W + α²v − (1 + α)η g;   v ← αv − η g
 * Book defaults lr = 0.01, momentum α = 0.9. The book's four lines are quoted
 * above the loop, which does the same operations in the same order (two per line).
 */
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads, checkRate } from "./optimizer";

export interface NesterovOptions {
  lr?: number;
  momentum?: number;
}

export class Nesterov implements Optimizer {
  readonly name = "nesterov";
  readonly lr: number;
  readonly momentum: number;
  readonly v = new StateByKey("Nesterov v");

  constructor({ lr = 0.01, momentum = 0.9 }: NesterovOptions = {}) {
    this.lr = checkLr(lr);
    this.momentum = checkRate("momentum", momentum);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    const a = this.momentum, lr = this.lr;
    const a2 = a * a, step = (1 + a) * lr; // the same products the book's lines form first
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const v = this.v.get(key, params[key]).data;
      // params[key] += self.momentum * self.momentum * self.v[key]
      // params[key] -= (1 + self.momentum) * self.lr * grads[key]
      // self.v[key] *= self.momentum
      // self.v[key] -= self.lr * grads[key]
      for (let i = 0; i < p.length; i++) {
        const gi = g[i], vi = v[i];
        p[i] = p[i] + a2 * vi - step * gi;
        v[i] = vi * a - lr * gi;
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
