/**
 * Parallel coordinates (Optuna's plot_parallel_coordinate): one vertical axis
 * for the score and one per parameter, one line per complete trial coloured
 * by its score. Log-scaled parameters are drawn as log10 with 10^k tick labels.
 */
import type { PlotlyFigure } from "../figure";
import type { SearchSpace } from "../../search/space";
import { FrozenTrial, isComplete } from "../../search/trial";
import { checkTrials, paramLabel } from "./common";

export interface DimensionInfo {
  label: string;
  /** Axis values (log10 for log parameters). */
  values: number[];
  range: [number, number];
  isLog: boolean;
  tickvals?: number[];
  ticktext?: string[];
}

export interface ParallelCoordinateInfo {
  dimObjective: DimensionInfo;
  dimsParams: DimensionInfo[];
  targetName: string;
}

export function parallelCoordinateInfo(trials: readonly FrozenTrial[], space: SearchSpace, targetName = "検証精度"): ParallelCoordinateInfo {
  checkTrials(trials);
  const complete = [...trials].sort((a, b) => a.number - b.number).filter(isComplete);
  const scores = complete.map((t) => t.score);
  const dimsParams = Object.keys(space).map((name): DimensionInfo => {
    const d = space[name];
    if (!d.log) return { label: paramLabel(name), values: complete.map((t) => t.params[name]), range: [d.low, d.high], isLog: false };
    const lo = Math.log10(d.low);
    const hi = Math.log10(d.high);
    const tickvals: number[] = [];
    for (let k = Math.ceil(lo - 1e-9); k <= hi + 1e-9; k++) tickvals.push(k);
    return {
      label: paramLabel(name),
      values: complete.map((t) => Math.log10(t.params[name])),
      range: [lo, hi],
      isLog: true,
      tickvals,
      ticktext: tickvals.map((k) => `1e${k}`),
    };
  });
  const lo = scores.length ? Math.min(...scores) : 0;
  const hi = scores.length ? Math.max(...scores) : 1;
  return { dimObjective: { label: targetName, values: scores, range: [lo, hi], isLog: false }, dimsParams, targetName };
}

export function parallelCoordinateFigure(info: ParallelCoordinateInfo, title = "平行座標プロット (Parallel Coordinate)"): PlotlyFigure {
  const dim = (d: DimensionInfo): Record<string, unknown> => {
    const o: Record<string, unknown> = { label: d.label, values: d.values, range: d.range };
    if (d.tickvals) {
      o.tickvals = d.tickvals;
      o.ticktext = d.ticktext;
    }
    return o;
  };
  return {
    data: [
      {
        type: "parcoords",
        dimensions: [dim(info.dimObjective), ...info.dimsParams.map(dim)],
        line: {
          color: info.dimObjective.values,
          colorscale: "Blues",
          reversescale: true,
          showscale: true,
          colorbar: { title: { text: info.targetName } },
        },
        labelangle: 0,
      },
    ],
    layout: { title: { text: title }, height: 420, margin: { l: 80, r: 80, t: 90, b: 40 } },
  };
}
