/**
 * Issue 18.5's library traps (each failed before the fix) and the named kernels
 * of src/core against the book's one-line formulas, element by element.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { axpy } from "../src/core/axpy";
import { moveToward, rootScaledStep } from "../src/core/adaptive-steps";
import { setWarningHandler, resetWarnings } from "../src/core/warn";
import { BatchNormalization, MultiLayerNet, MultiLayerNetExtend, SoftmaxWithLoss } from "../src/nn";
import { Adam, AdamW, DecoupledWeightDecay, Momentum, ProximalL1, RMSprop, SGD } from "../src/optim";
import { Trainer, checkDivergence } from "../src/train";

describe("unknown options are errors naming the option and the valid ones", () => {
  it("new SGD({ lr, momentum }) refuses momentum and points to Momentum", () => {
    assert.throws(() => new SGD({ lr: 0.1, momentum: 0.9 } as never), /new SGD: unknown option "momentum"; valid options are lr\. .*new Momentum/);
  });
  it("other optimizers and the book's snake_case", () => {
    assert.throws(() => new Adam({ lr: 0.1, beta3: 0.5 } as never), /new Adam: unknown option "beta3"; valid options are lr, beta1, beta2/);
    assert.throws(() => new Momentum({ alpha: 0.9 } as never), /unknown option "alpha"/);
    assert.equal(new RMSprop({ decay_rate: 0.5 } as never).decayRate, 0.5);
    assert.equal(new AdamW({ weight_decay: 0.2 } as never).weightDecay, 0.2);
  });
  it("nets: unknown option refused; the book's dropout_ration / dropoutRation accepted", () => {
    const rng = new RNG(0);
    assert.throws(() => new MultiLayerNet({ inputSize: 4, hiddenSizeList: [3], outputSize: 2, rng, useDropout: true } as never),
      /new MultiLayerNet: unknown option "useDropout"/);
    const a = new MultiLayerNetExtend({ inputSize: 4, hiddenSizeList: [3], outputSize: 2, rng, useDropout: true, dropoutRation: 0.2 });
    const layer = a.layers.get("Dropout1") as unknown as { dropoutRatio: number };
    assert.equal(layer.dropoutRatio, 0.2);
    const b = new MultiLayerNetExtend({ input_size: 4, hidden_size_list: [3], output_size: 2, rng, use_dropout: true, dropout_ration: 0.3 } as never);
    assert.equal((b.layers.get("Dropout1") as unknown as { dropoutRatio: number }).dropoutRatio, 0.3);
    assert.throws(() => new MultiLayerNetExtend({ inputSize: 4, hiddenSizeList: [3], outputSize: 2, rng, dropoutRation: 1.0 }), /dropoutRatio/);
  });
});

describe("SoftmaxWithLoss refuses what would make a silent NaN or a wrong gradient", () => {
  it("NaN / ±∞ scores and a 0-row batch", () => {
    const l = new SoftmaxWithLoss();
    assert.throws(() => l.forward(Matrix.from([[0, NaN]]), new Int32Array([0])), /x: expected finite scores.*NaN at row 0, column 1/);
    assert.throws(() => l.forward(Matrix.from([[Infinity, 0]]), new Int32Array([0])), /Infinity at row 0/);
    assert.throws(() => l.forward(new Matrix(0, 2), new Int32Array(0)), /x: expected at least one row/);
  });
  it("soft targets (forward would use argmax, backward y − t)", () => {
    const l = new SoftmaxWithLoss();
    assert.throws(() => l.forward(Matrix.from([[1, 2]]), Matrix.from([[0.3, 0.7]])), /t: expected one-hot rows.*row 0 = \[0\.3, 0\.7\]/);
    assert.ok(Number.isFinite(l.forward(Matrix.from([[1, 2]]), Matrix.from([[0, 1]]))));
  });
});

describe("BatchNormalization warns once about the book's own traps", () => {
  it("train-mode batch of 1, test mode before training", () => {
    const seen: string[] = [];
    const prev = setWarningHandler((m) => seen.push(m));
    resetWarnings();
    try {
      const bn = new BatchNormalization(Matrix.full(1, 3, 1), new Matrix(1, 3));
      bn.forward(Matrix.from([[1, 2, 3]]), false);
      bn.forward(Matrix.from([[1, 2, 3]]), true);
      bn.forward(Matrix.from([[1, 2, 3]]), true);
      assert.equal(seen.length, 2);
      assert.match(seen[0], /test mode before any train-mode forward.*trap of the book/);
      assert.match(seen[1], /batch of 1 row.*trap of the book/);
      const trained = new BatchNormalization(Matrix.full(1, 3, 1), new Matrix(1, 3));
      resetWarnings();
      trained.forward(Matrix.from([[1, 2, 3], [2, 3, 5]]), true);
      trained.forward(Matrix.from([[1, 2, 3]]), false);
      assert.equal(seen.length, 2); // trained first: no warning
    } finally {
      setWarningHandler(prev);
    }
  });
});

describe("training reports the step where it stopped being finite", () => {
  it("Trainer with an optimizer whose step puts NaN into W2 at iteration 3", () => {
    const rng = new RNG(1);
    const x = Matrix.randn(40, 4, rng), t = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    const net = new MultiLayerNet({ inputSize: 4, hiddenSizeList: [5], outputSize: 2, rng: new RNG(2) });
    const sgd = new SGD({ lr: 0.1 });
    let calls = 0;
    const nanAt3 = { ...sgd, name: "sgd" as const, lr: 0.1, reset() {}, hyperparams: () => ({ lr: 0.1 }),
      update(p: Record<string, Matrix>, g: Record<string, Matrix>) {
        if (calls++ === 3) g.W2.data[0] = NaN;
        sgd.update(p, g);
      } };
    const r = new Trainer({ network: net, xTrain: x, tTrain: t, xTest: x, tTest: t, epochs: 2, miniBatchSize: 10, optimizer: nanAt3, rng }).train();
    assert.equal(r.diverged, true);
    assert.equal(r.divergedAt, 3);
    assert.equal(r.divergence?.param, "W2");
    assert.match(r.divergence!.message, /iteration 3: after its update params\.W2 holds NaN/);
    assert.equal(r.trainLossList.length, 3);
  });
  it("checkDivergence is null while finite", () => {
    assert.equal(checkDivergence(0, 1.5, { W1: Matrix.from([[NaN]]) }), null); // params scanned only once the loss is bad
    assert.equal(checkDivergence(4, Infinity, { W1: Matrix.from([[1]]) })!.param, null);
  });
});

describe("named kernels and optimizer wrappers equal the book's lines bit for bit", () => {
  const rng = new RNG(7);
  const g = Float64Array.from({ length: 37 }, () => rng.normal(0, 1));
  const p0 = Float64Array.from({ length: 37 }, () => rng.normal(0, 1));
  it("axpy(−lr, g, p) is p − lr·g; moveToward; rootScaledStep", () => {
    const p = p0.slice();
    axpy(-0.01, g, p);
    p0.forEach((v, i) => assert.equal(p[i], v - 0.01 * g[i]));
    const m = p0.slice();
    moveToward(0.1, g, m);
    p0.forEach((v, i) => assert.equal(m[i], v + 0.1 * (g[i] - v)));
    const h = g.map((v) => v * v), q = p0.slice();
    rootScaledStep(0.5, g, h, q);
    p0.forEach((v, i) => assert.equal(q[i], v - (0.5 * g[i]) / (Math.sqrt(h[i]) + 1e-7)));
  });
  it("DecoupledWeightDecay decays W only, before the step; ProximalL1 thresholds after SGD only", () => {
    const params = { W1: Matrix.from([[1, -2]]), b1: Matrix.from([[3, 4]]) };
    const grads = { W1: Matrix.from([[0, 0]]), b1: Matrix.from([[0, 0]]) };
    new DecoupledWeightDecay(new SGD({ lr: 0.1 }), { weightDecay: 0.5 }).update(params, grads);
    assert.deepEqual(Array.from(params.W1.data), [1 - 0.05 * 1, -2 - 0.05 * -2]);
    assert.deepEqual(Array.from(params.b1.data), [3, 4]);
    const w = { W1: Matrix.from([[0.001, -0.5]]) }, z = { W1: Matrix.from([[0, 0]]) };
    new ProximalL1(new SGD({ lr: 0.1 }), { l1: 0.1 }).update(w, z);
    assert.deepEqual(Array.from(w.W1.data), [0, -0.49]);
    assert.throws(() => new ProximalL1(new Adam(), { l1: 0.1 }), /inner: expected SGD/);
  });
});
