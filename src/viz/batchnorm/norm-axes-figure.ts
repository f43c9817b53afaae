/**
 * Four N×C×H×W blocks side by side (Batch / Layer / Instance / Group Norm). A
 * slider picks one element (sample n, channel c); in each block the cells that
 * share its mean and variance turn blue, the picked (n, c) itself dark blue.
 */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { DEPTH_X, DEPTH_Y, faceCells, highlight, methodsInfo, project, type BlockDims } from "./norm-axes-info";

const FACE_FILL = { front: "#f4f4f4", top: "#e4e4e4", side: "#d2d2d2" };
const SET_FILL = "rgba(31,119,180,0.55)";
const PICK_FILL = "rgba(8,48,107,0.95)";

/** Polygons joined by null gaps: one trace fills them all (fill "toself"). */
function joined(polys: { xs: number[]; ys: number[] }[], dx: number): { x: (number | null)[]; y: (number | null)[] } {
  const x: (number | null)[] = [], y: (number | null)[] = [];
  polys.forEach((p, i) => {
    if (i) { x.push(null); y.push(null); }
    x.push(...p.xs.map((v) => v + dx));
    y.push(...p.ys);
  });
  return { x, y };
}

export function normAxesFigure(dims: BlockDims = { N: 4, C: 6, HW: 4 }, groups = 2, start: [number, number] = [0, 1]): PlotlyFigure {
  const methods = methodsInfo(dims, groups);
  const cells = faceCells(dims);
  const width = dims.C + dims.N * DEPTH_X + 2.2;
  const data: PlotlyTrace[] = [];
  const annotations: unknown[] = [];
  const dynamic: number[] = []; // indices of the highlight / pick traces, 2 per panel
  const picks: [number, number][] = [];
  for (let n = 0; n < dims.N; n++) for (let c = 0; c < dims.C; c++) picks.push([n, c]);

  const hl = (k: number, n: number, c: number) => {
    const mask = highlight(methods[k].kind, dims, groups, n, c);
    const set = cells.filter((_, i) => mask[i]);
    const own = cells.filter((cell) => cell.n === n && cell.c === c);
    return [joined(set, k * width), joined(own, k * width)];
  };

  methods.forEach((m, k) => {
    const dx = k * width;
    for (const face of ["front", "top", "side"] as const) {
      const j = joined(cells.filter((c) => c.face === face), dx);
      data.push({
        type: "scatter", mode: "lines", ...j, fill: "toself", fillcolor: FACE_FILL[face],
        line: { color: "#999", width: 0.8 }, hoverinfo: "skip", showlegend: false,
      });
    }
    const [set, own] = hl(k, start[0], start[1]);
    dynamic.push(data.length);
    data.push({
      type: "scatter", mode: "lines", ...set, fill: "toself", fillcolor: SET_FILL, line: { color: "#1f4e79", width: 0.8 },
      name: "同じ μ, σ² で正規化される要素", showlegend: k === 0, legendgroup: "set", hoverinfo: "skip",
    });
    dynamic.push(data.length);
    data.push({
      type: "scatter", mode: "lines", ...own, fill: "toself", fillcolor: PICK_FILL, line: { color: "#08306b", width: 0.8 },
      name: "選んだ (n, c)", showlegend: k === 0, legendgroup: "pick", hoverinfo: "skip",
    });
    // axis labels of the block
    const [fx, fy] = project(dims.C / 2, 0, 0);
    const [sx, sy] = project(dims.C, 0, dims.N / 2);
    const [lx, ly] = project(0, dims.HW / 2, 0);
    annotations.push(
      { x: fx + dx, y: fy - 0.55, text: "C", showarrow: false, font: { size: 13 } },
      { x: sx + dx + 0.45, y: sy - 0.3, text: "N", showarrow: false, font: { size: 13 } },
      { x: lx + dx - 0.55, y: ly, text: "H, W", showarrow: false, textangle: -90, font: { size: 12 } },
      {
        x: dx + (dims.C + dims.N * DEPTH_X) / 2, y: dims.HW + dims.N * DEPTH_Y + 0.5, yanchor: "bottom",
        text: `<b>${m.title}</b><br>${m.axes} で平均・分散（${m.sets} 組、各 ${m.setSize} 要素）`, showarrow: false, font: { size: 12 },
      },
    );
  });

  const steps = picks.map(([n, c]) => {
    const upd = methods.map((_, k) => hl(k, n, c));
    return {
      label: `n=${n + 1}, c=${c + 1}`, method: "restyle",
      args: [{ x: upd.flatMap(([s, o]) => [s.x, o.x]), y: upd.flatMap(([s, o]) => [s.y, o.y]) }, dynamic],
    };
  });
  const active = picks.findIndex(([n, c]) => n === start[0] && c === start[1]);
  return {
    data,
    layout: {
      height: 440,
      margin: { t: 30, l: 10, r: 10, b: 80 },
      xaxis: { visible: false, range: [-1, methods.length * width - 1.2] },
      yaxis: { visible: false, scaleanchor: "x", range: [-1.2, dims.HW + dims.N * DEPTH_Y + 2.2] },
      annotations,
      legend: { orientation: "h", x: 0, y: 1.08 },
      sliders: [{
        active: Math.max(active, 0), steps, x: 0.05, len: 0.9, y: 0, yanchor: "top",
        currentvalue: { prefix: "選んだ要素：サンプル・チャネル ", font: { size: 12 } }, pad: { t: 10 },
      }],
    },
  };
}
