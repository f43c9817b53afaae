/** SGD (確率的勾配降下法): W ← W − η ∂L/∂W. Book default lr = 0.01. */
import { Optimizer, Params, checkLr, checkParamsGrads } from "./optimizer";

export interface SGDOptions {
  lr?: number;
}

export class SGD implements Optimizer {
  readonly name = "sgd";
  readonly lr: number;

  constructor({ lr = 0.01 }: SGDOptions = {}) {
    this.lr = checkLr(lr);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      for (let i = 0; i < p.length; i++) p[i] -= this.lr * g[i];
    }
  }

  reset(): void {} // stateless

  hyperparams(): Record<string, number> {
    return { lr: this.lr };
  }
}
