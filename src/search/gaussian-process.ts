/**
 * Gaussian-process regression: the surrogate model of Bayesian optimisation.
 *
 * Prior  f ~ GP(0, k),  observations  y_i = f(x_i) + ε_i,  ε_i ~ N(0, σ_n²).
 * With K = k(X, X) + σ_n² I = L Lᵀ and α = K⁻¹y, the posterior at a point x* is
 *
 *   μ(x*)  = k*ᵀ α
 *   σ²(x*) = k(x*, x*) − k*ᵀ K⁻¹ k*  =  s² − ‖L⁻¹ k*‖²
 *
 * Inputs are expected in the unit cube (the search space maps log-scaled
 * hyperparameters there, see space.ts). Outputs are standardised (zero mean,
 * unit variance) before fitting and mapped back by `predict`, so the kernel
 * hyperparameters live on a fixed scale. When not given, the hyperparameters
 * θ = (ℓ_1…ℓ_d, s², σ_n²) maximise the log marginal likelihood
 *
 *   log p(y | X, θ) = −½ yᵀK⁻¹y − Σ log L_ii − (n/2) log 2π
 *
 * (data fit + complexity penalty), plus weak log-normal priors on θ (a MAP
 * estimate, as BoTorch does with its Gamma priors): with 2–5 points the bare
 * likelihood happily explains everything by a tiny length scale or by noise;
 * the priors keep ℓ near a quarter of the unit cube until the data say
 * otherwise. Searched in log θ with Nelder–Mead from a default start and a
 * few seeded random restarts inside fixed bounds.
 */
import { ArgumentError, assertAllFinite } from "../core/errors";
import { exp, log } from "../core/libm";
import { RNG } from "../core/rng";
import { choleskySolve, choleskyWithJitter, logDetFromCholesky, solveLower } from "./cholesky";
import { KernelName, checkKernelName, gramMatrix, kernel } from "./kernel";
import { nelderMead } from "./nelder-mead";

export interface GPHyperparameters {
  lengthScales: number[];
  /** s², in units of the standardised outputs. */
  signalVariance: number;
  /** σ_n², in units of the standardised outputs. */
  noiseVariance: number;
}

export interface GPOptions {
  kernel?: KernelName;
  /** Fixed hyperparameters (standardised units); fitted by marginal likelihood when omitted. */
  hyperparameters?: GPHyperparameters;
  /** Random restarts of the likelihood fit besides the default start. */
  restarts?: number;
  /** Seeded generator for the restarts (default: a fixed seed). */
  rng?: RNG;
  /** Standardise y before fitting (default true). */
  normalizeY?: boolean;
  /** Add the log-normal priors of LOG_PRIORS to the likelihood when fitting (default true). */
  priors?: boolean;
}

export interface Posterior {
  mean: number;
  variance: number;
  std: number;
}

/** Box of the fitted hyperparameters, natural log. */
export const LOG_BOUNDS = {
  lengthScale: [log(0.02), log(5)],
  signalVariance: [log(0.05), log(20)],
  noiseVariance: [log(1e-8), log(2)],
} as const;

/** Log-normal priors: log θ ~ N(mean, sd²) (natural log, standardised-output units). */
export const LOG_PRIORS = {
  lengthScale: { mean: log(0.25), sd: 0.75 },
  signalVariance: { mean: 0, sd: 1 },
  noiseVariance: { mean: log(1e-3), sd: 2.5 },
} as const;

export class GaussianProcess {
  readonly kernel: KernelName;
  readonly dim: number;
  readonly hyperparameters: GPHyperparameters;
  /** log p(y | X, θ) of the standardised data at the chosen θ. */
  readonly logMarginalLikelihood: number;
  readonly yMean: number;
  readonly yStd: number;
  private readonly l: Float64Array;
  private readonly alpha: Float64Array;

  private constructor(
    readonly x: number[][],
    readonly y: number[],
    kernelName: KernelName,
    hp: GPHyperparameters,
    yMean: number,
    yStd: number,
  ) {
    this.kernel = kernelName;
    this.dim = x.length ? x[0].length : hp.lengthScales.length;
    this.hyperparameters = hp;
    this.yMean = yMean;
    this.yStd = yStd;
    const yn = y.map((v) => (v - yMean) / yStd);
    const fit = factorise(kernelName, x, yn, hp);
    this.l = fit.l;
    this.alpha = fit.alpha;
    this.logMarginalLikelihood = fit.logML;
  }

  /** Conditions the GP on (x_i, y_i); fits the hyperparameters unless given. */
  static fit(x: number[][], y: number[], options: GPOptions = {}): GaussianProcess {
    const kernelName = checkKernelName(options.kernel ?? "matern52");
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) {
      throw new ArgumentError("x, y", "arrays of the same length", `${x?.length} and ${y?.length}`);
    }
    if (x.length === 0) throw new ArgumentError("x", "at least one observation", x);
    const d = x[0].length;
    if (d < 1) throw new ArgumentError("x[0]", "a point with at least one coordinate", x[0]);
    x.forEach((p, i) => {
      if (p.length !== d) throw new ArgumentError(`x[${i}]`, `${d} coordinates like x[0]`, p);
      assertAllFinite(`x[${i}]`, p);
    });
    assertAllFinite("y", y);

