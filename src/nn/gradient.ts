/**
 * Numerical gradients by central difference, the book's common/gradient.py:
 *   ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h,  h = 1e-4.
 * `f` takes no argument (like the book's `lambda W: net.loss(x, t)`): the
 * entries are perturbed in place, f reads them, and each is restored.
 * Truncation error is O(h²·f''') ≈ 1e-8 and rounding error ≈ ε·|f|/h ≈ 1e-12,
 * so float64 gradient checks can demand agreement to about 1e-7 relative.
 */
import { ArgumentError } from "../core/errors";
import { Matrix, assertSameShape } from "../core/matrix";
import type { Params } from "./types";

export const NUMERICAL_H = 1e-4;

export function numericalGradient(f: () => number, x: Matrix, h?: number): Matrix;
export function numericalGradient(f: () => number, params: Params, h?: number): Params;
export function numericalGradient(f: () => number, x: Matrix | Params, h = NUMERICAL_H): Matrix | Params {
  if (typeof f !== "function") throw new ArgumentError("f", "a function returning the loss", f);
  if (!(h > 0 && Number.isFinite(h))) throw new ArgumentError("h", "a finite number > 0", h);
  if (x instanceof Matrix) return gradientOf(f, x, h);
  if (x === null || typeof x !== "object") throw new ArgumentError("params", "a Matrix or a Params object", x);
  const grads: Params = {};
  for (const key of Object.keys(x)) {
    if (!(x[key] instanceof Matrix)) throw new ArgumentError(`params.${key}`, "a Matrix", x[key]);
    grads[key] = gradientOf(f, x[key], h);
  }
  return grads;
}

function gradientOf(f: () => number, x: Matrix, h: number): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  const d = x.data;
  for (let i = 0; i < d.length; i++) {
    const tmp = d[i];
    d[i] = tmp + h;
    const fxh1 = f();
    d[i] = tmp - h;
    const fxh2 = f();
    grad.data[i] = (fxh1 - fxh2) / (2 * h);
    d[i] = tmp;
  }
  return grad;
}

/**
 * Relative error for gradient checks: max|a − b| / max(|a| + |b|), with the
 * denominator floored at 1e-300 so two all-zero gradients give 0, not NaN.
 * Normalising by the largest entry (not per entry) keeps tiny entries, whose
 * relative difference is dominated by rounding, from failing a correct check.
 */
export function relativeError(a: Matrix, b: Matrix): number {
  assertSameShape("b", b, a);
  let num = 0, den = 0;
  for (let i = 0; i < a.size; i++) {
    num = Math.max(num, Math.abs(a.data[i] - b.data[i]));
    den = Math.max(den, Math.abs(a.data[i]) + Math.abs(b.data[i]));
  }
  return num / Math.max(den, 1e-300);
}
