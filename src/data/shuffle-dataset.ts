/**
 * Dataset helpers of the book's common/util.py and ch06 scripts:
 * shuffleDataset (shuffle_dataset), takeSubset (x_train[:n] but random and
 * seeded) and splitValidation (hyperparameter_optimization.py: shuffle, then
 * the first 20 % become the validation set). All return new arrays; the
 * inputs are not changed. Labels may be one-hot (Matrix) or indices (Int32Array).
 */
import { ArgumentError, ShapeError, assertInteger, assertInRange } from "../core/errors";
import { Matrix } from "../core/matrix";
import { gatherRows } from "../core/ops";
import { RNG } from "../core/rng";
import type { Targets } from "../nn/types";

function checkPair(x: Matrix, t: Targets): number {
  if (!(x instanceof Matrix)) throw new ArgumentError("x", "a Matrix (one sample per row)", x);
  const n = t instanceof Matrix ? t.rows : t instanceof Int32Array ? t.length : -1;
  if (n < 0) throw new ArgumentError("t", "a one-hot Matrix or an Int32Array of labels", t);
  if (n !== x.rows) throw new ShapeError("t", `${x.rows} labels, one per row of x`, `${n}`);
  return n;
}

function checkRng(rng: RNG): void {
  if (!(rng instanceof RNG)) throw new ArgumentError("rng", "an RNG (new RNG(seed))", rng);
}

/** Rows of x and entries of t at `indices`, in that order. */
export function selectRows<T extends Targets>(x: Matrix, t: T, indices: ArrayLike<number>): { x: Matrix; t: T } {
  checkPair(x, t);
  const tx = t instanceof Matrix ? gatherRows(t, indices) : Int32Array.from(indices, (i) => (t as Int32Array)[i]);
  return { x: gatherRows(x, indices), t: tx as T };
}

/** The book's shuffle_dataset: the same random permutation applied to x and t. */
export function shuffleDataset<T extends Targets>(x: Matrix, t: T, rng: RNG): { x: Matrix; t: T } {
  const n = checkPair(x, t);
  checkRng(rng);
  return selectRows(x, t, rng.permutation(n));
}

/** `count` distinct samples chosen at random (seeded), in random order; `indices` says which. */
export function takeSubset<T extends Targets>(
  x: Matrix, t: T, count: number, rng: RNG,
): { x: Matrix; t: T; indices: Int32Array } {
  const n = checkPair(x, t);
  assertInteger("count", count, 1, n);
  checkRng(rng);
  const indices = rng.choice(n, count, false);
  return { ...selectRows(x, t, indices), indices };
}

export interface ValidationSplit<T extends Targets> {
  xTrain: Matrix;
  tTrain: T;
  xVal: Matrix;
  tVal: T;
}

/**
 * As in ch06/hyperparameter_optimization.py: validation_num = int(N · rate);
 * shuffle; the first validation_num rows are the validation set, the rest train.
 */
export function splitValidation<T extends Targets>(
  x: Matrix, t: T, rng: RNG, validationRate = 0.2,
): ValidationSplit<T> {
  const n = checkPair(x, t);
  assertInRange("validationRate", validationRate, 0, 1);
  checkRng(rng);
  const validationNum = Math.floor(n * validationRate);
  if (validationNum < 1 || validationNum >= n) {
    throw new ArgumentError("validationRate", `a rate leaving at least one sample on each side of ${n}`, validationRate);
  }
  const perm = rng.permutation(n);
  const val = selectRows(x, t, perm.subarray(0, validationNum));
  const train = selectRows(x, t, perm.subarray(validationNum));
  return { xTrain: train.x, tTrain: train.t, xVal: val.x, tVal: val.t };
}
