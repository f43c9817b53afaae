/**
 * Contour plot (Optuna's plot_contour): the score over two parameters. As in
 * Optuna's plotly version, the z grid has a cell at every distinct trial
 * coordinate (plus a padded border) and is empty elsewhere; Plotly fills the
 * gaps (connectgaps) to draw the contour, and the trials are drawn on top.
 * Log-scaled parameters get log axes.
 */
import { ArgumentError } from "../../core/errors";
import type { PlotlyFigure } from "../figure";
import type { SearchSpace } from "../../search/space";
import { FrozenTrial, isComplete } from "../../search/trial";
import { checkTrials, paramLabel } from "./common";

export interface AxisInfo {
  name: string;
  /** Axis range in axis units (log10 of the value for log axes). */
  range: [number, number];
  isLog: boolean;
  /** Grid coordinates (real values), ascending: padded ends + every distinct trial value. */
  indices: number[];
  /** The parameter of each plotted trial. */
  values: number[];
}

export interface ContourInfo {
  xaxis: AxisInfo;
  yaxis: AxisInfo;
  /** z[i][j] at (x indices[j], y indices[i]); null where no trial sits. */
  zValues: (number | null)[][];
  trialNumbers: number[];
  scores: number[];
  targetName: string;
}

const PADDING = 0.05;

function axisInfo(name: string, values: number[], isLog: boolean): AxisInfo {
  const t = (v: number): number => (isLog ? Math.log10(v) : v);
  const inv = (u: number): number => (isLog ? 10 ** u : u);
  const lo = Math.min(...values.map(t));
  const hi = Math.max(...values.map(t));
  const pad = (hi - lo || 1) * PADDING;
  const range: [number, number] = [lo - pad, hi + pad];
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return { name, range, isLog, indices: [inv(range[0]), ...distinct, inv(range[1])], values };
}

export function contourInfo(
  trials: readonly FrozenTrial[],
  space: SearchSpace,
  xParam = Object.keys(space)[0],
  yParam = Object.keys(space)[1],
  targetName = "検証精度",
): ContourInfo {
  checkTrials(trials);
  for (const [arg, p] of [["xParam", xParam], ["yParam", yParam]] as const) {
    if (!p || !space[p]) throw new ArgumentError(arg, `a parameter of the search space (${Object.keys(space).join(", ")})`, p);
  }
  if (xParam === yParam) throw new ArgumentError("yParam", "a parameter other than xParam", yParam);
  const complete = [...trials].sort((a, b) => a.number - b.number).filter(isComplete);
  if (complete.length === 0) throw new ArgumentError("trials", "at least one complete trial", trials.length);
  const xaxis = axisInfo(xParam, complete.map((t) => t.params[xParam]), !!space[xParam].log);
  const yaxis = axisInfo(yParam, complete.map((t) => t.params[yParam]), !!space[yParam].log);
  const zValues: (number | null)[][] = yaxis.indices.map(() => xaxis.indices.map(() => null));
  const col = new Map(xaxis.indices.map((v, j) => [v, j]));
  const row = new Map(yaxis.indices.map((v, i) => [v, i]));
  for (const t of complete) {
    const i = row.get(t.params[yParam]) as number;
    const j = col.get(t.params[xParam]) as number;
    const prev = zValues[i][j];
    zValues[i][j] = prev === null ? t.score : Math.max(prev, t.score); // same point twice: keep the best
  }
  return { xaxis, yaxis, zValues, trialNumbers: complete.map((t) => t.number), scores: complete.map((t) => t.score), targetName };
}

export function contourFigure(info: ContourInfo, title = "等高線プロット (Contour Plot)"): PlotlyFigure {
  return {
    data: [
      {
        type: "contour",
        x: info.xaxis.indices,
        y: info.yaxis.indices,
        z: info.zValues,
        connectgaps: true,
        colorscale: "Blues",
        reversescale: true, // higher score darker
        contours: { coloring: "heatmap" },
        colorbar: { title: { text: info.targetName } },
        hoverinfo: "skip",
        line: { smoothing: 1.3 },
      },
      {
        type: "scatter",
        mode: "markers",
        name: "試行",
        x: info.xaxis.values,
        y: info.yaxis.values,
        customdata: info.trialNumbers.map((n, k) => [n, info.scores[k]]),
        hovertemplate: `試行 %{customdata[0]}<br>${info.xaxis.name} = %{x:.2e}<br>${info.yaxis.name} = %{y:.2e}<br>${info.targetName} = %{customdata[1]:.3f}<extra></extra>`,
        marker: { color: "black", size: 6, line: { color: "white", width: 1 } },
        showlegend: false,
      },
    ],
    layout: {
      title: { text: title },
      height: 480,
      xaxis: { type: info.xaxis.isLog ? "log" : "linear", range: info.xaxis.range, exponentformat: "power", title: { text: paramLabel(info.xaxis.name) } },
      yaxis: { type: info.yaxis.isLog ? "log" : "linear", range: info.yaxis.range, exponentformat: "power", title: { text: paramLabel(info.yaxis.name) } },
    },
  };
}
