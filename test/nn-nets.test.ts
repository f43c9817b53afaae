/**
 * MultiLayerNet / MultiLayerNetExtend: backprop against the nets' own
 * numericalGradient, per parameter, over activations × BN × dropout × decay.
 *
 * Bound NET_TOL = 1e-5. Unlike the layer checks, the loss contains the
 * book's δ = 1e-7 in log(y_t + δ) while backprop returns (y − t)/n, the
 * gradient without δ: per sample they differ by the factor y_t/(y_t + δ),
 * i.e. relatively by δ/y_t (≈ 3e-7 at y_t ≈ 1/3; measured errors here are
 * 1e-7…1e-6). The test asserts y_t ≥ 0.05 (δ/y_t ≤ 2e-6) and allows a
 * factor 5 for cancellation between samples in a summed gradient; a missing
 * λW, a BN term or a wrong scale gives errors ≥ 1e-3. Weights of std 0.3
 * keep the scores moderate so that every y_t stays above 0.05.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG, backendNames, getBackend, setBackend, sumSquares } from "../src/core";
import {
  MultiLayerNet, MultiLayerNetExtend, relativeError, softmax, type Activation, type Params,
} from "../src/nn";
import { cloneParams } from "./nn-helpers";

const NET_TOL = 1e-5;
const ACTIVATIONS: Activation[] = ["relu", "sigmoid", "tanh"];

function data(rng: RNG, n: number, d: number, classes: number): { x: Matrix; t: Int32Array } {
  const x = Matrix.randn(n, d, rng);
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = i % classes;
  return { x, t };
}

/** The premise of NET_TOL: every sample gives its label a probability ≥ 0.05. */
function assertLabelProbabilities(net: MultiLayerNet | MultiLayerNetExtend, x: Matrix, t: Int32Array, train: boolean): void {
  const y = softmax(net.predict(x, train));
  t.forEach((c, i) => assert.ok(y.get(i, c) >= 0.05, `y[${i}, ${c}] = ${y.get(i, c)} < 0.05`));
}

function assertGradientsMatch(analytic: Params, numeric: Params, tol = NET_TOL): void {
  assert.deepEqual(Object.keys(analytic), Object.keys(numeric));
  for (const k of Object.keys(analytic)) {
    const e = relativeError(analytic[k], numeric[k]);
    assert.ok(e < tol, `${k}: relative error ${e} ≥ ${tol}`);
  }
}

describe("MultiLayerNet gradient check", () => {
  for (const activation of ACTIVATIONS) {
    for (const weightDecayLambda of [0, 0.1]) {
      it(`${activation}, λ = ${weightDecayLambda}`, () => {
        const rng = new RNG(21);
        const net = new MultiLayerNet({ inputSize: 5, hiddenSizeList: [6, 4], outputSize: 3, activation, weightDecayLambda, weightInitStd: 0.3, rng });
        const { x, t } = data(rng, 4, 5, 3);
        assertLabelProbabilities(net, x, t, false);
        const g = cloneParams(net.gradient(x, t));
        assertGradientsMatch(g, net.numericalGradient(x, t));
        assert.deepEqual(Object.keys(g), ["W1", "b1", "W2", "b2", "W3", "b3"]);
      });
    }
  }

  it("one-hot labels give the same gradient as index labels", () => {
    const rng = new RNG(22);
    const net = new MultiLayerNet({ inputSize: 4, hiddenSizeList: [5], outputSize: 3, rng });
    const { x, t } = data(rng, 6, 4, 3);
    const onehot = new Matrix(6, 3);
    t.forEach((c, i) => onehot.set(i, c, 1));
    const a = cloneParams(net.gradient(x, t));
    const b = net.gradient(x, onehot);
    for (const k of Object.keys(a)) assert.ok(relativeError(a[k], b[k]) < 1e-15, k);
    assert.equal(net.loss(x, t), net.loss(x, onehot));
  });
});