    const normalize = options.normalizeY ?? true;
    const n = y.length;
    const yMean = normalize ? y.reduce((a, b) => a + b, 0) / n : 0;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - yMean) ** 2, 0) / n);
    const yStd = normalize && sd > 1e-12 ? sd : 1;
    const yn = y.map((v) => (v - yMean) / yStd);

    let hp = options.hyperparameters;
    if (hp) {
      if (hp.lengthScales.length !== d) throw new ArgumentError("hyperparameters.lengthScales", `${d} length scales`, hp.lengthScales);
      for (const v of [...hp.lengthScales, hp.signalVariance]) {
        if (!(v > 0)) throw new ArgumentError("hyperparameters", "positive length scales and signal variance", v);
      }
      if (!(hp.noiseVariance >= 0)) throw new ArgumentError("hyperparameters.noiseVariance", "a number >= 0", hp.noiseVariance);
    } else {
      hp = fitHyperparameters(kernelName, x, yn, options.restarts ?? 2, options.rng ?? new RNG(0), options.priors ?? true);
    }
    return new GaussianProcess(
      x.map((p) => p.slice()),
      y.slice(),
      kernelName,
      hp,
      yMean,
      yStd,
    );
  }

  /** Posterior of the latent f at x* (original units of y). */
  predict(xs: ArrayLike<number>): Posterior {
    if (xs.length !== this.dim) throw new ArgumentError("x", `a point with ${this.dim} coordinates`, xs);
    const n = this.x.length;
    const hp = this.hyperparameters;
    const ks = new Float64Array(n);
    for (let i = 0; i < n; i++) ks[i] = kernel(this.kernel, hp, xs, this.x[i]);
    let mu = 0;
    for (let i = 0; i < n; i++) mu += ks[i] * this.alpha[i];
    const v = solveLower(this.l, n, ks);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    const varN = Math.max(0, hp.signalVariance - vv);
    const variance = varN * this.yStd * this.yStd;
    return { mean: this.yMean + this.yStd * mu, variance, std: Math.sqrt(variance) };
  }

  predictMany(points: ArrayLike<number>[]): Posterior[] {
    return points.map((p) => this.predict(p));
  }

  /** σ_n² in original units of y. */
  get noiseVariance(): number {
    return this.hyperparameters.noiseVariance * this.yStd * this.yStd;
  }
}

interface Factorisation {
  l: Float64Array;
  alpha: Float64Array;
  logML: number;
}

function factorise(name: KernelName, x: number[][], yn: number[], hp: GPHyperparameters): Factorisation {
  const n = x.length;
  const k = gramMatrix(name, hp, x);
  for (let i = 0; i < n; i++) k[i * n + i] += hp.noiseVariance;
  const { l } = choleskyWithJitter(k, n);
  const alpha = choleskySolve(l, n, yn);
  let fit = 0;
  for (let i = 0; i < n; i++) fit += yn[i] * alpha[i];
  const logML = -0.5 * fit - 0.5 * logDetFromCholesky(l, n) - 0.5 * n * log(2 * Math.PI);
  return { l, alpha, logML };
}

function unpack(theta: number[], d: number): GPHyperparameters {
  return {
    lengthScales: theta.slice(0, d).map(exp),
    signalVariance: exp(theta[d]),
    noiseVariance: exp(theta[d + 1]),
  };
}

/** log N(v; mean, sd²) up to a constant. */
const logNormal = (v: number, p: { mean: number; sd: number }): number => -0.5 * ((v - p.mean) / p.sd) ** 2;

/** Maximises log p(y | X, θ) (+ log prior) over log θ in LOG_BOUNDS. */
export function fitHyperparameters(
  name: KernelName,
  x: number[][],
  yn: number[],
  restarts: number,
  rng: RNG,
  priors = true,
): GPHyperparameters {
  const d = x[0].length;
  const lower = [...new Array<number>(d).fill(LOG_BOUNDS.lengthScale[0]), LOG_BOUNDS.signalVariance[0], LOG_BOUNDS.noiseVariance[0]];
  const upper = [...new Array<number>(d).fill(LOG_BOUNDS.lengthScale[1]), LOG_BOUNDS.signalVariance[1], LOG_BOUNDS.noiseVariance[1]];
  const start = [...new Array<number>(d).fill(LOG_PRIORS.lengthScale.mean), LOG_PRIORS.signalVariance.mean, log(1e-2)];
  if (x.length < 2) return unpack(start, d);

  const logPrior = (theta: number[]): number => {
    if (!priors) return 0;
    let s = logNormal(theta[d], LOG_PRIORS.signalVariance) + logNormal(theta[d + 1], LOG_PRIORS.noiseVariance);
    for (let i = 0; i < d; i++) s += logNormal(theta[i], LOG_PRIORS.lengthScale);
    return s;
  };
  const negLogML = (theta: number[]): number => {
    try {
      return -factorise(name, x, yn, unpack(theta, d)).logML - logPrior(theta);
    } catch {
      return Infinity;
    }
  };
  let best = nelderMead(negLogML, start, { lower, upper, step: 0.15, maxEvaluations: 150 * (d + 2) });
  for (let r = 0; r < restarts; r++) {
    const x0 = lower.map((lo, i) => rng.uniform(lo, upper[i]));
    const res = nelderMead(negLogML, x0, { lower, upper, step: 0.15, maxEvaluations: 150 * (d + 2) });
    if (res.value < best.value) best = res;
  }
  return unpack(best.x, d);
}
