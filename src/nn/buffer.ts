/**
 * Buffer reuse for layers: keep a Matrix while the wanted shape is unchanged,
 * allocate a new one when it changes (e.g. a training batch, then the test set).
 */
import { Matrix } from "../core/matrix";

export function reuse(buf: Matrix | null, rows: number, cols: number): Matrix {
  return buf !== null && buf.rows === rows && buf.cols === cols ? buf : new Matrix(rows, cols);
}
