/**
 * Figures 6-10 … 6-14 of the book: per-layer histograms of the activations
 * for one (initial value, activation), or for every combination at once.
 *
 * Bins: the book's 30 bins on [0, 1] for sigmoid; [−1, 1] for tanh; for ReLU
 * [0, R] with R a round number above the 99th percentile of the positive values
 * of all layers (one range for the 5 layers so that growth or decay shows), and
 * the exact zeros left out of the bars (half of everything: they would flatten
 * the picture) but counted in `excludedZeros`.
 *
 *   npm run -s exp -- init-histogram --init he --activation relu --json [--seed 1]
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import type { Matrix } from "../../core/matrix";
import type { WeightInit } from "../../nn/init";
import { currentBudget } from "../../core/budget";
import { defineCli } from "../../cli/experiment";
import { forwardActivations, type ForwardOptions } from "./activations";
import {
  BOOK_ACTIVATIONS, BOOK_INITS, INIT_ACTIVATIONS, assertInitActivation, initKey, initLabel, type InitActivation,
} from "./common";
import type { ForwardWorkspace } from "./forward-workspace";
import { forwardStats, type LayerStats } from "./layer-stats";

export interface Histogram {
  /** bins + 1 edges, like np.histogram. */
  edges: number[];
  counts: number[];
  /** Values outside [edges[0], edges[bins]] (not in any bar). */
  outOfRange: number;
  /** Exact zeros left out when `excludeZeros` (ReLU). */
  excludedZeros: number;
}

/** np.histogram(values, bins, range=(lo, hi)): [lo, hi) bins, the last one closed. */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number, excludeZeros = false): Histogram {
  assertInteger("bins", bins, 1);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new ArgumentError("range", "finite [lo, hi] with hi > lo", `[${lo}, ${hi}]`);
  }
  const counts = new Array<number>(bins).fill(0);
  let outOfRange = 0, excludedZeros = 0;
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (excludeZeros && v === 0) {
      excludedZeros++;
      continue;
    }
    if (!(v >= lo && v <= hi)) {
      outOfRange++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  return { edges, counts, outOfRange, excludedZeros };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ v (v > 0). */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * (1 - 1e-12)) return m * p;
  return 10 * p;
}

let scratch = new Float64Array(0); // pooledQuantile's sample, kept between calls (the explorer recomputes often)

/**
 * The q-quantile of a sample of `layers`' values passing `keep` (every k-th value, at most ~100k):
 * the element at floor(q·n) of the sorted sample, NaNs sorting last (as Float64Array.sort puts them),
 * found by selection instead of a sort.
 */
function pooledQuantile(layers: Matrix[], q: number, keep: (v: number) => boolean, map: (v: number) => number): number {
  const total = layers.reduce((s, m) => s + m.size, 0);
  const stride = Math.max(1, Math.ceil(total / 100_000));
  const most = Math.ceil(total / stride);
  if (scratch.length < most) scratch = new Float64Array(most);
  let n = 0, nans = 0;
  for (const m of layers) {
    for (let i = 0; i < m.data.length; i += stride) {
      if (!keep(m.data[i])) continue;
      const v = map(m.data[i]);
      if (v !== v) nans++;
      else scratch[n++] = v;
    }
  }
  if (n + nans === 0) return NaN;
  const k = Math.min(n + nans - 1, Math.floor(q * (n + nans)));
  return k < n ? selectKth(scratch, n, k) : NaN;
}

/**
 * The k-th smallest (0-based) of a[0 … n), no NaN among them: Hoare's quickselect,
 * reordering a. Expected O(n), against O(n log n) for sorting the sample.
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  if (!(Number.isInteger(n) && n >= 1 && n <= a.length)) throw new ArgumentError("n", `an integer in [1, ${a.length}] (a's length)`, n);
  if (!(Number.isInteger(k) && k >= 0 && k < n)) throw new ArgumentError("k", `an integer in [0, ${n})`, k);
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // now a[lo … j] ≤ pivot ≤ a[i … hi], and everything strictly between equals the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** The x range of the histograms for an activation (see the file comment). */
export function histogramRange(activation: InitActivation, post: Matrix[]): [number, number] {
  if (activation === "sigmoid") return [0, 1];
  if (activation === "tanh") return [-1, 1];
  if (activation === "relu") return [0, niceCeil(pooledQuantile(post, 0.99, (v) => v > 0, (v) => v))];
  const r = niceCeil(pooledQuantile(post, 0.99, () => true, Math.abs));
  return [-r, r];
}

export type HistogramLayer = LayerStats & Histogram;

