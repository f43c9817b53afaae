/**
 * BLAS level-1 kernels on whole arrays, named as in BLAS:
 *   axpy  y ← y + α·x      (SGD's params -= lr · grads is axpy(−lr, grads, params))
 *   scal  x ← α·x
 * Element by element in index order, so each result is the same IEEE double a
 * plain loop would give (y + (−α)·x equals y − α·x bit for bit). axpy takes four
 * elements per turn of the loop: less loop overhead in the hottest update.
 */
import { ShapeError } from "./errors";

function sameLength(name: string, a: Float64Array, b: Float64Array): void {
  if (a.length !== b.length) throw new ShapeError(name, `${b.length} elements`, `${a.length}`);
}

/** y ← y + α·x, in place on y. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  sameLength("x", x, y);
  const n = y.length, n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    y[i] += alpha * x[i];
    y[i + 1] += alpha * x[i + 1];
    y[i + 2] += alpha * x[i + 2];
    y[i + 3] += alpha * x[i + 3];
  }
  for (; i < n; i++) y[i] += alpha * x[i];
}

/** x ← α·x, in place. */
export function scal(alpha: number, x: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
}
