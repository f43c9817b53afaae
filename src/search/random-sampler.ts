/**
 * Random search, the book's method: each parameter uniform in its range (in
 * log10 for log-scaled ones), independently for every trial.
 */
import { fromUnit, Params } from "./space";
import { Sampler, SamplerContext, trialRng } from "./sampler";

export const RANDOM_STREAM = 1;

/** A uniform point of the unit cube for trial `number` (shared by the BO's initial design). */
export function randomUnitPoint(seed: number, number: number, dim: number): number[] {
  const rng = trialRng(seed, number, RANDOM_STREAM);
  return Array.from({ length: dim }, () => rng.random());
}

export class RandomSampler implements Sampler {
  readonly name = "random";
  readonly config = {};

  sample(ctx: SamplerContext): Params {
    return fromUnit(ctx.space, randomUnitPoint(ctx.seed, ctx.number, Object.keys(ctx.space).length));
  }
}