export interface HistogramResult {
  init: WeightInit;
  /** "std=1", "std=0.01", "xavier", "he", … */
  initKey: string;
  initLabel: string;
  activation: InitActivation;
  seed: number;
  weightStd: number;
  bins: number;
  range: [number, number];
  excludeZeros: boolean;
  layers: HistogramLayer[];
}

export interface HistogramOptions extends ForwardOptions {
  /** Default 30 (the book). */
  bins?: number;
  /** Default: see histogramRange. */
  range?: [number, number];
  /** Leave exact zeros out of the bars; default true for ReLU only. */
  excludeZeros?: boolean;
}

/** One histogram figure; `workspace` as in forwardActivations (the result holds no matrices). */
export function activationHistogram(options: HistogramOptions, workspace?: ForwardWorkspace): HistogramResult {
  const run = forwardActivations(options, workspace);
  const bins = options.bins ?? 30;
  const range = options.range ?? histogramRange(run.activation, run.post);
  const excludeZeros = options.excludeZeros ?? run.activation === "relu";
  const stats = forwardStats(run);
  const layers = run.post.map((z, i) => ({ ...stats[i], ...histogram(z.data, bins, range[0], range[1], excludeZeros) }));
  return {
    init: run.init,
    initKey: initKey(run.init),
    initLabel: initLabel(run.init),
    activation: run.activation,
    seed: run.seed,
    weightStd: run.weightStd,
    bins,
    range,
    excludeZeros,
    layers,
  };
}

export interface HistogramGridOptions extends Omit<HistogramOptions, "init" | "activation" | "range"> {
  inits?: readonly (WeightInit | string)[];
  activations?: readonly InitActivation[];
}

/** Every (init, activation): the book's 4 × 3 by default, all on the same input and weight draws. */
export function activationHistogramGrid(options: HistogramGridOptions = {}): HistogramResult[] {
  const { inits = BOOK_INITS, activations = BOOK_ACTIVATIONS, ...rest } = options;
  const out: HistogramResult[] = [];
  for (const activation of activations) {
    assertInitActivation(activation, "activations[]");
    for (const init of inits) out.push(activationHistogram({ ...rest, init, activation }));
  }
  return out;
}

/** CLI limits: the input is 1000 × nodeNum, each layer nodeNum × nodeNum; past these the run needs gigabytes. */
export const HISTOGRAM_LIMITS = { bins: 1000, nodeNum: 2000, hiddenLayerSize: 50 };

export const cli = defineCli<Pick<HistogramOptions, "activation" | "seed" | "bins" | "nodeNum" | "hiddenLayerSize"> & { init?: string }>({
  name: "init-histogram",
  description: "6.2 per-layer activation histograms (1000×100 Gaussian input, 5 layers of 100, no bias)",
  options: {
    init: { kind: "string", description: 'std (=1) | xavier | he | glorot | a std like 0.01 (default "std")' },
    activation: { kind: "string", description: "activation (default sigmoid)", choices: INIT_ACTIVATIONS },
    seed: { kind: "number", description: "seed of the input and the weights (default 0)" },
    bins: { kind: "number", description: "bins per histogram (default 30, the book)" },
    nodeNum: { kind: "number", description: "units per layer (default 100)" },
    hiddenLayerSize: { kind: "number", description: "layers (default 5)" },
  },
  run(o) {
    const seed = o.seed ?? 0;
    const limits: ["bins" | "nodeNum" | "hiddenLayerSize", number][] = [["bins", HISTOGRAM_LIMITS.bins], ["nodeNum", HISTOGRAM_LIMITS.nodeNum], ["hiddenLayerSize", HISTOGRAM_LIMITS.hiddenLayerSize]];
    for (const [k, max] of limits) {
      const v = o[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 1 && v <= max)) throw new ArgumentError(k, `an integer in [1, ${max}]`, v);
    }
    const r = activationHistogram({
      ...o,
      init: o.init ?? "std",
      activation: o.activation ?? "sigmoid",
      seed,
    });
    // the statistics of an overflowed layer are NaN/∞ (JSON null): say so instead of printing them
    for (const layer of r.layers) {
      const bad = Object.entries(layer).filter(([, v]) => typeof v === "number" && !Number.isFinite(v)).map(([k]) => k);
      if (bad.length) {
        throw new ArgumentError("init", `a weight scale whose activations stay finite: with ${r.initLabel} and ${r.activation}, layer ${layer.layer}'s ${bad.join(", ")} overflow (not finite); try a smaller std such as 0.01, or xavier / he`, o.init);
      }
    }
    // the histogram is cheap: FAST and FULL compute the same thing
    return { budget: currentBudget(), ...r };
  },
});
