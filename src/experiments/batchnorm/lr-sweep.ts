/**
 * "With Batch Normalization you can use a larger learning rate" (Ioffe &
 * Szegedy 2015; the sources repeat it): a learning-rate sweep with and without
 * BN. The book's BN setting (batch_norm_test.py: the first 1000 MNIST images,
 * 784 → 100 × 5 → 10, ReLU, batch 100, SGD) with He initial weights, each lr
 * run on the same initial weights and mini-batches with and without BN
 * (trainBookPair), final train accuracy on the 1000 images.
 *
 *   FAST   10 epochs (100 updates), 1 seed      FULL   20 epochs (200 updates, the book's), 3 seeds
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { bookBatchNormData } from "./data";
import { trainBookPair } from "./train";

export const BN_SWEEP_LRS = [0.01, 0.03, 0.1, 0.3, 1, 3];

export interface BnSweepPoint {
  lr: number;
  /** Final train accuracy per seed (NaN-free: a diverged net scores its last accuracy, usually 0.1). */
  withBN: number[];
  withoutBN: number[];
  /** Seeds whose run saw a NaN/∞ loss. */
  divergedWithBN: number;
  divergedWithoutBN: number;
}

export interface BnSweepResult {
  budget: Budget;
  seeds: number[];
  epochs: number;
  updates: number;
  trainSize: number;
  points: BnSweepPoint[];
  seconds: number;
}

export function bnLrSweep(options: { budget?: Budget; seed?: number; seeds?: number; lrs?: number[]; epochs?: number } = {}): BnSweepResult {
  const started = Date.now();
  const budget = options.budget ?? currentBudget();
  const { seed = 0, seeds = byBudget(budget, 1, 3), lrs = BN_SWEEP_LRS, epochs = byBudget(budget, 10, 20) } = options;
  assertInteger("seed", seed, 0);
  assertInteger("seeds", seeds, 1, 100);
  assertInteger("epochs", epochs, 1);
  if (!Array.isArray(lrs) || lrs.length === 0) throw new ArgumentError("lrs", "a non-empty array of learning rates", lrs);
  lrs.forEach((v, i) => assertPositive(`lrs[${i}]`, v));
  const data = bookBatchNormData(1000);
  const seedList = Array.from({ length: seeds }, (_, k) => seed + k);
  const last = (xs: number[]) => xs[xs.length - 1];
  let updates = 0;
  const points = lrs.map((lr): BnSweepPoint => {
    const runs = seedList.map((s) => trainBookPair(data, { weightScale: "he", seed: s, learningRate: lr, maxEpochs: epochs }));
    updates = last(runs[0].updates);
    return {
      lr,
      withBN: runs.map((r) => last(r.withBN.trainAcc)),
      withoutBN: runs.map((r) => last(r.withoutBN.trainAcc)),
      divergedWithBN: runs.filter((r) => r.withBN.divergedAt !== null).length,
      divergedWithoutBN: runs.filter((r) => r.withoutBN.divergedAt !== null).length,
    };
  });
  return { budget, seeds: seedList, epochs, updates, trainSize: data.xTrain.rows, points, seconds: (Date.now() - started) / 1000 };
}
