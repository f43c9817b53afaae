import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "../src/core";
import { crossEntropyError, sigmoid, softmax } from "../src/nn";

describe("softmax", () => {
  it("rows sum to 1 and match exp(x)/Σexp(x) on moderate logits", () => {
    const x = Matrix.from([[0.3, 2.9, 4.0], [-1, 0, 1]]);
    const y = softmax(x);
    for (let i = 0; i < 2; i++) {
      const e = Array.from(x.rowView(i), Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      e.forEach((v, j) => assert.ok(Math.abs(y.get(i, j) - v / s) < 1e-15));
    }
  });

  it("is stable on huge logits: no NaN, and shift-invariant", () => {
    // Without subtracting the row max, exp(1010) = Infinity and Infinity/Infinity = NaN.
    assert.ok(Number.isNaN(Math.exp(1010) / (Math.exp(1010) + Math.exp(1000))));
    const y = softmax(Matrix.from([[1010, 1000, 990], [-1000, -1010, -1020], [1e308, 0, -1e308]]));
    assert.ok(y.data.every(Number.isFinite));
    const ref = softmax(Matrix.from([[20, 10, 0]]));
    for (let j = 0; j < 3; j++) {
      assert.ok(Math.abs(y.get(0, j) - ref.get(0, j)) < 1e-15);
      assert.ok(Math.abs(y.get(1, j) - ref.get(0, j)) < 1e-15);
    }
    assert.deepEqual(Array.from(y.rowView(2)), [1, 0, 0]);
  });

  it("writes into out when given", () => {
    const out = new Matrix(1, 2);
    assert.equal(softmax(Matrix.from([[0, 0]]), out), out);
    assert.deepEqual(out.toArray(), [[0.5, 0.5]]);
  });
});

describe("sigmoid", () => {
  it("0.5 at 0, and saturates to 0 and 1 without NaN", () => {
    const y = sigmoid(Matrix.from([[0, -1000, 1000, 2]]));
    assert.deepEqual(Array.from(y.data.slice(0, 3)), [0.5, 0, 1]);
    assert.equal(y.data[3], 1 / (1 + Math.exp(-2)));
  });
});

describe("crossEntropyError (the book's 4.2.2 example)", () => {
  const t = Matrix.from([[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]]);
  const good = Matrix.from([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]]);
  const bad = Matrix.from([[0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]]);

  it("gives −log(y_t + 1e-7), the book's 0.510825457099338 and 2.302584092994546", () => {
    assert.equal(crossEntropyError(good, t), -Math.log(0.6 + 1e-7));
    assert.ok(Math.abs(crossEntropyError(good, t) - 0.510825457099338) < 1e-15);
    assert.ok(Math.abs(crossEntropyError(bad, t) - 2.302584092994546) < 1e-15);
  });

  it("one-hot and index labels give the same loss, averaged over the batch", () => {
    const y = Matrix.from([...good.toArray(), ...bad.toArray()]);
    const onehot = Matrix.from([...t.toArray(), ...t.toArray()]);
    const idx = Int32Array.from([2, 2]);
    assert.equal(crossEntropyError(y, onehot), crossEntropyError(y, idx));
    assert.ok(Math.abs(crossEntropyError(y, idx) - (0.510825457099338 + 2.302584092994546) / 2) < 1e-15);
  });

  it("a zero probability at the label gives −log(1e-7), not Infinity", () => {
    assert.equal(crossEntropyError(Matrix.from([[1, 0]]), Int32Array.from([1])), -Math.log(1e-7));
  });

  it("labels that do not fit y name t", () => {
    assert.throws(() => crossEntropyError(good, Int32Array.from([10])), /t: expected class indices in \[0, 10\), got "10 at index 0"/);
    assert.throws(() => crossEntropyError(good, [2] as never), /t: expected a one-hot Matrix or an Int32Array/);
  });
});
