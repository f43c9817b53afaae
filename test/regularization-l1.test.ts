/**
 * L1 vs L2 on the weights (src/experiments/regularization/l1.ts): weights of
 * pixels that are 0 in all 300 training images get no data gradient, so after
 * T updates they are exactly w₀ (none), w₀·(1 − ηλ)^T (L2) and
 * sign(w₀)·max(|w₀| − Tηλ₁, 0) (L1 proximal) — up to rounding.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deadWeightTheory, layerWeightStats, weightComparison } from "../src/experiments/regularization/l1";
import { theoryCurve, weightHistogramFigure, weightTrajectoryFigure, layerZeroRows, weightSummaryRows } from "../src/viz/regularization";
import { prepareFigure } from "../src/viz/figure";

describe("weights without data gradient follow the regulariser's formula", () => {
  const c = weightComparison({ budget: "fast", seed: 2, epochs: 12, testSize: 100 });

  it("dead pixels exist and their W1 weights match the formula to rounding (none, L2, L1 proximal)", () => {
    assert.ok(c.deadPixelCount > 50, `${c.deadPixelCount} dead pixels`);
    assert.equal(c.updates, 37);
    for (const p of c.panels) {
      if (p.key === "l1-subgradient") {
        assert.ok(Number.isNaN(p.deadRowMaxDeviation));
        continue;
      }
      assert.ok(p.deadRowMaxDeviation < 1e-12, `${p.key}: ${p.deadRowMaxDeviation}`);
    }
    const none = c.panels.find((p) => p.key === "none")!;
    assert.equal(none.deadRowMaxDeviation, 0, "no gradient, no change: exactly the initial weights");
  });

  it("only the proximal L1 run has exact zeros; the formula predicts the dead rows' share", () => {
    const l1 = c.panels.find((p) => p.key === "l1")!;
    const sub = c.panels.find((p) => p.key === "l1-subgradient")!;
    assert.ok(l1.zeroFraction > 0);
    for (const p of c.panels) if (p.key !== "l1") assert.equal(p.zeroFraction, 0, p.key);
    assert.ok(sub.nearZeroFraction > 0);
    // dead rows: zero exactly when |w₀| ≤ T·η·λ₁ (counted on the sample)
    const s = l1.w1Sample;
    s.initial.forEach((w0, k) => {
      if (!s.dead[k]) return;
      const expectZero = deadWeightTheory("l1", w0, { lr: c.lr, lambda: c.lambda, l1: c.l1, updates: c.updates }) === 0;
      assert.equal(s.final[k] === 0, expectZero, `sample ${k}: w₀ ${w0} → ${s.final[k]}`);
    });
  });

  it("layer statistics add up; figures and rows build", () => {
    const l1 = c.panels.find((p) => p.key === "l1")!;
    const total = l1.layers.reduce((a, l) => a + l.count, 0);
    assert.equal(total, l1.weights.length);
    const zeros = l1.layers.reduce((a, l) => a + l.zeroFraction * l.count, 0);
    assert.ok(Math.abs(zeros / total - l1.zeroFraction) < 1e-12);
    assert.deepEqual(layerWeightStats(Float64Array.of(0, 2, 0, 0), [[1, 2], [2, 1]]).map((l) => l.zeroFraction), [0.5, 1]);
    assert.equal(theoryCurve("l1-subgradient", c, 0.1).x.length, 0);
    assert.equal(theoryCurve("l2", c, 0.1, 11).y[10], 0.1 * (1 - c.lr * c.lambda) ** c.updates);
    prepareFigure(weightHistogramFigure(c));
    prepareFigure(weightTrajectoryFigure(c));
    assert.equal(weightSummaryRows(c).length, 4);
    assert.equal(layerZeroRows(c).length, 7);
  });
});
