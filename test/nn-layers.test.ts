/**
 * Gradient checks of every layer: backward against central differences of
 * f(x) = Σ forward(x) ⊙ dout with a random dout, on random batches (n ≥ 2).
 *
 * Bound: h = 1e-4 gives truncation error h²/6·|f'''| ≈ 2e-9·|f'''| and
 * rounding ε·|f|/h ≈ 1e-11 for |f| ≈ 10; these layers are smooth with
 * |f'''| = O(1) at these inputs, so a correct backward agrees to ~1e-9
 * relative. TOL = 1e-7 leaves two orders of margin, while a real bug
 * (a missing term, wrong sign or scale) gives errors of order 1e-2…1.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG, ShapeError } from "../src/core";
import {
  Affine, BatchNormalization, Dropout, LayerNormalization, Relu, Sigmoid, SoftmaxWithLoss, Tanh,
  numericalGradient, relativeError,
} from "../src/nn";
import { checkLayer } from "./nn-helpers";

const TOL = 1e-7;

function assertSmall(errors: Record<string, number>, tol = TOL): void {
  for (const [k, e] of Object.entries(errors)) assert.ok(e < tol, `relative error of d${k} = ${e} ≥ ${tol}`);
}

describe("layer gradient checks", () => {
  it("Affine: dx, dW, db", () => {
    const rng = new RNG(1);
    const layer = new Affine(Matrix.randn(5, 3, rng), Matrix.randn(1, 3, rng));
    const x = Matrix.randn(4, 5, rng);
    const { errors } = checkLayer(layer, x, rng, true, {
      W: [layer.W, () => layer.dW],
      b: [layer.b, () => layer.db],
    });
    assertSmall(errors);
  });

  it("Relu: dx (inputs kept ≥ 0.01 from the kink, where the derivative is undefined)", () => {
    const rng = new RNG(2);
    const x = Matrix.randn(4, 6, rng);
    for (let i = 0; i < x.size; i++) x.data[i] += Math.sign(x.data[i]) * 0.01;
    const { errors, dx } = checkLayer(new Relu(), x, rng, true);
    assertSmall(errors);
    // the gradient is exactly zero where x < 0
    for (let i = 0; i < x.size; i++) if (x.data[i] < 0) assert.ok(dx.data[i] === 0);
  });

  it("Sigmoid and Tanh: dx, including saturated inputs", () => {
    const rng = new RNG(3);
    const x = Matrix.randn(4, 6, rng, 3);
    assertSmall(checkLayer(new Sigmoid(), x, rng, true).errors);
    assertSmall(checkLayer(new Tanh(), x, rng, true).errors);
  });

  it("SoftmaxWithLoss: dx for one-hot and index labels", () => {
    // The loss is −Σ log(y_t + 1e-7)/n while backward returns (y − t)/n, the
    // gradient without the 1e-7: the two differ by the factor y_t/(y_t + 1e-7),
    // i.e. relatively by ≈ 1e-7/y_t. Labels here have y_t > 0.05, so ≤ 2e-6.
    const rng = new RNG(4);
    const x = Matrix.randn(5, 4, rng);
    const labels = Int32Array.from([0, 3, 1, 2, 3]);
    const onehot = new Matrix(5, 4);
    labels.forEach((c, i) => onehot.set(i, c, 1));
    for (const t of [labels, onehot]) {
      const layer = new SoftmaxWithLoss();
      layer.forward(x, t);
      labels.forEach((c, i) => assert.ok(layer.y!.get(i, c) > 0.05));
      const dx = layer.backward().clone();
      const num = numericalGradient(() => layer.forward(x, t), x);
      assert.ok(relativeError(dx, num) < 2e-6 + TOL, `error ${relativeError(dx, num)}`);
    }
  });

  it("BatchNormalization (train mode): dx, dgamma, dbeta", () => {
    const rng = new RNG(5);
    const bn = new BatchNormalization(Matrix.randn(1, 4, rng), Matrix.randn(1, 4, rng));
    const x = Matrix.randn(6, 4, rng, 2);
    const { errors } = checkLayer(bn, x, rng, true, {
      gamma: [bn.gamma, () => bn.dgamma],
      beta: [bn.beta, () => bn.dbeta],
    });
    assertSmall(errors);
  });

  it("BatchNormalization (test mode, running statistics): dx, dgamma, dbeta", () => {
    const rng = new RNG(6);
    const bn = new BatchNormalization(Matrix.randn(1, 4, rng), Matrix.randn(1, 4, rng));
    for (let k = 0; k < 5; k++) bn.forward(Matrix.randn(8, 4, rng), true);
    const x = Matrix.randn(3, 4, rng);
    const { errors } = checkLayer(bn, x, rng, false, {
      gamma: [bn.gamma, () => bn.dgamma],
      beta: [bn.beta, () => bn.dbeta],
    });
    assertSmall(errors);
  });

  it("LayerNormalization: dx, dgamma, dbeta", () => {
    const rng = new RNG(7);
    const ln = new LayerNormalization(Matrix.randn(1, 5, rng), Matrix.randn(1, 5, rng));
    const x = Matrix.randn(3, 5, rng, 2);
    const { errors } = checkLayer(ln, x, rng, true, {
      gamma: [ln.gamma, () => ln.dgamma],
      beta: [ln.beta, () => ln.dbeta],
    });
    assertSmall(errors);
  });

  for (const form of ["book", "inverted"] as const) {
    it(`Dropout (${form}) in test mode: dx`, () => {
      const rng = new RNG(8);
      const x = Matrix.randn(4, 5, rng);
      const layer = new Dropout({ dropoutRatio: 0.3, form, rng: new RNG(9) });
      assertSmall(checkLayer(layer, x, rng, false).errors);
    });

    it(`Dropout (${form}) in train mode with a fixed mask: dx`, () => {
      // Each forward re-seeds the layer's RNG, so every call draws the same mask.
      const rng = new RNG(10);
      const x = Matrix.randn(4, 5, rng);
      const layer = new Dropout({ dropoutRatio: 0.3, form, rng: new RNG(11) });
      const forward = (): Matrix => {
        layer.rng = new RNG(11);
        return layer.forward(x, true);
      };
      const { errors, dx } = checkLayer(layer, x, rng, true, {}, forward);
      assertSmall(errors);
      const dropped = layer.mask.filter((m) => m === 0).length;
      assert.ok(dropped > 0 && dropped < x.size, "the mask drops some but not all units");
      for (let i = 0; i < x.size; i++) if (layer.mask[i] === 0) assert.ok(dx.data[i] === 0);
    });
  }
});

describe("layer buffers", () => {
  it("a layer reuses its output Matrix for the same input shape and reallocates for a new one", () => {
    const rng = new RNG(12);
    const relu = new Relu();
    const a = relu.forward(Matrix.randn(3, 4, rng), false);
    const b = relu.forward(Matrix.randn(3, 4, rng), false);
    assert.equal(a, b, "same shape: the same buffer, overwritten");
    const c = relu.forward(Matrix.randn(2, 4, rng), false);
    assert.notEqual(c, b);
    assert.deepEqual(c.shape, [2, 4]);
  });

  it("Relu.backward leaves dout untouched (the book writes zeros into dout in place)", () => {
    const rng = new RNG(13);
    const relu = new Relu();
    relu.forward(Matrix.randn(3, 4, rng), false);
    const dout = Matrix.randn(3, 4, rng);
    const copy = dout.clone();
    relu.backward(dout);
    assert.deepEqual(dout.data, copy.data);
  });
});

describe("Affine options of the nets' first layer", () => {
  it("computeDx: false gives the same dW and db, and an x-shaped NaN matrix instead of dx", () => {
    const rng = new RNG(15);
    const W = Matrix.randn(6, 4, rng), b = Matrix.randn(1, 4, rng);
    const x = Matrix.randn(5, 6, rng), dout = Matrix.randn(5, 4, rng);
    const full = new Affine(W, b), lean = new Affine(W, b, { computeDx: false });
    assert.equal(full.computeDx, true);
    assert.deepEqual(lean.forward(x, true).data, full.forward(x, true).data);
    full.backward(dout);
    for (let round = 0; round < 2; round++) {
      const dx = lean.backward(dout); // the NaN buffer is kept for the next call
      assert.deepEqual([dx.rows, dx.cols], [5, 6]);
      assert.ok(dx.data.every((v) => Number.isNaN(v)));
      assert.deepEqual(lean.dW.data, full.dW.data);
      assert.deepEqual(lean.db.data, full.db.data);
    }
  });

  it("checkFinite: NaN or ±Infinity in x throws naming x, even where a whole row of W is 0", () => {
    const rng = new RNG(16);
    for (const [nIn, nOut] of [[6, 3], [2, 5]]) { // out smaller than x (checked on out), and larger (x scanned)
      const W = Matrix.randn(nIn, nOut, rng);
      for (let j = 0; j < nOut; j++) W.set(1, j, 0); // NaN·0 must still be NaN
      const layer = new Affine(W, Matrix.randn(1, nOut, rng), { checkFinite: true });
      const x = Matrix.randn(4, nIn, rng);
      assert.equal(layer.forward(x, true).size, 4 * nOut);
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const col of [0, 1]) {
          const y = x.clone();
          y.set(2, col, bad);
          const shown = Number.isNaN(bad) ? "NaN" : String(bad);
          assert.throws(() => layer.forward(y, true), new RegExp(`^ArgumentError: x: expected only finite numbers, got "${shown} at flat index ${2 * nIn + col}"$`));
        }
      }
    }
  });

  it("checkFinite: a diverged W with a clean x is not an input error (the loss shows it)", () => {
    const rng = new RNG(17);
    const W = Matrix.randn(6, 3, rng);
    W.set(0, 0, NaN);
    const out = new Affine(W, new Matrix(1, 3), { checkFinite: true }).forward(Matrix.randn(4, 6, rng), true);
    assert.ok(Number.isNaN(out.get(0, 0)));
  });
});

describe("layer shape errors name the argument", () => {
  it("Affine: x of the wrong width, b of the wrong length, dout of the wrong shape", () => {
    const rng = new RNG(14);
    assert.throws(() => new Affine(Matrix.randn(5, 3, rng), new Matrix(1, 4)), (e: Error) => e instanceof ShapeError && /^b:/.test(e.message));
    const layer = new Affine(Matrix.randn(5, 3, rng), new Matrix(1, 3));
    assert.throws(() => layer.forward(new Matrix(2, 4), true), /^ShapeError: x: expected shape \(any, 5\), got \(2, 4\)$/);
    layer.forward(new Matrix(2, 5), true);
    assert.throws(() => layer.backward(new Matrix(3, 3)), /dout: expected shape \(2, 3\)/);
  });

  it("BatchNormalization and LayerNormalization: x width must match gamma", () => {
    const bn = new BatchNormalization(Matrix.full(1, 3, 1), new Matrix(1, 3));
    assert.throws(() => bn.forward(new Matrix(2, 4), true), /x: expected shape \(any, 3\)/);
    assert.throws(() => new BatchNormalization(Matrix.full(1, 3, 1), new Matrix(1, 2)), /beta: expected shape \(1, 3\)/);
    const ln = new LayerNormalization(Matrix.full(1, 3, 1), new Matrix(1, 3));
    assert.throws(() => ln.forward(new Matrix(2, 4), true), /x: expected shape \(any, 3\)/);
  });

  it("SoftmaxWithLoss: labels that do not match the scores", () => {
    const layer = new SoftmaxWithLoss();
    const x = new Matrix(3, 4);
    assert.throws(() => layer.forward(x, Int32Array.from([0, 1])), /^ShapeError: t: expected shape \(3\) labels/);
    assert.throws(() => layer.forward(x, Int32Array.from([0, 1, 4])), /t: expected class indices in \[0, 4\)/);
    assert.throws(() => layer.forward(x, new Matrix(3, 5)), /t: expected shape \(3, 4\)/);
  });
});
