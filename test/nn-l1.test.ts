/**
 * L1 penalty of the nets (weightDecayL1, not in the book): λ₁Σ|W| in the loss
 * and exactly λ₁·sign(W) added to every dW (0 where W = 0), biases untouched;
 * it adds to L2; backprop matches central differences away from the kink.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { MultiLayerNet, MultiLayerNetExtend, NUMERICAL_H, relativeError } from "../src/nn";
import { cloneParams } from "./nn-helpers";

function data(seed: number, n: number, d: number, classes: number): { x: Matrix; t: Int32Array } {
  const x = Matrix.randn(n, d, new RNG(seed));
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = i % classes;
  return { x, t };
}

function sumAbs(m: Matrix): number {
  let s = 0;
  for (const v of m.data) s += Math.abs(v);
  return s;
}

for (const Net of [MultiLayerNet, MultiLayerNetExtend]) {
  describe(`${Net.name}: L1 penalty λ₁Σ|W|`, () => {
    const make = (weightDecayL1: number, weightDecayLambda = 0) =>
      new Net({ inputSize: 4, hiddenSizeList: [5, 3], outputSize: 2, weightDecayL1, weightDecayLambda, weightInitStd: 0.3, rng: new RNG(61) });
    const { x, t } = data(62, 6, 4, 2);

    it("loss grows by λ₁Σ|W| and every dW by λ₁·sign(W); biases unchanged", () => {
      const l1 = 0.07;
      const withL1 = make(l1), without = make(0);
      assert.equal(withL1.weightDecayL1, l1);
      let abs = 0;
      for (const k of ["W1", "W2", "W3"]) abs += sumAbs(withL1.params[k]);
      const diff = withL1.loss(x, t) - without.loss(x, t);
      assert.ok(Math.abs(diff - l1 * abs) < 1e-12, `loss difference ${diff} vs λ₁Σ|W| ${l1 * abs}`);

      const a = cloneParams(withL1.gradient(x, t)), b = without.gradient(x, t);
      for (const k of Object.keys(a)) {
        const W = withL1.params[k];
        for (let i = 0; i < W.size; i++) {
          const expected = k.startsWith("W") ? l1 * Math.sign(W.data[i]) : 0;
          assert.ok(Math.abs(a[k].data[i] - b[k].data[i] - expected) < 1e-14, `${k}[${i}]`);
        }
      }
    });

    it("the subgradient at exactly w = 0 is 0", () => {
      const withL1 = make(0.5), without = make(0);
      for (const net of [withL1, without]) {
        net.params.W2.data[3] = 0;
        net.params.W1.data[0] = 0;
      }
      const a = cloneParams(withL1.gradient(x, t)), b = without.gradient(x, t);
      assert.ok(Math.abs(a.W2.data[3] - b.W2.data[3]) < 1e-15);
      assert.ok(Math.abs(a.W1.data[0] - b.W1.data[0]) < 1e-15);
    });

    it("L1 and L2 add up: dW gains λW + λ₁·sign(W)", () => {
      const both = make(0.05, 0.2), none = make(0);
      const a = cloneParams(both.gradient(x, t)), b = none.gradient(x, t);
      const W = both.params.W2;
      for (let i = 0; i < W.size; i++) {
        const expected = 0.2 * W.data[i] + 0.05 * Math.sign(W.data[i]);
        assert.ok(Math.abs(a.W2.data[i] - b.W2.data[i] - expected) < 1e-14, `W2[${i}]`);
      }
    });

    it("backprop matches central differences (every |w| > h, so no difference crosses the kink)", () => {
      const net = make(0.05);
      for (const k of ["W1", "W2", "W3"]) {
        for (const w of net.params[k].data) assert.ok(Math.abs(w) > NUMERICAL_H, `${k} has |w| ≤ h`);
      }
      const g = cloneParams(net.gradient(x, t));
      const numeric = net instanceof MultiLayerNetExtend ? net.numericalGradient(x, t, false) : net.numericalGradient(x, t);
      for (const k of Object.keys(g)) {
        const e = relativeError(g[k], numeric[k]);
        assert.ok(e < 1e-5, `${k}: relative error ${e}`);
      }
    });

    it("rejects a negative or non-finite λ₁, naming it", () => {
      assert.throws(() => make(-0.1), /weightDecayL1: expected a number >= 0/);
      assert.throws(() => make(NaN), /weightDecayL1/);
    });
  });
}
