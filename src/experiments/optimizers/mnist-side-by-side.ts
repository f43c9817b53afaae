/**
 * What optimizer_compare_mnist.py (figure 6-9) and weight_init_compare.py
 * (figure 6-15) share: MNIST, MultiLayerNet 784 → 100 × 4 → 10, several cases
 * trained side by side on the same mini-batches (src/train/side-by-side.ts),
 * over seeds. Within a seed every case starts from the same standard-normal
 * weight draws (scaled by its own weightInitStd); the final train accuracy is
 * measured on the first trainAccSize training images and the test accuracy on
 * the first testSize test images.
 */
import { assertInteger } from "../../core/errors";
import { sliceRows } from "../../core/ops";
import { RNG } from "../../core/rng";
import { loadMnist } from "../../data/mnist";
import type { WeightInit } from "../../nn/init";
import type { Activation } from "../../nn/types";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import type { Optimizer } from "../../optim/optimizer";
import { MiniBatch } from "../../train/mini-batch";
import { trainSideBySide } from "../../train/side-by-side";

export interface MnistCase {
  weightInitStd: WeightInit;
  optimizer: () => Optimizer;
}

export interface MnistCaseRun {
  seed: number;
  /** Loss of each iteration's mini-batch after that iteration's update (NaN after a divergence). */
  loss: number[];
  trainAcc: number;
  testAcc: number;
  /** Iteration at which the loss became NaN/Inf, or null. */
  divergedAt: number | null;
}

export interface MnistCaseSeries {
  runs: MnistCaseRun[];
  /** Mean over seeds of the loss at each iteration. */
  loss: number[];
  /** Means over seeds. */
  trainAcc: number;
  testAcc: number;
}

export interface MnistSideBySideOptions {
  seeds: readonly number[];
  iterations: number;
  batchSize: number;
  trainAccSize: number;
  testSize: number;
  cases: readonly MnistCase[];
  /** After every iteration of every seed, with each case's loss of that iteration. */
  onProgress?: (done: number, total: number, losses: readonly number[]) => void;
}

export const MNIST_HIDDEN_SIZES: readonly number[] = [100, 100, 100, 100];

/** The sizes every seeded MNIST comparison takes (trainAccSize where it measures a train accuracy). */
export interface SeededMnistSizes {
  seed: number;
  seeds: number;
  iterations: number;
  batchSize: number;
  trainAccSize?: number;
  testSize: number;
}

/** Checks the sizes (naming the bad one) and returns the seeds of the runs: seed, seed + 1, … */
export function seedList(o: SeededMnistSizes, maxSeeds = Number.MAX_SAFE_INTEGER): number[] {
  assertInteger("seed", o.seed, 0);
  assertInteger("seeds", o.seeds, 1, maxSeeds);
  assertInteger("iterations", o.iterations, 1);
  assertInteger("batchSize", o.batchSize, 1);
  if (o.trainAccSize !== undefined) assertInteger("trainAccSize", o.trainAccSize, 1, 60_000);
  assertInteger("testSize", o.testSize, 1, 10_000);
  return Array.from({ length: o.seeds }, (_, k) => o.seed + k);
}

/**
 * One MultiLayerNet 784 → 100 × 4 → 10 per case, all from the same standard-normal weight draws
 * (one fork of rng seeds them), each scaled by its own weightInitStd.
 */
export function sameStartNets(rng: RNG, cases: readonly { activation?: Activation; weightInitStd: WeightInit }[]): MultiLayerNet[] {
  const weightSeed = rng.fork().seed; // the same N(0, 1) draws for every case
  return cases.map((c) => new MultiLayerNet({
    inputSize: 784, hiddenSizeList: [...MNIST_HIDDEN_SIZES], outputSize: 10,
    activation: c.activation ?? "relu", weightInitStd: c.weightInitStd, rng: new RNG(weightSeed),
  }));
}

export function mnistSideBySide(o: MnistSideBySideOptions): MnistCaseSeries[] {
  const { iterations, batchSize, trainAccSize, testSize, onProgress } = o;
  const mnist = loadMnist({ normalize: true, testSize });
  const xTrain = mnist.xTrain, tTrain = mnist.tTrain as Int32Array;
  const xAcc = sliceRows(xTrain, 0, trainAccSize), tAcc = tTrain.subarray(0, trainAccSize);
  const xTest = mnist.xTest, tTest = mnist.tTest as Int32Array;
  const batch = new MiniBatch(xTrain, tTrain, batchSize);
  const runs: MnistCaseRun[][] = o.cases.map(() => []);
  const total = o.seeds.length * iterations;

  o.seeds.forEach((s, k) => {
    const rng = new RNG(s);
    const nets = sameStartNets(rng, o.cases);
    const curves = trainSideBySide({
      batch, rng, iterations,
      runs: nets.map((network, n) => ({ network, optimizer: o.cases[n].optimizer() })),
      onIteration: onProgress ? (i, losses) => onProgress(k * iterations + i + 1, total, losses) : undefined,
    });
    curves.forEach((c, n) => {
      const ok = c.divergedAt === null;
      runs[n].push({
        seed: s,
        loss: c.loss,
        trainAcc: ok ? nets[n].accuracy(xAcc, tAcc) : NaN,
        testAcc: ok ? nets[n].accuracy(xTest, tTest) : NaN,
        divergedAt: c.divergedAt,
      });
    });
  });

  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return runs.map((r) => ({
    runs: r,
    loss: Array.from({ length: iterations }, (_, i) => mean(r.map((run) => run.loss[i]))),
    trainAcc: mean(r.map((run) => run.trainAcc)),
    testAcc: mean(r.map((run) => run.testAcc)),
  }));
}
