/**
 * What Bayesian optimisation "sees" on the real lr × weight-decay problem:
 * at chosen iterations, the GP posterior mean of the validation accuracy and
 * the acquisition function over the (log) search space, the trials observed so
 * far and the point proposed next. It replays the BayesSampler's own step, so
 * the proposed point is exactly the one the study ran.
 */
import { ArgumentError } from "../../core/errors";
import type { PlotlyFigure, PlotlyFrame, PlotlyTrace } from "../figure";
import type { BayesSampler } from "../../search/bayes-sampler";
import { fromUnit, SearchSpace } from "../../search/space";
import type { FrozenTrial } from "../../search/trial";
import { checkTrials, paramLabel } from "./common";

export interface BoSurfaceStep {
  /** The trial number that was being proposed. */
  number: number;
  mean: number[][];
  std: number[][];
  acquisition: number[][];
  observed: { x: number[]; y: number[]; score: (number | null)[] };
  next: { x: number; y: number };
}

export interface BoSurfaceInfo {
  xParam: string;
  yParam: string;
  /** Grid values (real) along each axis. */
  xs: number[];
  ys: number[];
  isLog: [boolean, boolean];
  steps: BoSurfaceStep[];
}

export function boSurfaceInfo(
  trials: readonly FrozenTrial[],
  space: SearchSpace,
  sampler: BayesSampler,
  seed: number,
  numbers: number[],
  resolution = 30,
): BoSurfaceInfo {
  checkTrials(trials);
  const [xParam, yParam] = Object.keys(space);
  if (!yParam || Object.keys(space).length !== 2) throw new ArgumentError("space", "exactly two parameters", Object.keys(space));
  const sorted = [...trials].sort((a, b) => a.number - b.number);
  const u = Array.from({ length: resolution }, (_, i) => i / (resolution - 1));
  const xs = u.map((v) => fromUnit(space, [v, 0])[xParam]);
  const ys = u.map((v) => fromUnit(space, [0, v])[yParam]);
  const steps = numbers.map((n): BoSurfaceStep => {
    if (!Number.isInteger(n) || n < sampler.config.nInitial) {
      throw new ArgumentError("numbers", `trial numbers >= nInitial (${sampler.config.nInitial})`, n);
    }
    const history = sorted.filter((t) => t.number < n);
    const step = sampler.step({ space, trials: history, number: n, seed });
    const mean: number[][] = [];
    const std: number[][] = [];
    const acquisition: number[][] = [];
    for (const vy of u) {
      const m: number[] = [];
      const s: number[] = [];
      const a: number[] = [];
      for (const vx of u) {
        const p = step.gp.predict([vx, vy]);
        m.push(p.mean);
        s.push(p.std);
        a.push(step.acquisition(p.mean, p.std, step.best));
      }
      mean.push(m);
      std.push(s);
      acquisition.push(a);
    }
    const next = fromUnit(space, step.next);
    return {
      number: n,
      mean,
      std,
      acquisition,
      observed: { x: history.map((t) => t.params[xParam]), y: history.map((t) => t.params[yParam]), score: history.map((t) => t.score) },
      next: { x: next[xParam], y: next[yParam] },
    };
  });
  return { xParam, yParam, xs, ys, isLog: [!!space[xParam].log, !!space[yParam].log], steps };
}

function stepTraces(info: BoSurfaceInfo, s: BoSurfaceStep): PlotlyTrace[] {
  const obs = { x: s.observed.x, y: s.observed.y };
  return [
    { x: info.xs, y: info.ys, z: s.mean },
    { ...obs, customdata: s.observed.score },
    { x: [s.next.x], y: [s.next.y] },
    { x: info.xs, y: info.ys, z: s.acquisition },
    { ...obs },
    { x: [s.next.x], y: [s.next.y] },
  ];
}

export function boSurfaceFigure(info: BoSurfaceInfo, acquisitionLabel = "EI", title = "実問題でのベイズ最適化: GP の予測平均と獲得関数"): PlotlyFigure {
  if (info.steps.length === 0) throw new ArgumentError("info.steps", "at least one step", 0);
  const first = stepTraces(info, info.steps[0]);
  const marker = { color: "black", size: 6, line: { color: "white", width: 1 } };
  const star = { color: "#d62728", size: 16, symbol: "star", line: { color: "white", width: 1 } };
  const data: PlotlyTrace[] = [
    { type: "contour", ...first[0], colorscale: "Blues", reversescale: true, colorbar: { title: { text: "予測平均" }, x: 0.45, len: 0.8 }, contours: { coloring: "heatmap" }, hoverinfo: "skip" },
    { type: "scatter", mode: "markers", name: "試した点", ...first[1], marker, hovertemplate: "lr=%{x:.2e}<br>λ=%{y:.2e}<br>検証精度=%{customdata}<extra></extra>" },
    { type: "scatter", mode: "markers", name: "次に試す点", ...first[2], marker: star },
    { type: "contour", ...first[3], xaxis: "x2", yaxis: "y2", colorscale: "Greens", reversescale: true, colorbar: { title: { text: acquisitionLabel }, x: 1.0, len: 0.8 }, contours: { coloring: "heatmap" }, hoverinfo: "skip" },
    { type: "scatter", mode: "markers", ...first[4], xaxis: "x2", yaxis: "y2", marker, showlegend: false, hoverinfo: "skip" },
    { type: "scatter", mode: "markers", ...first[5], xaxis: "x2", yaxis: "y2", marker: star, showlegend: false },
  ];
  const type = (log: boolean): string => (log ? "log" : "linear");
  const frames: PlotlyFrame[] = info.steps.map((s) => ({ name: String(s.number), data: stepTraces(info, s), traces: [0, 1, 2, 3, 4, 5] }));
  return {
    data,
    frames,
    layout: {
      title: { text: title },
      height: 500,
      xaxis: { domain: [0, 0.4], type: type(info.isLog[0]), exponentformat: "power", title: { text: paramLabel(info.xParam) } },
      yaxis: { type: type(info.isLog[1]), exponentformat: "power", title: { text: paramLabel(info.yParam) } },
      xaxis2: { domain: [0.56, 0.96], anchor: "y2", type: type(info.isLog[0]), exponentformat: "power", title: { text: paramLabel(info.xParam) } },
      yaxis2: { anchor: "x2", type: type(info.isLog[1]), exponentformat: "power" },
      legend: { orientation: "h", y: 1.1 },
      margin: { b: 130 },
      sliders: [
        {
          active: 0,
          y: -0.2,
          yanchor: "top",
          currentvalue: { prefix: "提案する試行番号 " },
          steps: info.steps.map((s) => ({
            label: String(s.number),
            method: "animate",
            args: [[String(s.number)], { mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 } }],
          })),
        },
      ],
    },
  };
}
