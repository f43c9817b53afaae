/**
 * Slice plot (Optuna's plot_slice): the score against each parameter on its
 * own axis (log axis for log-scaled ones), points coloured by trial number so
 * one sees where the search went early and late.
 */
import { ArgumentError } from "../../core/errors";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import type { SearchSpace } from "../../search/space";
import { FrozenTrial, isComplete } from "../../search/trial";
import { checkTrials, paramLabel } from "./common";

export interface SliceSubplotInfo {
  paramName: string;
  x: number[];
  y: number[];
  trialNumbers: number[];
  isLog: boolean;
  /** The search range [low, high] of the parameter. */
  range: [number, number];
}

export interface SlicePlotInfo {
  targetName: string;
  subplots: SliceSubplotInfo[];
}

export function sliceInfo(trials: readonly FrozenTrial[], space: SearchSpace, params?: string[], targetName = "検証精度"): SlicePlotInfo {
  checkTrials(trials);
  const names = params ?? Object.keys(space);
  for (const n of names) if (!space[n]) throw new ArgumentError("params", `names from the search space (${Object.keys(space).join(", ")})`, n);
  const complete = [...trials].sort((a, b) => a.number - b.number).filter(isComplete);
  return {
    targetName,
    subplots: names.map((name) => ({
      paramName: name,
      x: complete.map((t) => t.params[name]),
      y: complete.map((t) => t.score),
      trialNumbers: complete.map((t) => t.number),
      isLog: !!space[name].log,
      range: [space[name].low, space[name].high],
    })),
  };
}

export function sliceFigure(info: SlicePlotInfo, title = "スライスプロット (Slice Plot)"): PlotlyFigure {
  const n = info.subplots.length;
  const gap = 0.06;
  const w = (1 - gap * (n - 1)) / n;
  const layout: PlotlyLayout = { title: { text: title }, height: 400, showlegend: false };
  const maxNumber = Math.max(0, ...info.subplots.flatMap((s) => s.trialNumbers));
  const data: PlotlyTrace[] = info.subplots.map((s, i) => {
    const ax = i === 0 ? "" : String(i + 1);
    layout[`xaxis${ax}`] = {
      domain: [i * (w + gap), i * (w + gap) + w],
      type: s.isLog ? "log" : "linear",
      exponentformat: "power",
      title: { text: paramLabel(s.paramName) },
      range: s.isLog ? s.range.map(Math.log10) : s.range,
    };
    layout[`yaxis${ax}`] = { anchor: `x${ax}`, title: { text: i === 0 ? info.targetName : "" }, matches: i === 0 ? undefined : "y" };
    return {
      type: "scatter",
      mode: "markers",
      x: s.x,
      y: s.y,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      customdata: s.trialNumbers,
      hovertemplate: `試行 %{customdata}<br>${s.paramName} = %{x:.3e}<br>${info.targetName} = %{y:.3f}<extra></extra>`,
      marker: {
        color: s.trialNumbers,
        colorscale: "Blues",
        reversescale: true, // later trials darker
        cmin: 0,
        cmax: maxNumber,
        line: { width: 0.5, color: "#444" },
        showscale: i === n - 1,
        colorbar: i === n - 1 ? { title: { text: "試行番号" } } : undefined,
      },
    };
  });
  return { data, layout };
}
