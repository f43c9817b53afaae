/**
 * The data of batch_norm_test.py: load_mnist(normalize=True), then
 * x_train[:1000] (the FIRST 1000 samples, not a random subset). Test samples
 * (the first `testSize` of the 10 000) only for the 過学習 comparison.
 * Loaded once per process and shared (src/data/mnist-subset.ts; never modified).
 */
import { assertInteger } from "../../core/errors";
import { mnistSubset } from "../../data/mnist-subset";
import type { PairData } from "./train";

export function bookBatchNormData(trainSize = 1000, testSize = 0): PairData {
  assertInteger("trainSize", trainSize, 1, 60000);
  assertInteger("testSize", testSize, 0, 10000);
  const m = mnistSubset(trainSize, Math.max(testSize, 1));
  return testSize > 0
    ? { xTrain: m.xTrain, tTrain: m.tTrain, xTest: m.xTest, tTest: m.tTest }
    : { xTrain: m.xTrain, tTrain: m.tTrain };
}
