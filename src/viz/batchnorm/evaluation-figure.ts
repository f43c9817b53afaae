/**
 * One panel per initial value (the slides' 0.05, 1.0, 0.0001, plus He):
 * train accuracy (solid) and test accuracy (dotted), with BN and without.
 */
import type { EvaluationCurve, EvaluationResult } from "../../experiments/batchnorm/evaluation";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { BN_COLOR, PLAIN_COLOR, WITHOUT_BN, WITH_BN, axisId, withAlpha } from "./colors";

const range = (runs: number[][], f: (...v: number[]) => number) => runs[0].map((_, e) => f(...runs.map((r) => r[e])));

export function batchNormEvaluationFigure(r: EvaluationResult): PlotlyFigure {
  const n = r.settings.length;
  const data: PlotlyTrace[] = [];
  const layout: PlotlyLayout = {
    height: 380,
    margin: { t: 80, l: 55, r: 20, b: 95 },
    title: { text: `初期値ごとの学習の進み方：訓練精度（実線）とテスト精度（点線）${r.seeds.length > 1 ? `、${r.seeds.length} seed の平均` : ""}`, font: { size: 14 } },
    legend: { orientation: "h", y: -0.25, x: 0 },
    annotations: [],
    hovermode: "x unified",
  };
  const gap = 0.03;
  r.settings.forEach((s, i) => {
    const id = axisId(i + 1), axes = { xaxis: `x${id}`, yaxis: `y${id}` };
    layout[`xaxis${id}`] = { domain: [i / n + (i ? gap / 2 : 0), (i + 1) / n - (i < n - 1 ? gap / 2 : 0)], anchor: `y${id}`, title: { text: "epochs" } };
    layout[`yaxis${id}`] = { anchor: `x${id}`, range: [0, 1.02], showticklabels: i === 0, title: i === 0 ? { text: "accuracy" } : undefined };
    (layout.annotations as unknown[]).push({ text: `初期値 ${s.label}`, xref: `x${id} domain`, yref: "paper", x: 0.5, y: 1.0, yanchor: "bottom", showarrow: false });
    const curves: [string, string, EvaluationCurve][] = [[WITH_BN, BN_COLOR, s.withBN], [WITHOUT_BN, PLAIN_COLOR, s.withoutBN]];
    for (const [name, color, c] of curves) {
      for (const [kind, y, runs, dash] of [["訓練", c.trainAcc, c.trainRuns, "solid"], ["テスト", c.testAcc, c.testRuns, "dot"]] as const) {
        if (runs.length > 1) {
          data.push({ type: "scatter", mode: "lines", x: r.epochs, y: range(runs, Math.min), ...axes, line: { width: 0 }, hoverinfo: "skip", showlegend: false });
          data.push({ type: "scatter", mode: "lines", x: r.epochs, y: range(runs, Math.max), ...axes, line: { width: 0 }, fill: "tonexty", fillcolor: withAlpha(color, 0.12), hoverinfo: "skip", showlegend: false });
        }
        data.push({
          type: "scatter", mode: "lines", x: r.epochs, y, ...axes, line: { color, dash, width: 2 },
          name: `${name}・${kind}`, legendgroup: `${name}-${kind}`, showlegend: i === 0,
          hovertemplate: `${name}・${kind}: %{y:.3f}<extra>${s.label}</extra>`,
        });
      }
      if (c.divergedAt !== null) {
        const e = Math.min(c.divergedAt, r.epochs.length - 1);
        data.push({
          type: "scatter", mode: "markers", x: [r.epochs[e]], y: [c.trainAcc[e]], ...axes,
          marker: { symbol: "x", size: 11, color: "#d62728" }, name: "発散（loss が NaN）", legendgroup: "diverged",
          showlegend: !layout.__divergedLegend,
          hovertemplate: `${name}: epoch %{x} に loss が NaN（${c.diverged}/${r.seeds.length} seed）<extra>${s.label}</extra>`,
        });
        layout.__divergedLegend = true;
      }
    }
  });
  delete layout.__divergedLegend;
  return { data, layout };
}
