/**
 * Figure 6-15 redrawn: the smoothed loss of std=0.01 / Xavier / He as the mean
 * over seeds (line) with the min–max band of the seeds, the book's printed
 * losses of its one run (markers), y clipped to [0, 2.5] like the book's plt.ylim.
 */
import type { InitMnistResult } from "../../experiments/init/mnist";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { initColor } from "./colors";
import { lossCurveInfo, type BookLosses } from "./mnist-info";

const Y_MAX = 2.5;

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

export function lossCurveFigure(result: InitMnistResult, book?: BookLosses): PlotlyFigure {
  const curves = lossCurveInfo(result, book);
  const data: PlotlyTrace[] = [];
  curves.forEach((c, i) => {
    const color = initColor(c.key, i);
    const group = c.key;
    if (c.seeds > 1) {
      data.push({
        type: "scatter", mode: "lines", x: c.x, y: c.upper, line: { width: 0 }, hoverinfo: "skip",
        legendgroup: group, showlegend: false, name: `${c.label} 最大`,
      });
      data.push({
        type: "scatter", mode: "lines", x: c.x, y: c.lower, line: { width: 0 }, fill: "tonexty",
        fillcolor: rgba(color, 0.2), hoverinfo: "skip", legendgroup: group, showlegend: false, name: `${c.label} 最小`,
      });
    }
    data.push({
      type: "scatter", mode: "lines", x: c.x, y: c.mean, name: `${c.label}（${c.seeds} seed 平均${c.seeds > 1 ? "・帯は最小〜最大" : ""}）`,
      legendgroup: group, line: { color, width: 2 },
      hovertemplate: `${c.label}<br>iteration %{x}: 平滑化した損失 %{y:.3f}<extra></extra>`,
    });
    if (c.book) {
      data.push({
        type: "scatter", mode: "markers", x: c.book.x, y: c.book.y.map((v) => Math.min(v, Y_MAX)),
        name: `${c.label}：書籍の出力（1 回、平滑化なし）`, legendgroup: group,
        marker: { color, symbol: "diamond-open", size: 9, line: { width: 2 } },
        hovertemplate: `${c.label} 書籍<br>iteration %{x}: %{y:.3f}<extra></extra>`,
      });
    }
    for (const at of c.diverged) {
      data.push({
        type: "scatter", mode: "markers+text", x: [at], y: [Y_MAX], text: ["発散"], textposition: "bottom center",
        marker: { color, symbol: "x", size: 12 }, showlegend: false, legendgroup: group,
        hovertemplate: `${c.label}: iteration ${at} で損失が NaN/∞ になり停止<extra></extra>`,
      });
    }
  });
  return {
    data,
    layout: {
      title: { text: `MNIST：重みの初期値による学習の違い（ReLU 784-100×4-10、SGD lr=${result.lr}、${result.iterations} iterations）` },
      height: 480,
      xaxis: { title: { text: "iterations" } },
      yaxis: { title: { text: "loss" }, range: [0, Y_MAX] },
      legend: { font: { size: 11 } },
    },
  };
}
