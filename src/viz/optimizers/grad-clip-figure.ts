/** Gradient clipping on MNIST: the loss and ‖g‖ (before clipping) per update, for each mode. */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { SCHEDULE_COLORS } from "./lr-schedule-info";

export interface ClipRunLike {
  mode: string;
  label: string;
  loss: number[];
  gradNorm: number[];
  divergedAt: number | null;
}

/** Finite positive values or null (a log axis shows a gap), and where the run stopped. */
export function clipSeriesInfo(run: ClipRunLike): { x: number[]; loss: (number | null)[]; norm: (number | null)[]; stoppedAt: number | null } {
  const ok = (v: number) => (Number.isFinite(v) && v > 0 ? v : null);
  const n = Math.max(run.loss.length, run.gradNorm.length);
  return {
    x: Array.from({ length: n }, (_, i) => i),
    loss: Array.from({ length: n }, (_, i) => (i < run.loss.length ? ok(run.loss[i]) : null)),
    norm: Array.from({ length: n }, (_, i) => (i < run.gradNorm.length ? ok(run.gradNorm[i]) : null)),
    stoppedAt: run.divergedAt,
  };
}

export function clipMnistFigure(runs: readonly ClipRunLike[]): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  for (const r of runs) {
    const s = clipSeriesInfo(r);
    const color = SCHEDULE_COLORS[r.mode] ?? "#17becf";
    const name = r.divergedAt !== null ? `${r.label}（${r.divergedAt} 回目で損失が NaN）` : r.label;
    data.push({ type: "scatter", mode: "lines+markers", marker: { size: 3 }, x: s.x, y: s.loss, name, legendgroup: r.mode, line: { color, width: 2 } });
    data.push({
      type: "scatter", mode: "lines+markers", marker: { size: 3 }, x: s.x, y: s.norm, xaxis: "x2", yaxis: "y2", name, legendgroup: r.mode, showlegend: false,
      line: { color, width: 2 }, hovertemplate: "%{x} 回目: ‖g‖ = %{y:.3g}<extra></extra>",
    });
  }
  return {
    data,
    layout: {
      title: { text: "勾配爆発とクリッピング（MNIST、784-100×5-10 ReLU、重みの標準偏差 0.3、SGD η = 0.1）" }, height: 440,
      xaxis: { domain: [0, 0.45], title: { text: "iterations" } }, yaxis: { title: { text: "loss" } },
      xaxis2: { domain: [0.55, 1], title: { text: "iterations" } },
      yaxis2: { anchor: "x2", type: "log", exponentformat: "power", title: { text: "クリッピング前の ‖g‖" } },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}
