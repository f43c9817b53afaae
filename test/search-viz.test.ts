import { test } from "node:test";
import assert from "node:assert/strict";
import type { SearchSpace } from "../src/search/space";
import type { FrozenTrial } from "../src/search/trial";
import {
  bestKFigure, bestKInfo, bestKLines, bestSoFarByTimeInfo, bestSoFarByTrialInfo, bestSoFarFigure,
  bo1dFigure, bo1dInfo, acquisitionsAt, contourFigure, contourInfo, gridVsRandomFigure, gridVsRandomInfo,
  negForrester, toyValidationCurve, optimizationHistoryFigure, optimizationHistoryInfo, parallelCoordinateFigure,
  parallelCoordinateInfo, sliceFigure, sliceInfo, trialRows, trialsTableFigure, boSurfaceInfo, boSurfaceFigure,
} from "../src/viz/search";
import { checkFigure } from "../src/viz/figure";
import { BayesSampler } from "../src/search/bayes-sampler";
import { optimize } from "../src/search/study";

const space: SearchSpace = { lr: { low: 1e-6, high: 1e-2, log: true }, weightDecay: { low: 1e-8, high: 1e-4, log: true } };

function trial(number: number, lr: number, wd: number, score: number | null, extra: Partial<FrozenTrial> = {}): FrozenTrial {
  return {
    number,
    params: { lr, weightDecay: wd },
    seed: number,
    state: score === null ? "failed" : "complete",
    score,
    durationMs: 1000,
    ...(score === null ? { reason: "loss became NaN" } : {}),
    ...extra,
  };
}

const trials: FrozenTrial[] = [
  trial(0, 1e-4, 1e-6, 0.3),
  trial(1, 1e-3, 1e-7, 0.5),
  trial(2, 1e-2, 1e-5, null),
  trial(3, 5e-3, 1e-6, 0.7),
  trial(4, 1e-5, 1e-8, 0.1),
  trial(5, 5e-3, 1e-6, 0.6), // same point as trial 3
];

test("optimization history: values of complete trials, best-so-far over all, failed marked", () => {
  const info = optimizationHistoryInfo(trials);
  assert.deepEqual(info.trialNumbers, [0, 1, 3, 4, 5]);
  assert.deepEqual(info.values, [0.3, 0.5, 0.7, 0.1, 0.6]);
  assert.deepEqual(info.bestValues, [0.3, 0.5, 0.5, 0.7, 0.7, 0.7]);
  assert.deepEqual(info.failed, { numbers: [2], reasons: ["loss became NaN"] });
  checkFigure(optimizationHistoryFigure(info));
  assert.throws(() => optimizationHistoryInfo({} as never), /trials: expected an array/);
});

test("slice: one subplot per parameter, log flag and colour by trial number", () => {
  const info = sliceInfo(trials, space);
  assert.deepEqual(info.subplots.map((s) => s.paramName), ["lr", "weightDecay"]);
  assert.deepEqual(info.subplots[0].x, [1e-4, 1e-3, 5e-3, 1e-5, 5e-3]);
  assert.deepEqual(info.subplots[0].trialNumbers, [0, 1, 3, 4, 5]);
  assert.ok(info.subplots.every((s) => s.isLog));
  const fig = sliceFigure(info);
  assert.equal((fig.layout!.xaxis as { type: string }).type, "log");
  assert.deepEqual((fig.layout!.xaxis as { range: number[] }).range, [-6, -2]);
  assert.throws(() => sliceInfo(trials, space, ["momentum"]), /params: expected names from the search space/);
});

test("contour: a padded grid of distinct trial coordinates, one z per trial cell (best on ties)", () => {
  const info = contourInfo(trials, space);
  assert.equal(info.xaxis.indices.length, 4 + 2, "4 distinct lr + 2 padding");
  assert.equal(info.yaxis.indices.length, 3 + 2, "3 distinct weight decays + 2");
  assert.ok(info.xaxis.isLog);
  const span = Math.log10(5e-3) - Math.log10(1e-5);
  assert.ok(Math.abs(info.xaxis.range[0] - (Math.log10(1e-5) - 0.05 * span)) < 1e-12);
  const filled = info.zValues.flat().filter((v) => v !== null);
  assert.deepEqual(filled.sort(), [0.1, 0.3, 0.5, 0.7]);
  const j = info.xaxis.indices.indexOf(5e-3);
  const i = info.yaxis.indices.indexOf(1e-6);
  assert.equal(info.zValues[i][j], 0.7);
  assert.equal(info.zValues[0][0], null);
  checkFigure(contourFigure(info));
  assert.throws(() => contourInfo(trials, space, "lr", "lr"), /yParam/);
  assert.throws(() => contourInfo([], space), /at least one complete trial/);
});

