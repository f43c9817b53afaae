/** Gradient clipping: the arithmetic by norm and by value, the wrapper, and the explosion it rescues. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "../src/core/matrix";
import { GradClip, SGD, clipGradNorm, clipGradValue, gradNorm } from "../src/optim";
import { clipMnist, clipPaths2D } from "../src/experiments/optimizers/grad-clip";
import { effectiveLr } from "../src/experiments/optimizers/effective-lr";

const m = (...v: number[]) => Matrix.from([v]);

describe("clipping arithmetic", () => {
  it("by norm: ‖(3, 4), (12)‖ = 13; c = 6.5 halves every element, keeping the direction", () => {
    const g = { a: m(3, 4), b: m(12) };
    assert.equal(gradNorm(g), 13);
    const r = clipGradNorm(g, 6.5);
    assert.deepEqual(r, { norm: 13, clipped: true, scale: 0.5 });
    assert.deepEqual([...g.a.data, ...g.b.data], [1.5, 2, 6]);
    const small = { a: m(3, 4) };
    assert.deepEqual(clipGradNorm(small, 5), { norm: 5, clipped: false, scale: 1 });
    assert.deepEqual([...small.a.data], [3, 4]);
  });
  it("by value: clamp to [−c, c] element by element (the direction can change)", () => {
    const g = { a: m(3, -4, 0.5), b: m(-0.2) };
    const r = clipGradValue(g, 1);
    assert.equal(r.clipped, true);
    assert.equal(r.scale, 2); // two elements clamped
    assert.deepEqual([...g.a.data, ...g.b.data], [1, -1, 0.5, -0.2]);
  });
  it("gradNorm of gradients near the float limit is finite and exact; NaN is refused by clipping", () => {
    assert.equal(gradNorm({ a: m(3e300, 4e300) }), 5e300);
    assert.throws(() => clipGradNorm({ a: m(NaN, 1) }, 1), /finite/);
    assert.throws(() => clipGradNorm({ a: m(1) }, 0), /maxNorm/);
  });
  it("GradClip passes a clipped copy to the wrapped optimizer and leaves the caller's grads alone", () => {
    const p = { w: m(0, 0) };
    const g = { w: m(30, 40) };
    const opt = new GradClip(new SGD({ lr: 0.1 }), { maxNorm: 5 });
    opt.update(p, g);
    assert.deepEqual([...p.w.data], [-0.30000000000000004, -0.4]);
    assert.deepEqual([...g.w.data], [30, 40]);
    assert.equal(opt.lastReport!.norm, 50);
    assert.equal(opt.lr, 0.1);
    assert.throws(() => new GradClip(new SGD(), {} as never), /exactly one/);
  });
});

describe("the explosion clipping rescues", () => {
  it("2-D x⁴/4 + y², SGD η = 0.1 from (5, 2): diverges without clipping, converges clipped by norm or value", () => {
    const [none, norm, value] = clipPaths2D();
    assert.equal(none.diverged, true);
    assert.ok(none.divergedAt! <= 5);
    for (const r of [norm, value]) {
      assert.equal(r.diverged, false, r.mode);
      assert.ok(r.f[r.f.length - 1] < 0.01, `${r.mode}: f = ${r.f[r.f.length - 1]}`);
    }
  });
  it("MNIST, deep ReLU net with std 0.3 (seed 0): NaN without clipping, learns with clipping", () => {
    const r = clipMnist({ budget: "fast", epochs: 5, seed: 0 });
    const [none, norm, value] = r.runs;
    assert.equal(none.diverged, true);
    assert.ok(none.gradNorm.some((g) => !(g < 1e100)), "the gradient norm explodes");
    for (const run of [norm, value]) {
      assert.equal(run.diverged, false, run.mode);
      assert.ok(run.loss[run.loss.length - 1] < run.loss[0] / 5, `${run.mode}: ${run.loss[0]} → ${run.loss[run.loss.length - 1]}`);
      assert.ok(run.finalTestAcc! > 0.3, `${run.mode}: ${run.finalTestAcc}`);
    }
  });
});

describe("AdaGrad's effective learning rate", () => {
  it("measured −Δθ/g equals η/(√Σg² + 1e-7); never rises; with noise it falls like η/(σ√t)", () => {
    const a = effectiveLr({ steps: 50 });
    a.x.forEach((v, i) => assert.ok(Math.abs(v! - a.formulaX[i]) < 1e-9 * a.formulaX[i]));
    for (let i = 1; i < a.x.length; i++) assert.ok(a.x[i]! <= a.x[i - 1]! * (1 + 1e-12));
    const n = effectiveLr({ steps: 2000, noise: 1, seed: 3 });
    const last = n.x[n.x.length - 1]!;
    assert.ok(last < 0.05, `${last}`);
    assert.ok(Math.abs(last / (1.5 / Math.sqrt(2000)) - 1) < 0.1, `${last} vs ${1.5 / Math.sqrt(2000)}`);
    const r = effectiveLr({ optimizer: "RMSprop", lr: 0.1, steps: 2000, noise: 1, seed: 3 });
    assert.ok(r.x[r.x.length - 1]! > 0.08, "RMSprop's settles near η/σ = 0.1");
  });
});

describe("clipping and effective-lr figures (pure parts)", () => {
  it("clipSeriesInfo: non-finite and non-positive values become gaps; effectiveLrInfo adds η/(σ√t)", async () => {
    const { clipSeriesInfo, clipMnistFigure } = await import("../src/viz/optimizers/grad-clip-figure");
    const { effectiveLrInfo } = await import("../src/viz/optimizers/effective-lr-figure");
    const s = clipSeriesInfo({ mode: "none", label: "x", loss: [2, 1], gradNorm: [3, Infinity, NaN], divergedAt: 2 });
    assert.deepEqual(s.loss, [2, 1, null]);
    assert.deepEqual(s.norm, [3, null, null]);
    assert.equal(clipMnistFigure([{ mode: "none", label: "x", loss: [2, 1], gradNorm: [3], divergedAt: null }]).data.length, 2);
    const lines = effectiveLrInfo([{ optimizer: "AdaGrad", lr: 1.5, t: [1, 4], x: [1, 0.5], y: [null, 0.2] }], 2);
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[2].value, [0.75, 0.375]);
  });
});
