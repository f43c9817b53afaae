/**
 * The definition of a Gaussian process, made concrete: f ~ GP(0, k) means that
 * for EVERY finite set of inputs x_1 … x_n the values (f(x_1), …, f(x_n)) are
 * jointly Gaussian with mean 0 and covariance K_ij = k(x_i, x_j). So a draw of
 * "a function" on a grid is one draw from N(0, K): f = L z with K = L Lᵀ
 * (Cholesky, a tiny jitter on the diagonal for the grid's near-duplicates)
 * and z ~ N(0, I).
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { RNG } from "../core/rng";
import { choleskyWithJitter } from "./cholesky";
import { checkKernelName, gramMatrix, type KernelParams } from "./kernel";

export interface PriorSamplesOptions {
  kernel?: string;
  params?: KernelParams;
  /** 1-D inputs. */
  x: number[];
  nSamples?: number;
  seed?: number;
}

export interface PriorSamples {
  kernel: string;
  x: number[];
  /** samples[s][i] = f_s(x_i). */
  samples: number[][];
  /** The diagonal jitter that made K factorisable. */
  jitter: number;
}

export function gpPriorSamples({ kernel = "rbf", params = { lengthScales: [0.15], signalVariance: 1 }, x, nSamples = 5, seed = 0 }: PriorSamplesOptions): PriorSamples {
  const name = checkKernelName(kernel);
  if (!Array.isArray(x) || x.length === 0 || x.some((v) => !Number.isFinite(v))) throw new ArgumentError("x", "a non-empty array of finite inputs", x);
  assertInteger("nSamples", nSamples, 1, 100000);
  const n = x.length;
  const { l, jitter } = choleskyWithJitter(gramMatrix(name, params, x.map((v) => [v])), n, 1e-10);
  const rng = new RNG(seed);
  const samples: number[][] = [];
  const z = new Float64Array(n);
  for (let s = 0; s < nSamples; s++) {
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    const f = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j <= i; j++) v += l[i * n + j] * z[j];
      f[i] = v;
    }
    samples.push(f);
  }
  return { kernel: name, x: [...x], samples, jitter };
}
