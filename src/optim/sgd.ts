/**
 * SGD (確率的勾配降下法): W ← W − η ∂L/∂W. Book default lr = 0.01.
 * The book's common/optimizer.py line is quoted above the code that does it;
 * `axpy` (src/core/axpy.ts) is that line over a whole array: y ← y + α·x.
 */
import { axpy } from "../core/axpy";
import { readOptions } from "../core/options";
import { Optimizer, Params, checkLr, checkParamsGrads } from "./optimizer";

export interface SGDOptions {
  lr?: number;
}

export class SGD implements Optimizer {
  readonly name = "sgd";
  readonly lr: number;

  constructor(options: SGDOptions = {}) {
    const { lr = 0.01 } = readOptions("new SGD", options, ["lr"], {}, {
      momentum: "SGD has no momentum; Momentum SGD is its own class: new Momentum({ lr, momentum })",
    });
    this.lr = checkLr(lr);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      // params[key] -= self.lr * grads[key]
      axpy(-this.lr, grads[key].data, params[key].data);
    }
  }

  reset(): void {} // stateless

  hyperparams(): Record<string, number> {
    return { lr: this.lr };
  }
}