describe("MultiLayerNetExtend gradient check", () => {
  for (const activation of ACTIVATIONS) {
    for (const useBatchnorm of [false, true]) {
      for (const useDropout of [false, true]) {
        const name = `${activation}${useBatchnorm ? " + BN" : ""}${useDropout ? " + dropout (eval)" : ""}, λ = 0.05`;
        it(name, () => {
          const rng = new RNG(31);
          const net = new MultiLayerNetExtend({
            inputSize: 5, hiddenSizeList: [6, 4], outputSize: 3, activation, weightDecayLambda: 0.05, weightInitStd: 0.3,
            useBatchnorm, useDropout, dropoutRatio: 0.3, rng,
          });
          const { x, t } = data(rng, 5, 5, 3);
          // With dropout, check the test-mode loss (a train-mode loss redraws its mask at
          // every call). Warm the BN running statistics first: after one step they are
          // 0.1 × the batch statistics, and the scores are so extreme that y_t < 1e-6.
          const train = !useDropout;
          if (!train) for (let k = 0; k < 50; k++) net.loss(x, t, true);
          assertLabelProbabilities(net, x, t, train);
          const g = cloneParams(net.gradient(x, t, train));
          const numeric = net.numericalGradient(x, t, train);
          if (useBatchnorm && train) {
            // The bias before a train-mode BN cancels in x − mean: its true gradient is 0,
            // so both sides are rounding noise and their relative error means nothing.
            for (const k of ["b1", "b2"]) {
              assert.ok(sumSquares(g[k]) < 1e-28 && sumSquares(numeric[k]) < 1e-20, `${k} ≈ 0`);
              delete g[k];
              delete numeric[k];
            }
          }
          assertGradientsMatch(g, numeric);
        });
      }
    }
  }

  it("params and grads are keyed like the book: W, b, then gamma, beta per hidden layer", () => {
    const net = new MultiLayerNetExtend({ inputSize: 3, hiddenSizeList: [4, 2], outputSize: 2, useBatchnorm: true, rng: new RNG(1) });
    assert.deepEqual(Object.keys(net.params), ["W1", "b1", "W2", "b2", "W3", "b3", "gamma1", "beta1", "gamma2", "beta2"]);
    const { x, t } = data(new RNG(2), 4, 3, 2);
    assert.deepEqual(Object.keys(net.gradient(x, t)), ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]);
    assert.deepEqual([...net.layers.keys()], [
      "Affine1", "BatchNorm1", "Activation_function1", "Affine2", "BatchNorm2", "Activation_function2", "Affine3",
    ]);
    assert.deepEqual(net.params.gamma1.toArray(), [[1, 1, 1, 1]]);
    assert.deepEqual(net.params.b1.toArray(), [[0, 0, 0, 0]]);
  });
});

