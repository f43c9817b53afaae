/**
 * Sweeps of §6.4 over seeds: the L2 strength λ (figure 6-21 is λ = 0.1, figure
 * 6-20 is λ = 0) and the dropout ratio (figure 6-23 is 0.2, figure 6-22 is 0),
 * each value one OverfitSeries, plus the final train − test gap per value.
 * Both sweeps share the λ = 0 / ratio 0 run (memoised, trained once).
 */
import { ArgumentError, assertFinite } from "../../core/errors";
import { currentBudget, type Budget } from "../../core/budget";
import type { OverfitConfig } from "./overfit";
import { overfitSeries, type MeanStd, type OverfitSeedOptions, type OverfitSeries } from "./overfit-seeds";
import { bookOverfit, type OverfitData } from "../../data/reference";
import { regularizationSettings } from "./settings";

export interface SweepPoint {
  value: number;
  trainAcc: MeanStd;
  testAcc: MeanStd;
  gap: MeanStd;
}

export interface RegularizationSweep {
  budget: Budget;
  /** "weightDecayLambda" or "dropoutRatio". */
  parameter: "weightDecayLambda" | "dropoutRatio";
  values: number[];
  seeds: number[];
  epochs: number;
  testSize: number;
  series: OverfitSeries[];
  points: SweepPoint[];
  /** The book's recorded run for this figure (λ = 0.1 / ratio 0.2), and which value it belongs to. */
  book: { value: number; data: OverfitData };
}

function checkValues(name: string, values: number[], max: number): void {
  if (!Array.isArray(values) || values.length === 0) throw new ArgumentError(name, "a non-empty array of numbers", values);
  values.forEach((v, i) => {
    assertFinite(`${name}[${i}]`, v);
    if (v < 0 || v >= max) throw new ArgumentError(`${name}[${i}]`, `a number in [0, ${max})`, v);
  });
}

function sweep(
  parameter: RegularizationSweep["parameter"], values: number[], label: (v: number) => string,
  config: (v: number) => OverfitConfig, book: RegularizationSweep["book"], o: OverfitSeedOptions,
): RegularizationSweep {
  const budget = o.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const opts = { ...o, budget, seeds: o.seeds ?? s.seeds, epochs: o.epochs ?? s.epochs, testSize: o.testSize ?? s.testSize };
  const series = values.map((v) => overfitSeries(`${parameter}=${v}`, label(v), config(v), opts));
  return {
    budget,
    parameter,
    values: [...values],
    seeds: series[0].runs.map((r) => r.seed),
    epochs: opts.epochs,
    testSize: opts.testSize,
    series,
    points: series.map((x, i) => ({ value: values[i], trainAcc: x.trainAcc, testAcc: x.testAcc, gap: x.gap })),
    book,
  };
}

/** L2 weight decay ½λ‖W‖² for each λ (default: the budget's list, which includes 0 and the book's 0.1). */
export function weightDecaySweep(options: OverfitSeedOptions & { lambdas?: number[] } = {}): RegularizationSweep {
  const s = regularizationSettings(options.budget ?? currentBudget());
  const lambdas = options.lambdas ?? s.lambdas;
  checkValues("lambdas", lambdas, Infinity);
  return sweep("weightDecayLambda", lambdas, (v) => `λ = ${v}`, (v) => ({ weightDecayLambda: v }),
    { value: s.bookLambda, data: bookOverfit("weight_decay") }, options);
}

/** Dropout (the book's form) for each ratio; ratio 0 is the plain net (no Dropout layers). */
export function dropoutSweep(options: OverfitSeedOptions & { ratios?: number[] } = {}): RegularizationSweep {
  const s = regularizationSettings(options.budget ?? currentBudget());
  const ratios = options.ratios ?? s.dropoutRatios;
  checkValues("ratios", ratios, 1);
  return sweep("dropoutRatio", ratios, (v) => (v === 0 ? "Dropout なし" : `ratio = ${v}`), (v) => ({ dropoutRatio: v }),
    { value: s.bookDropout, data: bookOverfit("dropout") }, options);
}
