/**
 * viz/regularization: the pure info functions (bands, the book's curve on our
 * epoch axis, slider visibility, weight histograms with exact zeros apart,
 * table rows) and that every figure builder returns a valid Plotly figure.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OverfitRun } from "../src/experiments/regularization/overfit";
import type { OverfitSeries } from "../src/experiments/regularization/overfit-seeds";
import { bookOverfit } from "../src/data/reference";
import type { RegularizationSweep } from "../src/experiments/regularization/sweep";
import type { RegularizationSummary } from "../src/experiments/regularization/summary";
import { prepareFigure } from "../src/viz/figure";
import {
  bandPolygon, bookCurve, overfitFigure, pctPm, summaryFigure, summaryRows, sweepFigure,
  sweepGapFigure, sweepSliderInfo, valueLabel, weightHistogram,
} from "../src/viz/regularization";

const ms = (mean: number, std = 0) => ({ mean, std });

function fakeSeries(key: string, seeds: number, train: number[], test: number[]): OverfitSeries {
  const epochs = train.map((_, i) => i);
  const run = { seed: 0, epochs, trainAcc: train, testAcc: test } as unknown as OverfitRun;
  return {
    key, label: key, config: {} as OverfitSeries["config"], runs: Array.from({ length: seeds }, () => run), epochs,
    trainMean: train, trainStd: train.map(() => 0.02), testMean: test, testStd: test.map(() => 0.03),
    trainAcc: ms(train[train.length - 1]), testAcc: ms(test[test.length - 1]),
    gap: ms(train[train.length - 1] - test[test.length - 1]), zeroWeightFraction: ms(0), nearZeroFraction: ms(0),
  };
}

describe("curve info", () => {
  it("bandPolygon closes mean ± std, clips to [0, 1] and skips missing points", () => {
    const b = bandPolygon([0, 1, 2], [0.5, NaN, 0.99], [0.1, 0.1, 0.05]);
    assert.deepEqual(b.x, [0, 2, 2, 0]);
    assert.deepEqual(b.y.map((v) => Number(v.toFixed(6))), [0.6, 1, 0.94, 0.4]);
    assert.throws(() => bandPolygon([0], [1, 2], [0, 0]), /mean\/std/);
  });

  it("bookCurve puts the book's runs on our 0-based epoch axis by updates (dropout's epoch:N → N − 1)", () => {
    const wd = bookOverfit("weight_decay"), dr = bookOverfit("dropout");
    const a = bookCurve(wd, 200, 50), b = bookCurve(dr, 200, 50);
    assert.deepEqual(a.epochs, [0, 50, 100, 150, 200]);
    assert.deepEqual(b.epochs, [0, 50, 100, 150, 200]);
    assert.equal(a.train[4], wd.trainAcc[200]);
    assert.equal(b.test[4], dr.testAcc[200]); // dropout's epoch:201 (601 updates)
    assert.equal(bookCurve(dr, 80).epochs.length, 81);
  });
});

describe("sweep slider", () => {
  it("each step shows its value's 4 traces, the first value in grey otherwise, the book at its value", () => {
    const s = sweepSliderInfo([0, 0.01, 0.1, 0.3], 0.1);
    assert.equal(s.total, 2 + 16 + 2);
    assert.equal(s.active, 2);
    s.visible.forEach((v, k) => {
      assert.equal(v.filter(Boolean).length, 4 + (k === 0 ? 0 : 2) + (k === 2 ? 2 : 0));
      for (let j = 0; j < 4; j++) assert.ok(v[2 + 4 * k + j]);
    });
    assert.equal(sweepSliderInfo([0, 0.5], 0.2).active, 1, "no book value in the list → the last step");
    assert.equal(valueLabel(0.001), "0.001");
  });
});

describe("weights", () => {
  it("weightHistogram counts exact zeros apart from the bars and reports what falls outside", () => {
    const h = weightHistogram([0, 0, 0.05, -0.05, 0.5, 1e-9], 0.1, 4);
    assert.equal(h.exactZeros, 2);
    assert.equal(h.outside, 1);
    // bins [−0.1, −0.05) [−0.05, 0) [0, 0.05) [0.05, 0.1]: 1e-9 lands right of 0, not among the zeros
    assert.deepEqual(h.counts, [0, 1, 1, 1]);
    assert.equal(h.counts.reduce((a, b) => a + b, 0) + h.exactZeros + h.outside, h.total);
    assert.throws(() => weightHistogram([1], 0, 3), /range/);
  });
});

describe("figures and rows", () => {
  const a = fakeSeries("none", 3, [0.1, 0.6, 1], [0.1, 0.5, 0.7]);
  const b = fakeSeries("l2", 3, [0.1, 0.5, 0.9], [0.1, 0.45, 0.72]);

  it("overfitFigure: 4 traces per series + 2 for the book, valid for Plotly", () => {
    const fig = overfitFigure([a, b], { title: "t", book: { data: bookOverfit("weight_decay"), label: "本書" } });
    assert.equal(fig.data.length, 10);
    prepareFigure(fig);
  });

  it("sweep figures are valid and start at the book's value", () => {
    const sweep = {
      budget: "fast", parameter: "weightDecayLambda", values: [0, 0.1], seeds: [0, 1, 2], epochs: 2, testSize: 500,
      series: [a, b], points: [a, b].map((x, i) => ({ value: [0, 0.1][i], trainAcc: x.trainAcc, testAcc: x.testAcc, gap: x.gap })),
      book: { value: 0.1, data: bookOverfit("weight_decay") },
    } as RegularizationSweep;
    const fig = sweepFigure(sweep, "本書");
    const sliders = (fig.layout as { sliders: { active: number; steps: unknown[] }[] }).sliders;
    assert.equal(sliders[0].active, 1);
    assert.equal(sliders[0].steps.length, 2);
    prepareFigure(fig);
    prepareFigure(sweepGapFigure(sweep));
  });

  it("summaryRows: mean ± std with several seeds, the book's numbers or —", () => {
    const s = {
      budget: "full", epochs: 200, updates: 601, testSize: 10000, seeds: [0, 1, 2],
      rows: [
        { key: "none", label: "なし", config: {}, seeds: 3, trainAcc: ms(1, 0), testAcc: ms(0.75, 0.01), gap: ms(0.25, 0.01), zeroWeightFraction: ms(0), bestEpoch: null, book: null },
        { key: "l2", label: "L2", config: {}, seeds: 3, trainAcc: ms(0.9, 0.02), testAcc: ms(0.72, 0.01), gap: ms(0.18, 0.01), zeroWeightFraction: ms(0), bestEpoch: null,
          book: { trainAcc: 0.9267, testAcc: 0.7207, gap: 0.206, epochLabel: 200, updates: 601, script: "x" } },
      ],
    } as RegularizationSummary;
    const rows = summaryRows(s);
    assert.equal(rows[0]["テスト精度 (%)"], "75.0 ± 1.0");
    assert.equal(rows[0]["本書 テスト (%)"], "—");
    assert.equal(rows[1]["本書 訓練 (%)"], "92.7");
    assert.equal(pctPm(ms(0.5, 0.1), 1), "50.0");
    prepareFigure(summaryFigure(s));
  });
});