describe("the book's degenerate BN gradient check (batch of 1)", () => {
  it("passes trivially: BN outputs beta, and only b3 has a non-zero backprop gradient", () => {
    // ch06/batch_norm_gradient_check.py checks MultiLayerNetExtend (ReLU, BN) on ONE
    // sample, x_train[:1]. In train mode BN subtracts the batch mean, so x − mean = 0
    // for a batch of 1: BN outputs beta whatever its input, and nothing before BN
    // (W1, b1, gamma1, W2, …) influences the loss. With beta = 0 at the start, ReLU(0)
    // = 0 also cuts W3 (ReLU's derivative at 0 is taken as 0). Backprop is then exactly
    // 0 everywhere except b3, and so is the numerical gradient — except for beta2,
    // where +h crosses ReLU's kink and −h does not: the central difference returns
    // half the one-sided slope. The check never exercises the BN backward (its dx =
    // dxc − Σdxc/1 = 0) and proves nothing about it: use a batch of ≥ 2, as the
    // gradient checks above do. (Same net shape as the book, smaller sizes.)
    const rng = new RNG(41);
    const net = new MultiLayerNetExtend({ inputSize: 8, hiddenSizeList: [6, 5], outputSize: 4, useBatchnorm: true, rng });
    const x = Matrix.randn(1, 8, rng), t = Matrix.from([[0, 0, 1, 0]]);
    const g = cloneParams(net.gradient(x, t));
    const numeric = net.numericalGradient(x, t);
    for (const k of Object.keys(g)) {
      if (k === "b3") continue;
      assert.ok(g[k].data.every((v) => v === 0), `backprop d${k} is exactly 0`);
      if (k !== "beta2") assert.ok(numeric[k].data.every((v) => v === 0), `numerical d${k} is exactly 0`);
    }
    assert.ok(sumSquares(g.b3) > 0);
    assert.ok(relativeError(g.b3, numeric.b3) < NET_TOL);
    // beta2: the numerical value is (f(β + h) − f(β)) / 2h, half a one-sided difference
    const h = 1e-4, beta2 = net.params.beta2.data, f0 = net.loss(x, t, true);
    for (let j = 0; j < beta2.length; j++) {
      beta2[j] += h;
      const fPlus = net.loss(x, t, true);
      beta2[j] -= h;
      assert.equal(numeric.beta2.data[j], (fPlus - f0) / (2 * h));
    }
    assert.ok(sumSquares(numeric.beta2) > 0);
    // and BN's output for a batch of 1 is beta, exactly
    const bn = net.layers.get("BatchNorm1")!;
    net.params.beta1.data.set([0.3, -0.2, 0.1, 0.5, -0.4, 0.7]);
    assert.deepEqual(bn.forward(Matrix.randn(1, 6, rng, 5), true).toArray(), net.params.beta1.toArray());
  });
});

describe("weight decay: ½λΣ‖W‖² in the loss ≡ λW in the gradient", () => {
  for (const Net of [MultiLayerNet, MultiLayerNetExtend]) {
    it(Net.name, () => {
      const lambda = 0.3;
      const make = (weightDecayLambda: number) =>
        new Net({ inputSize: 4, hiddenSizeList: [5, 3], outputSize: 2, weightDecayLambda, rng: new RNG(51) });
      const withDecay = make(lambda), without = make(0);
      const { x, t } = data(new RNG(52), 6, 4, 2);
      let sq = 0;
      for (const k of ["W1", "W2", "W3"]) sq += sumSquares(withDecay.params[k]);
      const diff = withDecay.loss(x, t) - without.loss(x, t);
      assert.ok(Math.abs(diff - 0.5 * lambda * sq) < 1e-12, `loss difference ${diff} vs ½λΣW² ${0.5 * lambda * sq}`);

      const a = cloneParams(withDecay.gradient(x, t)), b = without.gradient(x, t);
      for (const k of Object.keys(a)) {
        const W = withDecay.params[k];
        for (let i = 0; i < W.size; i++) {
          const expected = k.startsWith("W") ? lambda * W.data[i] : 0;
          assert.ok(Math.abs(a[k].data[i] - b[k].data[i] - expected) < 1e-14, `${k}[${i}]`);
        }
      }
    });
  }
});

