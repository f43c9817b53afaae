/**
 * Figure 6-9 of the book, ch06/optimizer_compare_mnist.py: MNIST, MultiLayerNet
 * 784 → 100 × 4 (ReLU, He init) → 10, batch 128, each optimizer with the book's
 * default hyperparameters (SGD lr 0.01, Momentum 0.01/0.9, AdaGrad 0.01,
 * Adam 0.001/0.9/0.999; the script's commented-out RMSprop 0.01/0.99 and
 * Nesterov 0.01/0.9 from common/optimizer.py are run too). As in the book, all
 * networks see the same mini-batch at every iteration (drawn with replacement,
 * np.random.choice) and the recorded loss is that batch's loss AFTER the update.
 *
 * Beyond the book: several seeds (the book has one unseeded run), the same
 * initial weights for every optimizer within a seed (so the curves differ only
 * by the update rule), and final train / test accuracies.
 *
 *   FULL   2000 iterations × 5 seeds, accuracies on all 60000 / 10000 images
 *   FAST   150 iterations × 2 seeds, accuracies on the first 2000 train / 2000 test images
 *          (the notebook must run in well under a minute on a loaded 2-core machine)
 *
 *   npm run -s exp -- optimizers-mnist --json [--seed 0] [--seeds 3] [--iterations 500]
 */
import { ArgumentError } from "../../core/errors";
import { createOptimizer } from "../../optim/index";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { SEED_ROWS, defineCli } from "../../cli/experiment";
import { mnistSideBySide, seedList, type MnistCaseRun, type MnistCaseSeries } from "./mnist-side-by-side";
import { OPTIMIZERS_2D, bookOptimizerName, type BookOptimizerName, type Hyperparams } from "./paths-2d";

/** The default hyperparameters of common/optimizer.py (what optimizer_compare_mnist.py uses). */
export const BOOK_MNIST_SETTINGS: Record<BookOptimizerName, Hyperparams> = {
  SGD: { lr: 0.01 },
  Momentum: { lr: 0.01, momentum: 0.9 },
  Nesterov: { lr: 0.01, momentum: 0.9 },
  AdaGrad: { lr: 0.01 },
  RMSprop: { lr: 0.01, decayRate: 0.99 },
  Adam: { lr: 0.001, beta1: 0.9, beta2: 0.999 },
};

/** The four optimizers the book's script actually runs. */
export const IN_BOOK_MNIST: readonly BookOptimizerName[] = ["SGD", "Momentum", "AdaGrad", "Adam"];

/** One seed's run of one optimizer: loss per iteration, final accuracies, divergedAt. */
export type OptimizerMnistRun = MnistCaseRun;

export interface OptimizerMnistSeries extends MnistCaseSeries {
  name: BookOptimizerName;
  hyperparams: Hyperparams;
}

export interface OptimizersMnistResult {
  budget: Budget;
  /** The first seed; the runs use seed, seed + 1, … */
  seed: number;
  seeds: number[];
  iterations: number;
  batchSize: number;
  network: { inputSize: number; hiddenSizeList: number[]; outputSize: number; activation: "relu"; weightInitStd: "he" };
  /** Images the train accuracy was measured on (the first n of the 60000). */
  trainAccSize: number;
  testSize: number;
  optimizers: Partial<Record<BookOptimizerName, OptimizerMnistSeries>>;
  /** Wall-clock seconds of the whole run (for the notebook's "FULL took …" line; never asserted). */
  seconds: number;
}

export interface OptimizersMnistOptions {
  budget?: Budget;
  seed?: number;
  /** Number of seeds (FAST 2, FULL 5). */
  seeds?: number;
  /** FAST 150, FULL 2000 (the book). */
  iterations?: number;
  batchSize?: number;
  /** Which optimizers, by the book's names (default all six). */
  optimizers?: readonly string[];
  /** Per-optimizer overrides of BOOK_MNIST_SETTINGS. */
  settings?: Partial<Record<BookOptimizerName, Hyperparams>>;
  /** Images for the final train accuracy (FAST 2000, FULL 60000). */
  trainAccSize?: number;
  /** Test images (FAST the first 2000, FULL all 10000). */
  testSize?: number;
  /** Called after every iteration of every seed (for a progress line). */
  onProgress?: (done: number, total: number, latest: Partial<Record<BookOptimizerName, number>>) => void;
}

export function optimizersMnistDefaults(budget: Budget) {
  return {
    seeds: byBudget(budget, 2, 5),
    iterations: byBudget(budget, 150, 2000),
    trainAccSize: byBudget(budget, 2_000, 60_000),
    testSize: byBudget(budget, 2_000, 10_000),
  };
}