test("parallel coordinates: objective first, log params as log10 with 1e-k ticks", () => {
  const info = parallelCoordinateInfo(trials, space);
  assert.deepEqual(info.dimObjective.values, [0.3, 0.5, 0.7, 0.1, 0.6]);
  assert.deepEqual(info.dimObjective.range, [0.1, 0.7]);
  const lr = info.dimsParams[0];
  assert.ok(Math.abs(lr.values[0] + 4) < 1e-12);
  assert.deepEqual(lr.range, [-6, -2]);
  assert.deepEqual(lr.tickvals, [-6, -5, -4, -3, -2]);
  assert.deepEqual(lr.ticktext, ["1e-6", "1e-5", "1e-4", "1e-3", "1e-2"]);
  checkFigure(parallelCoordinateFigure(info));
});

test("best-k: sorted by score, ties keep trial order, curves carried; the book's printed lines", () => {
  const withCurves = trials.map((t) => (t.score === null ? t : { ...t, curves: { valAcc: [0.1, t.score], trainAcc: [0.1, t.score + 0.05] } }));
  withCurves.push(trial(6, 2e-3, 1e-6, 0.5, { curves: { valAcc: [0.5], trainAcc: [0.6] } }));
  const info = bestKInfo(withCurves, 4);
  assert.deepEqual(info.entries.map((e) => e.number), [3, 5, 1, 6]);
  assert.deepEqual(info.entries.map((e) => e.rank), [1, 2, 3, 4]);
  assert.deepEqual(info.entries[0].valAcc, [0.1, 0.7]);
  assert.match(bestKLines(info)[0], /^Best-1\(val acc:0\.7\) \| lr:5\.00e−3, weight decay:1\.00e−6/);
  const fig = bestKFigure(info);
  assert.equal(fig.data.length, 8, "val + train per trial");
  assert.deepEqual((fig.layout!.yaxis as { range: number[] }).range, [0, 1]);
});

