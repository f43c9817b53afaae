/**
 * Adam (http://arxiv.org/abs/1412.6980v8) exactly as the book codes it:
 *   t ← t + 1;  lr_t = η √(1 − β2^t) / (1 − β1^t)      (bias correction folded into lr)
 *   m ← m + (1 − β1)(g − m);  v ← v + (1 − β2)(g⊙g − v)
 *   W ← W − lr_t m / (√v + 1e-7)
 * Book defaults lr = 0.001, β1 = 0.9, β2 = 0.999. (Folding the correction
 * into lr_t puts ε = 1e-7 against the uncorrected √v: a hair different from
 * the paper's m̂/(√v̂ + ε), identical when ε → 0.)
 */
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads, checkRate } from "./optimizer";

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
}

export class Adam implements Optimizer {
  readonly name: "adam" | "adamw" = "adam";
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  /** Update count t (the book's self.iter); shared by all parameters. */
  iter = 0;
  readonly m = new StateByKey("Adam m");
  readonly v = new StateByKey("Adam v");

  constructor({ lr = 0.001, beta1 = 0.9, beta2 = 0.999 }: AdamOptions = {}) {
    this.lr = checkLr(lr);
    this.beta1 = checkRate("beta1", beta1);
    this.beta2 = checkRate("beta2", beta2);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    const b1 = this.beta1, b2 = this.beta2;
    this.iter += 1;
    const lrT = (this.lr * Math.sqrt(1.0 - b2 ** this.iter)) / (1.0 - b1 ** this.iter);
    const c1 = 1 - b1, c2 = 1 - b2; // computed once, not per element
    for (const key of Object.keys(params)) {
      const p = params[key].data, g = grads[key].data;
      const m = this.m.get(key, params[key]).data;
      const v = this.v.get(key, params[key]).data;
      // self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
      // self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
      // params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const mi = m[i] + c1 * (gi - m[i]);
        const vi = v[i] + c2 * (gi * gi - v[i]);
        m[i] = mi;
        v[i] = vi;
        p[i] -= (lrT * mi) / (Math.sqrt(vi) + 1e-7);
      }
    }
  }

  reset(): void {
    this.iter = 0;
    this.m.clear();
    this.v.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, beta1: this.beta1, beta2: this.beta2 };
  }
}
