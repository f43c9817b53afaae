import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG, ShapeError } from "../src/core";
import { NUMERICAL_H, numericalGradient, relativeError } from "../src/nn";

describe("numericalGradient (central difference, h = 1e-4)", () => {
  it("is exact for a quadratic up to rounding: Σx² → 2x", () => {
    const x = Matrix.randn(3, 4, new RNG(1));
    const f = (): number => x.data.reduce((s, v) => s + v * v, 0);
    const g = numericalGradient(f, x);
    for (let i = 0; i < x.size; i++) assert.ok(Math.abs(g.data[i] - 2 * x.data[i]) < 1e-10);
  });

  it("has truncation error h² on Σx³: ((x+h)³ − (x−h)³)/2h = 3x² + h²", () => {
    assert.equal(NUMERICAL_H, 1e-4);
    const x = Matrix.randn(2, 3, new RNG(2));
    const f = (): number => x.data.reduce((s, v) => s + v ** 3, 0);
    const g = numericalGradient(f, x);
    for (let i = 0; i < x.size; i++) {
      assert.ok(Math.abs(g.data[i] - 3 * x.data[i] ** 2 - 1e-8) < 1e-10);
    }
  });

  it("over Params: one gradient per key, every entry restored afterwards", () => {
    const rng = new RNG(3);
    const params = { W: Matrix.randn(2, 2, rng), b: Matrix.randn(1, 2, rng) };
    const before = { W: params.W.clone(), b: params.b.clone() };
    const f = (): number => params.W.get(0, 1) * 3 + params.b.get(0, 0) ** 2;
    const g = numericalGradient(f, params);
    assert.deepEqual(Object.keys(g), ["W", "b"]);
    assert.deepEqual(params.W.data, before.W.data);
    assert.deepEqual(params.b.data, before.b.data);
    assert.ok(Math.abs(g.W.get(0, 1) - 3) < 1e-10 && g.W.get(0, 0) === 0);
    assert.ok(Math.abs(g.b.get(0, 0) - 2 * params.b.get(0, 0)) < 1e-10);
  });

  it("rejects a non-function and a bad h", () => {
    const x = new Matrix(1, 1);
    assert.throws(() => numericalGradient(3 as never, x), /f: expected a function/);
    assert.throws(() => numericalGradient(() => 0, x, 0), /h: expected a finite number > 0, got 0/);
  });
});

describe("relativeError", () => {
  it("max|a − b| / max(|a| + |b|): 0 for equal, 1 for opposite, scale-free", () => {
    const a = Matrix.from([[1, -2, 3]]);
    assert.equal(relativeError(a, a.clone()), 0);
    assert.equal(relativeError(a, Matrix.from([[-1, 2, -3]])), 1);
    assert.ok(Math.abs(relativeError(a, Matrix.from([[1, -2, 3.6]])) - 0.6 / 6.6) < 1e-15);
    const big = Matrix.from([[1e6, -2e6, 3e6]]), big2 = Matrix.from([[1e6, -2e6, 3.6e6]]);
    assert.ok(Math.abs(relativeError(big, big2) - 0.6 / 6.6) < 1e-15);
  });

  it("two zero gradients give 0, not NaN; shapes must match", () => {
    assert.equal(relativeError(new Matrix(2, 2), new Matrix(2, 2)), 0);
    assert.throws(() => relativeError(new Matrix(2, 2), new Matrix(1, 4)), (e: Error) => e instanceof ShapeError && /^b:/.test(e.message));
  });
});
