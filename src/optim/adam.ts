/**
 * Adam (http://arxiv.org/abs/1412.6980v8) exactly as the book codes it:
 *   t ← t + 1;  lr_t = η √(1 − β2^t) / (1 − β1^t)      (bias correction folded into lr)
 *   m ← m + (1 − β1)(g − m);  v ← v + (1 − β2)(g⊙g − v)
 *   W ← W − lr_t m / (√v + 1e-7)
 * Book defaults lr = 0.001, β1 = 0.9, β2 = 0.999. (Folding the correction
 * into lr_t puts ε = 1e-7 against the uncorrected √v: a hair different from
 * the paper's m̂/(√v̂ + ε), identical when ε → 0.) Each line of the book is
 * quoted above the kernel that does it (src/core/adaptive-steps.ts).
 */
import { moveToward, moveTowardSquares, rootScaledStep } from "../core/adaptive-steps";
import { readOptions } from "../core/options";
import { Optimizer, Params, StateByKey, checkLr, checkParamsGrads, checkRate } from "./optimizer";

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
}

export const ADAM_OPTION_KEYS: readonly string[] = ["lr", "beta1", "beta2"];

export class Adam implements Optimizer {
  readonly name: "adam" | "adamw" = "adam";
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  /** Update count t (the book's self.iter); shared by all parameters. */
  iter = 0;
  /**
   * β1^t and β2^t, kept as running products (×β once per update) rather than
   * computed with ** : V8 rounds some powers differently in Node and in the
   * browser (0.9 ** 10), and the live explorers must give Node's numbers bit
   * for bit. Equal to the book's beta**iter up to the last bit.
   */
  beta1t = 1;
  beta2t = 1;
  readonly m = new StateByKey("Adam m");
  readonly v = new StateByKey("Adam v");

  constructor(options: AdamOptions = {}) {
    const { lr = 0.001, beta1 = 0.9, beta2 = 0.999 } = readOptions("new Adam", options, ADAM_OPTION_KEYS);
    this.lr = checkLr(lr);
    this.beta1 = checkRate("beta1", beta1);
    this.beta2 = checkRate("beta2", beta2);
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    // self.iter += 1
    this.iter += 1;
    this.beta1t *= this.beta1; // β1^t
    this.beta2t *= this.beta2; // β2^t
    // lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
    const lrT = (this.lr * Math.sqrt(1.0 - this.beta2t)) / (1.0 - this.beta1t);
    for (const key of Object.keys(params)) {
      const g = grads[key].data;
      const m = this.m.get(key, params[key]).data;
      const v = this.v.get(key, params[key]).data;
      // self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
      moveToward(1 - this.beta1, g, m);
      // self.v[key] += (1 - self.beta2) * (grads[key]**2 - self.v[key])
      moveTowardSquares(1 - this.beta2, g, v);
      // params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)
      rootScaledStep(lrT, m, v, params[key].data, 1e-7);
    }
  }

  reset(): void {
    this.iter = 0;
    this.beta1t = 1;
    this.beta2t = 1;
    this.m.clear();
    this.v.clear();
  }

  hyperparams(): Record<string, number> {
    return { lr: this.lr, beta1: this.beta1, beta2: this.beta2 };
  }
}
