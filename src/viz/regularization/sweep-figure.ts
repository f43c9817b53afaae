/**
 * A sweep (λ or the dropout ratio) as one figure with a slider: each step
 * shows the train / test curves of one value over the first value's curves
 * in grey (λ = 0, no dropout) for comparison; the book's run appears at its
 * value. And the final accuracies and gap against the value.
 */
import type { RegularizationSweep } from "../../experiments/regularization/sweep";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { SWEEP_COLORS } from "./colors";
import { curveInfo } from "./curves-info";
import { accuracyLayout, bookTraces, gapAnnotation, seriesTraces } from "./curves-figure";

const NAMES = { weightDecayLambda: "λ", dropoutRatio: "dropout ratio" } as const;

/** Label of a sweep value: "0", "0.001", "0.3". */
export function valueLabel(v: number): string {
  return String(Number(v.toPrecision(3)));
}

export interface SweepSliderInfo {
  /** Trace count: 2 background + 4 per value + 2 book. */
  total: number;
  /** visible[k]: the visibility of every trace at slider step k. */
  visible: boolean[][];
  /** Index of the step shown first (the book's value if present, else the last). */
  active: number;
}

export function sweepSliderInfo(values: number[], bookValue: number): SweepSliderInfo {
  const perValue = 4;
  const total = 2 + perValue * values.length + 2;
  const bookIndex = values.indexOf(bookValue);
  const visible = values.map((_, k) => {
    const v = new Array<boolean>(total).fill(false);
    v[0] = v[1] = k !== 0; // the first value in grey, except when it is the one shown
    for (let j = 0; j < perValue; j++) v[2 + perValue * k + j] = true;
    v[total - 2] = v[total - 1] = k === bookIndex;
    return v;
  });
  return { total, visible, active: bookIndex >= 0 ? bookIndex : values.length - 1 };
}

export function sweepFigure(sweep: RegularizationSweep, bookLabel: string): PlotlyFigure {
  const name = NAMES[sweep.parameter];
  const infos = sweep.series.map(curveInfo);
  const lastEpoch = Math.max(...infos.map((c) => c.epochs[c.epochs.length - 1]));
  const slider = sweepSliderInfo(sweep.values, sweep.book.value);
  const base = infos[0];
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name: `${base.label}：訓練（比較用）`, x: base.epochs, y: base.train, line: { color: "#bbbbbb", width: 1.5 }, hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: `${base.label}：テスト（比較用）`, x: base.epochs, y: base.test, line: { color: "#bbbbbb", width: 1.5, dash: "dash" }, hoverinfo: "skip" },
  ];
  infos.forEach((c, k) => data.push(...seriesTraces(c, SWEEP_COLORS[(k + 1) % SWEEP_COLORS.length], { legend: true })));
  data.push(...bookTraces({ data: sweep.book.data, label: bookLabel }, lastEpoch));
  data.forEach((t, i) => (t.visible = slider.visible[slider.active][i]));
  const annotations = infos.map((c, k) => gapAnnotation(c, SWEEP_COLORS[(k + 1) % SWEEP_COLORS.length], k === slider.active));
  const seeds = sweep.seeds.length;
  const title = (k: number) => `${name} = ${valueLabel(sweep.values[k])}：訓練（実線）とテスト（破線）の認識精度${seeds > 1 ? `（${seeds} seed の平均 ±1σ）` : ""}`;
  const steps = sweep.values.map((v, k) => ({
    method: "update",
    label: valueLabel(v),
    args: [
      { visible: slider.visible[k] },
      { "title.text": title(k), annotations: annotations.map((a, j) => ({ ...a, visible: j === k })) },
    ],
  }));
  return {
    data,
    layout: {
      ...accuracyLayout(title(slider.active), lastEpoch),
      annotations,
      height: 560,
      legend: { orientation: "h", y: -0.42 },
      sliders: [{ active: slider.active, currentvalue: { prefix: `${name} = ` }, pad: { t: 40 }, steps }],
    },
  };
}

/** Final train / test accuracy (mean ± std) and the gap against the swept value (a categorical axis: 0 is a value too). */
export function sweepGapFigure(sweep: RegularizationSweep): PlotlyFigure {
  const name = NAMES[sweep.parameter];
  const x = sweep.values.map(valueLabel);
  const seeds = sweep.seeds.length;
  const err = (k: "trainAcc" | "testAcc" | "gap") => (seeds > 1 ? { type: "data", array: sweep.points.map((p) => p[k].std), visible: true } : undefined);
  const last = sweep.epochs;
  return {
    data: [
      { type: "bar", name: "差（訓練 − テスト）", x, y: sweep.points.map((p) => p.gap.mean), error_y: err("gap"), marker: { color: "rgba(214,39,40,0.55)" }, hovertemplate: `${name} = %{x}<br>差 %{y:.1%}<extra></extra>` },
      { type: "scatter", mode: "lines+markers", name: "訓練", x, y: sweep.points.map((p) => p.trainAcc.mean), error_y: err("trainAcc"), line: { color: "#1f77b4" }, hovertemplate: `${name} = %{x}<br>訓練 %{y:.1%}<extra></extra>` },
      { type: "scatter", mode: "lines+markers", name: "テスト", x, y: sweep.points.map((p) => p.testAcc.mean), error_y: err("testAcc"), line: { color: "#1f77b4", dash: "dash" }, hovertemplate: `${name} = %{x}<br>テスト %{y:.1%}<extra></extra>` },
    ],
    layout: {
      title: { text: `epoch ${last} の認識精度と差（${name} ごと${seeds > 1 ? `、${seeds} seed の平均 ±1σ` : ""}）` },
      xaxis: { title: { text: name }, type: "category" },
      yaxis: { title: { text: "accuracy / 差" }, range: [0, 1.02], tickformat: ".0%" },
      legend: { orientation: "h", y: -0.2 },
      height: 420,
    },
  };
}
