/**
 * A finished trial, as stored one per line in the study log and handed to
 * samplers and plots (Optuna calls it FrozenTrial). Only finished trials exist
 * here: a trial that was running when the process died left no record and is
 * simply run again on resume.
 */
import type { Params } from "./space";

export type TrialState = "complete" | "failed";

export interface FrozenTrial {
  number: number;
  state: TrialState;
  params: Params;
  /** The seed the objective received (derived from the study seed and `number`). */
  seed: number;
  /** The objective value (validation accuracy); null when the trial failed. */
  score: number | null;
  /** Why a failed trial failed, e.g. "loss became NaN at iteration 37". */
  reason?: string;
  /** Learning curves the objective reported, e.g. { trainAcc: […], valAcc: […] }. */
  curves?: Record<string, number[]>;
  /** Time the objective took (wall clock). */
  durationMs: number;
  /** Time the sampler took to propose the parameters (GP fit + acquisition for BO). */
  samplerMs?: number;
  /** ISO time when the trial finished. */
  finishedAt?: string;
}

export function isComplete(t: FrozenTrial): t is FrozenTrial & { score: number } {
  return t.state === "complete" && typeof t.score === "number" && Number.isFinite(t.score);
}

/** The complete trial with the highest score (first one on ties), or null. */
export function bestTrial(trials: readonly FrozenTrial[]): FrozenTrial | null {
  let best: FrozenTrial | null = null;
  for (const t of trials) if (isComplete(t) && (best === null || t.score > (best.score as number))) best = t;
  return best;
}

/** Wall time of a trial: the sampler's proposal plus the objective. */
export function trialSeconds(t: FrozenTrial): number {
  return (t.durationMs + (t.samplerMs ?? 0)) / 1000;
}

/** Best score after each trial in order (failed trials keep the previous best; NaN before any). */
export function bestSoFar(trials: readonly FrozenTrial[]): number[] {
  let best = -Infinity;
  return trials.map((t) => {
    if (isComplete(t) && t.score > best) best = t.score;
    return best === -Infinity ? NaN : best;
  });
}
