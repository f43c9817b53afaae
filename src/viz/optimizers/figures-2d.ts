/**
 * Plotly figures of 6.1 on a 2-D function. Thin builders: the numbers come
 * from src/experiments/optimizers/paths-2d.ts, the drawable geometry from the
 * …Info() functions next to this file.
 */
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import type { Run2D, Sweep2D } from "../../experiments/optimizers/paths-2d";
import type { AxisErrors } from "../../experiments/optimizers/sgd-analysis";
import { Box, PathInfo, Point, pathInfo, thinInfo } from "./path-info";
import { Fn2, contourInfo, gradientFieldInfo } from "./landscape-info";
import { sweepInfo } from "./sweep-info";
import { paletteColor } from "../palette";
import { logSeriesInfo } from "./sgd-errors-info";

/** One colour per optimizer, the same in every figure of the notebook. */
export const OPTIMIZER_COLORS: Record<string, string> = {
  SGD: "#1f77b4",
  Momentum: "#ff7f0e",
  Nesterov: "#8c564b",
  AdaGrad: "#2ca02c",
  RMSprop: "#9467bd",
  Adam: "#d62728",
};

export const colorOf = paletteColor(OPTIMIZER_COLORS, ["#17becf", "#bcbd22", "#e377c2", "#7f7f7f"]);

/** A function with its view box and known minima (Function2D satisfies this). */
export interface Landscape extends Fn2 {
  xRange: [number, number];
  yRange: [number, number];
  minima: Point[];
  label?: string;
}

export const boxOf = (fn: Landscape): Box => ({ x: [...fn.xRange] as [number, number], y: [...fn.yRange] as [number, number] });

/** "lr=0.95, α=0.9" in Unicode (no LaTeX inside Plotly). */
export function hyperparamText(hp: Record<string, number>): string {
  const names: Record<string, string> = { lr: "lr", momentum: "α", decayRate: "ρ", beta1: "β₁", beta2: "β₂" };
  return Object.entries(hp).map(([k, v]) => `${names[k] ?? k}=${Number(v.toPrecision(4))}`).join(", ");
}

interface Axes {
  xaxis?: string;
  yaxis?: string;
}

/**
 * Contour lines of f (log scale, see landscape-info). With `withF` the hover
 * shows f itself (doubles the size of the trace, so only the landscape figure uses it).
 */
export function contourTrace(fn: Landscape, box: Box, axes: Axes = {}, n = 61, withF = false): PlotlyTrace {
  const c = contourInfo(fn, box, n);
  return {
    type: "contour", x: c.x, y: c.y, z: c.z,
    ...axes,
    colorscale: "Viridis", reversescale: false, showscale: false, ncontours: 18,
    contours: { coloring: "lines" }, line: { width: 1 },
    ...(withF
      ? { customdata: c.f, hovertemplate: "x=%{x:.3f}, y=%{y:.3f}<br>f=%{customdata:.4g}<extra></extra>" }
      : { hoverinfo: "skip" }),
    name: "f の等高線", showlegend: false,
  };
}

export function fieldTrace(fn: Landscape, box: Box, axes: Axes = {}, n = 15): PlotlyTrace {
  const g = gradientFieldInfo(fn, box, n);
  return {
    type: "scatter", mode: "lines", x: g.x, y: g.y, ...axes,
    line: { color: "rgba(120,120,120,0.55)", width: 1 }, hoverinfo: "skip",
    name: "−∇f（勾配の逆向き）", showlegend: true,
  };
}

export function minimaTrace(fn: Landscape, axes: Axes = {}, showlegend = true): PlotlyTrace {
  return {
    type: "scatter", mode: "markers", x: fn.minima.map((m) => m[0]), y: fn.minima.map((m) => m[1]), ...axes,
    marker: { symbol: "cross-thin-open", size: 14, color: "black", line: { width: 2, color: "black" } },
    name: "最小値", showlegend, hovertemplate: "最小値 (%{x}, %{y})<extra></extra>",
  };
}

const round6 = (v: number | null): number | null => (v === null ? null : Number(v.toPrecision(6)));

/** Paths longer than this are drawn as lines (markers only at the start and the end). */
export const MARKER_LIMIT = 80;
/** Long paths are thinned to about this many points in static traces, and half as many in animation frames. */
export const DRAW_POINTS = 120;

