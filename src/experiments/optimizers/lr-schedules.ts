/**
 * Learning-rate schedules (beyond the book's 6.1): the same optimizer with a
 * constant, step, exponential, cosine and warm-up + cosine learning rate,
 *
 * - on the book's f(x, y) = x²/20 + y² from (−7, 2): SGD with η = 1.1, which
 *   diverges when constant (y is multiplied by 1 − 2η = −1.2 every update),
 *   converges once a schedule brings η below 1;
 * - on MNIST: a small seeded run (784 → 100 → 100 → 10, ReLU, He, SGD).
 *
 *   FAST   MNIST 2000 training images, 10 epochs of 100 (200 updates), 1 seed, 2000 test images
 *   FULL   MNIST 60000 training images, 10 epochs of 100 (6000 updates), 3 seeds, 10000 test images
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";
import { sliceRows } from "../../core/ops";
import { RNG } from "../../core/rng";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { loadMnist } from "../../data/mnist";
import { optimizePath, type Point2D } from "../../functions/index";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import { SGD } from "../../optim/sgd";
import {
  LrSchedule, constantSchedule, cosineSchedule, exponentialSchedule, scheduleValues, stepSchedule, warmupSchedule,
  type Schedule,
} from "../../optim/lr-schedule";
import { Trainer } from "../../train/trainer";
import { BOOK_START, toFunction2D } from "./paths-2d";

/**
 * The five schedules compared, for a run of `total` updates: step halves η
 * three times, exponential ends at ≈ η/20, cosine reaches 0 just after the
 * last update, warm-up takes the first 10 %.
 */
export function scheduleCases(total: number): Schedule[] {
  assertInteger("total", total, 2);
  const warm = Math.max(1, Math.round(total / 10));
  return [
    constantSchedule(),
    stepSchedule({ stepSize: Math.max(1, Math.round(total / 3)), gamma: 0.5 }),
    exponentialSchedule({ gamma: Math.pow(0.05, 1 / total) }),
    cosineSchedule({ totalSteps: total }),
    warmupSchedule({ warmupSteps: warm, after: cosineSchedule({ totalSteps: total - warm }) }),
  ];
}

export interface ScheduleRun2D {
  kind: string;
  label: string;
  /** η_t of each update. */
  lrs: number[];
  path: Point2D[];
  f: number[];
  diverged: boolean;
  divergedAt: number | null;
}

export interface SchedulePaths2DOptions {
  /** Base learning rate of SGD (default 1.1: beyond the constant-η bound 1). */
  lr?: number;
  steps?: number;
  start?: Point2D;
}

/** SGD with each schedule on the book's function. Deterministic (no randomness). */
export function schedulePaths2D({ lr = 1.1, steps = 30, start = BOOK_START }: SchedulePaths2DOptions = {}): ScheduleRun2D[] {
  assertPositive("lr", lr);
  assertInteger("steps", steps, 2, 100000);
  const fn = toFunction2D("book");
  return scheduleCases(steps).map((s) => {
    const r = optimizePath(fn, new LrSchedule(new SGD({ lr }), s), start, steps, { bound: 1e4 });
    return { kind: s.kind, label: s.label, lrs: scheduleValues(s, lr, steps), path: r.points, f: r.f, diverged: r.diverged, divergedAt: r.divergedAt };
  });
}

export interface ScheduleMnistRun {
  seed: number;
  loss: number[];
  trainAcc: number[];
  testAcc: number[];
  finalTestAcc: number | null;
  diverged: boolean;
}

export interface ScheduleMnistSeries {
  /** Base learning rate η of this series. */
  baseLr: number;
  kind: string;
  label: string;
  lrs: number[];
  runs: ScheduleMnistRun[];
  /** Means over seeds of the last epoch's accuracies and of the last 10 % of the losses. */
  finalTrainAcc: number;
  finalTestAcc: number;
  lateLoss: number;
}

export interface ScheduleMnistResult {
  budget: Budget;
  seed: number;
  seeds: number[];
  /** The base learning rates compared (each with every schedule). */
  lrs: number[];
  epochs: number;
  batchSize: number;
  trainSize: number;
  testSize: number;
  iterations: number;
  network: string;
  series: ScheduleMnistSeries[];
  seconds: number;
}

