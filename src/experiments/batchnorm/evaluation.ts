/**
 * 「Batch Normalization の評価」 as study-group slides present it: initial weight
 * std 0.05, 1.0 and 0.0001, with and without BN, on the book's loop
 * (batch_norm_test.py: first 1000 MNIST samples, 5 × 100 ReLU, SGD 0.01),
 * plus He's √(2/n), where the net also learns WITHOUT BN: only there can
 * 過学習 (train − test accuracy) be compared fairly. The test accuracy on the
 * first `testSize` test samples is measured at the same epoch points (the book
 * measures train accuracy only).
 *
 * FAST: 10 epochs, 1 seed, 1000 test samples; FULL: 20 epochs, 3 seeds, all 10 000.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import { assertWeightInit, WEIGHT_INIT_NAMES, type WeightInit } from "../../nn/init";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { bookBatchNormData } from "./data";
import { trainBookPair, type NetCurve } from "./train";
import { SEED_ROWS, defineCli } from "../../cli/experiment";

/** The three initial values of the slides, then He for the fair 過学習 comparison. */
export const EVALUATION_INITS: readonly WeightInit[] = [0.05, 1, 0.0001, "he"];

/** Train accuracy that counts as "learning has taken off". */
export const TAKEOFF_ACCURACY = 0.5;

export interface EvaluationOptions {
  inits?: WeightInit[];
  epochs?: number;
  seed?: number;
  seeds?: number;
  testSize?: number;
  budget?: Budget;
  onRun?: (done: number, total: number) => void;
}

/** Mean over seeds of one net's curves, and the summary numbers. */
export interface EvaluationCurve {
  trainAcc: number[];
  testAcc: number[];
  /** Per seed, for bands. */
  trainRuns: number[][];
  testRuns: number[][];
  finalTrain: number;
  finalTest: number;
  /** finalTrain − finalTest: the overfitting gap. */
  gap: number;
  /** First epoch with mean train accuracy ≥ TAKEOFF_ACCURACY, or null (never). */
  takeoffEpoch: number | null;
  /** Seeds whose loss became NaN/±∞. */
  diverged: number;
  /** The earliest epoch in which some seed's loss became NaN/±∞, or null. */
  divergedAt: number | null;
}

export interface EvaluationSetting {
  init: WeightInit;
  label: string;
  withBN: EvaluationCurve;
  withoutBN: EvaluationCurve;
}

export interface EvaluationResult {
  budget: Budget;
  seed: number;
  seeds: number[];
  epochs: number[];
  testSize: number;
  settings: EvaluationSetting[];
}

export function initLabel(init: WeightInit): string {
  if (typeof init === "number") return `std=${init}`;
  const k = init.toLowerCase();
  return k === "he" || k === "relu" ? "He √(2/n)" : k === "xavier" || k === "sigmoid" ? "Xavier √(1/n)" : k;
}

function meanOf(rows: number[][]): number[] {
  return rows[0].map((_, e) => rows.reduce((s, r) => s + r[e], 0) / rows.length);
}

function summarise(curves: NetCurve[]): EvaluationCurve {
  const trainRuns = curves.map((c) => c.trainAcc), testRuns = curves.map((c) => c.testAcc ?? []);
  const trainAcc = meanOf(trainRuns), testAcc = meanOf(testRuns);
  const finalTrain = trainAcc[trainAcc.length - 1], finalTest = testAcc[testAcc.length - 1];
  const k = trainAcc.findIndex((a) => a >= TAKEOFF_ACCURACY);
  return {
    trainAcc, testAcc, trainRuns, testRuns, finalTrain, finalTest, gap: finalTrain - finalTest,
    takeoffEpoch: k < 0 ? null : k, diverged: curves.filter((c) => c.divergedAt !== null).length,
    divergedAt: curves.reduce<number | null>((m, c) => (c.divergedAt === null ? m : m === null ? c.divergedAt : Math.min(m, c.divergedAt)), null),
  };
}

/** The budget's defaults (FAST / FULL) of the options that depend on it. */
export function batchNormEvaluationDefaults(budget: Budget) {
  return { epochs: byBudget(budget, 10, 20), seeds: byBudget(budget, 1, 3), testSize: byBudget(budget, 1000, 10000) };
}

/** The resolved settings (what batchNormEvaluation will run) and the number of runs. */
export function batchNormEvaluationPlan(options: EvaluationOptions = {}): { budget: Budget; inits: WeightInit[]; epochs: number; seeds: number[]; testSize: number; runs: number } {
  const budget = options.budget ?? currentBudget();
  const inits = options.inits ?? [...EVALUATION_INITS];
  inits.forEach((w, i) => assertWeightInit(w, `inits[${i}]`));
  const d = batchNormEvaluationDefaults(budget);
  const epochs = options.epochs ?? d.epochs;
  assertInteger("epochs", epochs, 1);
  const seed = options.seed ?? 0;
  assertInteger("seed", seed, 0);
  const seedCount = options.seeds ?? d.seeds;
  assertInteger("seeds", seedCount, 1, 100);
  const testSize = options.testSize ?? d.testSize;
  assertInteger("testSize", testSize, 1, 10000);
  const seeds = Array.from({ length: seedCount }, (_, k) => seed + k);
  return { budget, inits, epochs, seeds, testSize, runs: inits.length * seeds.length };
}

export function batchNormEvaluation(options: EvaluationOptions = {}): EvaluationResult {
  const { budget, inits, epochs, seeds, testSize } = batchNormEvaluationPlan(options);
  const seed = seeds[0];
  const data = bookBatchNormData(1000, testSize);
  let done = 0;
  const settings = inits.map((init) => {
    const runs = seeds.map((sd) => {
      const r = trainBookPair(data, { weightScale: init, seed: sd, maxEpochs: epochs });
      options.onRun?.(++done, inits.length * seeds.length);
      return r;
    });
    return {
      init, label: initLabel(init),
      withBN: summarise(runs.map((r) => r.withBN)),
      withoutBN: summarise(runs.map((r) => r.withoutBN)),
    };
  });
  return { budget, seed, seeds, epochs: Array.from({ length: epochs }, (_, e) => e), testSize, settings };
}

/** "0.05" → 0.05, "he" → "he"; anything else is refused naming --inits. */
function parseInit(s: string): WeightInit {
  if (/^[0-9.e+-]+$/i.test(s)) return Number(s);
  const name = WEIGHT_INIT_NAMES.find((n) => n === s.toLowerCase());
  if (name === undefined) throw new ArgumentError("--inits", `stds or names among ${WEIGHT_INIT_NAMES.join(", ")}`, s);
  return name;
}

export const cli = defineCli<Omit<Pick<EvaluationOptions, "epochs" | "seed" | "seeds" | "testSize">, never> & { inits?: string[] }>({
  name: "batchnorm-evaluation",
  description: "6.3 BN vs no BN at initial std 0.05, 1.0, 0.0001 and He: train and test accuracy per epoch",
  options: {
    inits: { kind: "string[]", description: 'initial values: stds or names, comma-separated (default "0.05,1,0.0001,he")' },
    epochs: { kind: "number", description: "epoch points" },
    ...SEED_ROWS,
    testSize: { kind: "number", description: "first n MNIST test samples" },
  },
  defaults: (budget) => ({ seed: 0, ...batchNormEvaluationDefaults(budget) }),
  run(o) {
    const { inits, ...rest } = o;
    return batchNormEvaluation({ ...rest, inits: inits?.map(parseInit) });
  },
});
