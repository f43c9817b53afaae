/**
 * The book's smooth_curve (common/util.py), for drawing noisy loss curves:
 *
 *   window_len = 11
 *   s = np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]
 *   w = np.kaiser(window_len, 2)
 *   y = np.convolve(w/w.sum(), s, mode='valid')
 *   return y[5:len(y)-5]
 *
 * Note the asymmetric reflection: the front mirrors x[10] … x[1] (x[0] is not
 * repeated), the back mirrors x[-1] … x[-10] (x[-1] is repeated). For
 * len(x) ≥ 11 the output has the input's length and out[i] = Σ_m w_m s[i+m+5]
 * (w symmetric). Python's slicing and NumPy's 'valid' (which swaps the
 * arguments when the signal is shorter than the window) are reproduced too, so
 * shorter inputs give what the book would: len 10 → 9 values, 9 → 6, ≤ 6 → none.
 * Values agree with NumPy to rounding (~1e-16), not bit for bit (I0 and the
 * summation order differ).
 */
import { ArgumentError } from "../core/errors";

export const SMOOTH_WINDOW = 11;
export const SMOOTH_BETA = 2;

/** Modified Bessel function I0 by its power series Σ ((x/2)^k / k!)² (fast to converge for the small x here). */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1, sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** np.kaiser(M, beta): w[n] = I0(β√(1 − ((n − α)/α)²)) / I0(β), α = (M − 1)/2. */
export function kaiser(M: number, beta: number): Float64Array {
  if (!Number.isInteger(M) || M < 1) throw new ArgumentError("M", "an integer >= 1", M);
  if (M === 1) return Float64Array.of(1);
  const alpha = (M - 1) / 2;
  const w = new Float64Array(M);
  const i0b = besselI0(beta);
  for (let n = 0; n < M; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
  }
  return w;
}

/** np.convolve(a, v, mode='valid'): length max(M, N) − min(M, N) + 1. */
export function convolveValid(a: ArrayLike<number>, v: ArrayLike<number>): number[] {
  if (a.length === 0 || v.length === 0) throw new ArgumentError(a.length === 0 ? "a" : "v", "a non-empty array", 0);
  const [long, short] = a.length >= v.length ? [a, v] : [v, a];
  const n = long.length, m = short.length;
  const out: number[] = new Array(n - m + 1);
  for (let j = 0; j <= n - m; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += short[k] * long[j + m - 1 - k]; // (short ∗ long)[j + m − 1]
    out[j] = s;
  }
  return out;
}

/** The book's smooth_curve(x). */
export function smoothCurve(x: ArrayLike<number>): number[] {
  if (x === null || typeof x !== "object" || typeof x.length !== "number") {
    throw new ArgumentError("x", "an array of numbers", x);
  }
  const n = x.length;
  if (n === 0) throw new ArgumentError("x", "a non-empty array (np.convolve rejects empty input)", x);
  const L = SMOOTH_WINDOW;
  const s: number[] = [];
  for (let i = Math.min(L - 1, n - 1); i >= 1; i--) s.push(x[i]); // x[L-1:0:-1]
  for (let i = 0; i < n; i++) s.push(x[i]); //                      x
  for (let i = n - 1; i >= Math.max(n - (L - 1), 0); i--) s.push(x[i]); // x[-1:-L:-1]
  const w = kaiser(L, SMOOTH_BETA);
  let wsum = 0;
  for (const v of w) wsum += v;
  const y = convolveValid(Array.from(w, (v) => v / wsum), s);
  return y.slice(5, y.length - 5); // y[5:len(y)-5]: JS slice treats a negative end like Python
}
