/**
 * Momentum SGD: v ← αv − η ∂L/∂W;  W ← W + v.
 * Book defaults lr = 0.01, momentum α = 0.9. Each line of the book's
 * common/optimizer.py is quoted above the kernel calls that do it
 * (src/core/axpy.ts: axpy y ← y + α·x, scal x ← α·x).
 */
import { axpy, scal } from "../core/axpy";
import { readOptions } from "../core/options";
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

  constructor(options: MomentumOptions = {}) {
    const { lr = 0.01, momentum = 0.9 } = readOptions("new Momentum", options, ["lr", "momentum"]);
    this.lr = checkLr(lr);
    this.momentum = checkRate("momentum", momentum);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      const v = this.v.get(key, params[key]).data; // self.v[key] = np.zeros_like(val) the first time
      // self.v[key] = self.momentum*self.v[key] - self.lr*grads[key]
      scal(this.momentum, v);
      axpy(-this.lr, grads[key].data, v);
      // params[key] += self.v[key]
      axpy(1, v, params[key].data);
    }
  }

  reset(): void {
    this.v.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, momentum: this.momentum };
  }
}
