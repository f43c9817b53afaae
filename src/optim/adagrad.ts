/**
 * AdaGrad: h ← h + g⊙g;  W ← W − η g / (√h + 1e-7).
 * Book default lr = 0.01; 1e-7 keeps the first step finite when h = 0.
 * Each line of the book is quoted above the kernel that does it
 * (src/core/adaptive-steps.ts).
 */
import { addScaledSquares, rootScaledStep } from "../core/adaptive-steps";
import { readOptions } from "../core/options";
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads } from "./optimizer";

export interface AdaGradOptions {
  lr?: number;
}

export class AdaGrad implements Optimizer {
  readonly name = "adagrad";
  readonly lr: number;
  /** Sum of squared gradients per parameter (the book's self.h). */
  readonly h = new StateByKey("AdaGrad h");

  constructor(options: AdaGradOptions = {}) {
    const { lr = 0.01 } = readOptions("new AdaGrad", options, ["lr"]);
    this.lr = checkLr(lr);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      const g = grads[key].data;
      const h = this.h.get(key, params[key]).data;
      // self.h[key] += grads[key] * grads[key]
      addScaledSquares(1, g, h);
      // params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)
      rootScaledStep(this.lr, g, h, params[key].data, 1e-7);
    }
  }

  reset(): void {
    this.h.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr };
  }
}
