/**
 * What the live Bayesian-optimisation explorer (6-5) computes for one state,
 * in Node and in the page alike: the GP fitted to the observations (the
 * engine's GaussianProcess, hyperparameters by maximum marginal likelihood or
 * a length scale the reader fixes), its mean ± 2σ on a grid over [0, 1], and
 * EI, PI and UCB with the point each would choose next.
 *
 * The state may come from a shared URL: every field is checked, the number of
 * observations capped (checkBo1dExplorerState names the refused field).
 */
import { ArgumentError } from "../core/errors";
import { exp, sin } from "../core/libm";
import { ACQUISITION_NAMES, acquisitionFunction, type AcquisitionName } from "./acquisition";
import { negForrester, posteriorOnGrid, toyValidationCurve } from "./bo-1d";
import { GaussianProcess, LOG_BOUNDS, type GPHyperparameters } from "./gaussian-process";

/** The objectives to choose from (all on [0, 1], maximised). */
export const BO1D_OBJECTIVES: Record<string, { label: string; f: (x: number) => number }> = {
  toy: { label: "検証精度のおもちゃ（局所的な山 0.3・本当の山 0.78）", f: toyValidationCurve },
  forrester: { label: "−Forrester 関数（最大 ≈ 6.02、x ≈ 0.757）", f: negForrester },
  wiggly: { label: "細かく波打つ関数 sin(6x) + 0.5 sin(20x)", f: (x) => sin(6 * x) + 0.5 * sin(20 * x) },
};

export const BO1D_EXPLORER_LIMITS = {
  observations: 40, resolution: 201, lengthScaleMin: exp(LOG_BOUNDS.lengthScale[0]), lengthScaleMax: 1,
} as const;

/** With a fixed length scale: signal variance 1 and a tiny noise (the outputs are standardised). */
export const FIXED_SIGNAL_VARIANCE = 1;
export const FIXED_NOISE_VARIANCE = 1e-6;

export interface Bo1dExplorerState {
  /** toy | forrester | wiggly (default toy). */
  objective?: string;
  /** Observed x in [0, 1] (default [0.1, 0.35], as the static figure). */
  x?: number[];
  /** Acquisition used by 「次の点」: ei | pi | ucb (default ei). */
  acquisition?: string;
  /** A fixed kernel length scale, or absent / null: fitted by maximum marginal likelihood. */
  lengthScale?: number | null;
}

export interface Bo1dExplorerResult {
  objective: string;
  acquisition: AcquisitionName;
  t: number[];
  truth: number[];
  x: number[];
  y: number[];
  mean: number[];
  std: number[];
  lower: number[];
  upper: number[];
  best: number;
  /** Raw values of each acquisition on t, and the t each would choose. */
  acquisitions: Record<AcquisitionName, number[]>;
  argmax: Record<AcquisitionName, number>;
  /** The point 「次の点」 adds (argmax of the chosen acquisition). */
  next: number;
  hyperparameters: GPHyperparameters;
  /** True when the hyperparameters were fitted (no fixed length scale). */
  fitted: boolean;
  logMarginalLikelihood: number;
}

const KEYS = ["objective", "x", "acquisition", "lengthScale"];

export function checkBo1dExplorerState(raw: unknown): Required<Omit<Bo1dExplorerState, "lengthScale">> & { lengthScale: number | null; acquisition: AcquisitionName } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ArgumentError("state", "an object", raw);
  const s = raw as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!KEYS.includes(k)) throw new ArgumentError(k, `not a setting of the Bayesian-optimisation explorer (settings: ${KEYS.join(", ")})`);
  const objective = s.objective === undefined ? "toy" : s.objective;
  if (typeof objective !== "string" || !Object.prototype.hasOwnProperty.call(BO1D_OBJECTIVES, objective)) {
    throw new ArgumentError("objective", `one of ${Object.keys(BO1D_OBJECTIVES).join(", ")}`, objective);
  }
  const acquisition = s.acquisition === undefined ? "ei" : s.acquisition;
  if (typeof acquisition !== "string" || !(ACQUISITION_NAMES as readonly string[]).includes(acquisition)) {
    throw new ArgumentError("acquisition", `one of ${ACQUISITION_NAMES.join(", ")}`, acquisition);
  }
  const L = BO1D_EXPLORER_LIMITS;
  const x = s.x === undefined ? [0.1, 0.35] : s.x;
  if (!Array.isArray(x) || x.length < 1 || x.length > L.observations || x.some((v) => typeof v !== "number" || !(v >= 0 && v <= 1))) {
    throw new ArgumentError("x", `1 to ${L.observations} observed points in [0, 1]`, x);
  }
  const ls = s.lengthScale ?? null;
  if (ls !== null && (typeof ls !== "number" || !(ls >= L.lengthScaleMin && ls <= L.lengthScaleMax))) {
    throw new ArgumentError("lengthScale", `a number in [${L.lengthScaleMin.toPrecision(3)}, ${L.lengthScaleMax}] or null (fitted)`, ls);
  }
  return { objective, x: x as number[], acquisition: acquisition as AcquisitionName, lengthScale: ls as number | null };
}

/** The posterior, the three acquisitions and the next point for one state. */
export function exploreBo1d(raw: unknown): Bo1dExplorerResult {
  const s = checkBo1dExplorerState(raw);
  const f = BO1D_OBJECTIVES[s.objective].f;
  const res = BO1D_EXPLORER_LIMITS.resolution;
  const t = Array.from({ length: res }, (_, i) => i / (res - 1));
  const y = s.x.map(f);
  const hyperparameters = s.lengthScale === null ? undefined : { lengthScales: [s.lengthScale], signalVariance: FIXED_SIGNAL_VARIANCE, noiseVariance: FIXED_NOISE_VARIANCE };
  const { gp, mean, std } = posteriorOnGrid(t, s.x, y, "matern52", hyperparameters);
  const best = Math.max(...y);
  const acquisitions = {} as Record<AcquisitionName, number[]>;
  const argmax = {} as Record<AcquisitionName, number>;
  for (const n of ACQUISITION_NAMES) {
    const a = acquisitionFunction(n);
    const v = mean.map((m, i) => a(m, std[i], best));
    let j = 0;
    for (let i = 1; i < v.length; i++) if (v[i] > v[j]) j = i;
    acquisitions[n] = v;
    argmax[n] = t[j];
  }
  return {
    objective: s.objective, acquisition: s.acquisition, t, truth: t.map(f), x: s.x.slice(), y, mean, std,
    lower: mean.map((m, i) => m - 2 * std[i]), upper: mean.map((m, i) => m + 2 * std[i]),
    best, acquisitions, argmax, next: argmax[s.acquisition], hyperparameters: (gp as GaussianProcess).hyperparameters,
    fitted: s.lengthScale === null, logMarginalLikelihood: gp.logMarginalLikelihood,
  };
}
