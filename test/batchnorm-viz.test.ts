/**
 * 6.3 figures: the pure …Info() functions (panels, bands, divergence marks,
 * book matching, heat map rows, book-vs-ours rows, graph nodes, the N×C×H×W
 * highlight) and that every builder returns a valid Plotly figure.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BatchNormGridResult } from "../src/experiments/batchnorm/grid";
import { batchNormWorkedExample } from "../src/experiments/batchnorm/worked-example";
import { runningStatistics } from "../src/experiments/batchnorm/modes";
import type { EvaluationResult } from "../src/experiments/batchnorm/evaluation";
import { bookBatchNormGrid } from "../src/data/reference";
import { checkFigure, prepareFigure } from "../src/viz/figure";
import {
  batchNormEvaluationFigure, batchNormGraphFigure, batchNormGridFigure, batchNormHeatmapFigure, bookHeatmapInfo,
  comparisonRows, evaluationRows, faceCells, graphInfo, gridInfo, heatmapInfo, highlight, methodsInfo, normAxesFigure,
  runningStatsFigure, sameScale, scaleLabel,
} from "../src/viz/batchnorm";

const book = bookBatchNormGrid();

/** A small synthetic grid result: 2 seeds × 3 scales × 4 epochs (two of the book's scales, one not). */
function fakeGrid(): BatchNormGridResult {
  const scales = [book.weightScales[0], book.weightScales[5], 0.3];
  const runs = [0, 1].flatMap((seed) => scales.map((scale, s) => ({
    seed, scale,
    withBN: [0.1, 0.3, 0.5, 0.7].map((v) => v + 0.02 * seed + 0.01 * s),
    withoutBN: [0.1, 0.1, 0.12, 0.12].map((v) => v + 0.01 * seed),
    divergedWithBN: null,
    divergedWithoutBN: s === 0 && seed === 1 ? 1 : null,
  })));
  const mean = (key: "withBN" | "withoutBN", s: number) => [0, 1, 2, 3].map((e) => (runs[s][key][e] + runs[3 + s][key][e]) / 2);
  return {
    budget: "fast", seed: 0, seeds: [0, 1], scales, epochs: [0, 1, 2, 3], updates: [1, 11, 21, 31],
    withBN: scales.map((_, s) => mean("withBN", s)), withoutBN: scales.map((_, s) => mean("withoutBN", s)),
    runs, settings: { trainSize: 1000, batchSize: 100, learningRate: 0.01, hiddenSizeList: [100] }, seconds: 0,
  };
}

