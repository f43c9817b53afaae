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
    const lr = this.lr; // a local: V8 would re-read this.lr for every element
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      // params[key] -= self.lr * grads[key]   (the book), four elements per turn
      // of the loop (less loop overhead; the same arithmetic, element by element)
      const n = p.length, n4 = n - (n % 4);
      let i = 0;
      for (; i < n4; i += 4) {
        p[i] -= lr * g[i];
        p[i + 1] -= lr * g[i + 1];
        p[i + 2] -= lr * g[i + 2];
        p[i + 3] -= lr * g[i + 3];
      }
      for (; i < n; i++) p[i] -= lr * g[i];
    }
  }

  reset(): void {} // stateless

  hyperparams(): Record<string, number> {
    return { lr: this.lr };
  }
}
