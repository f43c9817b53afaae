/**
 * 6.2 figures and tables (src/viz/init): the pure …Info functions and the
 * Plotly specs built from them. Real experiment output where it is cheap
 * (the histogram grid), synthetic runs where a property must be forced
 * (a diverged seed, a verdict that flips).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { gradientNorms } from "../src/experiments/init/gradients";
import { activationHistogram, activationHistogramGrid, type HistogramResult } from "../src/experiments/init/histogram";
import type { InitMnistResult, InitMnistRun } from "../src/experiments/init/mnist";
import { symmetryDemo } from "../src/experiments/init/symmetry";
import { varianceCheck } from "../src/experiments/init/variance";
import { smoothCurve } from "../src/train/smooth-curve";
import { prepareFigure } from "../src/viz/figure";
import {
  accuracyClaims, accuracyRows, applyFlat, variancePanels, bookVsOursRows, claimChecks, comparisonIterations, gradientFigure, gradientInfo,
  histogramGridFigure, histogramGridInfo, layerStatsRows, lossCurveFigure, lossCurveInfo, settingsSummaryRows,
  symmetryFigure, symmetryRows, varianceFigure, varianceRows,
} from "../src/viz/init";

const grid = activationHistogramGrid({ seed: 0 });

/** Every string inside a figure (to check for LaTeX, which Plotly cannot typeset offline). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}
const noLatex = (fig: unknown) => {
  for (const s of strings(fig)) assert.ok(!/\$|\\frac|\\sqrt/.test(s), `LaTeX in figure text: ${s}`);
};

describe("histogram grid", () => {
  it("info: 3 activations × 4 inits × 5 layers, bar centres inside the range", () => {
    const info = histogramGridInfo(grid);
    assert.deepEqual(info.activations, ["sigmoid", "tanh", "relu"]);
    assert.deepEqual(info.inits.map((i) => i.key), ["std=1", "std=0.01", "xavier", "he"]);
    for (const a of info.activations) {
      assert.equal(info.panels[a].length, 4);
      for (const row of info.panels[a]) {
        assert.equal(row.length, 5);
        for (const p of row) {
          assert.equal(p.x.length, 30);
          assert.ok(p.x.every((x) => x > p.range[0] && x < p.range[1]));
          const share = p.share.reduce((s, v) => s + v, 0);
          assert.ok(share <= 100 + 1e-9 && share > 0);
        }
      }
    }
    assert.ok(info.excludeZeros.relu && !info.excludeZeros.sigmoid);
  });
  it("info: a missing (init, activation) pair is named", () => {
    assert.throws(() => histogramGridInfo(grid.slice(1)), (e: Error) => e instanceof ArgumentError && /std=1 × sigmoid/.test(e.message));
    assert.throws(() => histogramGridInfo([]), ArgumentError);
  });
  it("figure: 60 bar traces, 20 visible, each dropdown button shows exactly its activation", () => {
    const fig = histogramGridFigure(grid, "tanh");
    assert.equal(fig.data.length, 60);
    assert.equal(fig.data.filter((t) => t.visible === true).length, 20);
    const menu = (fig.layout!.updatemenus as { buttons: { args: [{ visible: boolean[] }, Record<string, unknown>] }[] }[])[0];
    assert.equal(menu.buttons.length, 3);
    menu.buttons.forEach((b, i) => {
      const vis = b.args[0].visible;
      assert.equal(vis.filter(Boolean).length, 20);
      assert.ok(vis.every((v, k) => v === (Math.floor(k / 20) === i)));
      const relu = i === 2;
      const r = b.args[1]["xaxis.range"] as number[];
      assert.deepEqual(r, relu ? grid.find((g) => g.activation === "relu" && g.initKey === "std=1")!.range : i === 0 ? [0, 1] : [-1, 1]);
    });
    // the initial layout already carries the tanh ranges
    assert.deepEqual((fig.layout!.xaxis as { range: number[] }).range, [-1, 1]);
    noLatex(fig);
    prepareFigure(fig);
  });
  it("applyFlat sets relayout paths in nested objects", () => {
    const l = applyFlat({ xaxis2: { domain: [0, 1] } }, { "xaxis2.range": [0, 5], "title.text": "t" });
    assert.deepEqual(l, { xaxis2: { domain: [0, 1], range: [0, 5] }, title: { text: "t" } });
  });
});

describe("statistics tables and claim checks", () => {
  it("layer rows carry the activation's own columns", () => {
    const sig = layerStatsRows(grid.find((g) => g.activation === "sigmoid" && g.initKey === "std=1")!);
    assert.equal(sig.length, 5);
    assert.ok("飽和 0付近 (%)" in sig[0] && "0.5±0.05 (%)" in sig[0] && !("ちょうど 0 (%)" in sig[0]));
    const relu = layerStatsRows(grid.find((g) => g.activation === "relu" && g.initKey === "he")!);
    assert.ok("ちょうど 0 (%)" in relu[0] && !("飽和 0付近 (%)" in relu[0]));
    assert.equal(settingsSummaryRows(grid).length, 12);
  });
  it("every claim of the book's settings is checked, with numbers for each layer", () => {
    const checks = claimChecks(grid);
    assert.equal(checks.length, 11);
    for (const c of checks) {
      assert.ok(c.verdict === "成り立つ" || c.verdict === "成り立たない");
      assert.equal(c.evidence.split("→").length, 5, c.evidence);
    }
  });
  it("verdicts follow the numbers: a doctored result flips the He claim", () => {
    const he = activationHistogram({ init: "he", activation: "relu", seed: 0 });
    const base = claimChecks([he]);
    assert.equal(base.length, 1);
    assert.equal(base[0].verdict, "成り立つ");
    const doctored: HistogramResult = { ...he, layers: he.layers.map((l, i) => ({ ...l, std: l.std * 3 ** i })) };
    assert.equal(claimChecks([doctored])[0].verdict, "成り立たない");
  });
  it("the vanishing-gradient claim uses the gradient norms when given", () => {
    const s1 = grid.filter((g) => g.activation === "sigmoid" && g.initKey === "std=1");
    const grads = gradientNorms({ seed: 0, inits: [1], activations: ["sigmoid"], dataCount: 100 });
    const c = claimChecks(s1, grads).find((x) => x.claim === "勾配消失が起こる")!;
    assert.match(c.evidence, /‖∂L\/∂W‖/);
  });
});

describe("variance, gradients, symmetry figures", () => {
  it("variance rows and figure", () => {
    const cases = varianceCheck({ runs: 1 });
    const rows = varianceRows(cases);
    assert.equal(rows.length, cases.length * 5);
    for (const r of rows) assert.ok(Math.abs((r["測定/式"] as number) - (r["Var[a] 測定"] as number) / (r["n·σ²·E[x²]"] as number)) < 1e-12);
    const fig = varianceFigure(cases);
    // measured + formula for every case, the closed form for linear and ReLU only
    assert.equal(fig.data.length, cases.length * 2 + cases.filter((c) => c.activation === "linear" || c.activation === "relu").length);
    assert.equal((fig.layout!.yaxis as { type: string }).type, "log");
    noLatex(fig);
    // (nσ²)^l = 100^l cannot share an axis with the cases that stay near 1
    const [left, right] = variancePanels(cases);
    assert.ok(left.some((c) => c.activation === "linear" && c.initKey === "std=1"));
    assert.ok(right.some((c) => c.activation === "relu" && c.initKey === "he"));
    assert.equal(left.length + right.length, cases.length);
  });
  it("gradient info ratio and figure panels", () => {
    const res = gradientNorms({ seed: 0, inits: [0.01, "he"], activations: ["tanh", "relu"], dataCount: 100 });
    const info = gradientInfo(res);
    assert.deepEqual(info.map((p) => p.activation), ["tanh", "relu"]);
    for (const p of info) for (const l of p.lines) assert.ok(Math.abs(l.ratio - l.y[0] / l.y[l.y.length - 1]) < 1e-15);
    const fig = gradientFigure(res);
    assert.equal(fig.data.length, 4);
    assert.equal((fig.layout!.yaxis2 as { type: string }).type, "log");
    noLatex(fig);
  });
  it("symmetry rows and figure", () => {
    const cases = symmetryDemo({ steps: 20 });
    assert.equal(symmetryRows(cases).length, 3);
    assert.equal(symmetryFigure(cases).data.length, 6);
  });
});

/** A synthetic InitMnistResult: loss_i = a + b·exp(−i/τ) + seed wiggle; one He seed diverges at `divergeAt`. */
function fakeMnist(iterations: number, seeds: number, divergeAt: number | null = null): InitMnistResult {
  const mk = (base: number, drop: number, key: string): InitMnistRun[] =>
    Array.from({ length: seeds }, (_, s) => {
      const loss = Array.from({ length: iterations }, (_, i) => base + drop * Math.exp(-i / 300) + 0.05 * Math.sin(i + s));
      let d: number | null = null;
      if (key === "he" && s === 0 && divergeAt !== null) {
        for (let i = divergeAt; i < iterations; i++) loss[i] = Number.NaN;
        d = divergeAt;
      }
      return { seed: s, loss, trainAcc: 0.5 + 0.1 * s, testAcc: 0.49 + 0.1 * s, divergedAt: d };
    });
  const series = (key: "std=0.01" | "xavier" | "he", label: string, bookKey: "std=0.01" | "Xavier" | "He", base: number, drop: number) => {
    const runs = mk(base, drop, key);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      key, label, bookKey, runs,
      loss: Array.from({ length: iterations }, (_, i) => mean(runs.map((r) => r.loss[i]))),
      trainAcc: mean(runs.map((r) => r.trainAcc)), testAcc: mean(runs.map((r) => r.testAcc)),
    };
  };
  return {
    budget: "fast", seed: 0, seeds: Array.from({ length: seeds }, (_, s) => s), iterations, batchSize: 128, lr: 0.01,
    trainAccSize: 100, testSize: 100,
    inits: {
      "std=0.01": series("std=0.01", "std=0.01", "std=0.01", 2.3, 0),
      xavier: series("xavier", "Xavier", "Xavier", 0.3, 2),
      he: series("he", "He", "He", 0.2, 2),
    },
  };
}

