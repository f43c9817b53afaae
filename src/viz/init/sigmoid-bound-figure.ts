/** σ, σ′ ≤ 1/4 and the product bound along a chain (thin builder over experiments/init/sigmoid-bound.ts). */
import type { PlotlyFigure, PlotlyTrace } from "../figure";

export interface SigmoidCurveLike { x: number[]; sigmoid: number[]; derivative: number[] }
export interface ChainLike { w: number; depth: number[]; actual: number[]; bound: number[] }

export function sigmoidBoundFigure(curve: SigmoidCurveLike, chains: readonly ChainLike[]): PlotlyFigure {
  const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", x: curve.x, y: curve.sigmoid, name: "σ(a)", line: { color: "#7f7f7f", width: 2 } },
    { type: "scatter", mode: "lines", x: curve.x, y: curve.derivative, name: "σ′(a) = σ(a)(1 − σ(a))", line: { color: "#ff7f0e", width: 3 } },
    { type: "scatter", mode: "lines", x: [curve.x[0], curve.x[curve.x.length - 1]], y: [0.25, 0.25], name: "1/4", line: { color: "black", dash: "dash", width: 1 } },
  ];
  chains.forEach((c, i) => {
    const color = colors[i % colors.length];
    data.push({ type: "scatter", mode: "lines+markers", x: c.depth, y: c.actual, xaxis: "x2", yaxis: "y2", name: `|∂h_L/∂h_0|（w = ${c.w}）`, line: { color, width: 2 } });
    data.push({ type: "scatter", mode: "lines", x: c.depth, y: c.bound, xaxis: "x2", yaxis: "y2", name: `上界 (|w|/4)^L（w = ${c.w}）`, line: { color, width: 1.5, dash: "dot" } });
  });
  return {
    data,
    layout: {
      title: { text: "sigmoid の傾きは最大 1/4：層を重ねると勾配は (|w|/4)^L 以下に" }, height: 430,
      xaxis: { domain: [0, 0.42], title: { text: "a" } }, yaxis: { title: { text: "値" }, range: [0, 1.05] },
      xaxis2: { domain: [0.55, 1], title: { text: "層の数 L" }, dtick: 1 },
      yaxis2: { anchor: "x2", type: "log", exponentformat: "power", title: { text: "|∂h_L/∂h_0|" } },
      legend: { orientation: "h", y: -0.22 },
    },
  };
}
