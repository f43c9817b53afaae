/**
 * The MNIST comparison (figure 6-9) as drawable numbers: per optimizer the
 * book's smoothed loss curve, averaged over seeds, with the seed-to-seed range
 * as a band; and the "book vs ours" rows at one printed iteration.
 */
import { ArgumentError } from "../../core/errors";
import type { OptimizerMnistSeries } from "../../experiments/optimizers/mnist";
import type { LossCurves } from "../../data/reference";
import { type SeedBand, seedBand, smoothFinitePrefix } from "../seed-band";

/** What the figure and the table read of a series of src/experiments/optimizers/mnist.ts (any optimizer name). */
export type LossSeries = Pick<OptimizerMnistSeries, "runs"> & { name: string };

/** The seeds' smoothed curves as a mean line and a min–max band (SeedBand), per optimizer. */
export interface LossBandInfo extends SeedBand {
  name: string;
  /** Iteration numbers 0 … n−1. */
  x: number[];
  seeds: number;
  /** Seeds whose run diverged (their curve stops there). */
  diverged: number[];
}

/**
 * Smooth each seed's loss with `smooth` (the book's smooth_curve), then take
 * mean / min / max over the seeds at every iteration. A diverged run
 * contributes its finite prefix only.
 */
export function lossBandInfo(series: LossSeries, smooth: (xs: number[]) => number[]): LossBandInfo {
  if (!series || !Array.isArray(series.runs) || series.runs.length === 0) {
    throw new ArgumentError("series.runs", "at least one run", series?.runs);
  }
  const n = Math.max(...series.runs.map((r) => r.loss.length));
  const { mean, lower, upper } = seedBand(series.runs.map((r) => smoothFinitePrefix(r.loss, smooth)), n);
  return {
    name: series.name, x: Array.from({ length: n }, (_, i) => i), mean, lower, upper,
    seeds: series.runs.length, diverged: series.runs.filter((r) => r.divergedAt !== null).map((r) => r.seed),
  };
}

/** The book's printed losses (src/data/reference.ts). */
export type BookCurves = LossCurves<string>;

export interface BookVsOursRow {
  optimizer: string;
  iteration: number;
  /** The book's printed loss at that iteration (one unseeded run), or null if the book does not run it. */
  book: number | null;
  /** Our raw mini-batch loss at that iteration: mean, min and max over seeds. */
  oursMean: number;
  oursMin: number;
  oursMax: number;
  /** Mean over seeds of the smoothed curve at that iteration (what the figure shows). */
  oursSmoothed: number | null;
  trainAcc: number;
  testAcc: number;
}

/**
 * The printed iteration to compare at: the book's 1900 when we ran that far,
 * else the last printed iteration (0, 100, 200, …) we have.
 */
export function comparisonIteration(book: BookCurves, iterations: number): number {
  const ok = book.iterations.filter((i) => i < iterations);
  if (ok.length === 0) throw new ArgumentError("iterations", `more than ${book.iterations[0]} to compare with the book`, iterations);
  return ok[ok.length - 1];
}

export function bookVsOursRows(
  series: LossSeries[], book: BookCurves, iterations: number, smooth: (xs: number[]) => number[], at?: number,
): BookVsOursRow[] {
  const it = at ?? comparisonIteration(book, iterations);
  const k = book.iterations.indexOf(it);
  if (k < 0) throw new ArgumentError("at", `one of the book's printed iterations (${book.iterations.join(", ")})`, at);
  return series.map((s) => {
    const vals = s.runs.map((r) => r.loss[it]);
    const finite = vals.filter(Number.isFinite);
    const band = lossBandInfo(s, smooth);
    const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    return {
      optimizer: s.name,
      iteration: it,
      book: book.loss[s.name] ? book.loss[s.name][k] : null,
      oursMean: mean(finite),
      oursMin: finite.length ? Math.min(...finite) : NaN,
      oursMax: finite.length ? Math.max(...finite) : NaN,
      oursSmoothed: band.mean[it] ?? null,
      trainAcc: mean(s.runs.map((r) => r.trainAcc)),
      testAcc: mean(s.runs.map((r) => r.testAcc)),
    };
  });
}