export interface ScheduleMnistOptions {
  budget?: Budget;
  seed?: number;
  seeds?: number;
  /** Base learning rates of SGD (default [0.3, 1]: a good one and one too large to stay constant). */
  lrs?: number[];
  epochs?: number;
  batchSize?: number;
  trainSize?: number;
  testSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function scheduleMnistDefaults(budget: Budget) {
  return {
    seeds: byBudget(budget, 1, 3),
    trainSize: byBudget(budget, 2_000, 60_000),
    testSize: byBudget(budget, 2_000, 10_000),
    epochs: 10,
  };
}

export function scheduleMnist(options: ScheduleMnistOptions = {}): ScheduleMnistResult {
  const started = Date.now();
  const budget = options.budget ?? currentBudget();
  const d = scheduleMnistDefaults(budget);
  const {
    seed = 0, seeds = d.seeds, lrs = [0.3, 1], epochs = d.epochs, batchSize = 100,
    trainSize = d.trainSize, testSize = d.testSize, onProgress,
  } = options;
  assertInteger("seed", seed, 0);
  assertInteger("seeds", seeds, 1, 100);
  if (!Array.isArray(lrs) || lrs.length === 0) throw new ArgumentError("lrs", "a non-empty array of learning rates", lrs);
  lrs.forEach((v, i) => assertPositive(`lrs[${i}]`, v));
  assertInteger("epochs", epochs, 1);
  assertInteger("batchSize", batchSize, 1);
  assertInteger("trainSize", trainSize, batchSize, 60_000);
  assertInteger("testSize", testSize, 1, 10_000);
  const mnist = loadMnist({ normalize: true, testSize });
  const xTrain = sliceRows(mnist.xTrain, 0, trainSize);
  const tTrain = (mnist.tTrain as Int32Array).subarray(0, trainSize);
  const iterPerEpoch = Math.max(trainSize / batchSize, 1);
  const iterations = Math.round(epochs * iterPerEpoch);
  const cases = scheduleCases(iterations);
  // per-epoch curves on a few images only (they are drawn, not compared); the final test accuracy uses all testSize
  const evalSize = Math.min(500, trainSize, mnist.xTest.rows);
  const seedList = Array.from({ length: seeds }, (_, k) => seed + k);
  const total = lrs.length * cases.length * seeds * iterations;
  let done = 0;
  const series = lrs.flatMap((lr) => cases.map((schedule): ScheduleMnistSeries => {
    const runs = seedList.map((s): ScheduleMnistRun => {
      const rng = new RNG(s);
      const weights = rng.fork().seed; // same initial weights and mini-batches for every schedule
      const network = new MultiLayerNet({
        inputSize: 784, hiddenSizeList: [100, 100], outputSize: 10, activation: "relu", weightInitStd: "he", rng: new RNG(weights),
      });
      const trainer = new Trainer({
        network, xTrain, tTrain, xTest: mnist.xTest, tTest: mnist.tTest as Int32Array, epochs, miniBatchSize: batchSize,
        optimizer: new LrSchedule(new SGD({ lr }), schedule), rng, evaluateSampleNumPerEpoch: evalSize,
        onProgress: (e) => {
          if (e.kind === "iteration" && onProgress) onProgress(++done, total);
        },
      });
      const r = trainer.train();
      return { seed: s, loss: r.trainLossList, trainAcc: r.trainAccList, testAcc: r.testAccList, finalTestAcc: r.finalTestAcc, diverged: r.diverged };
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const last = (xs: number[]) => (xs.length ? xs[xs.length - 1] : NaN);
    const tail = Math.max(1, Math.round(iterations / 10));
    return {
      baseLr: lr, kind: schedule.kind, label: schedule.label, lrs: scheduleValues(schedule, lr, iterations), runs,
      finalTrainAcc: mean(runs.map((r) => last(r.trainAcc))), // on the first evalSize training images
      finalTestAcc: mean(runs.map((r) => r.finalTestAcc ?? NaN)),
      lateLoss: mean(runs.map((r) => (r.diverged ? NaN : mean(r.loss.slice(-tail))))),
    };
  }));
  return {
    budget, seed, seeds: seedList, lrs, epochs, batchSize, trainSize, testSize: mnist.xTest.rows, iterations,
    network: "784-100-100-10 ReLU, He", series, seconds: (Date.now() - started) / 1000,
  };
}
