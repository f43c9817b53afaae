/**
 * Covariance functions (kernels) of the Gaussian process, with one length
 * scale per input dimension (ARD: "automatic relevance determination"):
 *
 *   r² = Σ_d ((x_d − x'_d) / ℓ_d)²
 *   RBF (squared exponential):  k = s² · exp(−r²/2)
 *   Matérn 5/2:                 k = s² · (1 + √5 r + 5r²/3) · exp(−√5 r)
 *
 * s² is the signal variance. Matérn 5/2 gives rougher (twice differentiable)
 * sample paths than the infinitely smooth RBF; it is the usual default for
 * hyperparameter search (Snoek et al. 2012).
 */
import { ArgumentError } from "../core/errors";
import { exp } from "../core/libm";

export type KernelName = "rbf" | "matern52";
export const KERNEL_NAMES: readonly KernelName[] = ["rbf", "matern52"];

export interface KernelParams {
  /** One length scale per input dimension, > 0. */
  lengthScales: number[];
  /** Signal variance s² > 0. */
  signalVariance: number;
}

const SQRT5 = Math.sqrt(5);

/** k(r²)/s² as a function of the squared scaled distance. */
export function kernelShape(name: KernelName, r2: number): number {
  if (name === "rbf") return exp(-0.5 * r2);
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * exp(-SQRT5 * r);
}

export function checkKernelName(name: string): KernelName {
  if ((KERNEL_NAMES as readonly string[]).includes(name)) return name as KernelName;
  throw new ArgumentError("kernel", `one of ${KERNEL_NAMES.join(", ")}`, name);
}

/** k(a, b) for two points of the same dimension. */
export function kernel(name: KernelName, p: KernelParams, a: ArrayLike<number>, b: ArrayLike<number>): number {
  let r2 = 0;
  for (let d = 0; d < a.length; d++) {
    const t = (a[d] - b[d]) / p.lengthScales[d];
    r2 += t * t;
  }
  return p.signalVariance * kernelShape(name, r2);
}

/** The n×n Gram matrix K_ij = k(x_i, x_j) (row-major). */
export function gramMatrix(name: KernelName, p: KernelParams, x: ArrayLike<number>[]): Float64Array {
  const n = x.length;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    k[i * n + i] = p.signalVariance;
    for (let j = 0; j < i; j++) {
      const v = kernel(name, p, x[i], x[j]);
      k[i * n + j] = v;
      k[j * n + i] = v;
    }
  }
  return k;
}
