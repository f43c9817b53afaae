/**
 * The numbers of the 1-D Bayesian-optimisation picture (6-5): toy objectives
 * on [0, 1], the GP posterior on a grid given the observations, the
 * acquisition values and the point each chooses, iteration by iteration.
 * Plain data: the figures are drawn by src/viz/search/bo-1d.ts, and the live
 * explorer (src/search/explorer-bo1d.ts) runs this same code in the page.
 *
 * The default objective is a made-up "validation accuracy against the
 * rescaled exponent of the learning rate": 0.1 (not learning) on the left, a
 * broad local hill at x = 0.3 and a narrow global peak (≈ 0.8) at x = 0.78.
 * The Forrester function (sign flipped) is there as a standard alternative.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { exp, sin } from "../core/libm";
import { AcquisitionName, acquisitionFunction, AcquisitionParams, ACQUISITION_NAMES } from "./acquisition";
import { GaussianProcess, GPHyperparameters } from "./gaussian-process";
import type { KernelName } from "./kernel";

/** The toy validation-accuracy curve: 0.1 + 0.7·exp(−((x − 0.78)/0.1)²) + 0.3·exp(−((x − 0.3)/0.1)²). */
export const toyValidationCurve = (x: number): number =>
  0.1 + 0.7 * exp(-(((x - 0.78) / 0.1) ** 2)) + 0.3 * exp(-(((x - 0.3) / 0.1) ** 2));

/** −Forrester: −(6x − 2)² sin(12x − 4) on [0, 1] (maximum ≈ 6.02 at x ≈ 0.757). */
export const negForrester = (x: number): number => -((6 * x - 2) ** 2) * sin(12 * x - 4);

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

/** The GP fitted to the observations and its posterior mean and std on the grid t. */
export function posteriorOnGrid(
  t: number[],
  x: number[],
  y: number[],
  kernel: KernelName,
  hyperparameters?: GPHyperparameters,
): { gp: GaussianProcess; mean: number[]; std: number[] } {
  const gp = GaussianProcess.fit(x.map((v) => [v]), y, hyperparameters ? { kernel, hyperparameters } : { kernel });
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

