/**
 * The 1-D teaching picture of Bayesian optimisation, one frame per iteration:
 * the true function (unknown to the algorithm), the GP posterior mean ± 2σ
 * given the points observed so far, the acquisition function, and the point it
 * chooses next. A Plotly slider / play button steps through the iterations.
 *
 * The default objective is a made-up "validation accuracy against the
 * rescaled exponent of the learning rate": 0.1 (not learning) on the left, a
 * broad local hill at x = 0.3 and a narrow global peak (≈ 0.8) at x = 0.78.
 * The Forrester function (sign flipped) is there as a standard alternative.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import type { PlotlyFigure, PlotlyFrame, PlotlyTrace } from "../figure";
import { AcquisitionName, acquisitionFunction, AcquisitionParams, ACQUISITION_NAMES } from "../../search/acquisition";
import { GaussianProcess, GPHyperparameters } from "../../search/gaussian-process";
import type { KernelName } from "../../search/kernel";

/** The toy validation-accuracy curve: 0.1 + 0.7·exp(−((x − 0.78)/0.1)²) + 0.3·exp(−((x − 0.3)/0.1)²). */
export const toyValidationCurve = (x: number): number =>
  0.1 + 0.7 * Math.exp(-(((x - 0.78) / 0.1) ** 2)) + 0.3 * Math.exp(-(((x - 0.3) / 0.1) ** 2));

/** −Forrester: −(6x − 2)² sin(12x − 4) on [0, 1] (maximum ≈ 6.02 at x ≈ 0.757). */
export const negForrester = (x: number): number => -((6 * x - 2) ** 2) * Math.sin(12 * x - 4);

export interface Bo1dFrame {
  iteration: number;
  /** Observations so far. */
  x: number[];
  y: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  /** Acquisition values on the grid, raw. */
  acquisition: number[];
  next: number;
  nextValue: number;
  /** Best observed so far (f⁺). */
  best: number;
  hyperparameters: GPHyperparameters;
}

export interface Bo1dInfo {
  acquisitionName: AcquisitionName;
  t: number[];
  truth: number[];
  trueMax: number;
  trueArgmax: number;
  frames: Bo1dFrame[];
}

export interface Bo1dOptions {
  f?: (x: number) => number;
  /** Points observed before the first iteration (default [0.1, 0.35]). */
  initial?: number[];
  iterations?: number;
  acquisition?: AcquisitionName;
  acquisitionParams?: AcquisitionParams;
  kernel?: KernelName;
  resolution?: number;
}

/** The GP state and acquisition values on a grid, given observations. */
function posteriorOnGrid(
  t: number[],
  x: number[],
  y: number[],
  kernel: KernelName,
): { gp: GaussianProcess; mean: number[]; std: number[] } {
  const gp = GaussianProcess.fit(x.map((v) => [v]), y, { kernel });
  const post = t.map((v) => gp.predict([v]));
  return { gp, mean: post.map((p) => p.mean), std: post.map((p) => p.std) };
}

export function bo1dInfo(options: Bo1dOptions = {}): Bo1dInfo {
  const f = options.f ?? toyValidationCurve;
  const iterations = options.iterations ?? 8;
  const resolution = options.resolution ?? 201;
  const name = options.acquisition ?? "ei";
  const kernel = options.kernel ?? "matern52";
  assertInteger("iterations", iterations, 1);
  assertInteger("resolution", resolution, 3);
  if (!ACQUISITION_NAMES.includes(name)) throw new ArgumentError("acquisition", `one of ${ACQUISITION_NAMES.join(", ")}`, name);
  const acq = acquisitionFunction(name, options.acquisitionParams);
  const x = (options.initial ?? [0.1, 0.35]).slice();
  if (x.length < 1 || x.some((v) => !(v >= 0 && v <= 1))) throw new ArgumentError("initial", "points in [0, 1]", options.initial);
  const y = x.map(f);
  const t = Array.from({ length: resolution }, (_, i) => i / (resolution - 1));
  const truth = t.map(f);
  let k = 0;
  for (let i = 1; i < truth.length; i++) if (truth[i] > truth[k]) k = i;

  const frames: Bo1dFrame[] = [];
  for (let it = 0; it < iterations; it++) {
    const { gp, mean, std } = posteriorOnGrid(t, x, y, kernel);
    const best = Math.max(...y);
    const a = mean.map((m, i) => acq(m, std[i], best));
    let j = 0;
    for (let i = 1; i < a.length; i++) if (a[i] > a[j]) j = i;
    frames.push({
      iteration: it + 1,
      x: x.slice(),
      y: y.slice(),
      mean,
      lower: mean.map((m, i) => m - 2 * std[i]),
      upper: mean.map((m, i) => m + 2 * std[i]),
      acquisition: a,
      next: t[j],
      nextValue: a[j],
      best,
      hyperparameters: gp.hyperparameters,
    });
    x.push(t[j]);
    y.push(f(t[j]));
  }
  return { acquisitionName: name, t, truth, trueMax: truth[k], trueArgmax: t[k], frames };
}

