/**
 * The sampler contract. A sampler proposes the parameters of trial `number`
 * from the finished trials before it. Samplers here are deterministic
 * functions of (study seed, trial number, history): an interrupted study that
 * resumes proposes exactly what an uninterrupted one would have.
 */
import { RNG } from "../core/rng";
import type { Params, SearchSpace } from "./space";
import type { FrozenTrial } from "./trial";

export interface SamplerContext {
  space: SearchSpace;
  /** Finished trials with a smaller number, in order. */
  trials: readonly FrozenTrial[];
  number: number;
  /** The study seed. */
  seed: number;
}

export interface Sampler {
  readonly name: string;
  /** The sampler's settings; recorded in the study log so a resume can check them. */
  readonly config: Record<string, unknown>;
  /** Parameters for trial `ctx.number`, or undefined when the sampler has nothing left (grid done). */
  sample(ctx: SamplerContext): Params | undefined;
}

/** An integer seed in [0, 2^52) mixed from integers (a 2×32-bit murmur-style hash). */
export function deriveSeed(...parts: number[]): number {
  let h1 = 0x9e3779b9;
  let h2 = 0x85ebca6b;
  for (const p of parts) {
    const lo = p >>> 0;
    const hi = Math.floor(p / 2 ** 32) >>> 0;
    for (const w of [lo, hi]) {
      h1 = Math.imul(h1 ^ w, 0xcc9e2d51);
      h1 = (h1 << 15) | (h1 >>> 17);
      h2 = Math.imul(h2 ^ h1, 0x1b873593);
      h2 = (h2 << 13) | (h2 >>> 19);
      h1 = (h1 + h2) | 0;
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) >>> 0;
  return (h2 & 0xfffff) * 2 ** 32 + h1;
}

/** The generator of trial `number` for one purpose (`stream`) of a sampler. */
export function trialRng(seed: number, number: number, stream: number): RNG {
  return new RNG(deriveSeed(seed, number, stream));
}

/** The seed handed to the objective of trial `number` (e.g. weight init and mini-batches). */
export function objectiveSeed(seed: number, number: number): number {
  return deriveSeed(seed, number, 0x5eed) % 2 ** 31;
}
