/**
 * Learning-rate schedules: values worked out by hand at several steps, and the
 * wrapper's contract (the wrapped optimizer sees the scheduled lr and nothing
 * else changes; a constant schedule is the plain optimizer bit for bit).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { Matrix } from "../src/core/matrix";
import { RNG } from "../src/core/rng";
import {
  AdaGrad, Adam, LrSchedule, Momentum, SGD, constantSchedule, cosineSchedule, exponentialSchedule, scheduleValues,
  stepSchedule, warmupSchedule, type Optimizer, type Params,
} from "../src/optim";
import { scheduleCases, schedulePaths2D } from "../src/experiments/optimizers/lr-schedules";
import { scheduleCurvesInfo, scheduleMnistInfo } from "../src/viz/optimizers/lr-schedule-info";
import { scheduleCurvesFigure, schedulePathsFigure, scheduleMnistFigure } from "../src/viz/optimizers/lr-schedule-figure";
import { presetFunction } from "../src/functions";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe("schedule values by hand (η = 0.1)", () => {
  it("step: s = 3, γ = 0.5 → 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025", () => {
    const v = scheduleValues(stepSchedule({ stepSize: 3, gamma: 0.5 }), 0.1, 7);
    [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025].forEach((e, i) => close(v[i], e));
  });
  it("exponential: γ = 0.9 → 0.1, 0.09, 0.081, 0.0729", () => {
    const v = scheduleValues(exponentialSchedule({ gamma: 0.9 }), 0.1, 4);
    [0.1, 0.09, 0.081, 0.0729].forEach((e, i) => close(v[i], e));
  });
  it("cosine: T = 4 → η(1+cos(πt/4))/2 = 0.1, 0.0853553…, 0.05, 0.0146447…, then 0 (min) ", () => {
    const s = cosineSchedule({ totalSteps: 4 });
    close(s.lrAt(0, 0.1), 0.1);
    close(s.lrAt(1, 0.1), 0.05 * (1 + Math.SQRT1_2));
    close(s.lrAt(2, 0.1), 0.05);
    close(s.lrAt(3, 0.1), 0.05 * (1 - Math.SQRT1_2));
    close(s.lrAt(4, 0.1), 0);
    close(s.lrAt(9, 0.1), 0);
    const m = cosineSchedule({ totalSteps: 2, minLr: 0.02 });
    close(m.lrAt(1, 0.1), 0.06); // 0.02 + 0.08 · (1 + 0)/2
    close(m.lrAt(5, 0.1), 0.02);
  });
  it("warm-up: W = 4 → 0.025, 0.05, 0.075, 0.1, then the next schedule from its own t = 0", () => {
    const v = scheduleValues(warmupSchedule({ warmupSteps: 4, after: stepSchedule({ stepSize: 2, gamma: 0.5 }) }), 0.1, 8);
    [0.025, 0.05, 0.075, 0.1, 0.1, 0.1, 0.05, 0.05].forEach((e, i) => close(v[i], e));
    close(scheduleValues(warmupSchedule({ warmupSteps: 2 }), 0.1, 5)[4], 0.1); // default: constant after
  });
  it("bad settings are named", () => {
    assert.throws(() => stepSchedule({ stepSize: 0 }), /stepSize/);
    assert.throws(() => exponentialSchedule({ gamma: 1.5 }), /gamma/);
    assert.throws(() => cosineSchedule({ totalSteps: 10, minLr: -1 }), /minLr/);
    assert.throws(() => constantSchedule().lrAt(-1, 0.1), /\bt\b/);
    assert.throws(() => new LrSchedule(new SGD({ lr: 0.01 }), cosineSchedule({ totalSteps: 5, minLr: 0.05 })), /minLr/);
  });
});

function randomParams(seed: number): Params {
  const rng = new RNG(seed);
  return { W1: Matrix.randn(3, 4, rng), b1: Matrix.randn(1, 4, rng) };
}
const clone = (p: Params): Params => Object.fromEntries(Object.entries(p).map(([k, m]) => [k, m.clone()])) as Params;

/** Runs `steps` updates with gradients 2W (f = Σ W²) plus seeded noise. */
function drive(opt: Optimizer, params: Params, steps: number, seed = 7): void {
  const rng = new RNG(seed);
  for (let i = 0; i < steps; i++) {
    const grads: Params = {};
    for (const [k, m] of Object.entries(params)) {
      const g = Matrix.randn(m.rows, m.cols, rng);
      for (let j = 0; j < g.data.length; j++) g.data[j] += 2 * m.data[j];
      grads[k] = g;
    }
    opt.update(params, grads);
  }
}

