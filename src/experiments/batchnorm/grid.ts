/**
 * 図6-19 (batch_norm_test.py): 16 weight scales, np.logspace(0, −4, 16), each
 * trained with and without Batch Normalization; train accuracy per epoch.
 *
 * FULL = the book's sizes (16 scales × 20 epochs) over 3 seeds; FAST = 4 of the
 * book's 16 scales (1, 0.0464, 0.00215, 0.0001) × 10 epochs, 1 seed. Every
 * scale of one seed starts from the same random numbers (RNG(seed) is rebuilt
 * per scale: the same N(0,1) draws, scaled, and the same mini-batches), so two
 * panels differ by the weight scale alone, and a scale's numbers do not depend
 * on which other scales were asked for. Seeds are seed, seed+1, ….
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";
import { currentBudget, byBudget, type Budget } from "../../core/budget";
import { bookBatchNormData } from "./data";
import { bookTrainSettings, trainBookPair, type BookTrainSettings, type PairRun } from "./train";
import { SEED_ROWS, defineCli } from "../../cli/experiment";
import { bookBatchNormGrid as bookGrid } from "../../data/reference";

/** The book's 16 scales, exactly as NumPy printed them (data/reference/batch_norm_test.json). */
export function bookWeightScales(): number[] {
  return bookGrid().weightScales;
}

/** Indices into the book's 16 scales used by FAST: 1, 0.0464, 0.00215, 0.0001. */
export const FAST_SCALE_INDICES: readonly number[] = [0, 5, 10, 15];

export interface BatchNormGridOptions extends BookTrainSettings {
  /** Weight scales (default: the budget's subset of the book's 16). */
  scales?: number[];
  /** Alias of maxEpochs, as the CLI spells it (default 10 FAST, 20 FULL). */
  epochs?: number;
  /** First seed (default 0). */
  seed?: number;
  /** How many seeds to average (default 1 FAST, 3 FULL). */
  seeds?: number;
  /** Training samples, the first n of MNIST (default 1000). */
  trainSize?: number;
  budget?: Budget;
  /** Called after each (seed, scale) run: for progress lines. */
  onRun?: (done: number, total: number, run: PairRun) => void;
}

/** One seed's curves for one scale (the run's numbers, trimmed for JSON). */
export interface GridRun {
  seed: number;
  scale: number;
  withBN: number[];
  withoutBN: number[];
  /** First epoch whose mini-batch loss was NaN/±∞, or null. */
  divergedWithBN: number | null;
  divergedWithoutBN: number | null;
}

export interface BatchNormGridResult {
  budget: Budget;
  seed: number;
  seeds: number[];
  scales: number[];
  /** Epoch labels 0, 1, … like the book's printout. */
  epochs: number[];
  /** Updates done at each epoch point (1, 11, 21, …). */
  updates: number[];
  /** withBN[s][e]: train accuracy WITH BN, mean over seeds. */
  withBN: number[][];
  /** withoutBN[s][e]: train accuracy WITHOUT BN, mean over seeds. */
  withoutBN: number[][];
  /** Per-seed runs, seed-major then scale. */
  runs: GridRun[];
  settings: { trainSize: number; batchSize: number; learningRate: number; hiddenSizeList: number[] };
  /** Wall-clock seconds of the whole grid (informational, never asserted). */
  seconds: number;
}

function mean(rows: number[][]): number[] {
  return rows[0].map((_, e) => rows.reduce((s, r) => s + r[e], 0) / rows.length);
}

export interface BatchNormGridPlan {
  budget: Budget;
  scales: number[];
  seed: number;
  seeds: number[];
  settings: ReturnType<typeof bookTrainSettings>;
  /** (seed, scale) runs, each training two nets. */
  runs: number;
}

/** The budget's defaults (FAST / FULL) of the options that depend on it. */
export function batchNormGridDefaults(budget: Budget) {
  return { epochs: byBudget(budget, 10, 20), seeds: byBudget(budget, 1, 3) };
}

