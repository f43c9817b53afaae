/**
 * Nesterov's Accelerated Gradient in the book's reformulation
 * (Bengio et al., http://arxiv.org/abs/1212.0901), which needs only the
 * gradient at the current parameters:
 *   W ← W + α²v − (1 + α)η g;   v ← αv − η g
 * Book defaults lr = 0.01, momentum α = 0.9. The book's four lines are quoted,
 * each above the kernel call that does it (src/core/axpy.ts).
 */
import { axpy, scal } from "../core/axpy";
import { readOptions } from "../core/options";
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

  constructor(options: NesterovOptions = {}) {
    const { lr = 0.01, momentum = 0.9 } = readOptions("new Nesterov", options, ["lr", "momentum"]);
    this.lr = checkLr(lr);
    this.momentum = checkRate("momentum", momentum);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const v = this.v.get(key, params[key]).data;
      // params[key] += self.momentum * self.momentum * self.v[key]
      axpy(this.momentum * this.momentum, v, p);
      // params[key] -= (1 + self.momentum) * self.lr * grads[key]
      axpy(-((1 + this.momentum) * this.lr), g, p);
      // self.v[key] *= self.momentum
      scal(this.momentum, v);
      // self.v[key] -= self.lr * grads[key]
      axpy(-this.lr, g, v);
    }
  }

  reset(): void {
    this.v.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, momentum: this.momentum };
  }
}
