/** Samples from a GP prior, one panel per kernel, with the ±2s band of every marginal N(0, s²). */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { rowFigure } from "../panel-row";

export interface PriorSamplesLike { kernel: string; x: number[]; samples: number[][] }

export function gpPriorFigure(panels: readonly PriorSamplesLike[], signalStd = 1, marks: number[] = []): PlotlyFigure {
  const colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
  const shapes: unknown[] = [];
  const layout = {
    title: { text: "ガウス過程の事前分布からのサンプル（どの有限個の点の値も多次元正規分布）" }, height: 400, showlegend: false, annotations: [] as unknown[], shapes,
  };
  return rowFigure(layout, panels, { left: 0.04, right: 0.03, titleY: 1.08 }, (p, k, { xa, ya }) => {
    const x0 = p.x[0], x1 = p.x[p.x.length - 1];
    const band: PlotlyTrace = { type: "scatter", mode: "lines", x: [x0, x1, x1, x0], y: [2 * signalStd, 2 * signalStd, -2 * signalStd, -2 * signalStd], fill: "toself", fillcolor: "rgba(0,0,0,0.07)", line: { width: 0 }, xaxis: xa, yaxis: ya, hoverinfo: "skip" };
    const samples = p.samples.map((f, s): PlotlyTrace => ({ type: "scatter", mode: "lines", x: p.x, y: f, xaxis: xa, yaxis: ya, line: { color: colors[s % colors.length], width: 1.8 }, name: `サンプル ${s + 1}` }));
    for (const m of marks) shapes.push({ type: "line", xref: xa, yref: `${ya} domain`, x0: m, x1: m, y0: 0, y1: 1, line: { color: "gray", dash: "dot", width: 1 } });
    return {
      traces: [band, ...samples],
      x: { title: { text: "x" } },
      y: { range: [-3.2 * signalStd, 3.2 * signalStd], title: { text: k === 0 ? "f(x)" : "" } },
      title: p.kernel === "rbf" ? "RBF カーネル" : "Matérn 5/2 カーネル",
    };
  });
}
