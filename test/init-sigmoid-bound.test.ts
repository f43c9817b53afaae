import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chainGradient, sigmoidCurve } from "../src/experiments/init/sigmoid-bound";
import { sigmoidBoundFigure } from "../src/viz/init/sigmoid-bound-figure";

describe("sigmoid′ ≤ 1/4 and the product bound", () => {
  it("σ′ peaks at a = 0 with exactly 0.25 and is below it elsewhere", () => {
    const c = sigmoidCurve(8, 161);
    assert.equal(c.argmax, 0);
    assert.equal(c.maxDerivative, 0.25);
    assert.ok(c.derivative.every((d, i) => c.x[i] === 0 || d < 0.25));
    assert.ok(Math.abs(c.derivative[c.x.indexOf(2)] - 0.104993585) < 1e-8); // σ(2)(1 − σ(2))
  });
  it("|∂h_L/∂h_0| ≤ (|w|/4)^L, and strictly below (the a_l are not 0)", () => {
    for (const w of [1, 4, -3]) {
      const g = chainGradient({ w, depth: 8 });
      g.actual.forEach((a, i) => assert.ok(a < g.bound[i], `w=${w}, L=${i + 1}: ${a} vs ${g.bound[i]}`));
    }
    const one = chainGradient({ w: 1, x0: 0, depth: 1 });
    assert.equal(one.actual[0], 0.25); // a = 0: the bound is attained for one layer
    const g = chainGradient({ w: 1, depth: 10 });
    assert.ok(g.actual[9] < 0.25 ** 10 && g.actual[9] > 0);
    assert.equal(sigmoidBoundFigure(sigmoidCurve(), [g]).data.length, 5);
  });
});
