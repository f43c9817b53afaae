/**
 * 6.3 the algorithm: the hand-checkable worked example (every graph node vs the
 * engine's layer and vs a numerical gradient), train vs test mode, and the
 * slides' evaluation settings.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "../src/core";
import { WORKED_EXAMPLE, batchNormWorkedExample } from "../src/experiments/batchnorm/worked-example";
import { runningStatistics, testModeDemo } from "../src/experiments/batchnorm/modes";
import { EVALUATION_INITS, batchNormEvaluation } from "../src/experiments/batchnorm/evaluation";
import { BN_EPS, BatchNormalization, numericalGradient } from "../src/nn";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const closeAll = (a: number[][], b: number[][], tol: number, what: string) =>
  a.forEach((r, i) => r.forEach((v, j) => close(v, b[i][j], tol, `${what}[${i}][${j}]`)));

describe("worked example (m = 4, two features)", () => {
  const w = batchNormWorkedExample();

  it("has the numbers the notebook asks the learner to check by hand (ε = 1e-6 moves them by < 1e-6)", () => {
    assert.deepEqual(w.mu, [5, 2]);
    assert.deepEqual(w.variance, [9, 1]);
    closeAll(w.xhat, [[-5 / 3, -1], [1 / 3, -1], [1 / 3, 1], [1, 1]], 1e-6, "x̂");
    closeAll(w.y, [[-7 / 3, -1], [5 / 3, -1], [5 / 3, 1], [3, 1]], 1e-6, "y");
    close(w.dgamma[0], -5 / 3, 1e-6, "dγ₁");
    close(w.dgamma[1], 1, 1e-6, "dγ₂");
    assert.deepEqual(w.dbeta, [1, 1]);
    closeAll(w.dx.map((r) => [r[0]]), [[1 / 27], [-2 / 27], [-2 / 27], [3 / 27]], 1e-6, "dx feature 1");
  });

  it("node by node = the collapsed formula = the engine's BatchNormalization", () => {
    closeAll(w.dx, w.dxFormula, 1e-14, "dx vs formula");
    closeAll(w.layer.y, w.y, 1e-14, "layer y");
    closeAll(w.layer.dx, w.dx, 1e-14, "layer dx");
    w.dgamma.forEach((v, j) => close(w.layer.dgamma[j], v, 1e-14, "dγ"));
    w.dbeta.forEach((v, j) => close(w.layer.dbeta[j], v, 1e-14, "dβ"));
  });

  it("dx is the numerical gradient of L = Σ dout·y, and sums to 0 per feature", () => {
    const x = Matrix.from(WORKED_EXAMPLE.x);
    const bn = new BatchNormalization(Matrix.row(WORKED_EXAMPLE.gamma), Matrix.row(WORKED_EXAMPLE.beta));
    const dout = WORKED_EXAMPLE.dout.flat();
    const L = () => bn.forward(x, true).data.reduce((s, v, i) => s + v * dout[i], 0);
    const num = numericalGradient(L, x).toArray();
    closeAll(w.dx, num, 1e-9, "numerical dx");
    for (let j = 0; j < 2; j++) close(w.dx.reduce((s, r) => s + r[j], 0), 0, 1e-15, `Σ dx feature ${j}`);
  });

  it("names bad input", () => {
    assert.throws(() => batchNormWorkedExample({ ...WORKED_EXAMPLE, gamma: [1] }), /gamma/);
    assert.throws(() => batchNormWorkedExample({ ...WORKED_EXAMPLE, dout: [[1, 0]] }), /dout/);
  });
});

describe("train mode vs test mode", () => {
  it("running statistics follow running = m·running + (1 − m)·batch statistic from 0", () => {
    const r = runningStatistics({ momenta: [0.5, 0.9], steps: 30, seed: 3 });
    for (const s of r.series) {
      let mean = 0, v = 0;
      for (let k = 1; k <= 30; k++) {
        mean = s.momentum * mean + (1 - s.momentum) * r.batchMean[k];
        v = s.momentum * v + (1 - s.momentum) * r.batchVar[k];
        close(s.runningMean[k], mean, 1e-12, `mean step ${k}`);
        close(s.runningVar[k], v, 1e-12, `var step ${k}`);
      }
    }
    assert.deepEqual(r.step.slice(0, 3), [0, 1, 2]);
  });

  it("larger momentum: slower start from 0 (after 10 steps 0.99 is further from the true mean than 0.9)", () => {
    const r = runningStatistics({ momenta: [0.9, 0.99], steps: 10, seed: 1 });
    const [m9, m99] = r.series;
    assert.ok(Math.abs(m99.runningMean[10] - r.trueMean) > Math.abs(m9.runningMean[10] - r.trueMean));
  });

  it("test mode: one sample gives the same output alone and in any batch; train mode depends on the batch; alone it is β", () => {
    const d = testModeDemo(2);
    assert.deepEqual(d.testAlone, d.testInBatch);
    assert.deepEqual(d.testAlone, d.testInOtherBatch);
    assert.notDeepEqual(d.trainInBatch, d.trainInOtherBatch);
    assert.deepEqual(d.trainAlone, d.beta);
    // test mode = γ(x − running_mean)/√(running_var + ε) + β
    const gamma = [1.5, 0.8, 1];
    d.testAlone.forEach((v, j) => close(v, gamma[j] * (d.sample[j] - d.runningMean[j]) / Math.sqrt(d.runningVar[j] + BN_EPS) + d.beta[j], 1e-12, "test-mode formula"));
  });
});

describe("the slides' evaluation (std 0.05, 1.0, 0.0001, plus He)", () => {
  it("returns train and test curves per setting, with BN and without, and their summaries", () => {
    const r = batchNormEvaluation({ budget: "fast", inits: [0.05, "he"], epochs: 2, testSize: 50 });
    assert.equal(EVALUATION_INITS.length, 4);
    assert.deepEqual(r.settings.map((s) => s.label), ["std=0.05", "He √(2/n)"]);
    for (const s of r.settings) {
      for (const c of [s.withBN, s.withoutBN]) {
        assert.equal(c.trainAcc.length, 2);
        assert.equal(c.testAcc.length, 2);
        close(c.gap, c.finalTrain - c.finalTest, 0, "gap");
        if (c.takeoffEpoch !== null) assert.ok(c.trainAcc[c.takeoffEpoch] >= 0.5);
      }
    }
    assert.throws(() => batchNormEvaluation({ inits: [0] }), /inits\[0\]/);
  });
});
