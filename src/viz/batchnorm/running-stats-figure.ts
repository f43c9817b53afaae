/**
 * Running mean (top) and running variance (bottom) of BatchNormalization step by
 * step for several momenta, from the book's start at 0, against each mini-batch's
 * own statistic (grey dots) and the true value (dashed).
 */
import type { RunningStatisticsResult } from "../../experiments/batchnorm/modes";
import type { PlotlyFigure, PlotlyTrace } from "../figure";

const COLORS = ["#9467bd", "#1f77b4", "#2ca02c", "#d62728", "#8c564b"];

export function runningStatsFigure(r: RunningStatisticsResult): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  const rows = [
    { key: "runningMean" as const, batch: r.batchMean, truth: r.trueMean, axes: { xaxis: "x", yaxis: "y" }, label: "running_mean", stat: "平均" },
    { key: "runningVar" as const, batch: r.batchVar, truth: r.trueVar, axes: { xaxis: "x2", yaxis: "y2" }, label: "running_var", stat: "分散" },
  ];
  rows.forEach((row, k) => {
    data.push({
      type: "scatter", mode: "markers", x: r.step.slice(1), y: row.batch.slice(1), ...row.axes,
      marker: { color: "rgba(120,120,120,0.5)", size: 5 }, name: "各ミニバッチの統計量", legendgroup: "batch", showlegend: k === 0,
      hovertemplate: `step %{x}: ミニバッチの${row.stat} %{y:.3f}<extra></extra>`,
    });
    data.push({
      type: "scatter", mode: "lines", x: [r.step[0], r.step[r.step.length - 1]], y: [row.truth, row.truth], ...row.axes,
      line: { color: "black", dash: "dash", width: 1 }, name: "真の値", legendgroup: "truth", showlegend: k === 0, hoverinfo: "skip",
    });
    r.series.forEach((s, j) => {
      data.push({
        type: "scatter", mode: "lines", x: r.step, y: s[row.key], ...row.axes,
        line: { color: COLORS[j % COLORS.length], width: 2 }, name: `momentum = ${s.momentum}${s.momentum === 0.9 ? "（本）" : ""}`,
        legendgroup: `m${j}`, showlegend: k === 0,
        hovertemplate: `step %{x}: ${row.label} %{y:.3f}<extra>momentum ${s.momentum}</extra>`,
      });
    });
  });
  return {
    data,
    layout: {
      height: 520,
      margin: { t: 60, l: 70, r: 20, b: 50 },
      title: { text: "移動平均（running_mean / running_var）は 0 から始まって真の値に近づく", font: { size: 14 } },
      xaxis: { anchor: "y", domain: [0, 1], showticklabels: false },
      yaxis: { domain: [0.55, 1], title: { text: "running_mean" } },
      xaxis2: { anchor: "y2", domain: [0, 1], title: { text: "学習の step（ミニバッチ数）" } },
      yaxis2: { domain: [0, 0.45], title: { text: "running_var" } },
      legend: { orientation: "h", y: 1.08, x: 0 },
      hovermode: "closest",
    },
  };
}