describe("grid panels", () => {
  const g = fakeGrid();
  const info = gridInfo(g, book);

  it("lays the scales out row by row, four per row, titled like the book (W = …)", () => {
    assert.equal(info.cols, 3);
    assert.equal(info.rows, 1);
    assert.deepEqual(info.panels.map((p) => [p.row, p.col]), [[0, 0], [0, 1], [0, 2]]);
    assert.equal(info.panels[1].title, `W = ${scaleLabel(book.weightScales[5])}`);
    assert.equal(scaleLabel(book.weightScales[5]), "0.0464");
    const big = gridInfo({ ...g, scales: Array(16).fill(0.1), withBN: Array(16).fill(g.withBN[0]), withoutBN: Array(16).fill(g.withoutBN[0]) });
    assert.equal(big.rows, 4);
    assert.equal(big.cols, 4);
  });

  it("bands span the seeds; the mean is the result's", () => {
    const p = info.panels[0];
    assert.deepEqual(p.withBN.mean, g.withBN[0]);
    p.withBN.lo.forEach((lo, e) => assert.equal(lo, Math.min(g.runs[0].withBN[e], g.runs[3].withBN[e])));
    p.withBN.hi.forEach((hi, e) => assert.equal(hi, Math.max(g.runs[0].withBN[e], g.runs[3].withBN[e])));
  });

  it("marks divergence at the first diverged epoch, with the seeds", () => {
    assert.deepEqual(info.panels[0].divergedWithoutBN, { epoch: 1, accuracy: g.withoutBN[0][1], seeds: [1] });
    assert.equal(info.panels[1].divergedWithoutBN, null);
  });

  it("matches the book's run by scale value, cut to our epochs; null for a scale the book lacks", () => {
    assert.deepEqual(info.panels[0].book, { withBN: book.batchNorm[0].slice(0, 4), withoutBN: book.normal[0].slice(0, 4) });
    assert.equal(info.panels[2].book, null);
    assert.ok(sameScale(book.weightScales[3], Number(book.weightScales[3].toPrecision(17))));
    assert.ok(!sameScale(0.0464, book.weightScales[5]));
  });

  it("book vs ours compares the same columns at the same epoch", () => {
    const rows = comparisonRows(g, book);
    assert.equal(rows.length, 2);
    assert.equal(rows[0].epoch, 3);
    assert.equal(rows[0].bookWithBN, book.batchNorm[0][3]); // second printed column = WITH BN
    assert.equal(rows[0].bookWithoutBN, book.normal[0][3]); // first printed column = WITHOUT BN
    assert.equal(rows[1].oursWithBN, g.withBN[1][3]);
    assert.deepEqual(comparisonRows(g, book, 99), []);
  });

  it("the figure has a panel per scale, the book's curves hidden until clicked, an ✕ for the divergence", () => {
    const fig = batchNormGridFigure(g, book);
    checkFigure(fig);
    prepareFigure(fig);
    assert.ok(fig.layout!.xaxis3 && !fig.layout!.xaxis4);
    const bookTraces = fig.data.filter((t) => String(t.name).startsWith("本の"));
    assert.equal(bookTraces.length, 4); // 2 matched scales × 2 nets
    assert.ok(bookTraces.every((t) => t.visible === "legendonly"));
    assert.equal(fig.data.filter((t) => (t.marker as { symbol?: string } | undefined)?.symbol === "x").length, 1);
  });
});

describe("heat map", () => {
  it("rows = scales, columns = epochs; diff = with − without; ours and the book's", () => {
    const g = fakeGrid();
    const h = heatmapInfo(g);
    assert.deepEqual(h.scales, g.scales.map(scaleLabel));
    h.diff.forEach((r, i) => r.forEach((d, e) => assert.equal(d, g.withBN[i][e] - g.withoutBN[i][e])));
    assert.deepEqual(h.bnAhead, h.diff.map((r) => r.filter((d) => d > 0.05).length));
    const b = bookHeatmapInfo(book);
    assert.equal(b.scales.length, 16);
    assert.equal(b.withBN, book.batchNorm);
    const fig = batchNormHeatmapFigure([h, b]);
    checkFigure(fig);
    assert.equal(fig.data.length, 6);
    const buttons = (fig.layout!.updatemenus as { buttons: { args: unknown[] }[] }[])[0].buttons;
    assert.deepEqual((buttons[1].args[0] as { visible: boolean[] }).visible, [false, false, false, true, true, true]);
    assert.deepEqual((buttons[1].args[1] as Record<string, unknown>)["yaxis.ticktext"], b.scales);
  });
});

describe("computational graph", () => {
  it("nodes carry the worked example's forward values and backward gradients", () => {
    const w = batchNormWorkedExample();
    const g = graphInfo(w, 0);
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    assert.equal(node("mu").forward, "5");
    assert.equal(node("var").forward, "9");
    assert.equal(node("x").forward, "[0, 6, 6, 8]");
    assert.equal(node("xhat").forward, "[−1.67, 0.333, 0.333, 1]");
    assert.equal(node("y").backward, "[1, 0, 0, 0]");
    assert.equal(node("gamma").backward, "−1.67");
    // μ shows ∂L/∂μ = −Σ dxc (the book's dmu is +Σ dxc)
    assert.equal(node("mu").backward, `−${Number(w.dxc.reduce((s, r) => s + r[0], 0).toPrecision(3))}`);
    for (const [a, b] of g.edges) assert.ok(node(a) && node(b), `${a} → ${b}`);
    const fig = batchNormGraphFigure(g);
    checkFigure(fig);
    const menus = fig.layout!.updatemenus as { buttons: { args: [{ annotations: unknown[] }] }[] }[];
    assert.equal(menus[0].buttons[1].args[0].annotations.length, g.nodes.length + g.edges.length);
  });
});