/** EI, PI and UCB on one GP posterior (for the side-by-side comparison). */
export function acquisitionsAt(
  t: number[],
  x: number[],
  y: number[],
  kernel: KernelName = "matern52",
  params: { xi?: number; kappa?: number } = {},
): { mean: number[]; std: number[]; best: number; values: Record<AcquisitionName, number[]> } {
  const { mean, std } = posteriorOnGrid(t, x, y, kernel);
  const best = Math.max(...y);
  const values = {} as Record<AcquisitionName, number[]>;
  for (const n of ACQUISITION_NAMES) {
    const a = acquisitionFunction(n, n === "ucb" ? { kappa: params.kappa } : { xi: params.xi });
    values[n] = mean.map((m, i) => a(m, std[i], best));
  }
  return { mean, std, best, values };
}

const ACQ_LABEL: Record<AcquisitionName, string> = { ei: "EI（期待改善量）", pi: "PI（改善確率）", ucb: "UCB（信頼上限）" };

/** min–max normalise to [0, 1] for display (so every frame fills the panel). */
export function normalize01(v: number[]): number[] {
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return hi - lo > 0 ? v.map((a) => (a - lo) / (hi - lo)) : v.map(() => 0);
}

function frameTraces(info: Bo1dInfo, fr: Bo1dFrame): PlotlyTrace[] {
  const j = info.t.indexOf(fr.next);
  const acqN = normalize01(fr.acquisition);
  return [
    { x: info.t, y: fr.upper },
    { x: info.t, y: fr.lower },
    { x: info.t, y: fr.mean },
    { x: fr.x, y: fr.y },
    { x: [fr.next, fr.next], y: [Math.min(...info.truth), Math.max(...info.truth)] },
    { x: info.t, y: acqN },
    { x: [fr.next], y: [acqN[j]] },
  ];
}

