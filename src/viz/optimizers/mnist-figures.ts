/** Figure 6-9 of the book (optimizers on MNIST) with a seed band; thin builder over mnist-info. */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { colorOf } from "./figures-2d";
import { LossSeries, lossBandInfo } from "./mnist-info";

const rgba = (hex: string, a: number): string => {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
};

export interface MnistLossFigureOptions {
  title?: string;
  /** y range; default the book's [0, 1] for long runs, [0, 2.5] for short ones (FAST). */
  yRange?: [number, number];
}

export function mnistLossFigure(series: LossSeries[], smooth: (xs: number[]) => number[], options: MnistLossFigureOptions = {}): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  let n = 0;
  series.forEach((s, i) => {
    const b = lossBandInfo(s, smooth);
    n = Math.max(n, b.x.length);
    const color = colorOf(s.name, i);
    // band: upper edge forward, lower edge backward, filled
    const xs = [...b.x, ...[...b.x].reverse()];
    const ys = [...b.upper, ...[...b.lower].reverse()];
    data.push({
      type: "scatter", mode: "lines", x: xs, y: ys, fill: "toself", fillcolor: rgba(color, 0.18),
      line: { width: 0 }, hoverinfo: "skip", legendgroup: s.name, showlegend: false, name: `${s.name} 範囲`,
    });
    data.push({
      type: "scatter", mode: "lines", x: b.x, y: b.mean, line: { color, width: 2 }, legendgroup: s.name,
      name: b.diverged.length ? `${s.name}（発散: seed ${b.diverged.join(", ")}）` : s.name,
      hovertemplate: `%{x} 回目: %{y:.3f}<extra>${s.name}</extra>`,
    });
  });
  const seeds = series[0]?.runs.length ?? 0;
  return {
    data,
    layout: {
      title: { text: options.title ?? `MNIST での比較（平滑化した損失、${seeds} シードの平均と範囲）` },
      xaxis: { title: { text: "iterations" } },
      yaxis: { title: { text: "loss" }, range: options.yRange ?? (n >= 1000 ? [0, 1] : [0, 2.5]) },
      height: 480,
      legend: { x: 1.02, y: 1 },
    },
  };
}
