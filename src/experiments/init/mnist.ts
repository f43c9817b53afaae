/**
 * Figure 6-15 of the book, ch06/weight_init_compare.py: MNIST, MultiLayerNet
 * 784 → 100 × 4 (ReLU) → 10, SGD lr 0.01, batch 128, weight_init_std 0.01 vs
 * Xavier ('sigmoid') vs He ('relu'), 2000 iterations. As in the book, the three
 * networks see the same mini-batch at every iteration (drawn with replacement,
 * np.random.choice) and the recorded loss is that batch's loss AFTER the update.
 *
 * Beyond the book: several seeds (the book has one unseeded run), the same
 * standard-normal weight draws for the three initial values within a seed, and
 * the final train / test accuracy, which the book's script never prints.
 *
 *   FULL   2000 iterations × 5 seeds, accuracies on all 60000 / 10000 images
 *   FAST   200 iterations × 2 seeds, accuracies on the first 5000 train / 5000 test images
 *
 *   npm run -s exp -- init-mnist --json [--seed 0] [--iterations 500] [--seeds 3]
 */
import { assertPositive } from "../../core/errors";
import type { WeightInit } from "../../nn/init";
import { SGD } from "../../optim/sgd";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { SEED_ROWS, defineCli } from "../../cli/experiment";
import { checkCliLimits } from "../optimizers/mnist";
import { mnistSideBySide, seedList, type MnistCaseRun, type MnistCaseSeries } from "../optimizers/mnist-side-by-side";

export type MnistInitKey = "std=0.01" | "xavier" | "he";

/** The book's weight_init_types, with our keys: 'sigmoid' is Xavier, 'relu' is He. */
export const MNIST_INITS: readonly { key: MnistInitKey; label: string; bookKey: "std=0.01" | "Xavier" | "He"; weightInitStd: WeightInit }[] = [
  { key: "std=0.01", label: "std=0.01", bookKey: "std=0.01", weightInitStd: 0.01 },
  { key: "xavier", label: "Xavier", bookKey: "Xavier", weightInitStd: "xavier" },
  { key: "he", label: "He", bookKey: "He", weightInitStd: "he" },
];

/** One seed's run of one initial value: loss per iteration, final accuracies, divergedAt. */
export type InitMnistRun = MnistCaseRun;

export interface InitMnistSeries extends MnistCaseSeries {
  key: MnistInitKey;
  label: string;
  bookKey: "std=0.01" | "Xavier" | "He";
}

export interface InitMnistResult {
  budget: Budget;
  /** The first seed; the runs use seed, seed + 1, … */
  seed: number;
  seeds: number[];
  iterations: number;
  batchSize: number;
  lr: number;
  /** Images the train accuracy was measured on (the first n of the 60000). */
  trainAccSize: number;
  testSize: number;
  inits: Record<MnistInitKey, InitMnistSeries>;
}

export interface InitMnistOptions {
  budget?: Budget;
  seed?: number;
  /** Number of seeds (FAST 2, FULL 5). */
  seeds?: number;
  /** FAST 200, FULL 2000 (the book). */
  iterations?: number;
  batchSize?: number;
  lr?: number;
  /** Images for the final train accuracy (FAST 5000, FULL 60000). */
  trainAccSize?: number;
  /** Test images (FAST the first 5000, FULL all 10000). */
  testSize?: number;
  /** Called after every iteration of every seed (for a progress line). */
  onProgress?: (done: number, total: number, latest: Record<MnistInitKey, number>) => void;
}

export function initMnistDefaults(budget: Budget) {
  return {
    seeds: byBudget(budget, 2, 5),
    iterations: byBudget(budget, 200, 2000),
    trainAccSize: byBudget(budget, 5_000, 60_000),
    testSize: byBudget(budget, 5_000, 10_000),
  };
}

export function initMnist(options: InitMnistOptions = {}): InitMnistResult {
  const budget = options.budget ?? currentBudget();
  const d = initMnistDefaults(budget);
  const {
    seed = 0, seeds = d.seeds, iterations = d.iterations, batchSize = 128, lr = 0.01,
    trainAccSize = d.trainAccSize, testSize = d.testSize, onProgress,
  } = options;
  const seedsRun = seedList({ seed, seeds, iterations, batchSize, trainAccSize, testSize });
  assertPositive("lr", lr);

  const series = mnistSideBySide({
    seeds: seedsRun, iterations, batchSize, trainAccSize, testSize,
    cases: MNIST_INITS.map((init) => ({ weightInitStd: init.weightInitStd, optimizer: () => new SGD({ lr }) })),
    onProgress: onProgress ? (done, total, l) => onProgress(done, total, { "std=0.01": l[0], xavier: l[1], he: l[2] }) : undefined,
  });
  const inits = {} as Record<MnistInitKey, InitMnistSeries>;
  MNIST_INITS.forEach((init, n) => {
    inits[init.key] = { key: init.key, label: init.label, bookKey: init.bookKey, ...series[n] };
  });
  return { budget, seed, seeds: seedsRun, iterations, batchSize, lr, trainAccSize, testSize, inits };
}

export const cli = defineCli<Pick<InitMnistOptions, "seed" | "seeds" | "iterations" | "batchSize" | "lr">>({
  name: "init-mnist",
  description: "6.2 MNIST 784-100×4-10 ReLU, SGD lr 0.01: std=0.01 vs Xavier vs He (book figure 6-15), over seeds",
  options: {
    ...SEED_ROWS,
    iterations: { kind: "number", description: "iterations per seed" },
    batchSize: { kind: "number", description: "mini-batch size" },
    lr: { kind: "number", description: "SGD learning rate" },
  },
  defaults: (budget) => {
    const { seeds, iterations } = initMnistDefaults(budget);
    return { seed: 0, seeds, iterations, batchSize: 128, lr: 0.01 };
  },
  run(o, ctx) {
    const d = initMnistDefaults(currentBudget());
    const iterations = o.iterations ?? d.iterations;
    checkCliLimits(iterations, o.batchSize);
    const seeds = o.seeds ?? d.seeds;
    const bar = ctx?.progress("init-mnist", iterations * (Number.isInteger(seeds) ? seeds : 1));
    const r = initMnist({
      ...o,
      onProgress: bar ? (done) => bar.update(done) : undefined,
    });
    bar?.done();
    return r;
  },
});
