/**
 * The book's common/functions.py: sigmoid, softmax, cross_entropy_error.
 * Each takes an optional `out` (same shape as x) to reuse a buffer.
 */
import { exp } from "../core/libm";
import { Matrix, assertShape } from "../core/matrix";
import { assertTargets, labelsOf } from "./targets";
import type { Targets } from "./types";

function target(x: Matrix, out: Matrix | undefined): Matrix {
  if (out === undefined) return new Matrix(x.rows, x.cols);
  assertShape("out", out, x.rows, x.cols);
  return out;
}

/** 1 / (1 + exp(−x)); exp overflows to Infinity for x ≪ 0 and the result is 0, not NaN. */
// sigmoid uses libm's exp (the same bits as Node's Math.exp, and in a browser too) because the live
// histogram explorer runs it in the page; softmax and the loss stay on Math.* (a training hot path no
// explorer runs; in Node the two give the same bits).
export function sigmoid(x: Matrix, out?: Matrix): Matrix {
  const o = target(x, out);
  const a = x.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + exp(-a[i]));
  return o;
}

/**
 * Softmax of each row. The row maximum is subtracted first (the book's
 * オーバーフロー対策): exp of the largest term is then 1, so huge logits give
 * no Infinity/Infinity = NaN, and the result is unchanged mathematically.
 */
export function softmax(x: Matrix, out?: Matrix): Matrix {
  const o = target(x, out);
  const c = x.cols, a = x.data, z = o.data;
  for (let i = 0; i < x.rows; i++) {
    const off = i * c;
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, a[off + j]);
    let s = 0;
    for (let j = 0; j < c; j++) {
      const e = Math.exp(a[off + j] - max);
      z[off + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < c; j++) z[off + j] *= inv;
  }
  return o;
}

/**
 * Mean cross-entropy −Σ log(y[i, t_i] + 1e-7) / n, like the book: one-hot t
 * is turned into indices by argmax, and 1e-7 keeps log(0) = −Infinity away.
 */
export function crossEntropyError(y: Matrix, t: Targets): number {
  assertShape("y", y, -1, -1);
  assertTargets("t", t, y.rows, y.cols);
  const labels = labelsOf(t);
  const c = y.cols, d = y.data;
  let s = 0;
  for (let i = 0; i < y.rows; i++) s += Math.log(d[i * c + labels[i]] + 1e-7);
  return -s / y.rows;
}
