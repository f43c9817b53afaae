/** Figures of the learning-rate schedules (thin builders over lr-schedule-info.ts). */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { rowFigure } from "../panel-row";
import { boxOf, contourTrace, minimaTrace, pathTrace, type Landscape } from "./figures-2d";
import { SCHEDULE_COLORS, type ScheduleCurve, type SchedulePanel } from "./lr-schedule-info";
import type { Point } from "./path-info";

const colorOf = (kind: string): string => SCHEDULE_COLORS[kind] ?? "#17becf";

/** η_t against t, one line per schedule. */
export function scheduleCurvesFigure(curves: readonly ScheduleCurve[], title = "学習係数のスケジュール η_t"): PlotlyFigure {
  return {
    data: curves.map((c) => ({
      type: "scatter", mode: "lines", x: c.t, y: c.lr, name: c.label, line: { color: colorOf(c.kind), width: 2, shape: "linear" },
      hovertemplate: `t = %{x}: η = %{y:.4g}<extra>${c.kind}</extra>`,
    })),
    layout: {
      title: { text: title }, height: 380,
      xaxis: { title: { text: "更新回数 t" } }, yaxis: { title: { text: "学習係数 η_t" }, rangemode: "tozero" },
      legend: { x: 1.02, y: 1 },
    },
  };
}

export interface ScheduleRun2DLike {
  kind: string;
  label: string;
  path: Point[];
  f: number[];
  diverged: boolean;
  divergedAt: number | null;
}

/** Left: the paths over f's contours; right: f after each update (log axis). */
export function schedulePathsFigure(runs: readonly ScheduleRun2DLike[], fn: Landscape, baseLr: number, title?: string): PlotlyFigure {
  const box = boxOf(fn);
  const data: PlotlyTrace[] = [contourTrace(fn, box), minimaTrace(fn, {}, false)];
  runs.forEach((r) => {
    const color = colorOf(r.kind);
    data.push({ ...pathTrace({ ...r, optimizer: "SGD" as const, hyperparams: {} }, box, color, {}, r.label), legendgroup: r.kind });
    data.push({
      type: "scatter", mode: "lines+markers", x: r.f.map((_, i) => i), y: r.f.map((v) => (v > 0 ? v : null)), xaxis: "x2", yaxis: "y2",
      line: { color, width: 1.5 }, marker: { size: 4, color }, legendgroup: r.kind, showlegend: false,
      hovertemplate: `t = %{x}: f = %{y:.3g}<extra>${r.kind}</extra>`,
    });
  });
  return {
    data,
    layout: {
      title: { text: title ?? `SGD（基準の η = ${baseLr}）にスケジュールを付けた経路と f の値` }, height: 460,
      xaxis: { domain: [0, 0.5], range: box.x, title: { text: "x" }, zeroline: false },
      yaxis: { range: box.y, title: { text: "y" }, zeroline: false },
      xaxis2: { domain: [0.6, 1], title: { text: "更新回数" } },
      yaxis2: { anchor: "x2", type: "log", title: { text: "f(x, y)" }, exponentformat: "power" },
      legend: { orientation: "h", y: -0.18 },
    },
  };
}

/** MNIST: one panel per base learning rate, smoothed loss per schedule. */
export function scheduleMnistFigure(panels: readonly SchedulePanel[]): PlotlyFigure {
  const layout = {
    title: { text: "MNIST：同じ SGD にスケジュールを付けた損失（本書の smooth_curve で平滑化）" }, height: 440,
    legend: { orientation: "h", y: -0.2 },
  };
  return rowFigure(layout, panels, { left: 0.04, right: 0.04, titleY: 1.06 }, (p, k, { xa, ya }) => ({
    traces: p.lines.map((l) => ({
      type: "scatter", mode: "lines", x: l.x, y: l.loss, xaxis: xa, yaxis: ya, name: l.label, legendgroup: l.kind, showlegend: k === 0,
      line: { color: colorOf(l.kind), width: 2 },
      hovertemplate: `%{x} 回目: %{y:.3f}<extra>${l.kind}（テスト ${(l.finalTestAcc * 100).toFixed(1)} %）</extra>`,
    })),
    x: { title: { text: "iterations" } },
    y: { range: [0, 2.5], title: { text: k === 0 ? "loss" : "" } },
    title: `基準の学習係数 η = ${p.baseLr}`,
  }));
}