/**
 * The data part of a path trace, also used for animation frames: x, y
 * (6 significant digits) and markers. Per-point arrays only where points
 * differ (the end marker), so that long animations stay small.
 */
export function pathData(info: PathInfo, color: string, markers = true): PlotlyTrace {
  const long = !markers;
  const size = info.size.map((v, i) => (long && i !== 0 && i !== info.endIndex ? 0 : v));
  const marked = info.status !== "in-view" && info.endIndex >= 0;
  const marker: Record<string, unknown> = { size, color, line: { width: 0 } };
  if (marked) {
    marker.symbol = info.symbol;
    marker.color = info.size.map((_, i) => (i === info.endIndex && info.status === "diverged" ? "black" : color));
  }
  return { x: info.x.map(round6), y: info.y.map(round6), customdata: info.step, marker };
}

export function pathTrace(run: Run2D, box: Box, color: string, axes: Axes = {}, name?: string, upTo?: number): PlotlyTrace {
  const info = thinInfo(pathInfo(run, box, upTo), DRAW_POINTS);
  const markers = run.path.length <= MARKER_LIMIT;
  const label = name ?? `${run.optimizer} (${hyperparamText(run.hyperparams)})`;
  return {
    type: "scatter", mode: "lines+markers", ...axes, ...pathData(info, color, markers),
    line: { color, width: 2 }, connectgaps: false, cliponaxis: false, // lines are clipped to the box already; end markers on the edge stay whole
    name: info.status === "in-view" ? label : `${label} — ${info.statusText}`,
    hovertemplate: `k = %{customdata}<br>(x, y) = (%{x:.4g}, %{y:.4g})<extra>${run.optimizer}</extra>`,
  };
}

function squareAxes(box: Box, extra: PlotlyLayout = {}): PlotlyLayout {
  return {
    xaxis: { range: box.x, title: { text: "x" }, zeroline: false, constrain: "domain" },
    yaxis: { range: box.y, title: { text: "y" }, zeroline: false, scaleanchor: "x", scaleratio: 1, constrain: "domain" },
    ...extra,
  };
}

/** f's contour lines, the −∇f field and the minima: what SGD "sees". */
export function landscapeFigure(fn: Landscape, title?: string): PlotlyFigure {
  const box = boxOf(fn);
  return {
    data: [contourTrace(fn, box, {}, 81, true), fieldTrace(fn, box), minimaTrace(fn)],
    layout: squareAxes(box, {
      title: { text: title ?? `${fn.label ?? "f(x, y)"}：等高線と勾配の逆向き −∇f` },
      height: 560, legend: { orientation: "h", y: -0.15 },
    }),
  };
}

/** The book's figure 6-8 layout: one panel per optimizer (2×2 for four), red path, "+" at the minimum. */
export function panelsFigure(runs: Run2D[], fn: Landscape, title = "本書の図 6-8 の再現（30 回の更新）"): PlotlyFigure {
  const box = boxOf(fn);
  const cols = 2;
  const rows = Math.ceil(runs.length / cols);
  const data: PlotlyTrace[] = [];
  const layout: PlotlyLayout = {
    title: { text: title }, height: 380 * rows + 60, showlegend: false,
    grid: { rows, columns: cols, pattern: "independent", xgap: 0.12, ygap: 0.14 },
    annotations: [],
  };
  runs.forEach((run, i) => {
    const ax = i === 0 ? "" : String(i + 1);
    const axes = { xaxis: `x${ax}`, yaxis: `y${ax}` };
    data.push(contourTrace(fn, box, axes, 41));
    data.push(pathTrace(run, box, "red", axes));
    data.push(minimaTrace(fn, axes, false));
    layout[`xaxis${ax}`] = { range: box.x, title: { text: "x" }, zeroline: false };
    layout[`yaxis${ax}`] = { range: box.y, title: { text: "y" }, zeroline: false };
    const info = pathInfo(run, box);
    (layout.annotations as unknown[]).push({
      text: `<b>${run.optimizer}</b> (${hyperparamText(run.hyperparams)})${info.status === "in-view" ? "" : "<br>" + info.statusText}`,
      xref: `x${ax} domain`, yref: `y${ax} domain`, x: 0.5, y: 1.0, yanchor: "bottom", showarrow: false,
    });
  });
  return { data, layout };
}

