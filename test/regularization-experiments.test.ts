/**
 * The experiments of notebook 6.4 on a fixed seed in the FAST budget:
 * weight decay narrows the train/test gap, L1 (proximal) leaves exact zeros
 * where L2 leaves none, the Dropout expectation check, the penalty-gradient
 * equivalence, and SGD vs Adam with the decay in the loss or decoupled.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { Adam } from "../src/optim/adam";
import { AdamW } from "../src/optim/adamw";
import { overfitRun } from "../src/experiments/regularization/overfit";
import { dropoutExpectationCheck } from "../src/experiments/regularization/dropout";
import { decoupledVsLossDecay, penaltyGradientCheck } from "../src/experiments/regularization/equivalence";
import { weightStats } from "../src/experiments/regularization/weights";
import { decayParams, softThresholdWeights } from "../src/optim";
import { weightKeys } from "../src/nn/weight-keys";
import { regularizationSettings } from "../src/experiments/regularization/settings";

describe("weight decay and L1 (FAST, seed 0)", () => {
  const s = regularizationSettings("fast");
  const none = overfitRun({ budget: "fast", seed: 0 });
  const l2 = overfitRun({ budget: "fast", seed: 0, weightDecayLambda: s.bookLambda });

  it("the train − test gap with λ = 0.1 is smaller than with λ = 0", () => {
    assert.equal(none.epochs.length, s.epochs + 1);
    assert.ok(none.final.trainAcc > 0.9, `the unregularised net should fit the 300 images (train ${none.final.trainAcc})`);
    assert.ok(l2.final.gap < none.final.gap, `gap λ=0.1 ${l2.final.gap} vs λ=0 ${none.final.gap}`);
    assert.ok(l2.weightNorm2[l2.weightNorm2.length - 1] < none.weightNorm2[none.weightNorm2.length - 1], "decay keeps ‖W‖² smaller");
  });

  it("L1 with the proximal step yields exact zeros, L2 none; the subgradient hovers near 0 without reaching it", () => {
    const opts = { budget: "fast" as const, seed: 0, epochs: 20, testSize: 100 };
    const l2short = overfitRun({ ...opts, weightDecayLambda: s.bookLambda });
    const prox = overfitRun({ ...opts, l1: s.l1, l1Mode: "proximal" });
    const sub = overfitRun({ ...opts, l1: s.l1, l1Mode: "subgradient" });
    assert.equal(l2short.zeroWeightFraction, 0);
    assert.ok(prox.zeroWeightFraction > l2short.zeroWeightFraction, `L1 zeros ${prox.zeroWeightFraction}`);
    assert.ok(prox.zeroWeightFraction > 0.01, `L1 zeros ${prox.zeroWeightFraction}`);
    assert.ok(sub.zeroWeightFraction < prox.zeroWeightFraction / 10, `subgradient exact zeros ${sub.zeroWeightFraction}`);
    assert.ok(sub.nearZeroFraction > l2short.nearZeroFraction, "the subgradient still drives weights near 0");
  });
});

describe("weight-level steps", () => {
  it("soft-thresholding is the proximal operator of τ|w|: argmin ½(w − v)² + τ|w| (grid search)", () => {
    const tau = 0.3;
    for (const v of [-1.2, -0.31, -0.3, -0.1, 0, 0.05, 0.29, 0.7]) {
      const p = { W1: Matrix.from([[v]]), b1: Matrix.from([[v]]) };
      softThresholdWeights(p, tau);
      let best = 0, bestF = Infinity;
      for (let k = -20000; k <= 20000; k++) {
        const w = k / 10000;
        const f = 0.5 * (w - v) ** 2 + tau * Math.abs(w);
        if (f < bestF) [best, bestF] = [w, f];
      }
      assert.ok(Math.abs(p.W1.data[0] - best) <= 1e-4, `v=${v}: ${p.W1.data[0]} vs grid ${best}`);
      assert.equal(p.b1.data[0], v, "biases are not thresholded");
    }
  });

  it("decayParams on weightKeys scales W only; weightStats counts exact and near zeros", () => {
    const p = { W1: Matrix.from([[1, -2, 0, 5e-4]]), b1: Matrix.from([[3]]) };
    decayParams(p, 0.5, weightKeys(p));
    assert.deepEqual(Array.from(p.W1.data), [0.5, -1, 0, 2.5e-4]);
    assert.equal(p.b1.data[0], 3);
    const st = weightStats(p);
    assert.equal(st.zeroFraction, 0.25);
    assert.equal(st.nearZeroFraction, 0.5);
    assert.throws(() => softThresholdWeights(p, -1), /threshold/);
  });
});

describe("Dropout: E[training output] = test output in both forms", () => {
  const r = dropoutExpectationCheck({ ratio: 0.2, samples: 5000, units: 100, seed: 2 });

  it("each unit's mean over the masks agrees with the test output within 5 standard errors", () => {
    for (const f of r.forms) {
      assert.ok(f.maxZ < 5, `${f.form}: max |z| ${f.maxZ}`);
      assert.ok(Math.abs(f.keptFraction - 0.8) < 0.01, `${f.form}: kept ${f.keptFraction}`);
    }
    const [book, inverted] = r.forms;
    assert.equal(book.testScale, 0.8);
    assert.equal(inverted.testScale, 1);
    assert.ok(Math.abs(inverted.keepScale - 1.25) < 1e-12);
  });

  it("the check would catch a wrong scale: the book form's training mean vs an unscaled test output", () => {
    const book = r.forms[0];
    // compare with x (the inverted form's test output): off by the factor 0.8
    const z = book.trainMean.map((m, j) => Math.abs(m - r.x[j]));
    assert.ok(Math.max(...z) > 0.05);
    assert.ok(Math.abs(book.ratio - 1) < 0.01 && Math.abs(book.trainMean.reduce((a, b) => a + b, 0) / r.x.reduce((a, b) => a + b, 0) - 0.8) < 0.01);
  });
});

describe("equivalences", () => {
  it("penalised gradient = plain gradient + λW (L2) / + λ₁·sign(W) (L1); biases untouched; spot checks agree", () => {
    const r = penaltyGradientCheck({ seed: 1, spots: 3 });
    for (const c of r.checks) {
      assert.ok(c.maxWeightGradError < 1e-12, `${c.kind}: ${c.maxWeightGradError}`);
      assert.equal(c.maxBiasGradChange, 0);
      assert.ok(Math.abs(c.lossDifference - c.penalty) < 1e-9 * c.penalty, `${c.kind} loss`);
      assert.ok(c.maxPenaltyGrad > 1e-3);
    }
    for (const s of r.spots) assert.ok(s.relativeError < 1e-4, `${s.kind} ${s.param}[${s.index}]: ${s.relativeError}`);
  });

  it("SGD: decay in the loss ≡ decoupled decay (to rounding); Adam: not the same", () => {
    const r = decoupledVsLossDecay({ budget: "fast", seed: 0, updates: 12 });
    assert.ok(Math.max(...r.relativeDifference.sgd) < 1e-12, `SGD ${Math.max(...r.relativeDifference.sgd)}`);
    assert.ok(r.relativeDifference.adam[r.relativeDifference.adam.length - 1] > 0.01, `Adam ${r.relativeDifference.adam}`);
    const adamLoss = r.runs.find((x) => x.optimizer === "adam" && x.mode === "loss")!;
    const adamW = r.runs.find((x) => x.optimizer === "adam" && x.mode === "decoupled")!;
    assert.ok(adamLoss.weightNorm2[adamLoss.weightNorm2.length - 1] < adamW.weightNorm2[adamW.weightNorm2.length - 1],
      "with the same λ, L2 inside Adam shrinks the weights more than AdamW's ηλ per step");
  });

  it("decayParams + Adam is the engine's AdamW applied to the weights", () => {
    const rng = new RNG(3);
    const W = Matrix.randn(4, 3, rng), b = Matrix.randn(1, 3, rng);
    const a = { W1: W.clone(), b1: b.clone() }, c = { W1: W.clone() }, cb = { b1: b.clone() };
    const adam = new Adam({ lr: 0.01 }), adamW = new AdamW({ lr: 0.01, weightDecay: 0.1 }), adamB = new Adam({ lr: 0.01 });
    for (let step = 0; step < 5; step++) {
      const g = { W1: Matrix.randn(4, 3, rng), b1: Matrix.randn(1, 3, rng) };
      decayParams(a, 0.01 * 0.1, weightKeys(a));
      adam.update(a, g);
      adamW.update(c, { W1: g.W1 });
      adamB.update(cb, { b1: g.b1 });
    }
    assert.deepEqual(Array.from(a.W1.data), Array.from(c.W1.data));
    assert.deepEqual(Array.from(a.b1.data), Array.from(cb.b1.data));
  });
});