describe("LrSchedule wraps any optimizer", () => {
  for (const make of [() => new SGD({ lr: 0.05 }), () => new Momentum({ lr: 0.05 }), () => new AdaGrad({ lr: 0.05 }), () => new Adam({ lr: 0.05 })]) {
    it(`${make().name}: constant schedule ≡ the plain optimizer, bit for bit`, () => {
      const a = randomParams(1), b = clone(a);
      drive(make(), a, 25);
      drive(new LrSchedule(make(), constantSchedule()), b, 25);
      for (const k of Object.keys(a)) assert.deepEqual(Array.from(b[k].data), Array.from(a[k].data));
    });
  }
  it("passes η_t to the wrapped optimizer at every update and nothing else (Adam: m, v, t untouched)", () => {
    const schedule = stepSchedule({ stepSize: 2, gamma: 0.5 });
    const wrapped = new Adam({ lr: 0.1 });
    const opt = new LrSchedule(wrapped, schedule);
    // reference: a plain Adam whose lr we set by hand before each update
    const ref = new Adam({ lr: 0.1 });
    const a = randomParams(3), b = clone(a);
    const seen: number[] = [];
    const rngA = new RNG(11), rngB = new RNG(11);
    for (let t = 0; t < 6; t++) {
      assert.equal(opt.lr, schedule.lrAt(t, 0.1)); // lr = the NEXT update's
      const g = (rng: RNG) => ({ W1: Matrix.randn(3, 4, rng), b1: Matrix.randn(1, 4, rng) });
      opt.update(a, g(rngA));
      seen.push(wrapped.lr);
      (ref as { lr: number }).lr = 0.1 * Math.pow(0.5, Math.floor(t / 2));
      ref.update(b, g(rngB));
    }
    assert.deepEqual(seen, [0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    for (const k of Object.keys(a)) assert.deepEqual(Array.from(a[k].data), Array.from(b[k].data));
    assert.equal(opt.steps, 6);
    assert.equal(opt.name, "adam");
    assert.equal(opt.hyperparams().lr, 0.1);
    assert.equal(opt.hyperparams().gamma, 0.5);
  });
  it("reset() restarts the schedule and the wrapped state", () => {
    const opt = new LrSchedule(new Momentum({ lr: 0.1 }), exponentialSchedule({ gamma: 0.5 }));
    const a = randomParams(2), b = clone(a);
    drive(opt, a, 5);
    opt.reset();
    assert.equal(opt.lr, 0.1);
    assert.equal(opt.steps, 0);
    const a2 = clone(b);
    drive(opt, b, 5);
    drive(new LrSchedule(new Momentum({ lr: 0.1 }), exponentialSchedule({ gamma: 0.5 })), a2, 5);
    for (const k of Object.keys(b)) assert.deepEqual(Array.from(b[k].data), Array.from(a2[k].data));
  });
  it("a zero learning rate (cosine past T) is an error, not a silent stop", () => {
    const opt = new LrSchedule(new SGD({ lr: 0.1 }), cosineSchedule({ totalSteps: 2 }));
    const p = randomParams(4);
    drive(opt, p, 2);
    assert.throws(() => drive(opt, p, 1), (e: unknown) => e instanceof ArgumentError && /update 2/.test((e as Error).message));
  });
  it("rejects what is not an optimizer or a schedule", () => {
    assert.throws(() => new LrSchedule({} as Optimizer, constantSchedule()), /optimizer/);
    assert.throws(() => new LrSchedule(new SGD(), {} as never), /schedule/);
  });
});

describe("schedules on x²/20 + y² (SGD, η = 1.1)", () => {
  it("constant η = 1.1 grows y by |1 − 2.2| = 1.2 per update and is stopped as diverged (f grown 1000-fold); every decaying schedule tames y and lowers f", () => {
    const runs = schedulePaths2D();
    const constant = runs.find((r) => r.kind === "constant")!;
    // |y_k| = 2·1.2^k; the path ends at the last point before f passes 1000·f₀ (the divergence rule)
    assert.equal(constant.diverged, true);
    constant.path.forEach(([, y], k) => close(Math.abs(y), 2 * Math.pow(1.2, k), 1e-9));
    const f = ([x, y]: number[]) => (x * x) / 20 + y * y;
    const [x, y] = constant.path[constant.path.length - 1];
    const f0 = f(constant.path[0]);
    assert.ok(f([x, y]) <= 1000 * f0, "kept a point past the divergence rule");
    assert.ok(f([x * (1 - 1.1 / 10), y * (1 - 2.2)]) > 1000 * f0, "stopped before f grew 1000-fold");
    for (const r of runs.filter((r) => r.kind !== "constant")) {
      assert.equal(r.diverged, false, r.kind);
      const [, y] = r.path[r.path.length - 1];
      assert.ok(Math.abs(y) < 1e-6, `${r.kind}: y = ${y}`); // once η < 1, the y error shrinks by |1 − 2η| < 1
      assert.ok(r.f[r.f.length - 1] < r.f[0] / 20, `${r.kind}: f = ${r.f[r.f.length - 1]}`);
    }
  });
  it("scheduleCases: the five kinds, cosine and warm-up still positive at the last update", () => {
    const cases = scheduleCases(200);
    assert.deepEqual(cases.map((c) => c.kind), ["constant", "step", "exponential", "cosine", "warmup"]);
    for (const c of cases) assert.ok(c.lrAt(199, 0.3) > 0, c.kind);
    close(cases[2].lrAt(200, 1), 0.05, 1e-12); // exponential ends at η/20
  });
});

describe("schedule figures", () => {
  it("scheduleCurvesInfo gives η_t per schedule; the figures have one trace per schedule", () => {
    const cases = scheduleCases(10);
    const info = scheduleCurvesInfo(cases, 0.5, 10);
    assert.equal(info.length, 5);
    assert.deepEqual(info[1].lr, scheduleValues(cases[1], 0.5, 10));
    assert.equal(scheduleCurvesFigure(info).data.length, 5);
    const fig = schedulePathsFigure(schedulePaths2D(), presetFunction("book"), 1.1);
    assert.equal(fig.data.length, 2 + 2 * 5);
    assert.throws(() => scheduleCurvesInfo([], 0.1, 3), /schedules/);
  });
  it("scheduleMnistInfo groups by base lr and averages the smoothed losses over seeds", () => {
    const mk = (baseLr: number, kind: string, losses: number[][]) => ({
      baseLr, kind, label: kind, lrs: [], finalTestAcc: 0.5, runs: losses.map((loss, seed) => ({ seed, loss, diverged: false })),
    });
    const id = (xs: number[]) => xs;
    const panels = scheduleMnistInfo([mk(0.3, "constant", [[1, 2], [3, 4]]), mk(1, "constant", [[5, NaN]])], id);
    assert.deepEqual(panels.map((p) => p.baseLr), [0.3, 1]);
    assert.deepEqual(panels[0].lines[0].loss, [2, 3]);
    assert.deepEqual(panels[1].lines[0].loss, [5]);
    assert.equal(scheduleMnistFigure(panels).data.length, 2);
  });
});
