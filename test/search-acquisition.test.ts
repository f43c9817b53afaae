import { test } from "node:test";
import assert from "node:assert/strict";
import {
  acquisitionFunction,
  expectedImprovement,
  probabilityOfImprovement,
  upperConfidenceBound,
} from "../src/search/acquisition";
import { GaussianProcess } from "../src/search/gaussian-process";
import { normCdf, normPdf } from "../src/search/normal";
import { RNG } from "../src/core/rng";

test("Φ and φ: symmetry, known quantiles, tails without underflow to 0", () => {
  assert.ok(Math.abs(normCdf(0) - 0.5) < 1e-15);
  assert.ok(Math.abs(normCdf(1.959963984540054) - 0.975) < 1e-12);
  for (const z of [-3, -0.7, 0.2, 2.5]) assert.ok(Math.abs(normCdf(z) + normCdf(-z) - 1) < 1e-14);
  assert.ok(normCdf(-10) > 0 && normCdf(-10) < 1e-22);
  assert.ok(Math.abs(normPdf(0) - 1 / Math.sqrt(2 * Math.PI)) < 1e-15);
});

test("EI is zero where the posterior is certain and below the best", () => {
  assert.equal(expectedImprovement(0.8, 0, 0.9), 0);
  assert.equal(expectedImprovement(0.9, 0, 0.9), 0);
  assert.ok(expectedImprovement(0.5, 1e-9, 0.9) < 1e-12, "nearly certain, far below");
  assert.ok(Math.abs(expectedImprovement(0.95, 0, 0.9) - 0.05) < 1e-15, "certain improvement = μ − f⁺");
});

test("EI trades off mean and uncertainty: grows with μ and with σ, equals σφ(0) at μ = f⁺", () => {
  const best = 0.9;
  let prev = -1;
  for (const m of [0.7, 0.8, 0.9, 1.0]) {
    const v = expectedImprovement(m, 0.05, best);
    assert.ok(v > prev);
    prev = v;
  }
  prev = -1;
  for (const s of [0.01, 0.05, 0.1, 0.3]) {
    const v = expectedImprovement(0.8, s, best);
    assert.ok(v > prev, "more uncertainty below the best → more EI (exploration)");
    prev = v;
  }
  assert.ok(Math.abs(expectedImprovement(best, 0.2, best) - 0.2 * normPdf(0)) < 1e-15);
  // EI against a Monte-Carlo estimate of E[max(f − f⁺, 0)]
  const rng = new RNG(7);
  let s = 0;
  const n = 200000;
  for (let i = 0; i < n; i++) s += Math.max(rng.normal(0.85, 0.1) - best, 0);
  assert.ok(Math.abs(s / n - expectedImprovement(0.85, 0.1, best)) < 1e-3);
});

test("PI, UCB and ξ, κ", () => {
  assert.ok(Math.abs(probabilityOfImprovement(0.9, 0.1, 0.9, 0) - 0.5) < 1e-15);
  assert.ok(probabilityOfImprovement(0.9, 0.1, 0.9, 0.05) < 0.5, "ξ demands a margin");
  assert.equal(probabilityOfImprovement(0.8, 0, 0.9), 0);
  assert.equal(probabilityOfImprovement(1, 0, 0.9), 1);
  assert.equal(upperConfidenceBound(0.5, 0.1, 2), 0.7);
  assert.equal(upperConfidenceBound(0.5, 0.1, 0), 0.5, "κ = 0: pure exploitation");
  assert.ok(acquisitionFunction("ei", { xi: 0.1 })(1, 0, 0.9) === 0);
  assert.throws(() => acquisitionFunction("lcb" as never), /acquisition: expected one of ei, pi, ucb/);
  assert.throws(() => acquisitionFunction("ucb", { kappa: -1 }), /kappa: expected a number >= 0/);
  assert.throws(() => acquisitionFunction("ei", { xi: -0.1 }), /xi: expected a number >= 0/);
});

test("EI on a GP posterior vanishes at the observed points below the best and peaks in between", () => {
  const xs = [0.0, 0.3, 0.7, 1.0];
  const ys = [0.2, 0.8, 0.6, 0.1];
  const gp = GaussianProcess.fit(xs.map((v) => [v]), ys, {
    hyperparameters: { lengthScales: [0.25], signalVariance: 1, noiseVariance: 1e-10 },
  });
  const best = Math.max(...ys);
  const ei = (v: number): number => {
    const p = gp.predict([v]);
    return expectedImprovement(p.mean, p.std, best);
  };
  for (const v of [0.0, 0.7, 1.0]) assert.ok(ei(v) < 1e-6, `EI at observed ${v}`);
  assert.ok(ei(0.45) > 1e-3, "EI is positive between 0.3 (the best) and 0.7");
});