const book = {
  iterations: Array.from({ length: 20 }, (_, k) => 100 * k),
  loss: { "std=0.01": Array(20).fill(2.3), Xavier: Array(20).fill(0.4), He: Array(20).fill(0.3) },
};

describe("MNIST loss curves and tables", () => {
  it("mean of the seeds' smoothed curves with a band around it", () => {
    const r = fakeMnist(400, 3);
    const info = lossCurveInfo(r, book);
    assert.equal(info.length, 3);
    const he = info.find((c) => c.key === "he")!;
    const curves = r.inits.he.runs.map((run) => smoothCurve(run.loss));
    for (const i of [0, 17, 399]) {
      const vs = curves.map((c) => c[i]);
      assert.ok(Math.abs(he.mean[i]! - vs.reduce((a, b) => a + b, 0) / 3) < 1e-12);
      assert.equal(he.lower[i], Math.min(...vs));
      assert.equal(he.upper[i], Math.max(...vs));
    }
    assert.deepEqual(he.book!.x, [0, 100, 200, 300], "book points only inside the run");
  });
  it("a diverged seed stops its curve, is listed, and the figure marks it", () => {
    const r = fakeMnist(300, 2, 150);
    const he = lossCurveInfo(r).find((c) => c.key === "he")!;
    assert.deepEqual(he.diverged, [150]);
    // after 150 only the other seed is left: band collapses onto it
    assert.equal(he.lower[200], he.upper[200]);
    const fig = lossCurveFigure(r, book);
    assert.ok(fig.data.some((t) => Array.isArray(t.text) && (t.text as string[])[0] === "発散"));
    assert.deepEqual((fig.layout!.yaxis as { range: number[] }).range, [0, 2.5]);
    noLatex(fig);
  });
  it("book vs ours at iteration 1900 in a full-length run, at the last printed one otherwise", () => {
    const full = fakeMnist(2000, 2);
    assert.deepEqual(comparisonIterations(full, book), [1900]);
    const rows = bookVsOursRows(full, book);
    assert.equal(rows.length, 3);
    const he = rows.find((x) => x["初期値"] === "He")!;
    assert.equal(he["書籍（1 回）"], 0.3);
    const raw = full.inits.he.runs.map((run) => run.loss[1900]);
    assert.ok(Math.abs((he["本実装 平均"] as number) - (raw[0] + raw[1]) / 2) < 1e-12);
    assert.deepEqual(comparisonIterations(fakeMnist(300, 1), book), [200]);
    assert.throws(() => bookVsOursRows(fakeMnist(300, 1), book, [250]), ArgumentError);
  });
  it("accuracy rows and the 90 % / 98 % claims follow the numbers", () => {
    const r = fakeMnist(50, 2);
    assert.equal(accuracyRows(r).length, 3);
    const claims = accuracyClaims(r);
    assert.deepEqual(claims.map((c) => c.verdict), ["成り立たない", "成り立たない"]);
    r.inits.he.testAcc = 0.985;
    assert.equal(accuracyClaims(r)[1].verdict, "成り立つ");
  });
});

