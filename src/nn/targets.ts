/**
 * Checks and conversions for labels `t` (Targets): a one-hot n × C Matrix
 * or an Int32Array of n class indices, as the book accepts both.
 */
import { ArgumentError, ShapeError } from "../core/errors";
import { Matrix } from "../core/matrix";
import { argmaxRows } from "../core/ops";
import type { Targets } from "./types";

/** Throws naming `name` unless t has `rows` labels over `classes` classes. */
export function assertTargets(name: string, t: Targets, rows: number, classes: number): void {
  if (t instanceof Matrix) {
    if (t.rows !== rows || t.cols !== classes) {
      throw new ShapeError(name, `(${rows}, ${classes}) one-hot like the scores`, t.shapeString());
    }
    return;
  }
  if (!(t instanceof Int32Array)) {
    throw new ArgumentError(name, "a one-hot Matrix or an Int32Array of class indices", t);
  }
  if (t.length !== rows) throw new ShapeError(name, `(${rows}) labels, one per row of x`, `(${t.length})`);
  for (let i = 0; i < t.length; i++) {
    if (t[i] < 0 || t[i] >= classes) {
      throw new ArgumentError(name, `class indices in [0, ${classes})`, `${t[i]} at index ${i}`);
    }
  }
}

/** Class indices: as given, or argmax of each one-hot row (the book's t.argmax(axis=1)). */
export function labelsOf(t: Targets): Int32Array {
  return t instanceof Matrix ? argmaxRows(t) : t;
}
