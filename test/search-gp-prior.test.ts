import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gpPriorSamples } from "../src/search/gp-prior";
import { kernel } from "../src/search/kernel";
import { gpPriorFigure } from "../src/viz/search/gp-prior-figure";

describe("GP prior: every finite set of values is jointly Gaussian with covariance k", () => {
  it("the sample covariance of (f(0.2), f(0.3), f(0.8)) over many draws matches K", () => {
    const p = { lengthScales: [0.15], signalVariance: 1 };
    const x = [0.2, 0.3, 0.8];
    const { samples } = gpPriorSamples({ x, params: p, nSamples: 20000, seed: 1 });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const c = samples.reduce((s, f) => s + f[i] * f[j], 0) / samples.length;
        const k = kernel("rbf", p, [x[i]], [x[j]]);
        assert.ok(Math.abs(c - k) < 0.04, `cov(${x[i]}, ${x[j]}) = ${c} vs k = ${k}`);
      }
    }
    const mean0 = samples.reduce((s, f) => s + f[0], 0) / samples.length;
    assert.ok(Math.abs(mean0) < 0.03);
  });
  it("seeded, named errors, one trace per sample + band", () => {
    const a = gpPriorSamples({ x: [0, 0.5, 1], seed: 2 }), b = gpPriorSamples({ x: [0, 0.5, 1], seed: 2 });
    assert.deepEqual(a.samples, b.samples);
    assert.throws(() => gpPriorSamples({ x: [] }), /x/);
    assert.throws(() => gpPriorSamples({ x: [0], kernel: "cubic" }), /kernel/);
    assert.equal(gpPriorFigure([a]).data.length, 1 + 5);
  });
});