/** The resolved, checked settings of a grid (what batchNormGrid will run), without running it. */
export function batchNormGridPlan(options: BatchNormGridOptions = {}): BatchNormGridPlan {
  const budget = options.budget ?? currentBudget();
  const book = bookWeightScales();
  const scales = options.scales ?? byBudget(budget, FAST_SCALE_INDICES.map((i) => book[i]), book);
  if (!Array.isArray(scales) || scales.length === 0) throw new ArgumentError("scales", "a non-empty array of weight scales > 0", scales);
  scales.forEach((s, i) => assertPositive(`scales[${i}]`, s));
  if (options.epochs !== undefined && options.maxEpochs !== undefined && options.epochs !== options.maxEpochs) {
    throw new ArgumentError("epochs", `the same value as maxEpochs (${options.maxEpochs}) or only one of them`, options.epochs);
  }
  const settings = bookTrainSettings({
    ...options,
    maxEpochs: options.epochs ?? options.maxEpochs ?? batchNormGridDefaults(budget).epochs,
  });
  const seed = options.seed ?? 0;
  assertInteger("seed", seed, 0);
  const seedCount = options.seeds ?? batchNormGridDefaults(budget).seeds;
  assertInteger("seeds", seedCount, 1, 100);
  const seeds = Array.from({ length: seedCount }, (_, k) => seed + k);
  return { budget, scales: [...scales], seed, seeds, settings, runs: seeds.length * scales.length };
}

export function batchNormGrid(options: BatchNormGridOptions = {}): BatchNormGridResult {
  const { budget, scales, seed, seeds, settings } = batchNormGridPlan(options);
  const trainSize = options.trainSize ?? 1000;
  const data = bookBatchNormData(trainSize);

  const started = Date.now();
  const runs: GridRun[] = [];
  const total = seeds.length * scales.length;
  let updates: number[] = [];
  for (const sd of seeds) {
    for (const scale of scales) {
      const r = trainBookPair(data, { ...settings, weightScale: scale, seed: sd });
      updates = r.updates;
      runs.push({
        seed: sd, scale,
        withBN: r.withBN.trainAcc, withoutBN: r.withoutBN.trainAcc,
        divergedWithBN: r.withBN.divergedAt, divergedWithoutBN: r.withoutBN.divergedAt,
      });
      options.onRun?.(runs.length, total, r);
    }
  }
  const of = (s: number, key: "withBN" | "withoutBN") => runs.filter((r) => r.scale === scales[s]).map((r) => r[key]);
  return {
    budget, seed, seeds, scales,
    epochs: Array.from({ length: settings.maxEpochs }, (_, e) => e),
    updates,
    withBN: scales.map((_, s) => mean(of(s, "withBN"))),
    withoutBN: scales.map((_, s) => mean(of(s, "withoutBN"))),
    runs,
    settings: { trainSize, batchSize: settings.batchSize, learningRate: settings.learningRate, hiddenSizeList: [...settings.hiddenSizeList] },
    seconds: (Date.now() - started) / 1000,
  };
}

export const cli = defineCli<Pick<BatchNormGridOptions, "scales" | "epochs" | "seed" | "seeds" | "trainSize" | "batchSize" | "learningRate">>({
  name: "batchnorm-grid",
  description: "6.3 図6-19: train accuracy per epoch with vs without BN over weight scales (batch_norm_test.py)",
  options: {
    scales: { kind: "number[]", description: "weight scales, comma-separated (default: FAST 4 / FULL all 16 of the book)" },
    epochs: { kind: "number", description: "epoch points" },
    ...SEED_ROWS,
    trainSize: { kind: "number", description: "first n MNIST training samples (default 1000)" },
    batchSize: { kind: "number", description: "mini-batch size (default 100)" },
    learningRate: { kind: "number", description: "SGD learning rate (default 0.01)" },
  },
  defaults: (budget) => ({ seed: 0, ...batchNormGridDefaults(budget) }),
  run: (o) => batchNormGrid(o),
});