export function bo1dFigure(info: Bo1dInfo, title?: string): PlotlyFigure {
  if (info.frames.length === 0) throw new ArgumentError("info.frames", "at least one iteration", 0);
  const first = frameTraces(info, info.frames[0]);
  const ylo = Math.min(...info.truth);
  const yhi = Math.max(...info.truth);
  const pad = (yhi - ylo) * 0.6;
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name: "真の関数（未知）", x: info.t, y: info.truth, line: { color: "#7f7f7f", dash: "dash" } },
    { type: "scatter", mode: "lines", name: "μ + 2σ", ...first[0], line: { width: 0, color: "#1f77b4" }, showlegend: false, hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "μ ± 2σ", ...first[1], line: { width: 0, color: "#1f77b4" }, fill: "tonexty", fillcolor: "rgba(31,119,180,0.2)", hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "事後平均 μ(x)", ...first[2], line: { color: "#1f77b4", width: 2 } },
    { type: "scatter", mode: "markers", name: "観測点", ...first[3], marker: { color: "black", size: 9 } },
    { type: "scatter", mode: "lines", name: "次に試す点", ...first[4], line: { color: "#d62728", dash: "dot", width: 2 } },
    { type: "scatter", mode: "lines", name: ACQ_LABEL[info.acquisitionName], ...first[5], xaxis: "x2", yaxis: "y2", line: { color: "#2ca02c", width: 2 }, fill: "tozeroy", fillcolor: "rgba(44,160,44,0.15)" },
    { type: "scatter", mode: "markers", name: "獲得関数の最大", ...first[6], xaxis: "x2", yaxis: "y2", marker: { color: "#d62728", size: 12, symbol: "star" }, showlegend: false },
  ];
  const frames: PlotlyFrame[] = info.frames.map((fr) => ({
    name: String(fr.iteration),
    data: frameTraces(info, fr),
    traces: [1, 2, 3, 4, 5, 6, 7],
  }));
  const steps = info.frames.map((fr) => ({
    label: String(fr.iteration),
    method: "animate",
    args: [[String(fr.iteration)], { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } }],
  }));
  return {
    data,
    frames,
    layout: {
      title: { text: title ?? `ベイズ最適化の 1 反復ずつ（獲得関数: ${ACQ_LABEL[info.acquisitionName]}）` },
      height: 600,
      xaxis: { domain: [0, 1], anchor: "y", range: [0, 1], showticklabels: false },
      yaxis: { domain: [0.42, 1], range: [ylo - pad, yhi + pad], title: { text: "f(x)" } },
      xaxis2: { domain: [0, 1], anchor: "y2", range: [0, 1], matches: "x", title: { text: "x" } },
      yaxis2: { domain: [0, 0.32], range: [0, 1.08], title: { text: "獲得関数（正規化）" } },
      legend: { orientation: "h", y: 1.12 },
      margin: { t: 110, b: 110 },
      updatemenus: [
        {
          type: "buttons",
          direction: "left",
          x: 0,
          y: -0.18,
          xanchor: "left",
          yanchor: "top",
          showactive: false,
          buttons: [
            { label: "▶ 再生", method: "animate", args: [null, { frame: { duration: 1200, redraw: false }, transition: { duration: 300 }, fromcurrent: true, mode: "immediate" }] },
            { label: "❚❚ 停止", method: "animate", args: [[null], { frame: { duration: 0, redraw: false }, mode: "immediate" }] },
          ],
        },
      ],
      sliders: [{ active: 0, x: 0.18, len: 0.82, y: -0.12, yanchor: "top", currentvalue: { prefix: "反復 " }, steps }],
    },
  };
}

/** EI, PI and UCB side by side on one posterior. */
export function acquisitionsFigure(t: number[], at: ReturnType<typeof acquisitionsAt>, x: number[], y: number[], truth?: number[]): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  if (truth) data.push({ type: "scatter", mode: "lines", name: "真の関数", x: t, y: truth, line: { color: "#7f7f7f", dash: "dash" } });
  data.push(
    { type: "scatter", mode: "lines", x: t, y: at.mean.map((m, i) => m + 2 * at.std[i]), line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "μ ± 2σ", x: t, y: at.mean.map((m, i) => m - 2 * at.std[i]), line: { width: 0 }, fill: "tonexty", fillcolor: "rgba(31,119,180,0.2)", hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "事後平均 μ", x: t, y: at.mean, line: { color: "#1f77b4" } },
    { type: "scatter", mode: "markers", name: "観測点", x, y, marker: { color: "black", size: 8 } },
  );
  const colors: Record<AcquisitionName, string> = { ei: "#2ca02c", pi: "#9467bd", ucb: "#ff7f0e" };
  for (const n of ACQUISITION_NAMES) {
    const v = normalize01(at.values[n]);
    let j = 0;
    for (let i = 1; i < v.length; i++) if (v[i] > v[j]) j = i;
    data.push({ type: "scatter", mode: "lines", name: ACQ_LABEL[n], x: t, y: v, xaxis: "x2", yaxis: "y2", line: { color: colors[n] } });
    data.push({ type: "scatter", mode: "markers", x: [t[j]], y: [v[j]], xaxis: "x2", yaxis: "y2", marker: { color: colors[n], size: 12, symbol: "star" }, showlegend: false, hovertemplate: `${n.toUpperCase()} の最大: x = %{x:.3f}<extra></extra>` });
  }
  return {
    data,
    layout: {
      title: { text: "同じ事後分布に対する 3 つの獲得関数（★ が次に選ぶ点）" },
      height: 560,
      xaxis: { domain: [0, 1], anchor: "y", showticklabels: false, range: [0, 1] },
      yaxis: { domain: [0.45, 1], title: { text: "f(x)" } },
      xaxis2: { domain: [0, 1], anchor: "y2", matches: "x", title: { text: "x" }, range: [0, 1] },
      yaxis2: { domain: [0, 0.35], range: [0, 1.08], title: { text: "獲得関数（正規化）" } },
      legend: { orientation: "h", y: -0.15 },
    },
  };
}
