/**
 * Random vs grid vs Bayesian optimisation on equal budgets: the best-so-far
 * score of each sampler over several seeds, as the mean and a min–max band,
 * against the trial count and against wall time (sampler + objective).
 */
import { ArgumentError } from "../../core/errors";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { bestSoFar, FrozenTrial, trialSeconds } from "../../search/trial";
import { checkTrials, samplerColor, samplerLabel } from "./common";

export interface SamplerRuns {
  sampler: string;
  /** One study per seed. */
  runs: FrozenTrial[][];
}

export interface BestSoFarBand {
  sampler: string;
  /** Trial count 1…N, or seconds. */
  x: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  /** Each run's best-so-far on x. */
  runs: number[][];
}

function band(sampler: string, x: number[], runs: number[][]): BestSoFarBand {
  const stat = (f: (vs: number[]) => number): number[] =>
    x.map((_, k) => {
      const vs = runs.map((r) => r[k]);
      return vs.some((v) => Number.isNaN(v)) ? NaN : f(vs);
    });
  return {
    sampler,
    x,
    mean: stat((vs) => vs.reduce((a, b) => a + b, 0) / vs.length),
    lower: stat((vs) => Math.min(...vs)),
    upper: stat((vs) => Math.max(...vs)),
    runs,
  };
}

function checkGroups(groups: SamplerRuns[]): void {
  if (!Array.isArray(groups) || groups.length === 0) throw new ArgumentError("groups", "one { sampler, runs } per sampler", groups);
  groups.forEach((g, i) => {
    if (!Array.isArray(g.runs) || g.runs.length === 0) throw new ArgumentError(`groups[${i}].runs`, "at least one study", g.runs);
    g.runs.forEach((r, j) => checkTrials(r, `groups[${i}].runs[${j}]`));
  });
}

/** Best-so-far after 1…N trials (N = the shortest run of the sampler); NaN while a run has no complete trial. */
export function bestSoFarByTrialInfo(groups: SamplerRuns[]): BestSoFarBand[] {
  checkGroups(groups);
  return groups.map((g) => {
    const curves = g.runs.map((r) => bestSoFar([...r].sort((a, b) => a.number - b.number)));
    const n = Math.min(...curves.map((c) => c.length));
    return band(g.sampler, Array.from({ length: n }, (_, k) => k + 1), curves.map((c) => c.slice(0, n)));
  });
}

/**
 * Best-so-far at `points` common instants up to the longest run: for each run,
 * the best score among the trials finished by then (cumulative wall time of
 * sampler + objective), NaN before its first complete trial. A run that ended
 * earlier keeps its final best.
 */
export function bestSoFarByTimeInfo(groups: SamplerRuns[], points = 100): BestSoFarBand[] {
  checkGroups(groups);
  const timelines = groups.map((g) =>
    g.runs.map((r) => {
      const sorted = [...r].sort((a, b) => a.number - b.number);
      const best = bestSoFar(sorted);
      let t = 0;
      return sorted.map((tr, k) => ({ t: (t += trialSeconds(tr)), best: best[k] }));
    }),
  );
  const tMax = Math.max(...timelines.flat(2).map((p) => p.t), 1e-9);
  const x = Array.from({ length: points }, (_, k) => (tMax * (k + 1)) / points);
  return groups.map((g, gi) => {
    const runs = timelines[gi].map((line) =>
      x.map((t) => {
        let v = NaN;
        for (const p of line) {
          if (p.t > t * (1 + 1e-12)) break;
          v = p.best;
        }
        return v;
      }),
    );
    return band(g.sampler, x, runs);
  });
}

function hexToRgba(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

export function bestSoFarFigure(bands: BestSoFarBand[], xTitle: string, title: string, targetName = "それまでの最良の検証精度"): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  bands.forEach((b, i) => {
    const color = samplerColor(b.sampler, i);
    const keep = b.x.map((_, k) => !Number.isNaN(b.mean[k]));
    const xs = b.x.filter((_, k) => keep[k]);
    const pick = (v: number[]): number[] => v.filter((_, k) => keep[k]);
    data.push({ type: "scatter", mode: "lines", x: xs, y: pick(b.upper), line: { width: 0, color }, hoverinfo: "skip", showlegend: false, legendgroup: b.sampler });
    data.push({
      type: "scatter",
      mode: "lines",
      x: xs,
      y: pick(b.lower),
      line: { width: 0, color },
      fill: "tonexty",
      fillcolor: hexToRgba(color, 0.18),
      hoverinfo: "skip",
      showlegend: false,
      legendgroup: b.sampler,
    });
    data.push({
      type: "scatter",
      mode: "lines",
      name: `${samplerLabel(b.sampler)}（${b.runs.length} シードの平均）`,
      x: xs,
      y: pick(b.mean),
      line: { color, width: 2.5, shape: xTitle.includes("秒") ? "hv" : "linear" },
      legendgroup: b.sampler,
    });
  });
  return {
    data,
    layout: {
      title: { text: title },
      height: 420,
      xaxis: { title: { text: xTitle } },
      yaxis: { title: { text: targetName } },
      legend: { orientation: "h", y: -0.2 },
    },
  };
}
