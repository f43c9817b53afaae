/**
 * Accuracy-per-epoch figures of §6.4 (the book's figures 6-20 … 6-23):
 * train (solid) and test (dashed) accuracy, mean over seeds with a ±1 std
 * band, the book's recorded run as markers, and the final gap written at the end.
 */
import type { OverfitSeries } from "../../experiments/regularization/overfit-seeds";
import type { OverfitData } from "../../data/reference";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { alpha, regColor } from "./colors";
import { bookCurve, curveInfo, type CurveInfo } from "./curves-info";

export interface BookOverlay {
  data: OverfitData;
  label: string;
}

/** The 4 traces of one series: two bands (empty with one seed), then the train and test lines. */
export function seriesTraces(c: CurveInfo, color: string, options: { legend?: boolean; visible?: boolean } = {}): PlotlyTrace[] {
  const { legend = true, visible = true } = options;
  const band = (b: CurveInfo["trainBand"], name: string): PlotlyTrace => ({
    type: "scatter", mode: "lines", name, x: c.seeds > 1 ? b.x : [], y: c.seeds > 1 ? b.y : [],
    fill: "toself", fillcolor: alpha(color, 0.15), line: { width: 0 }, hoverinfo: "skip", showlegend: false, visible,
  });
  return [
    band(c.trainBand, `${c.label} 訓練 ±1σ`),
    band(c.testBand, `${c.label} テスト ±1σ`),
    {
      type: "scatter", mode: "lines", name: `${c.label}：訓練`, x: c.epochs, y: c.train, line: { color, width: 2 },
      legendgroup: c.key, showlegend: legend, visible, hovertemplate: "epoch %{x}<br>訓練 %{y:.1%}<extra></extra>",
    },
    {
      type: "scatter", mode: "lines", name: `${c.label}：テスト`, x: c.epochs, y: c.test, line: { color, width: 2, dash: "dash" },
      legendgroup: c.key, showlegend: legend, visible, hovertemplate: "epoch %{x}<br>テスト %{y:.1%}<extra></extra>",
    },
  ];
}

export function bookTraces(book: BookOverlay, lastEpoch: number, visible = true): PlotlyTrace[] {
  const b = bookCurve(book.data, lastEpoch, 5);
  const color = regColor("book");
  return [
    {
      type: "scatter", mode: "markers", name: `${book.label}：訓練`, x: b.epochs, y: b.train, visible,
      marker: { symbol: "circle-open", size: 6, color }, hovertemplate: "本書 epoch %{x}<br>訓練 %{y:.1%}<extra></extra>",
    },
    {
      type: "scatter", mode: "markers", name: `${book.label}：テスト`, x: b.epochs, y: b.test, visible,
      marker: { symbol: "square-open", size: 6, color }, hovertemplate: "本書 epoch %{x}<br>テスト %{y:.1%}<extra></extra>",
    },
  ];
}

/** "差 23.4 pt" at the right end, between the final train and test means. */
export function gapAnnotation(c: CurveInfo, color: string, visible = true): Record<string, unknown> {
  const last = c.epochs.length - 1;
  return {
    x: c.epochs[last], y: (c.train[last] + c.test[last]) / 2, xanchor: "left", showarrow: false, visible,
    text: `差 ${(100 * (c.train[last] - c.test[last])).toFixed(1)} pt`, font: { color, size: 12 },
  };
}

export function accuracyLayout(title: string, lastEpoch: number): Record<string, unknown> {
  return {
    title: { text: title },
    xaxis: { title: { text: "epochs" }, range: [0, lastEpoch * 1.1] },
    yaxis: { title: { text: "accuracy" }, range: [0, 1.02], tickformat: ".0%" },
    legend: { orientation: "h", y: -0.18 },
    height: 480,
    margin: { t: 60, r: 30 },
  };
}

/** Several series on one axis (e.g. λ = 0 vs λ = 0.1), optionally with the book's run. */
export function overfitFigure(series: OverfitSeries[], options: { title: string; book?: BookOverlay; colorKeys?: string[] }): PlotlyFigure {
  const infos = series.map(curveInfo);
  const lastEpoch = Math.max(...infos.map((c) => c.epochs[c.epochs.length - 1]));
  const data: PlotlyTrace[] = [];
  const annotations: Record<string, unknown>[] = [];
  infos.forEach((c, i) => {
    const color = regColor(options.colorKeys?.[i] ?? c.key, i);
    data.push(...seriesTraces(c, color));
    annotations.push(gapAnnotation(c, color));
  });
  if (options.book) data.push(...bookTraces(options.book, lastEpoch));
  return { data, layout: { ...accuracyLayout(options.title, lastEpoch), annotations } };
}
