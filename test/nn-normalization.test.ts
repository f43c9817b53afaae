import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { BN_EPS, BatchNormalization, LayerNormalization } from "../src/nn";

/** Column means and (biased) variances, computed independently of the layer. */
function columnStats(x: Matrix): { mean: number[]; variance: number[] } {
  const rows = x.toArray();
  const mean = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
  const variance = rows[0].map((_, j) => rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / rows.length);
  return { mean, variance };
}

function close(a: number, b: number, tol = 1e-12): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
}

describe("BatchNormalization", () => {
  it("train mode: each feature normalised by the batch mean and variance (eps = the book's 10e-7)", () => {
    assert.equal(BN_EPS, 1e-6);
    const rng = new RNG(1);
    const gamma = Matrix.from([[2, 0.5, 1]]), beta = Matrix.from([[1, -1, 0]]);
    const bn = new BatchNormalization(gamma, beta);
    const x = Matrix.randn(10, 3, rng, 3);
    const out = bn.forward(x, true);
    const { mean, variance } = columnStats(x);
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 3; j++) {
        const expected = gamma.get(0, j) * ((x.get(i, j) - mean[j]) / Math.sqrt(variance[j] + 10e-7)) + beta.get(0, j);
        close(out.get(i, j), expected);
      }
    }
  });

  it("running mean/var start as null, become zeros, and move with momentum 0.9", () => {
    const rng = new RNG(2);
    const bn = new BatchNormalization(Matrix.full(1, 4, 1), new Matrix(1, 4));
    assert.equal(bn.runningMean, null);
    assert.equal(bn.momentum, 0.9);
    let rm = [0, 0, 0, 0], rv = [0, 0, 0, 0];
    for (let step = 0; step < 3; step++) {
      const x = Matrix.randn(7, 4, rng, 2);
      bn.forward(x, true);
      const { mean, variance } = columnStats(x);
      rm = rm.map((r, j) => 0.9 * r + 0.1 * mean[j]);
      rv = rv.map((r, j) => 0.9 * r + 0.1 * variance[j]);
      rm.forEach((r, j) => close(bn.runningMean!.data[j], r));
      rv.forEach((r, j) => close(bn.runningVar!.data[j], r));
    }
    // test mode leaves the running statistics alone
    const before = bn.runningMean!.clone();
    bn.forward(Matrix.randn(5, 4, rng), false);
    assert.deepEqual(bn.runningMean!.data, before.data);
  });

  it("test mode uses the running statistics: one sample alone = the same sample inside a batch", () => {
    const rng = new RNG(3);
    const bn = new BatchNormalization(Matrix.from([[1.5, 0.7, 1]]), Matrix.from([[0.1, 0.2, 0.3]]));
    for (let k = 0; k < 20; k++) bn.forward(Matrix.randn(16, 3, rng, 2), true);
    const batch = Matrix.randn(6, 3, rng);
    const inBatch = bn.forward(batch, false).clone();
    const alone = bn.forward(Matrix.from([Array.from(batch.rowView(4))]), false);
    assert.deepEqual(Array.from(alone.rowView(0)), Array.from(inBatch.rowView(4)));
    // …and equals gamma·(x − running_mean)/√(running_var + eps) + beta
    for (let j = 0; j < 3; j++) {
      const xn = (batch.get(4, j) - bn.runningMean!.data[j]) / Math.sqrt(bn.runningVar!.data[j] + BN_EPS);
      close(alone.get(0, j), bn.gamma.data[j] * xn + bn.beta.data[j]);
    }
    // whereas in train mode the same sample's output depends on its batch
    const trainOut = bn.forward(batch, true).clone();
    assert.notEqual(trainOut.get(4, 0), inBatch.get(4, 0));
  });

  it("accepts initial running statistics and rejects a momentum outside [0, 1]", () => {
    const bn = new BatchNormalization(Matrix.full(1, 2, 1), new Matrix(1, 2), {
      runningMean: Matrix.from([[1, 2]]), runningVar: Matrix.from([[4, 9]]),
    });
    const out = bn.forward(Matrix.from([[3, 2]]), false);
    close(out.get(0, 0), 2 / Math.sqrt(4 + BN_EPS));
    assert.equal(out.get(0, 1), 0);
    assert.throws(() => new BatchNormalization(Matrix.full(1, 2, 1), new Matrix(1, 2), { momentum: 1.5 }), /momentum: expected a number in \[0, 1\]/);
    assert.throws(() => new BatchNormalization(Matrix.full(1, 2, 1), new Matrix(1, 2), { runningVar: new Matrix(1, 3) }), /runningVar: expected shape \(1, 2\)/);
  });
});

describe("LayerNormalization", () => {
  it("normalises each sample over its features; the other rows do not matter", () => {
    const rng = new RNG(4);
    const ln = new LayerNormalization(Matrix.full(1, 6, 1), new Matrix(1, 6));
    const x = Matrix.randn(3, 6, rng, 4);
    const out = ln.forward(x, true).clone();
    for (let i = 0; i < 3; i++) {
      const row = Array.from(x.rowView(i));
      const mu = row.reduce((a, b) => a + b, 0) / 6;
      const v = row.reduce((a, b) => a + (b - mu) ** 2, 0) / 6;
      row.forEach((r, j) => close(out.get(i, j), (r - mu) / Math.sqrt(v + BN_EPS)));
    }
    const alone = ln.forward(Matrix.from([Array.from(x.rowView(1))]), false);
    assert.deepEqual(Array.from(alone.rowView(0)), Array.from(out.rowView(1)));
  });

  it("applies gamma and beta per feature, the same in train and test mode", () => {
    const ln = new LayerNormalization(Matrix.from([[2, 3]]), Matrix.from([[1, -1]]));
    const x = Matrix.from([[1, 3]]);
    const a = ln.forward(x, true).toArray(), b = ln.forward(x, false).toArray();
    assert.deepEqual(a, b);
    const s = Math.sqrt(1 + BN_EPS); // mean 2, variance 1
    close(a[0][0], 2 * (-1 / s) + 1);
    close(a[0][1], 3 * (1 / s) - 1);
  });
});
