/**
 * src/viz/optimizers: the pure …Info() functions (clipping, landscape,
 * sweep visibility, log series, seed bands, book-vs-ours rows) and the
 * figure builders' structure (sliders, dropdown, frames, no non-finite data).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { presetFunction } from "../src/functions";
import { compareOptimizers2D, lrSweep2D, optimizerPath2D } from "../src/experiments/optimizers/paths-2d";
import { sgdAxisErrors } from "../src/experiments/optimizers/sgd-analysis";
import { smoothCurve } from "../src/train/smooth-curve";
import { Box, clipSegment, inBox, pathInfo, thinInfo } from "../src/viz/optimizers/path-info";
import { contourInfo, gradientFieldInfo } from "../src/viz/optimizers/landscape-info";
import { sweepInfo } from "../src/viz/optimizers/sweep-info";
import { logSeriesInfo } from "../src/viz/optimizers/sgd-errors-info";
import { bookVsOursRows, comparisonIteration, lossBandInfo } from "../src/viz/optimizers/mnist-info";
import { landscapeFigure, panelsFigure, pathsAnimationFigure, sgdErrorsFigure, sweepFigure } from "../src/viz/optimizers/figures-2d";
import { mnistLossFigure } from "../src/viz/optimizers/mnist-figures";
import type { PlotlyFigure } from "../src/viz/figure";

const BOX: Box = { x: [-10, 10], y: [-10, 10] };
const fn = presetFunction("book");

/** Every number anywhere in the figure JSON is finite (null gaps allowed). */
function assertFiniteJson(v: unknown, where = "fig"): void {
  if (typeof v === "number") assert.ok(Number.isFinite(v), `${where} is ${v}`);
  else if (Array.isArray(v)) v.forEach((x, i) => assertFiniteJson(x, `${where}[${i}]`));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) assertFiniteJson(x, `${where}.${k}`);
}

describe("path-info: clipping and end markers", () => {
  it("clipSegment gives the part of a segment inside the box", () => {
    assert.deepEqual(clipSegment([0, 0], [20, 0], BOX), [0, 0.5]);
    assert.deepEqual(clipSegment([-20, 0], [20, 0], BOX), [0.25, 0.75]);
    assert.equal(clipSegment([-20, 20], [20, 20], BOX), null);
  });

  it("an in-view run is drawn as is, start first, one vertex per update", () => {
    const run = optimizerPath2D({ optimizer: "SGD" });
    const info = pathInfo(run, BOX);
    assert.equal(info.status, "in-view");
    assert.deepEqual(info.x, run.path.map((p) => p[0]));
    assert.deepEqual(info.step, run.path.map((_, k) => k));
    assert.match(info.statusText, /30 回更新後/);
  });

  it("a diverged run is clipped at the box, every drawn point inside it, the end marked 発散", () => {
    const run = optimizerPath2D({ optimizer: "SGD", hyperparams: { lr: 2 } });
    assert.equal(run.diverged, true);
    const info = pathInfo(run, BOX);
    assert.equal(info.status, "diverged");
    assert.match(info.statusText, /発散（4 回目の更新：f が出発点の値から 1000 倍以上/);
    info.x.forEach((x, i) => {
      if (x === null) return assert.equal(info.y[i], null);
      assert.ok(inBox([x, info.y[i] as number], BOX), `point ${i} (${x}, ${info.y[i]}) inside`);
    });
    assert.equal(info.symbol[info.endIndex], "x");
    // the segment from the last in-view vertex leaves through the box edge
    assert.ok(info.x.some((x, i) => x !== null && info.step[i] === null && (Math.abs(info.y[i] as number) === 10 || Math.abs(x) === 10)));
  });

  it("a run that leaves and comes back has a gap and an edge point on each side", () => {
    const run = { path: [[0, 0], [0, 20], [1, 0]] as [number, number][], diverged: false, divergedAt: null };
    const info = pathInfo(run, BOX);
    assert.deepEqual(info.x, [0, 0, null, 0.5, 1]);
    assert.deepEqual(info.y, [0, 10, null, 10, 0]);
    assert.deepEqual(info.step, [0, null, null, null, 2]);
    assert.equal(info.status, "in-view");
  });

  it("upTo draws only the first k updates (animation frames)", () => {
    const run = optimizerPath2D({ optimizer: "Adam" });
    assert.equal(pathInfo(run, BOX, 0).x.length, 1);
    assert.equal(pathInfo(run, BOX, 5).x.length, 6);
    assert.throws(() => pathInfo(run, { x: [1, 0], y: [0, 1] }), /box/);
  });
});

describe("path-info: thinning long paths", () => {
  it("keeps the first and last points, the gaps with their edge points, and about maxPoints in all", () => {
    const path = Array.from({ length: 301 }, (_, k) => [Math.cos(k / 10) * 5, k < 150 || k > 160 ? Math.sin(k / 10) * 5 : 20] as [number, number]);
    const info = pathInfo({ path, diverged: false, divergedAt: null }, BOX);
    const thin = thinInfo(info, 60);
    assert.ok(thin.x.length <= 60 + 8 && thin.x.length < info.x.length);
    assert.equal(thin.x[0], info.x[0]);
    assert.equal(thin.x[thin.x.length - 1], info.x[info.x.length - 1]);
    assert.equal(thin.x.filter((v) => v === null).length, info.x.filter((v) => v === null).length);
    const edges = (i: typeof info) => i.x.filter((v, k) => v !== null && i.step[k] === null).length;
    assert.equal(edges(thin), edges(info));
    assert.equal(thinInfo(info, 1000), info);
  });
});

