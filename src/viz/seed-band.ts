/**
 * Curves over several seeds drawn as one line and a band: the pointwise mean,
 * minimum and maximum of the seeds' (smoothed) curves. A diverged run stops
 * at its divergence, so later points average over the seeds still running.
 */
import { smoothCurve } from "../train/smooth-curve";

export interface SeedBand {
  /** Pointwise mean over the seeds that have a finite value there (null where none has). */
  mean: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

/** The book's smooth_curve over the finite prefix of a loss curve ([] when it starts at NaN/∞). */
export function smoothFinitePrefix(loss: readonly number[], smooth: (xs: number[]) => number[] = smoothCurve): number[] {
  let n = 0;
  while (n < loss.length && Number.isFinite(loss[n])) n++;
  return n > 0 ? smooth(loss.slice(0, n)) : [];
}

/** Mean / min / max over `curves` at each index 0 … length−1. */
export function seedBand(curves: readonly (readonly number[])[], length: number): SeedBand {
  const mean: (number | null)[] = [], lower: (number | null)[] = [], upper: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    const vs = curves.filter((c) => i < c.length && Number.isFinite(c[i])).map((c) => c[i]);
    mean.push(vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : null);
    lower.push(vs.length ? Math.min(...vs) : null);
    upper.push(vs.length ? Math.max(...vs) : null);
  }
  return { mean, lower, upper };
}
