/**
 * The first `trainSize` training and `testSize` test images of MNIST, normalised,
 * with index labels — what the book's chapter-6 scripts take (x_train[:1000] in
 * batch_norm_test.py, x_train[:300] in overfit_weight_decay.py: the FIRST images,
 * not a random subset). Read once per process per size and shared: callers must
 * not modify the matrices.
 */
import { assertInteger } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { loadMnist } from "./mnist";

export interface MnistSubset {
  xTrain: Matrix;
  tTrain: Int32Array;
  xTest: Matrix;
  tTest: Int32Array;
}

const cache = new Map<string, MnistSubset>();

export function mnistSubset(trainSize: number, testSize: number): MnistSubset {
  assertInteger("trainSize", trainSize, 1, 60_000);
  assertInteger("testSize", testSize, 1, 10_000);
  const key = `${trainSize}/${testSize}`;
  let d = cache.get(key);
  if (d === undefined) {
    const m = loadMnist({ normalize: true, trainSize, testSize });
    d = { xTrain: m.xTrain, tTrain: m.tTrain as Int32Array, xTest: m.xTest, tTest: m.tTest as Int32Array };
    cache.set(key, d);
  }
  return d;
}
