/**
 * The keys of the schedule, clipping, BN-inference and Dropout questions,
 * computed here from the engine itself (src/optim's LrSchedule / schedules /
 * clipGradNorm / clipGradValue, src/nn's BatchNormalization and Dropout), by a
 * different path than the question's own engineAnswer hook: the stated key
 * must be the engine's value rounded to the question's digits.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix } from "../src/core/matrix";
import { RNG } from "../src/core/rng";
import { findQuestion, type NumericQuestion } from "../src/exam/index";
import { BatchNormalization } from "../src/nn/batch-normalization";
import { Dropout } from "../src/nn/dropout";
import { clipGradNorm, clipGradValue, gradNorm } from "../src/optim/grad-clip";
import { LrSchedule, cosineSchedule, exponentialSchedule, scheduleValues, stepSchedule, warmupSchedule, type Schedule } from "../src/optim/lr-schedule";
import { SGD } from "../src/optim/sgd";

function numeric(id: string): NumericQuestion {
  const q = findQuestion(id);
  assert.ok(q && q.format === "numeric", id);
  return q;
}

/** The key is the engine's value rounded, and the question's own hook agrees with it. */
function assertKey(id: string, engine: number): void {
  const q = numeric(id);
  assert.ok(Number.isFinite(engine), `${id}: engine ${engine}`);
  assert.equal(q.key.toFixed(q.digits), engine.toFixed(q.digits), `${id}: key ${q.key}, engine ${engine}`);
  assert.ok(Math.abs(q.engineAnswer() - engine) < 1e-12, `${id}: the question's hook ${q.engineAnswer()} vs ${engine}`);
}

/** The wrapper's lr after t updates (the getter), and the same from scheduleValues. */
function lrAfter(schedule: Schedule, baseLr: number, t: number): number {
  const opt = new LrSchedule(new SGD({ lr: baseLr }), schedule);
  const W = { W: Matrix.row([1]) };
  for (let i = 0; i < t; i++) opt.update(W, { W: Matrix.row([0.5]) });
  assert.equal(opt.steps, t);
  assert.equal(opt.lr, scheduleValues(schedule, baseLr, t + 1)[t]);
  return opt.lr;
}

describe("schedule questions: keys from src/optim/lr-schedule", () => {
  it("Q72 step decay: epoch 65 of StepLR(step_size = 30, gamma = 0.1) from 0.1", () => assertKey("q72", lrAfter(stepSchedule({ stepSize: 30, gamma: 0.1 }), 0.1, 65)));
  it("Q73 exponential decay: t = 10, γ = 0.95, from 0.01", () => assertKey("q73", lrAfter(exponentialSchedule({ gamma: 0.95 }), 0.01, 10)));
  it("Q74 cosine: t = 25 of T = 100, from 0.1 to 0", () => assertKey("q74", lrAfter(cosineSchedule({ totalSteps: 100, minLr: 0 }), 0.1, 25)));
  it("Q75 linear warm-up: the 2nd update of a 5-update warm-up to 0.1", () => assertKey("q75", lrAfter(warmupSchedule({ warmupSteps: 5 }), 0.1, 1)));
  it("a wrong schedule setting would change the keys (the check can fail)", () => {
    assert.notEqual(lrAfter(stepSchedule({ stepSize: 30, gamma: 0.1 }), 0.1, 59).toFixed(4), numeric("q72").key.toFixed(4));
    assert.notEqual(lrAfter(warmupSchedule({ warmupSteps: 5 }), 0.1, 2).toFixed(2), numeric("q75").key.toFixed(2));
  });
});

describe("clipping questions: keys from src/optim/grad-clip", () => {
  it("Q76 by norm: (3, −4) with c = 2 → first component", () => {
    const g = { W: Matrix.row([3, -4]) };
    const r = clipGradNorm(g, 2);
    assert.equal(r.norm, 5);
    assert.ok(r.clipped);
    assertKey("q76", g.W.data[0]);
  });
  it("Q77 by value: (0.3, −2.5, 1.2) clamped to [−1, 1] → norm", () => {
    const g = { W: Matrix.row([0.3, -2.5, 1.2]) };
    const r = clipGradValue(g, 1);
    assert.equal(r.scale, 2, "two elements clamped");
    assertKey("q77", gradNorm(g));
  });
});

describe("BN inference and Dropout scaling questions: keys from src/nn", () => {
  it("Q49 BN at inference uses running mean and variance", () => {
    const bn = new BatchNormalization(Matrix.row([3]), Matrix.row([1]), { runningMean: Matrix.row([2]), runningVar: Matrix.row([4]) });
    assertKey("q49", bn.forward(Matrix.from([[5]]), false).data[0]);
  });
  it("Q18 running_mean after two train batches (momentum 0.9)", () => {
    const bn = new BatchNormalization(Matrix.row([1]), Matrix.row([0]), { momentum: 0.9 });
    bn.forward(Matrix.from([[1], [5]]), true); // mean 3
    bn.forward(Matrix.from([[5], [5.5], [4.5]]), true); // mean 5
    assertKey("q18", bn.runningMean!.data[0]);
  });
  it("Q58 / Q78 the book's Dropout at inference multiplies by 1 − ratio (inverted: by 1)", () => {
    const x = Matrix.from([[5, -2, 0.5]]);
    const book = (ratio: number) => new Dropout({ dropoutRatio: ratio, form: "book", rng: new RNG(1) }).forward(x, false);
    assertKey("q58", book(0.2).data[1] / x.data[1]);
    assertKey("q78", book(0.3).data[0]);
    const inverted = new Dropout({ dropoutRatio: 0.3, form: "inverted", rng: new RNG(1) }).forward(x, false);
    assert.equal(inverted.data[0], 5, "inverted dropout leaves inference alone (the explanation says so)");
  });
});