describe("landscape-info", () => {
  it("contour values: log₁₀(1 + f − min f), 0 at the minimum, f kept for hover", () => {
    const c = contourInfo(fn, BOX, 41);
    assert.equal(c.z.length, 41);
    assert.equal(c.fMin, 0);
    assert.equal(c.z[20][20], 0); // (0, 0) is the middle of a 41-point grid
    const f = fn.f(c.x[3], c.y[7]);
    assert.ok(Math.abs((c.f[7][3] as number) - f) <= 1e-3 * f);
  });

  it("gradient-field arrows point downhill (against ∇f)", () => {
    const g = gradientFieldInfo(fn, BOX, 6);
    assert.equal(g.arrows, 36);
    for (let i = 0; i < g.x.length; i += 7) {
      const [x0, y0, x1, y1] = [g.x[i]!, g.y[i]!, g.x[i + 1]!, g.y[i + 1]!];
      const [gx, gy] = fn.grad(x0, y0);
      assert.ok((x1 - x0) * gx + (y1 - y0) * gy < 0);
    }
  });
});

describe("sweep-info", () => {
  it("each (outer, inner) shows exactly its own run plus the background", () => {
    const info = sweepInfo({ runs: [[1, 2, 3], [4, 5]], defaults: [1, 0] }, 2);
    assert.equal(info.total, 7);
    assert.deepEqual(info.index, [[2, 3, 4], [5, 6]]);
    assert.deepEqual(info.visible[1][1], [true, true, false, false, false, false, true]);
    assert.throws(() => sweepInfo({ runs: [[1]], defaults: [3] }, 0), /defaults\[0\]/);
  });
});

describe("sgd-errors-info", () => {
  it("zeros and non-finite values become gaps; trailing zeros are reported", () => {
    assert.deepEqual(logSeriesInfo([2, 0, 0, 0]), { y: [2, null, null, null], zeroFrom: 1 });
    assert.deepEqual(logSeriesInfo([2, 1, NaN]).y, [2, 1, null]);
    assert.equal(logSeriesInfo([1, 0, 1]).zeroFrom, null);
  });
});

describe("mnist-info", () => {
  const run = (seed: number, loss: number[]) => ({ seed, loss, trainAcc: 0.9, testAcc: 0.8 + seed / 100, divergedAt: null });
  const id = (xs: number[]) => xs;

  it("lossBandInfo: mean, min and max over seeds of the smoothed curves", () => {
    const b = lossBandInfo({ name: "SGD", runs: [run(0, [3, 2, 1]), run(1, [1, 2, 5])] }, id);
    assert.deepEqual(b.mean, [2, 2, 3]);
    assert.deepEqual(b.lower, [1, 2, 1]);
    assert.deepEqual(b.upper, [3, 2, 5]);
  });

  it("a diverged seed contributes its finite prefix only", () => {
    const bad = { ...run(1, [1, NaN, NaN]), divergedAt: 1 };
    const b = lossBandInfo({ name: "SGD", runs: [run(0, [3, 2, 1]), bad] }, id);
    assert.deepEqual(b.mean, [2, 2, 1]);
    assert.deepEqual(b.diverged, [1]);
  });

  it("book vs ours: at 1900 for the book's 2000 iterations, at the last printed one for short runs", () => {
    const book = { iterations: [0, 100, 200, 1900], loss: { SGD: [2.4, 1.5, 0.6, 0.15] } };
    assert.equal(comparisonIteration(book, 2000), 1900);
    assert.equal(comparisonIteration(book, 150), 100);
    const loss = Array.from({ length: 150 }, (_, i) => 2 - i / 100);
    const rows = bookVsOursRows([{ name: "SGD", runs: [run(0, loss), run(1, loss.map((v) => v + 0.2))] }, { name: "Nesterov", runs: [run(0, loss)] }], book, 150, smoothCurve);
    assert.equal(rows[0].iteration, 100);
    assert.equal(rows[0].book, 1.5);
    assert.ok(Math.abs(rows[0].oursMean - 1.1) < 1e-12);
    assert.ok(Math.abs(rows[0].oursMin - 1.0) < 1e-12 && Math.abs(rows[0].oursMax - 1.2) < 1e-12);
    assert.ok(Math.abs(rows[0].testAcc - 0.805) < 1e-12);
    assert.equal(rows[1].book, null); // the book does not run Nesterov
  });
});