describe("net behaviour", () => {
  it("the same seed gives the same weights; weight init by name matches the book's std", () => {
    const a = new MultiLayerNet({ inputSize: 784, hiddenSizeList: [100], outputSize: 10, rng: new RNG(7) });
    const b = new MultiLayerNet({ inputSize: 784, hiddenSizeList: [100], outputSize: 10, rng: new RNG(7) });
    assert.deepEqual(a.params.W1.data, b.params.W1.data);
    // "relu" (the default) → He: std √(2/784); 78 400 samples → the sample std is within 1 %.
    const s = Math.sqrt(sumSquares(a.params.W1) / a.params.W1.size);
    assert.ok(Math.abs(s / Math.sqrt(2 / 784) - 1) < 0.01, `std ${s}`);
  });

  it("accuracy counts argmax hits for both label forms", () => {
    const net = new MultiLayerNet({ inputSize: 2, hiddenSizeList: [], outputSize: 2, weightInitStd: 1, rng: new RNG(1) });
    net.params.W1.data.set([1, 0, 0, 1]); // scores = x
    const x = Matrix.from([[1, 0], [0, 1], [2, 1], [0, 3]]);
    assert.equal(net.accuracy(x, Int32Array.from([0, 1, 1, 1])), 0.75);
    assert.equal(net.accuracy(x, Matrix.from([[1, 0], [0, 1], [0, 1], [0, 1]])), 0.75);
  });

  it("replacing a params entry by a same-shape Matrix is seen by the layers", () => {
    const net = new MultiLayerNet({ inputSize: 2, hiddenSizeList: [], outputSize: 2, rng: new RNG(1) });
    net.params.W1 = Matrix.from([[1, 0], [0, 1]]);
    assert.deepEqual(net.predict(Matrix.from([[3, 4]])).toArray(), [[3, 4]]);
    net.params.W1 = new Matrix(3, 2);
    assert.throws(() => net.predict(Matrix.from([[3, 4]])), /params\.W1: expected shape \(2, 2\)/);
  });

  it("BN nets: one sample in test mode gives the same output as inside its batch", () => {
    const rng = new RNG(61);
    const net = new MultiLayerNetExtend({ inputSize: 4, hiddenSizeList: [5], outputSize: 3, useBatchnorm: true, rng });
    const { x, t } = data(rng, 8, 4, 3);
    net.gradient(x, t); // one training step's forward sets the running statistics
    const all = net.predict(x, false).clone();
    const one = net.predict(Matrix.from([Array.from(x.rowView(2))]), false);
    for (let j = 0; j < 3; j++) assert.equal(one.get(0, j), all.get(2, j));
  });
});

describe("learning", () => {
  it("SGD on the nets' gradients separates three Gaussian blobs (BN + dropout, and plain)", () => {
    const rng = new RNG(81);
    const n = 300, centers = [[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0]];
    const x = Matrix.randn(n, 4, rng, 0.7), t = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = i % 3;
      for (let j = 0; j < 4; j++) x.data[i * 4 + j] += centers[t[i]][j];
    }
    const nets = [
      new MultiLayerNet({ inputSize: 4, hiddenSizeList: [16, 16], outputSize: 3, rng }),
      new MultiLayerNetExtend({ inputSize: 4, hiddenSizeList: [16, 16], outputSize: 3, useBatchnorm: true, useDropout: true, dropoutRatio: 0.2, weightDecayLambda: 1e-3, rng }),
    ];
    for (const net of nets) {
      const before = net.loss(x, t);
      for (let step = 0; step < 300; step++) {
        const idx = rng.choice(n, 30);
        const xb = new Matrix(30, 4), tb = new Int32Array(30);
        idx.forEach((r, i) => { xb.data.set(x.rowView(r), i * 4); tb[i] = t[r]; });
        const g = net.gradient(xb, tb);
        for (const k of Object.keys(g)) {
          const p = net.params[k].data, d = g[k].data;
          for (let i = 0; i < p.length; i++) p[i] -= 0.1 * d[i];
        }
      }
      const after = net.loss(x, t);
      assert.ok(after < before / 3, `loss ${before} → ${after}`);
      // the blobs overlap (σ = 0.7, centres 2√2 apart: each pair confused with probability
      // Φ(−√2/0.7) ≈ 0.022), so even the best classifier reaches only ≈ 0.96
      assert.ok(net.accuracy(x, t) > 0.93, `accuracy ${net.accuracy(x, t)}`);
    }
  });
});