/**
 * All runs overlaid on one contour, with a play button and a step slider that
 * draw the paths update by update (frames precomputed here).
 */
export interface AnimationOptions {
  title?: string;
  /** At most this many frames (evenly spread over the updates). */
  maxFrames?: number;
  /** View box (default the function's range), e.g. a zoom on the paths. */
  box?: Box;
}

export function pathsAnimationFigure(runs: Run2D[], fn: Landscape, options: AnimationOptions = {}): PlotlyFigure {
  const { title = "6 つの手法を重ねて比較", maxFrames = 61 } = options;
  const box = options.box ?? boxOf(fn);
  const background = [contourTrace(fn, box), minimaTrace(fn)];
  const steps = Math.max(...runs.map((r) => r.path.length - 1 + (r.diverged ? 1 : 0)));
  const colors = runs.map((r, i) => colorOf(r.optimizer, i));
  const data = [...background, ...runs.map((r, i) => pathTrace(r, box, colors[i]))];
  const traces = runs.map((_, i) => background.length + i);
  const frames = frameSteps(steps, maxFrames).map((k) => ({
    name: String(k),
    traces,
    data: runs.map((r, i) => pathData(thinInfo(pathInfo(r, box, k), DRAW_POINTS / 2), colors[i], r.path.length <= MARKER_LIMIT)),
  }));
  const animArgs = (name: string | null, duration: number): unknown[] => [
    name === null ? null : [name],
    // redraw: true — with redraw: false Plotly drops the contour trace while animating
    { mode: "immediate", frame: { duration, redraw: true }, transition: { duration: 0 }, fromcurrent: false },
  ];
  return {
    data,
    frames,
    layout: squareAxes(box, {
      title: { text: title }, height: 600,
      legend: { x: 1.02, y: 1, xanchor: "left" },
      margin: { t: 90, b: 120 },
      updatemenus: [{
        type: "buttons", direction: "left", showactive: false, x: 0, y: 1.02, xanchor: "left", yanchor: "bottom",
        pad: { r: 10, b: 10 },
        buttons: [
          { label: "▶ 再生", method: "animate", args: animArgs(null, 250) },
          { label: "❚❚ 停止", method: "animate", args: [[null], { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } }] },
        ],
      }],
      sliders: [{
        active: frames.length - 1, x: 0, len: 1, y: -0.12, yanchor: "top", pad: { t: 30 },
        currentvalue: { prefix: "更新回数 k = ", visible: true },
        steps: frames.map((f) => ({ label: f.name, method: "animate", args: animArgs(f.name, 0) })),
      }],
    }),
  };
}

/** Update counts shown as animation frames: all of 0…steps, or `maxFrames` of them evenly spread (0 and steps included). */
export function frameSteps(steps: number, maxFrames = 61): number[] {
  if (steps + 1 <= maxFrames) return Array.from({ length: steps + 1 }, (_, k) => k);
  return [...new Set(Array.from({ length: maxFrames }, (_, i) => Math.round((i * steps) / (maxFrames - 1))))];
}

const INNER_NAMES: Record<string, string> = { lr: "lr", momentum: "α", beta1: "β₁", beta2: "β₂", decayRate: "ρ" };

/**
 * A dropdown (optimizer, or β₂) and a slider (lr, α or β₁) over precomputed
 * runs. Each slider step shows one run and puts its status (converged /
 * diverged / left the view) in the title.
 */