describe("figures", () => {
  const runs = compareOptimizers2D();

  it("landscape, the book's 2×2 panels and the six-method animation are finite JSON", () => {
    const figs: PlotlyFigure[] = [
      landscapeFigure(fn),
      panelsFigure(runs.filter((r) => ["SGD", "Momentum", "AdaGrad", "Adam"].includes(r.optimizer)), fn),
      pathsAnimationFigure(runs, fn),
      sgdErrorsFigure(sgdAxisErrors()),
    ];
    figs.forEach((f, i) => assertFiniteJson(f, `fig${i}`));
    assert.equal(figs[1].data.filter((t) => t.type === "contour").length, 4);
  });

  it("animation: one frame per update count, each updating every path trace", () => {
    const f = pathsAnimationFigure(runs, fn);
    assert.equal(f.frames!.length, 31);
    for (const fr of f.frames!) assert.equal((fr.data as unknown[]).length, 6);
    const slider = (f.layout!.sliders as { steps: unknown[] }[])[0];
    assert.equal(slider.steps.length, 31);
    assert.equal(((f.frames![3].data as { x: unknown[] }[])[0]).x.length, 4);
  });

  it("lr sweep figure: a dropdown per optimizer swapping in its own lr slider", () => {
    const sweep = lrSweep2D();
    const f = sweepFigure(sweep, fn);
    assertFiniteJson(f);
    const menu = (f.layout!.updatemenus as { buttons: { label: string; args: [{ visible: boolean[] }, { sliders: { steps: unknown[]; active: number }[] }] }[] }[])[0];
    assert.deepEqual(menu.buttons.map((b) => b.label), ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"]);
    menu.buttons.forEach((b, i) => {
      assert.equal(b.args[0].visible.length, f.data.length);
      assert.equal(b.args[0].visible.filter(Boolean).length, 3); // contour + minimum + one run
      assert.equal(b.args[1].sliders[0].steps.length, sweep.inner[i].length);
      assert.equal(b.args[1].sliders[0].active, sweep.defaults[i]);
    });
    const steps = (f.layout!.sliders as { steps: { args: [{ visible: boolean[] }, { title: { text: string } }] }[] }[])[0].steps;
    const lr2 = sweep.inner[0].findIndex((v) => v.value === 2);
    assert.match(steps[lr2].args[1].title.text, /発散/);
  });

  it("MNIST loss figure: a band and a mean line per optimizer", () => {
    const series = ["SGD", "Adam"].map((name, k) => ({
      name, runs: [0, 1].map((s) => ({ seed: s, loss: Array.from({ length: 50 }, (_, i) => 2 / (1 + i * (k + 1)) + s / 10), trainAcc: 0.9, testAcc: 0.9, divergedAt: null })),
    }));
    const f = mnistLossFigure(series, smoothCurve);
    assert.equal(f.data.length, 4);
    assert.equal(f.data[0].fill, "toself");
    assertFiniteJson(f);
  });
});

describe("table-rows", () => {
  it("SGD factor rows, rate rows and end rows carry the analysis' numbers", async () => {
    const { sgdAnalysis } = await import("../src/experiments/optimizers/sgd-analysis");
    const { sgdFactorRows, rateRows, endRows } = await import("../src/viz/optimizers/table-rows");
    const a = sgdAnalysis();
    const rows = sgdFactorRows(a);
    const book = rows.find((r) => r["備考"] === "本書の設定")!;
    assert.equal(book["学習係数 η"], 0.95);
    assert.ok(Math.abs((book["λ=2 方向の倍率"] as number) + 0.9) < 1e-12);
    assert.equal(book["挙動"], "振動しながら収束（ジグザグ）");
    assert.equal(rows.find((r) => r["挙動"] === "発散")!["誤差を 1/1000 にする更新回数"], "∞");
    const rates = rateRows(a);
    assert.equal(rates.length, 5);
    assert.equal(rates[4]["手法"], "Momentum");
    assert.ok((rates[4]["収束率"] as number) < (rates[3]["収束率"] as number));
    const ends = endRows([optimizerPath2D({ optimizer: "SGD", hyperparams: { lr: 2 } })]);
    assert.equal(ends[0]["状態"], "発散（4 回目の更新）");
    assert.equal(ends[0]["更新回数"], 3);
  });

  it("book-vs-ours, accuracy and ranking rows", async () => {
    const { bookVsOursTable, accuracyTable, lossRanking } = await import("../src/viz/optimizers/table-rows");
    const row = { optimizer: "Nesterov", iteration: 100, book: null, oursMean: 0.3, oursMin: 0.25, oursMax: 0.35, oursSmoothed: 0.31, trainAcc: 0.9, testAcc: 0.89 };
    assert.equal(bookVsOursTable([row])[0]["本書（1 回の実行）"], "（本書になし）");
    assert.equal(bookVsOursTable([row])[0]["ours 範囲（シード間）"], "0.250 〜 0.350");
    assert.equal(accuracyTable([row], { Nesterov: { lr: 0.01, momentum: 0.9 } })[0]["設定"], "lr=0.01, α=0.9");
    assert.equal(lossRanking([{ name: "SGD", loss: [3, 2, 1] }, { name: "Adam", loss: [1, 0.5, 0.2] }, { name: "X", loss: [NaN, NaN] }], 2), "Adam (0.350) < SGD (1.500) < X (発散)");
  });
});