describe("N×C×H×W block", () => {
  const dims = { N: 3, C: 4, HW: 2 }, G = 2;
  const cells = faceCells(dims);

  it("draws the three visible faces cell by cell", () => {
    assert.equal(cells.length, dims.C * dims.HW + dims.C * dims.N + dims.N * dims.HW);
    assert.ok(cells.every((c) => c.xs.length === 5 && c.xs[0] === c.xs[4]));
  });

  it("highlights exactly the cells of the picked element's set", () => {
    const pick = (kind: Parameters<typeof highlight>[0]) => cells.filter((_, i) => highlight(kind, dims, G, 1, 2)[i]);
    assert.ok(pick("batch").every((c) => c.c === 2)); // one channel, every sample
    assert.deepEqual(new Set(pick("batch").map((c) => c.n)), new Set([0, 1, 2]));
    assert.ok(pick("layer").every((c) => c.n === 1)); // one sample, every channel
    assert.deepEqual(new Set(pick("layer").map((c) => c.c)), new Set([0, 1, 2, 3]));
    assert.ok(pick("instance").every((c) => c.n === 1 && c.c === 2));
    assert.ok(pick("group").every((c) => c.n === 1 && (c.c === 2 || c.c === 3)));
    const m = methodsInfo(dims, G);
    assert.deepEqual(m.map((x) => x.sets), [4, 3, 12, 6]);
    assert.deepEqual(m.map((x) => x.setSize), [6, 8, 2, 4]);
    assert.throws(() => highlight("group", dims, 3, 0, 0), /groups/);
    assert.throws(() => highlight("batch", dims, G, 3, 0), /\bn\b/);
  });

  it("the figure's slider has one step per (n, c) and restyles 2 traces per panel", () => {
    const fig = normAxesFigure(dims, G);
    checkFigure(fig);
    const steps = (fig.layout!.sliders as { steps: { args: [unknown, number[]] }[] }[])[0].steps;
    assert.equal(steps.length, dims.N * dims.C);
    assert.equal(steps[0].args[1].length, 8);
  });
});


describe("evaluation and running statistics figures", () => {
  it("rows per setting and net; the figures build", () => {
    const curve = (a: number) => ({
      trainAcc: [0.1, a], testAcc: [0.1, a - 0.1], trainRuns: [[0.1, a]], testRuns: [[0.1, a - 0.1]],
      finalTrain: a, finalTest: a - 0.1, gap: 0.1, takeoffEpoch: a >= 0.5 ? 1 : null,
      diverged: a < 0.5 ? 1 : 0, divergedAt: a < 0.5 ? 1 : null,
    });
    const r: EvaluationResult = {
      budget: "fast", seed: 0, seeds: [0], epochs: [0, 1], testSize: 10,
      settings: [{ init: 0.05, label: "std=0.05", withBN: curve(0.8), withoutBN: curve(0.2) }],
    };
    const rows = evaluationRows(r);
    assert.equal(rows.length, 2);
    assert.equal(rows[0].takeoff, "1");
    assert.equal(rows[1].takeoff, "—（届かない）");
    assert.equal(rows[1].diverged, "1/1 seed");
    const fig = batchNormEvaluationFigure(r);
    checkFigure(fig);
    assert.equal(fig.data.filter((t) => (t.marker as { symbol?: string } | undefined)?.symbol === "x").length, 1);
    assert.ok(!("__divergedLegend" in fig.layout!));
    checkFigure(runningStatsFigure(runningStatistics({ steps: 5 })));
  });
});
