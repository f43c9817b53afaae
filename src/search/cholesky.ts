/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix and
 * the triangular solves a Gaussian process needs: α = K⁻¹y = L⁻ᵀ(L⁻¹y) and
 * v = L⁻¹k* for the posterior variance. Matrices are n×n row-major Float64Array.
 *
 * A kernel matrix is positive-definite in exact arithmetic but can lose that in
 * floating point when two inputs nearly coincide; `choleskyWithJitter` then adds
 * a small multiple of the identity ("jitter"), growing it tenfold until it works.
 */
import { ArgumentError } from "../core/errors";
import { log } from "../core/libm";

/** Lower-triangular L with A = L Lᵀ, or null when A is not positive-definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  if (a.length !== n * n) throw new ArgumentError("a", `an n×n array of length ${n * n}`, a);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null; // also catches NaN
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  return l;
}

export interface JitteredCholesky {
  l: Float64Array;
  /** The jitter that was added to the diagonal (0 when none was needed). */
  jitter: number;
}

/** Cholesky of A + jitter·I with the smallest jitter in {0, base, 10·base, …} that works. */
export function choleskyWithJitter(a: Float64Array, n: number, base = 1e-10, maxTries = 8): JitteredCholesky {
  let l = cholesky(a, n);
  if (l) return { l, jitter: 0 };
  const scale = Math.max(1e-300, meanDiagonal(a, n));
  let jitter = base * scale;
  const b = new Float64Array(a);
  for (let t = 0; t < maxTries; t++, jitter *= 10) {
    for (let i = 0; i < n; i++) b[i * n + i] = a[i * n + i] + jitter;
    l = cholesky(b, n);
    if (l) return { l, jitter };
  }
  throw new ArgumentError("a", "a symmetric positive-definite matrix (even with jitter)", `diagonal mean ${scale}`);
}

function meanDiagonal(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(a[i * n + i]);
  return n > 0 ? s / n : 1;
}

/** Solves L x = b (forward substitution). */
export function solveLower(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Solves Lᵀ x = b (back substitution with the transpose of L). */
export function solveUpperT(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Solves A x = b given A = L Lᵀ. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  return solveUpperT(l, n, solveLower(l, n, b));
}

/** log det A = 2 Σ log L_ii. */
export function logDetFromCholesky(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += log(l[i * n + i]);
  return 2 * s;
}
