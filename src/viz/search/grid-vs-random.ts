/**
 * Bergstra & Bengio (2012), Fig. 1: why random search beats grid search when
 * one hyperparameter matters much more than the other. With 9 trials, a 3 × 3
 * grid tries only 3 distinct values of each parameter; 9 random points try 9
 * distinct values of each. Projected onto the important axis (the marginal),
 * the random design samples the important function far more finely.
 *
 * The toy objective is f(x, y) = g(x) + h(y) on the unit square with an
 * important g (a narrow peak) and an unimportant h (a small ripple).
 */
import { assertInteger } from "../../core/errors";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { gridShape, gridUnitPoints } from "../../search/grid-sampler";
import { randomUnitPoint } from "../../search/random-sampler";

export interface DesignInfo {
  name: "grid" | "random";
  points: [number, number][];
  /** g(x_i) and h(y_i) of each point: its projections onto the marginals. */
  gAt: number[];
  hAt: number[];
  /** Distinct values tried on each axis. */
  distinctX: number;
  distinctY: number;
  /** max over the design of g(x) — how close it came to the important peak. */
  bestImportant: number;
  /** max over the design of f(x, y). */
  best: number;
}

export interface GridVsRandomInfo {
  n: number;
  /** 0…1 grid and the two marginal functions on it. */
  t: number[];
  important: number[];
  unimportant: number[];
  /** max of g. */
  importantMax: number;
  designs: [DesignInfo, DesignInfo];
}

/** The important function g: a narrow peak at 0.62 (between grid lines of a 3 × 3 design). */
export const importantFn = (x: number): number => Math.exp(-(((x - 0.62) / 0.07) ** 2));
/** The unimportant function h: a small ripple. */
export const unimportantFn = (y: number): number => 0.08 * Math.sin(2 * Math.PI * y);

export function gridVsRandomInfo(
  n = 9,
  seed = 0,
  g: (x: number) => number = importantFn,
  h: (y: number) => number = unimportantFn,
  resolution = 201,
): GridVsRandomInfo {
  assertInteger("n", n, 1);
  assertInteger("resolution", resolution, 2);
  const t = Array.from({ length: resolution }, (_, i) => i / (resolution - 1));
  const design = (name: "grid" | "random", pts: number[][]): DesignInfo => {
    const points = pts.map((p) => [p[0], p[1]] as [number, number]);
    return {
      name,
      points,
      gAt: points.map((q) => g(q[0])),
      hAt: points.map((q) => h(q[1])),
      distinctX: new Set(points.map((p) => p[0])).size,
      distinctY: new Set(points.map((p) => p[1])).size,
      bestImportant: Math.max(...points.map((p) => g(p[0]))),
      best: Math.max(...points.map((p) => g(p[0]) + h(p[1]))),
    };
  };
  const important = t.map(g);
  return {
    n,
    t,
    important,
    unimportant: t.map(h),
    importantMax: Math.max(...important),
    designs: [
      design("grid", gridUnitPoints(gridShape(n, 2))),
      design("random", Array.from({ length: n }, (_, i) => randomUnitPoint(seed, i, 2))),
    ],
  };
}

export function gridVsRandomFigure(info: GridVsRandomInfo, title = "グリッドサーチとランダムサーチ（Bergstra & Bengio 2012 の図 1）"): PlotlyFigure {
  const layout: PlotlyLayout = { title: { text: title }, height: 560, showlegend: false, annotations: [], margin: { t: 120 } };
  const data: PlotlyTrace[] = [];
  const every = Math.max(1, Math.floor(info.t.length / 50));
  const idx = info.t.map((_, i) => i).filter((i) => i % every === 0);
  const heat = idx.map((i) => info.t[i]);
  const z = idx.map((i) => idx.map((j) => info.important[j] + info.unimportant[i]));
  info.designs.forEach((d, p) => {
    const c0 = p * 0.53;
    const main = String(3 * p + 1);
    const top = String(3 * p + 2);
    const right = String(3 * p + 3);
    const ax = (k: string): string => (k === "1" ? "" : k);
    layout[`xaxis${ax(main)}`] = { domain: [c0, c0 + 0.34], anchor: `y${ax(main)}`, range: [0, 1], title: { text: "重要なパラメータ x" } };
    layout[`yaxis${ax(main)}`] = { domain: [0, 0.68], anchor: `x${ax(main)}`, range: [0, 1], title: { text: "重要でないパラメータ y" } };
    layout[`xaxis${top}`] = { domain: [c0, c0 + 0.34], anchor: `y${top}`, matches: `x${ax(main)}`, showticklabels: false };
    layout[`yaxis${top}`] = { domain: [0.74, 1], anchor: `x${top}`, range: [-0.05, 1.1], title: { text: "g(x)" } };
    layout[`xaxis${right}`] = { domain: [c0 + 0.36, c0 + 0.45], anchor: `y${right}`, range: [-0.12, 0.12], title: { text: "h(y)" } };
    layout[`yaxis${right}`] = { domain: [0, 0.68], anchor: `x${right}`, matches: `y${ax(main)}`, showticklabels: false };
    const xs = d.points.map((q) => q[0]);
    const ys = d.points.map((q) => q[1]);
    const label = d.name === "grid" ? "グリッド" : "ランダム";
    data.push({ type: "heatmap", x: heat, y: heat, z, colorscale: "Greys", reversescale: true, opacity: 0.35, showscale: false, hoverinfo: "skip", xaxis: `x${ax(main)}`, yaxis: `y${ax(main)}` });
    data.push({ type: "scatter", mode: "markers", x: xs, y: ys, xaxis: `x${ax(main)}`, yaxis: `y${ax(main)}`, marker: { size: 10, color: "#d62728" }, name: label });
    data.push({ type: "scatter", mode: "lines", x: info.t, y: info.important, xaxis: `x${top}`, yaxis: `y${top}`, line: { color: "#1f77b4" }, hoverinfo: "skip" });
    data.push({ type: "scatter", mode: "markers", x: xs, y: d.gAt, xaxis: `x${top}`, yaxis: `y${top}`, marker: { size: 8, color: "#d62728", symbol: "diamond" }, hovertemplate: "x = %{x:.2f}<br>g = %{y:.2f}<extra></extra>" });
    data.push({ type: "scatter", mode: "lines", x: info.unimportant, y: info.t, xaxis: `x${right}`, yaxis: `y${right}`, line: { color: "#1f77b4" }, hoverinfo: "skip" });
    data.push({ type: "scatter", mode: "markers", x: d.hAt, y: ys, xaxis: `x${right}`, yaxis: `y${right}`, marker: { size: 8, color: "#d62728", symbol: "diamond" }, hoverinfo: "skip" });
    (layout.annotations as unknown[]).push({
      text: `<b>${label}</b>（${info.n} 試行）<br>x の値 ${d.distinctX} 通り、最良の g = ${d.bestImportant.toFixed(2)}`,
      x: c0 + 0.17,
      y: 1.1,
      xref: "paper",
      yref: "paper",
      showarrow: false,
      font: { size: 13 },
    });
  });
  return { data, layout };
}