export function sweepFigure(sweep: Sweep2D, fn: Landscape): PlotlyFigure {
  const box = boxOf(fn);
  const background = [contourTrace(fn, box), minimaTrace(fn, {}, false)];
  const info = sweepInfo(sweep, background.length);
  const first = sweep.outerDefault ?? 0;
  const runTraces = info.order.map(([i, j]) => {
    const run = sweep.runs[i][j];
    const t = pathTrace(run, box, colorOf(run.optimizer, i));
    t.visible = j === sweep.defaults[i] && i === first;
    t.showlegend = false;
    return t;
  });
  const inner = INNER_NAMES[sweep.innerName] ?? sweep.innerName;
  const titleOf = (i: number, j: number): string => {
    const run = sweep.runs[i][j];
    const p = pathInfo(run, box);
    const head = `${run.optimizer}（${hyperparamText(run.hyperparams)}）`;
    return `${head}<br><sup>${p.statusText}</sup>`;
  };
  const sliderFor = (i: number): PlotlyLayout => ({
    active: sweep.defaults[i], x: 0.0, len: 1.0, y: -0.12, yanchor: "top", pad: { t: 30 },
    currentvalue: { prefix: `${inner} = `, visible: true },
    steps: sweep.inner[i].map((v, j) => ({
      label: v.label, method: "update",
      args: [{ visible: info.visible[i][j] }, { title: { text: titleOf(i, j) } }],
    })),
  });
  const sliders = sweep.outer.map((_, i) => sliderFor(i));
  const menu = {
    type: "dropdown", x: 0, y: 1.16, xanchor: "left", yanchor: "top", showactive: true, active: first,
    buttons: sweep.outer.map((o, i) => ({
      label: o.label, method: "update",
      args: [{ visible: info.visible[i][sweep.defaults[i]] }, { sliders: [sliders[i]], title: { text: titleOf(i, sweep.defaults[i]) } }],
    })),
  };
  return {
    data: [...background, ...runTraces],
    layout: squareAxes(box, {
      title: { text: titleOf(first, sweep.defaults[first]), x: 0.5 },
      height: 660, margin: { t: 110, b: 150 },
      updatemenus: [menu], sliders: [sliders[first]],
    }),
  };
}

const LR_COLORS = ["#7f7f7f", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e"];

/**
 * |error| along each eigen-direction (x and y for the book's f) against the
 * update number, log scale: the engine's SGD (markers) on the closed form
 * |e₀|·|1 − lr·λ|^k (lines).
 */
export function sgdErrorsFigure(series: AxisErrors[], labels: string[] = []): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  const annotations: unknown[] = [];
  series.forEach((s, i) => {
    const color = LR_COLORS[i % LR_COLORS.length];
    const name = `lr=${Number(s.lr.toPrecision(4))}${labels[i] ? `（${labels[i]}）` : ""}`;
    for (const axis of [0, 1] as const) {
      const xa = axis === 0 ? "x" : "x2", ya = axis === 0 ? "y" : "y2";
      const m = logSeriesInfo(s.measured[axis]);
      const p = logSeriesInfo(s.predicted[axis]);
      const factor = 1 - s.lr * s.eigenvalues[axis];
      data.push({
        type: "scatter", mode: "lines", x: s.k, y: p.y, xaxis: xa, yaxis: ya, legendgroup: name, showlegend: false,
        line: { color, width: 1.5, dash: "dot" }, hoverinfo: "skip", name: `${name} 理論`,
      });
      data.push({
        type: "scatter", mode: "markers", x: s.k, y: m.y, xaxis: xa, yaxis: ya, legendgroup: name, showlegend: axis === 0,
        marker: { color, size: 5 }, name,
        hovertemplate: `k=%{x}<br>|誤差|=%{y:.3e}<br>1 回あたり × (1 − lr·λ) = ${Number(factor.toPrecision(4))}<extra>${name}</extra>`,
      });
      if (m.zeroFrom !== null) {
        annotations.push({
          xref: axis === 0 ? "x" : "x2", yref: axis === 0 ? "y domain" : "y2 domain", x: m.zeroFrom, y: 0.02,
          text: `${name}: k=${m.zeroFrom} でちょうど 0`, showarrow: false, xanchor: "left", font: { color, size: 11 },
        });
      }
    }
  });
  const lam = series[0]?.eigenvalues ?? [NaN, NaN];
  return {
    data,
    layout: {
      title: { text: "SGD の軸ごとの誤差 |eₖ|（点：エンジンの実測、点線：|e₀|·|1 − lr·λ|ᵏ）" },
      height: 480,
      grid: { rows: 1, columns: 2, pattern: "independent", xgap: 0.1 },
      xaxis: { title: { text: "更新回数 k" } },
      xaxis2: { title: { text: "更新回数 k" } },
      yaxis: { type: "log", title: { text: `|x − x*|（λ = ${Number(lam[0].toPrecision(4))} の方向）` }, exponentformat: "power" },
      yaxis2: { type: "log", title: { text: `|y − y*|（λ = ${Number(lam[1].toPrecision(4))} の方向）` }, exponentformat: "power" },
      legend: { orientation: "h", y: -0.2 },
      annotations,
    },
  };
}
