/**
 * One configuration of the overfitting experiment over several seeds: the
 * per-epoch mean ± standard deviation the notebook draws as a band (the book
 * shows one unseeded run). Runs are memoised per process, so the summary
 * table reuses the runs of the sweeps instead of training them again.
 */
import { assertInteger } from "../../core/errors";
import { currentBudget, type Budget } from "../../core/budget";
import { overfitDefaults, overfitRun, resolveConfig, type OverfitConfig, type OverfitRun, type ResolvedOverfitConfig } from "./overfit";

export interface OverfitSeedOptions {
  budget?: Budget;
  /** First seed; runs use seed, seed + 1, … (default 0). */
  seed?: number;
  /** Number of seeds (default from regularizationSettings: FAST 1, FULL 3). */
  seeds?: number;
  epochs?: number;
  testSize?: number;
  /** Called before each run that is not memoised yet. */
  onRun?: (label: string, seed: number) => void;
}

export interface MeanStd {
  mean: number;
  std: number;
}

export interface OverfitSeries {
  key: string;
  label: string;
  config: ResolvedOverfitConfig;
  runs: OverfitRun[];
  /** 0 … the longest run's last epoch. */
  epochs: number[];
  /** Per epoch over the runs that reached it (early stopping ends runs at different epochs). */
  trainMean: number[];
  trainStd: number[];
  testMean: number[];
  testStd: number[];
  /** Over seeds, of each run's final accuracies (early stopping: the restored weights). */
  trainAcc: MeanStd;
  testAcc: MeanStd;
  gap: MeanStd;
  zeroWeightFraction: MeanStd;
  nearZeroFraction: MeanStd;
}

/** Mean and (population) standard deviation of the finite values; NaN when there are none. */
export function meanStd(xs: readonly number[]): MeanStd {
  const v = xs.filter(Number.isFinite);
  if (v.length === 0) return { mean: NaN, std: NaN };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  return { mean, std: Math.sqrt(variance) };
}

const memo = new Map<string, OverfitRun>();

/** Forget memoised runs (tests; a notebook that changed src). */
export function clearOverfitMemo(): void {
  memo.clear();
}

/** overfitRun with the final weights kept, memoised on (config, seed, sizes, budget). */
export function memoOverfitRun(config: OverfitConfig, seed: number, o: { budget: Budget; epochs: number; testSize: number }): OverfitRun {
  const key = JSON.stringify([resolveConfig(config), seed, o.budget, o.epochs, o.testSize]);
  let run = memo.get(key);
  if (!run) {
    run = overfitRun({ ...config, seed, budget: o.budget, epochs: o.epochs, testSize: o.testSize, keepWeights: true });
    memo.set(key, run);
  }
  return run;
}

/** Put a run computed elsewhere (a record's worker process) into the memo, as if memoOverfitRun had made it. */
export function primeOverfitRun(config: OverfitConfig, seed: number, o: { budget: Budget; epochs: number; testSize: number }, run: OverfitRun): void {
  memo.set(JSON.stringify([resolveConfig(config), seed, o.budget, o.epochs, o.testSize]), run);
}

export function isMemoised(config: OverfitConfig, seed: number, o: { budget: Budget; epochs: number; testSize: number }): boolean {
  return memo.has(JSON.stringify([resolveConfig(config), seed, o.budget, o.epochs, o.testSize]));
}

/** Seeds used by default: FAST 1, FULL 3. */
export function defaultSeeds(budget: Budget): number {
  return budget === "full" ? 3 : 1;
}

export function overfitSeries(key: string, label: string, config: OverfitConfig, options: OverfitSeedOptions = {}): OverfitSeries {
  const budget = options.budget ?? currentBudget();
  const d = overfitDefaults(budget);
  const { seed = 0, seeds = defaultSeeds(budget), epochs = d.epochs, testSize = d.testSize, onRun } = options;
  assertInteger("seed", seed, 0);
  assertInteger("seeds", seeds, 1);
  const sizes = { budget, epochs, testSize };
  const runs: OverfitRun[] = [];
  for (let s = seed; s < seed + seeds; s++) {
    if (onRun && !isMemoised(config, s, sizes)) onRun(label, s);
    runs.push(memoOverfitRun(config, s, sizes));
  }
  const length = Math.max(...runs.map((r) => r.epochs.length));
  const at = (pick: (r: OverfitRun) => number[], e: number): number[] => runs.filter((r) => e < pick(r).length).map((r) => pick(r)[e]);
  const train = Array.from({ length }, (_, e) => meanStd(at((r) => r.trainAcc, e)));
  const test = Array.from({ length }, (_, e) => meanStd(at((r) => r.testAcc, e)));
  return {
    key,
    label,
    config: runs[0].config,
    runs,
    epochs: Array.from({ length }, (_, e) => e),
    trainMean: train.map((m) => m.mean),
    trainStd: train.map((m) => m.std),
    testMean: test.map((m) => m.mean),
    testStd: test.map((m) => m.std),
    trainAcc: meanStd(runs.map((r) => r.final.trainAcc)),
    testAcc: meanStd(runs.map((r) => r.final.testAcc)),
    gap: meanStd(runs.map((r) => r.final.gap)),
    zeroWeightFraction: meanStd(runs.map((r) => r.zeroWeightFraction)),
    nearZeroFraction: meanStd(runs.map((r) => r.nearZeroFraction)),
  };
}
