/**
 * The computed demonstrations of the よくある誤解 boxes (6-1 … 6-4).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adamBiasCorrectionRows } from "../src/experiments/optimizers/adam-bias-correction";
import { heWeightSigns, xavierTanhVsRelu } from "../src/experiments/init/misconceptions";
import { initMnist } from "../src/experiments/init/mnist";
import { bookBnFinalAccuracies, scalesReaching } from "../src/experiments/batchnorm/init-dependence";
import { l1VersusSquaredPenalty } from "../src/experiments/regularization/l1-squared";

describe("Adam bias correction with and without the power t", () => {
  const rows = adamBiasCorrectionRows({ steps: [1, 10, 10000] });
  it("the engine's Adam steps exactly η under a constant gradient (up to ε = 1e-7)", () => {
    for (const r of rows) assert.ok(Math.abs(r.withPower - 1) < 1e-5, `t=${r.t}: ${r.withPower}`);
  });
  it("the article's fixed divisors agree at t = 1, overshoot near t = 10, and end at √(1−β2)/(1−β1)", () => {
    assert.ok(Math.abs(rows[0].withoutPower - 1) < 1e-12);
    const t10 = ((1 - 0.9 ** 10) / 0.1) * Math.sqrt(0.001 / (1 - 0.999 ** 10));
    assert.ok(Math.abs(rows[1].withoutPower - t10) < 1e-9 && rows[1].withoutPower > 2);
    assert.ok(Math.abs(rows[2].withoutPower - Math.sqrt(0.001) / 0.1) < 1e-4);
  });
  it("rejects steps that do not increase", () => {
    assert.throws(() => adamBiasCorrectionRows({ steps: [5, 5] }), /steps\[1\]/);
  });
});

describe("He weights are not biased positive", () => {
  const s = heWeightSigns({ seed: 3 });
  it("half the weights are negative, the std is √(2/n); ReLU's output is what is ≥ 0", () => {
    assert.ok(Math.abs(s.positiveFraction - 0.5) < 0.02, String(s.positiveFraction));
    assert.ok(Math.abs(s.mean) < 0.01 && Math.abs(s.std / s.heStd - 1) < 0.02);
    assert.equal(s.reluMin, 0);
    assert.ok(Math.abs(s.reluZeroFraction - 0.5) < 0.02);
  });
});

describe("Xavier with tanh beside ReLU on MNIST", () => {
  it("runs the book's loop: ReLU × He equals init-mnist's He run for the same seed and budget", () => {
    const ours = xavierTanhVsRelu({ seed: 1, seeds: 1, iterations: 15, testSize: 300 });
    const book = initMnist({ seed: 1, seeds: 1, iterations: 15, testSize: 300, trainAccSize: 10 });
    const he = ours.cases.find((c) => c.label.startsWith("ReLU × He"))!;
    const xavier = ours.cases.find((c) => c.label.startsWith("ReLU × Xavier"))!;
    assert.equal(he.testAcc[0], book.inits.he.runs[0].testAcc);
    assert.equal(xavier.testAcc[0], book.inits.xavier.runs[0].testAcc);
    const tanh = ours.cases.find((c) => c.activation === "tanh")!;
    assert.notEqual(tanh.testAcc[0], xavier.testAcc[0]);
    assert.deepEqual(ours.seeds, [1]);
  });
  it("names a bad argument", () => {
    assert.throws(() => xavierTanhVsRelu({ iterations: 0 }), /iterations/);
  });
});

describe("BN and the initial weights in the book's run", () => {
  const rows = bookBnFinalAccuracies();
  it("reads the 16 scales of the book's output, BN column second", () => {
    assert.equal(rows.length, 16);
    assert.equal(rows[0].weightScale, 1);
    assert.equal(rows[0].withBn, 0.419);
    assert.equal(rows[15].withBn, 0.523);
  });
  it("BN widens the range that learns but does not make every scale learn", () => {
    const n = scalesReaching(rows, 0.9);
    assert.ok(n.withBn > n.withoutBn);
    assert.ok(n.withBn < rows.length);
  });
});

describe("L1 written with w² is L2", () => {
  const [l1, squared, l2] = l1VersusSquaredPenalty({ size: 5000 });
  it("only the true L1 (proximal step) sets weights exactly to 0", () => {
    assert.ok(l1.exactZero > 0.5, String(l1.exactZero));
    assert.equal(squared.exactZero, 0);
    assert.equal(l2.exactZero, 0);
  });
  it("λ|w²| shrinks by a fraction like L2 (twice as fast)", () => {
    assert.ok(squared.maxAbs < l2.maxAbs);
    const ratio = squared.maxAbs / l2.maxAbs, expected = ((1 - 0.01 * 0.01 * 2) / (1 - 0.01 * 0.01)) ** 601;
    assert.ok(Math.abs(ratio - expected) < 1e-9, `${ratio} vs ${expected}`);
  });
  it("rejects a negative λ", () => {
    assert.throws(() => l1VersusSquaredPenalty({ lambda: -1 }), /lambda/);
  });
});
