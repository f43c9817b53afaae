/**
 * The L1 diamond and the L2 circle against the loss contours: geometryInfo()
 * (pure, tested) gives the shapes and the contour through each constrained
 * optimum (an ellipse L(w) = L(w_opt)); geometryFigure draws them.
 */
import type { PlotlyFigure, PlotlyTrace } from "../figure";

export interface ProblemLike { wStar: [number, number]; h: [number, number]; t: number }
export interface OptimumLike { norm: "l1" | "l2"; w: [number, number]; loss: number }

export interface GeometryInfo {
  diamond: { x: number[]; y: number[] };
  circle: { x: number[]; y: number[] };
  /** The loss contour through each optimum: ½ Σ h_i (w_i − w*_i)² = L_opt. */
  touching: { norm: "l1" | "l2"; x: number[]; y: number[]; level: number }[];
  /** A few more contours (levels as multiples of the L1 optimum's loss). */
  contours: { level: number; x: number[]; y: number[] }[];
}

function ellipse(p: ProblemLike, level: number, n = 200): { x: number[]; y: number[] } {
  const a = Math.sqrt((2 * level) / p.h[0]), b = Math.sqrt((2 * level) / p.h[1]);
  const th = Array.from({ length: n + 1 }, (_, i) => (2 * Math.PI * i) / n);
  return { x: th.map((u) => p.wStar[0] + a * Math.cos(u)), y: th.map((u) => p.wStar[1] + b * Math.sin(u)) };
}

export function geometryInfo(p: ProblemLike, optima: readonly OptimumLike[]): GeometryInfo {
  const t = p.t;
  const th = Array.from({ length: 201 }, (_, i) => (2 * Math.PI * i) / 200);
  const ref = optima[0]?.loss ?? 1;
  return {
    diamond: { x: [t, 0, -t, 0, t], y: [0, t, 0, -t, 0] },
    circle: { x: th.map((u) => t * Math.cos(u)), y: th.map((u) => t * Math.sin(u)) },
    touching: optima.map((o) => ({ norm: o.norm, level: o.loss, ...ellipse(p, o.loss) })),
    contours: [0.05, 0.2, 0.45, 1.6, 2.6].map((m) => ({ level: m * ref, ...ellipse(p, m * ref) })),
  };
}

const COLOR = { l1: "#d62728", l2: "#1f77b4" };

export function geometryFigure(info: GeometryInfo, wStar: [number, number], optima: readonly OptimumLike[]): PlotlyFigure {
  const data: PlotlyTrace[] = info.contours.map((c, i) => ({
    type: "scatter", mode: "lines", x: c.x, y: c.y, line: { color: "rgba(120,120,120,0.5)", width: 1 }, hoverinfo: "skip", showlegend: i === 0, name: "損失 L の等高線", legendgroup: "c",
  }));
  data.push({ type: "scatter", mode: "lines", x: info.diamond.x, y: info.diamond.y, fill: "toself", fillcolor: "rgba(214,39,40,0.12)", line: { color: COLOR.l1, width: 2 }, name: "L1: |w₁| + |w₂| ≤ t（ひし形）" });
  data.push({ type: "scatter", mode: "lines", x: info.circle.x, y: info.circle.y, fill: "toself", fillcolor: "rgba(31,119,180,0.10)", line: { color: COLOR.l2, width: 2 }, name: "L2: w₁² + w₂² ≤ t²（円）" });
  for (const c of info.touching) {
    data.push({ type: "scatter", mode: "lines", x: c.x, y: c.y, line: { color: COLOR[c.norm], width: 1.5, dash: "dash" }, name: `${c.norm.toUpperCase()} の最適解を通る等高線`, hoverinfo: "skip" });
  }
  for (const o of optima) {
    data.push({
      type: "scatter", mode: "markers+text", x: [o.w[0]], y: [o.w[1]], marker: { color: COLOR[o.norm], size: 12, symbol: "circle" },
      text: [`${o.norm.toUpperCase()}: (${o.w[0].toFixed(2)}, ${o.w[1].toFixed(2)})`], textposition: o.norm === "l1" ? "bottom right" : "top left", name: `${o.norm.toUpperCase()} の制約付き最適解`,
    });
  }
  data.push({ type: "scatter", mode: "markers+text", x: [wStar[0]], y: [wStar[1]], marker: { color: "black", size: 10, symbol: "x" }, text: ["w*（制約なしの最小値）"], textposition: "top center", name: "w*" });
  return {
    data,
    layout: {
      title: { text: "L1 はひし形の角（w₂ = 0）で、L2 は円の上（どちらも 0 でない）で等高線と接する" }, height: 520,
      xaxis: { range: [-1.6, 3], title: { text: "w₁" }, zeroline: true, constrain: "domain" },
      yaxis: { range: [-1.6, 1.9], title: { text: "w₂" }, zeroline: true, scaleanchor: "x", scaleratio: 1 },
      legend: { x: 1.02, y: 1 },
    },
  };
}
