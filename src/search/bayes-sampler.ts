/**
 * Bayesian optimisation (GP sampler): fit a Gaussian process to the trials so
 * far, then propose the point that maximises an acquisition function (EI by
 * default). The first `nInitial` trials are random (the same points as the
 * RandomSampler with the same seed), since a GP on one or two points says little.
 *
 * Inputs are the unit-cube coordinates of space.ts, i.e. log10 lr and log10
 * weight decay rescaled to [0, 1]. A failed (diverged) trial enters the GP with
 * the worst score observed so far, so the search learns to stay away from it.
 * The acquisition is maximised over seeded random candidates, extra candidates
 * around the best trials, and a short Nelder–Mead polish of the winner.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { RNG } from "../core/rng";
import { AcquisitionName, acquisitionFunction, checkAcquisitionName } from "./acquisition";
import { GaussianProcess } from "./gaussian-process";
import { checkKernelName, KernelName } from "./kernel";
import { nelderMead } from "./nelder-mead";
import { randomUnitPoint } from "./random-sampler";
import { Sampler, SamplerContext, trialRng } from "./sampler";
import { fromUnit, Params, toUnit } from "./space";
import { isComplete } from "./trial";

export interface BayesSamplerOptions {
  acquisition?: AcquisitionName;
  kernel?: KernelName;
  /** Random trials before the GP takes over (default 5). */
  nInitial?: number;
  /** Uniform random candidates for maximising the acquisition (default 1000). */
  nCandidates?: number;
  /** ξ of EI/PI. */
  xi?: number;
  /** κ of UCB. */
  kappa?: number;
  /** Random restarts of the GP hyperparameter fit (default 2). */
  restarts?: number;
}

export interface BayesStep {
  gp: GaussianProcess;
  /** f⁺: the best observed score. */
  best: number;
  /** The proposal in the unit cube and its acquisition value. */
  next: number[];
  acquisitionValue: number;
  acquisition: (mean: number, std: number, best: number) => number;
}

const GP_STREAM = 2;
const CANDIDATE_STREAM = 3;

export class BayesSampler implements Sampler {
  readonly name = "bayes";
  readonly config: Required<Omit<BayesSamplerOptions, "xi" | "kappa">> & { xi?: number; kappa?: number };

  constructor(options: BayesSamplerOptions = {}) {
    const nInitial = options.nInitial ?? 5;
    const nCandidates = options.nCandidates ?? 1000;
    const restarts = options.restarts ?? 2;
    assertInteger("nInitial", nInitial, 1);
    assertInteger("nCandidates", nCandidates, 1);
    assertInteger("restarts", restarts, 0);
    this.config = {
      acquisition: checkAcquisitionName(options.acquisition ?? "ei"),
      kernel: checkKernelName(options.kernel ?? "matern52"),
      nInitial,
      nCandidates,
      restarts,
    };
    if (options.xi !== undefined) this.config.xi = options.xi;
    if (options.kappa !== undefined) this.config.kappa = options.kappa;
    acquisitionFunction(this.config.acquisition, options); // validates ξ, κ early
  }

  sample(ctx: SamplerContext): Params {
    const dim = Object.keys(ctx.space).length;
    const completes = ctx.trials.filter(isComplete);
    if (ctx.number < this.config.nInitial || completes.length < 2) {
      return fromUnit(ctx.space, randomUnitPoint(ctx.seed, ctx.number, dim));
    }
    return fromUnit(ctx.space, this.step(ctx).next);
  }

  /** The surrogate and the acquisition behind the proposal for `ctx.number` (for plots). */
  step(ctx: SamplerContext): BayesStep {
    const completes = ctx.trials.filter(isComplete);
    if (completes.length < 1) throw new ArgumentError("trials", "at least one complete trial", ctx.trials);
    const worst = Math.min(...completes.map((t) => t.score));
    const x: number[][] = [];
    const y: number[] = [];
    for (const t of ctx.trials) {
      x.push(toUnit(ctx.space, t.params));
      y.push(isComplete(t) ? t.score : worst);
    }
    const gp = GaussianProcess.fit(x, y, {
      kernel: this.config.kernel,
      restarts: this.config.restarts,
      rng: trialRng(ctx.seed, ctx.number, GP_STREAM),
    });
    const best = Math.max(...completes.map((t) => t.score));
    const acquisition = acquisitionFunction(this.config.acquisition, this.config);
    const top = completes
      .slice()
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((t) => toUnit(ctx.space, t.params));
    const rng = trialRng(ctx.seed, ctx.number, CANDIDATE_STREAM);
    const { point, value } = maximizeAcquisition(gp, acquisition, best, rng, this.config.nCandidates, top);
    return { gp, best, next: point, acquisitionValue: value, acquisition };
  }
}

/** argmax of the acquisition over the unit cube (random candidates + local polish). */
export function maximizeAcquisition(
  gp: GaussianProcess,
  acquisition: (mean: number, std: number, best: number) => number,
  best: number,
  rng: RNG,
  nCandidates: number,
  around: number[][] = [],
): { point: number[]; value: number } {
  const dim = gp.dim;
  const score = (p: number[]): number => {
    const post = gp.predict(p);
    return acquisition(post.mean, post.std, best);
  };
  let bestPoint: number[] = [];
  let bestValue = -Infinity;
  const consider = (p: number[]): void => {
    const v = score(p);
    if (v > bestValue) {
      bestValue = v;
      bestPoint = p;
    }
  };
  for (let i = 0; i < nCandidates; i++) consider(Array.from({ length: dim }, () => rng.random()));
  for (const c of around) {
    for (let i = 0; i < 50; i++) consider(c.map((v) => Math.min(1, Math.max(0, v + rng.normal(0, 0.05)))));
  }
  const lower = new Array<number>(dim).fill(0);
  const upper = new Array<number>(dim).fill(1);
  const polished = nelderMead((p) => -score(p), bestPoint, { lower, upper, step: 0.02, maxEvaluations: 40 * dim });
  if (-polished.value > bestValue) return { point: polished.x, value: -polished.value };
  return { point: bestPoint, value: bestValue };
}