describe("net input errors name the argument", () => {
  const rng = new RNG(71);
  const net = new MultiLayerNetExtend({ inputSize: 4, hiddenSizeList: [3], outputSize: 2, rng });
  const x = Matrix.randn(3, 4, rng);

  it("x of the wrong width, NaN in x, an empty x", () => {
    assert.throws(() => net.predict(new Matrix(3, 5)), /^ShapeError: x: expected shape \(any, 4\), got \(3, 5\)$/);
    const bad = x.clone();
    bad.set(1, 2, NaN);
    assert.throws(() => net.loss(bad, Int32Array.from([0, 1, 0])), /^ArgumentError: x: expected only finite numbers, got "NaN at flat index 6"$/);
    assert.throws(() => net.predict(new Matrix(0, 4)), /^ArgumentError: x: expected at least one row/);
  });

  it("NaN or ±Infinity in x, with every GEMM backend, also at an input whose W1 row is 0; BN statistics untouched", () => {
    const before = getBackend().name;
    try {
      for (const name of backendNames()) {
        try {
          setBackend(name);
        } catch {
          continue; // not available here
        }
        for (const activation of ACTIVATIONS) { // sigmoid/tanh would turn ±∞ into 0/±1: the check is at the first layer
          const r = new RNG(72);
          const bnNet = new MultiLayerNetExtend({ inputSize: 8, hiddenSizeList: [3, 3], outputSize: 2, activation, useBatchnorm: true, rng: r });
          for (let j = 0; j < 3; j++) bnNet.params.W1.set(5, j, 0); // as L1's proximal step can leave it
          const clean = Matrix.randn(4, 8, r), t = Int32Array.from([0, 1, 0, 1]);
          bnNet.loss(clean, t, true);
          const bn = bnNet.layers.get("BatchNorm1") as unknown as { runningMean: Matrix };
          const mean = bn.runningMean.clone();
          for (const bad of [NaN, Infinity, -Infinity]) {
            for (const col of [0, 5]) {
              const y = clean.clone();
              y.set(3, col, bad);
              assert.throws(() => bnNet.gradient(y, t), /^ArgumentError: x: expected only finite numbers/, `${name} ${activation} ${bad} at ${col}`);
              assert.deepEqual(bn.runningMean.data, mean.data, "the running mean did not see the bad batch");
            }
          }
        }
      }
    } finally {
      setBackend(before);
    }
  });

  it("t with the wrong number of rows or classes", () => {
    assert.throws(() => net.loss(x, Int32Array.from([0, 1])), /^ShapeError: t: expected shape \(3\) labels/);
    assert.throws(() => net.gradient(x, new Matrix(2, 2)), /^ShapeError: t: expected shape \(3, 2\)/);
    assert.throws(() => net.accuracy(x, Int32Array.from([0, 1, 2])), /^ArgumentError: t: expected class indices in \[0, 2\)/);
  });

  it("bad options", () => {
    const ok = { inputSize: 4, hiddenSizeList: [3], outputSize: 2, rng };
    assert.throws(() => new MultiLayerNet({ ...ok, weightInitStd: "lecun" as never }), /weightInitStd: expected a number > 0 or one of xavier, sigmoid, glorot, he, relu, got "lecun"/);
    assert.throws(() => new MultiLayerNet({ ...ok, weightInitStd: -0.1 }), /weightInitStd: expected a finite standard deviation > 0, got -0.1/);
    assert.throws(() => new MultiLayerNetExtend({ ...ok, dropoutRatio: 1 }), /dropoutRatio: expected a number in \[0, 1\), got 1/);
    assert.throws(() => new MultiLayerNetExtend({ ...ok, dropoutRatio: -0.1 }), /dropoutRatio: expected a number in \[0, 1\)/);
    assert.throws(() => new MultiLayerNet({ ...ok, activation: "gelu" as never }), /activation: expected one of relu, sigmoid, tanh/);
    assert.throws(() => new MultiLayerNet({ ...ok, hiddenSizeList: [3, 0] }), /hiddenSizeList\[1\]: expected an integer >= 1, got 0/);
    assert.throws(() => new MultiLayerNet({ ...ok, weightDecayLambda: -1 }), /weightDecayLambda: expected a number >= 0/);
    assert.throws(() => new MultiLayerNet({ ...ok, rng: undefined as never }), /rng: expected an RNG/);
    assert.throws(() => new MultiLayerNet({ ...ok, inputSize: 0 }), /inputSize: expected an integer >= 1, got 0/);
  });
});