test("best-so-far bands by trial and by time: mean and min–max over seeds", () => {
  const runA = [trial(0, 1e-3, 1e-6, 0.2), trial(1, 1e-3, 1e-6, 0.6), trial(2, 1e-3, 1e-6, 0.4)];
  const runB = [trial(0, 1e-3, 1e-6, 0.4), trial(1, 1e-3, 1e-6, null), trial(2, 1e-3, 1e-6, 0.8)];
  const [b] = bestSoFarByTrialInfo([{ sampler: "random", runs: [runA, runB] }]);
  assert.deepEqual(b.x, [1, 2, 3]);
  assert.deepEqual(b.runs, [[0.2, 0.6, 0.6], [0.4, 0.4, 0.8]]);
  assert.deepEqual(b.lower, [0.2, 0.4, 0.6]);
  assert.deepEqual(b.upper, [0.4, 0.6, 0.8]);
  assert.ok(Math.abs(b.mean[2] - 0.7) < 1e-12);
  // time: each trial takes 1 s (durationMs 1000) plus sampler time
  const slow = runB.map((t) => ({ ...t, samplerMs: 1000 })); // 2 s per trial
  const [ta, tb] = bestSoFarByTimeInfo([{ sampler: "random", runs: [runA] }, { sampler: "bayes", runs: [slow] }], 6);
  assert.deepEqual(ta.x, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(ta.runs[0], [0.2, 0.6, 0.6, 0.6, 0.6, 0.6], "finished run keeps its best");
  assert.deepEqual(tb.runs[0], [NaN, 0.4, 0.4, 0.4, 0.4, 0.8]);
  assert.ok(Number.isNaN(tb.mean[0]));
  checkFigure(bestSoFarFigure([ta, tb], "経過時間 [秒]", "t"));
  assert.throws(() => bestSoFarByTrialInfo([]), /groups/);
});

test("trial rows: best first, failed last with their reason; the table figure has a sort menu", () => {
  const rows = trialRows(trials);
  assert.deepEqual(rows.map((r) => r.number), [3, 5, 1, 0, 4, 2]);
  assert.deepEqual(rows.map((r) => r.rank), [1, 2, 3, 4, 5, null]);
  assert.match(rows[5].state, /失敗: loss became NaN/);
  const fig = trialsTableFigure(rows);
  const menu = (fig.layout!.updatemenus as { buttons: { args: [Record<string, string[][][]>] }[] }[])[0];
  assert.equal(menu.buttons.length, 4);
  const byNumber = menu.buttons[1].args[0]["cells.values"][0];
  assert.deepEqual(byNumber[1], ["0", "1", "2", "3", "4", "5"]);
});

test("grid vs random (Bergstra & Bengio): a 3×3 grid tries 3 values of x, random tries 9", () => {
  const info = gridVsRandomInfo(9, 0);
  const [grid, random] = info.designs;
  assert.equal(grid.distinctX, 3);
  assert.equal(grid.distinctY, 3);
  assert.equal(random.distinctX, 9);
  assert.ok(grid.bestImportant < 0.1, "the grid misses the narrow peak");
  // over many seeds random search gets closer to the important peak on average
  let mean = 0;
  for (let s = 0; s < 200; s++) mean += gridVsRandomInfo(9, s, undefined, undefined, 11).designs[1].bestImportant / 200;
  assert.ok(mean > 3 * grid.bestImportant, `random mean best g ${mean} vs grid ${grid.bestImportant}`);
  const fig = gridVsRandomFigure(info);
  checkFigure(fig);
  assert.equal(fig.data.length, 12);
});

test("1-D BO animation: one frame per iteration; EI finds the global peak, PI stays on the local hill", () => {
  const info = bo1dInfo({ iterations: 8 });
  assert.equal(info.frames.length, 8);
  assert.ok(Math.abs(info.trueArgmax - 0.78) < 0.01);
  const f0 = info.frames[0];
  assert.deepEqual(f0.x, [0.1, 0.35]);
  assert.equal(f0.acquisition.length, info.t.length);
  assert.ok(f0.lower.every((l, i) => l <= f0.mean[i] && f0.mean[i] <= f0.upper[i]));
  assert.equal(info.frames[1].x.length, 3, "each iteration adds the proposed point");
  assert.equal(info.frames[1].x[2], f0.next);
  const found = (i: typeof info) => Math.max(...i.frames[7].y, toyValidationCurve(i.frames[7].next));
  assert.ok(found(info) > 0.95 * info.trueMax, `EI best ${found(info)}`);
  assert.ok(found(bo1dInfo({ iterations: 8, acquisition: "pi" })) < 0.9 * info.trueMax, "PI keeps refining the local hill");
  const fig = bo1dFigure(info);
  assert.equal(fig.frames!.length, 8);
  assert.equal((fig.layout!.sliders as { steps: unknown[] }[])[0].steps.length, 8);
  const at = acquisitionsAt(info.t, f0.x, f0.y);
  assert.deepEqual(Object.keys(at.values), ["ei", "pi", "ucb"]);
  const forrester = bo1dInfo({ f: negForrester, iterations: 2 });
  assert.ok(Math.abs(forrester.trueArgmax - 0.755) < 0.01);
});

test("BO surface replays the sampler: the proposed point is the trial that ran", async () => {
  const sampler = new BayesSampler({ nInitial: 3, nCandidates: 200 });
  const objective = (p: Record<string, number>) => -((Math.log10(p.lr) + 3) ** 2) - 0.1 * (Math.log10(p.weightDecay) + 6) ** 2;
  const r = await optimize({ space, sampler, objective, nTrials: 6, seed: 4 });
  const info = boSurfaceInfo(r.trials, space, sampler, 4, [3, 5], 8);
  assert.equal(info.steps.length, 2);
  assert.equal(info.steps[0].mean.length, 8);
  assert.equal(info.steps[0].observed.x.length, 3);
  assert.ok(Math.abs(info.steps[1].next.x - r.trials[5].params.lr) < 1e-15);
  assert.ok(Math.abs(info.xs[0] - 1e-6) < 1e-18 && Math.abs(info.xs[7] - 1e-2) < 1e-15);
  checkFigure(boSurfaceFigure(info));
  assert.throws(() => boSurfaceInfo(r.trials, space, sampler, 4, [1]), /numbers: expected trial numbers >= nInitial/);
});