export function compareOptimizersMnist(options: OptimizersMnistOptions = {}): OptimizersMnistResult {
  const started = Date.now();
  const budget = options.budget ?? currentBudget();
  const d = optimizersMnistDefaults(budget);
  const {
    seed = 0, seeds = d.seeds, iterations = d.iterations, batchSize = 128,
    trainAccSize = d.trainAccSize, testSize = d.testSize, onProgress, settings = {},
  } = options;
  const seedsRun = seedList({ seed, seeds, iterations, batchSize, trainAccSize, testSize }, 100);
  if (options.optimizers !== undefined && (!Array.isArray(options.optimizers) || options.optimizers.length === 0)) {
    throw new ArgumentError("optimizers", `a non-empty list of ${OPTIMIZERS_2D.join(", ")}`, options.optimizers);
  }
  const names = [...new Set((options.optimizers ?? OPTIMIZERS_2D).map(bookOptimizerName))];
  const hyper = names.map((n) => ({ ...BOOK_MNIST_SETTINGS[n], ...(settings[n] ?? {}) }));
  // build each optimizer once up front so a bad hyperparameter fails before any training
  hyper.forEach((h, k) => createOptimizer(names[k], h));

  const series = mnistSideBySide({
    seeds: seedsRun, iterations, batchSize, trainAccSize, testSize,
    cases: names.map((n, j) => ({ weightInitStd: "he", optimizer: () => createOptimizer(n, hyper[j]) })),
    onProgress: onProgress ? (done, all, losses) => {
      const latest: Partial<Record<BookOptimizerName, number>> = {};
      names.forEach((n, j) => (latest[n] = losses[j]));
      onProgress(done, all, latest);
    } : undefined,
  });
  const optimizers: Partial<Record<BookOptimizerName, OptimizerMnistSeries>> = {};
  names.forEach((name, n) => (optimizers[name] = { name, hyperparams: hyper[n], ...series[n] }));
  return {
    budget, seed, seeds: seedsRun, iterations, batchSize,
    network: { inputSize: 784, hiddenSizeList: [100, 100, 100, 100], outputSize: 10, activation: "relu", weightInitStd: "he" },
    trainAccSize, testSize, optimizers, seconds: (Date.now() - started) / 1000,
  };
}

/** CLI limits: past them a run would take hours or more memory than the machine has (60000 = the training set). */
export const MAX_ITERATIONS = 100_000;
export const MAX_BATCH_SIZE = 60_000;

/** Refuse sizes past the limits, naming the flag and the limit. */
export function checkCliLimits(iterations: number | undefined, batchSize: number | undefined): void {
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_ITERATIONS)) {
    throw new ArgumentError("--iterations", `an integer in [1, ${MAX_ITERATIONS}] (the book runs 2000)`, iterations);
  }
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)) {
    throw new ArgumentError("--batch-size", `an integer in [1, ${MAX_BATCH_SIZE}] (the MNIST training set has 60000 images)`, batchSize);
  }
}

export const cli = defineCli<Pick<OptimizersMnistOptions, "seed" | "seeds" | "iterations" | "batchSize" | "optimizers" | "trainAccSize" | "testSize">>({
  name: "optimizers-mnist",
  description: "6.1 MNIST 784-100×4-10: SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam with the book's defaults (figure 6-9), over seeds",
  options: {
    ...SEED_ROWS,
    iterations: { kind: "number", description: `iterations per seed (at most ${MAX_ITERATIONS})` },
    batchSize: { kind: "number", description: "mini-batch size (at most 60000, the training set)" },
    optimizers: { kind: "string[]", description: "comma-separated subset, e.g. SGD,Adam" },
    trainAccSize: { kind: "number", description: "train images for the final accuracy" },
    testSize: { kind: "number", description: "test images" },
  },
  defaults: (budget) => ({ seed: 0, batchSize: 128, optimizers: [...OPTIMIZERS_2D], ...optimizersMnistDefaults(budget) }),
  run(o, ctx) {
    const d = optimizersMnistDefaults(currentBudget());
    const seeds = o.seeds ?? d.seeds;
    const iterations = o.iterations ?? d.iterations;
    checkCliLimits(iterations, o.batchSize);
    const bar = ctx?.progress("optimizers-mnist", iterations * (Number.isInteger(seeds) ? seeds : 1));
    const r = compareOptimizersMnist({
      ...o,
      onProgress: bar ? (done) => bar.update(done) : undefined,
    });
    bar?.done();
    return r;
  },
});
