/**
 * The standard normal density φ and distribution function Φ, used by the
 * acquisition functions (EI, PI). Φ comes from erfc, which keeps its relative
 * accuracy far in the tails (Φ(−10) ≈ 7.6e-24), where 1 − Φ(10) would round to 0.
 */
import { exp } from "../core/libm";

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** φ(z) = exp(−z²/2) / √(2π) */
export function normPdf(z: number): number {
  return INV_SQRT_2PI * exp(-0.5 * z * z);
}

/** Φ(z) = P(Z ≤ z) for Z ~ N(0, 1). */
export function normCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** erfc(x) = 1 − erf(x) by a Chebyshev fit (Numerical Recipes 3rd ed. §6.2.2), ~1e-15 relative. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + COF[j];
    dd = tmp;
  }
  return t * exp(-x * x + 0.5 * (COF[0] + ty * d) - dd);
}

// Chebyshev coefficients of erfc (Numerical Recipes, 3rd ed., §6.2.2)
const COF = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
  -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15,
  -9.4e-17, 1.21e-16, -2.8e-17,
];
