/**
 * Batch Normalization (Ioffe & Szegedy 2015, arXiv:1502.03167) on 2-D input,
 * following the book's common/layers.py step by step.
 *
 * train: normalise each feature (column) by the mini-batch mean and variance,
 *        and update the running statistics with momentum:
 *        running = momentum · running + (1 − momentum) · batch statistic.
 * test:  normalise by the running statistics (one sample's output no longer
 *        depends on the rest of the batch).
 * out = gamma · xn + beta in both modes. running_mean/var start as null and
 * become zeros of the feature width at the first forward, like the book.
 */
import { ArgumentError, assertInRange } from "../core/errors";
import { Matrix, assertShape } from "../core/matrix";
import { reuse } from "./buffer";
import type { Layer } from "./types";

/** The book's 10e-7 (= 1e-6), added to the variance before the square root. */
export const BN_EPS = 10e-7;

export interface BatchNormalizationOptions {
  momentum?: number;
  runningMean?: Matrix | null;
  runningVar?: Matrix | null;
}

export class BatchNormalization implements Layer {
  readonly momentum: number;
  runningMean: Matrix | null;
  runningVar: Matrix | null;
  /** Gradients of the last backward; overwritten by the next one. */
  readonly dgamma: Matrix;
  readonly dbeta: Matrix;
  // Intermediate data for backward (the book's self.xc, self.xn, self.std, self.batch_size).
  private xc: Matrix | null = null;
  private xn: Matrix | null = null;
  private std: Float64Array;
  private mu: Float64Array;
  private var: Float64Array;
  private dvar: Float64Array;
  private dmu: Float64Array;
  private lastTrain = true;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  /** gamma, beta: 1 × D rows, held by reference (in-place updates are seen). */
  constructor(public gamma: Matrix, public beta: Matrix, options: BatchNormalizationOptions = {}) {
    assertShape("gamma", gamma, 1, -1);
    assertShape("beta", beta, 1, gamma.cols);
    const { momentum = 0.9, runningMean = null, runningVar = null } = options;
    assertInRange("momentum", momentum, 0, 1, true);
    if (runningMean !== null) assertShape("runningMean", runningMean, 1, gamma.cols);
    if (runningVar !== null) assertShape("runningVar", runningVar, 1, gamma.cols);
    this.momentum = momentum;
    this.runningMean = runningMean;
    this.runningVar = runningVar;
    const d = gamma.cols;
    this.dgamma = new Matrix(1, d);
    this.dbeta = new Matrix(1, d);
    this.std = new Float64Array(d);
    this.mu = new Float64Array(d);
    this.var = new Float64Array(d);
    this.dvar = new Float64Array(d);
    this.dmu = new Float64Array(d);
  }

  forward(x: Matrix, train = true): Matrix {
    const n = x.rows, d = this.gamma.cols;
    assertShape("x", x, -1, d);
    if (train && n === 0) throw new ArgumentError("x", "at least one row in train mode");
    if (this.runningMean === null) this.runningMean = new Matrix(1, d);
    if (this.runningVar === null) this.runningVar = new Matrix(1, d);
    const xc = (this.xc = reuse(this.xc, n, d));
    const xn = (this.xn = reuse(this.xn, n, d));
    const out = (this.out = reuse(this.out, n, d));
    const rm = this.runningMean.data, rv = this.runningVar.data;
    const mu = this.mu, vr = this.var, std = this.std;
    const a = x.data, c = xc.data, z = xn.data, o = out.data;
    const g = this.gamma.data, b = this.beta.data;

    if (train) {
      columnMeans(a, n, d, mu); //                     mu = x.mean(axis=0)
      subtractRow(a, mu, n, d, c); //                   xc = x − mu
      columnMeanSquares(c, n, d, vr); //                var = mean(xc², axis=0)
      const m = this.momentum;
      for (let j = 0; j < d; j++) {
        std[j] = Math.sqrt(vr[j] + BN_EPS);
        rm[j] = m * rm[j] + (1 - m) * mu[j];
        rv[j] = m * rv[j] + (1 - m) * vr[j];
      }
    } else {
      subtractRow(a, rm, n, d, c); //                   xc = x − running_mean
      for (let j = 0; j < d; j++) std[j] = Math.sqrt(rv[j] + BN_EPS);
    }
    this.lastTrain = train;
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let j = 0; j < d; j++) {
        z[off + j] = c[off + j] / std[j]; //             xn = xc / std
        o[off + j] = g[j] * z[off + j] + b[j]; //        out = gamma · xn + beta
      }
    }
    return out;
  }

  /**
   * The book's backward through mean and variance in train mode. After a
   * test-mode forward the statistics are constants, so dx = gamma·dout / std
   * (the book has no test-mode backward; this one is exact for that mode).
   */
  backward(dout: Matrix): Matrix {
    const xc = this.xc, xn = this.xn;
    if (xc === null || xn === null) throw new Error("BatchNormalization.backward called before forward");
    const n = xc.rows, d = xc.cols;
    assertShape("dout", dout, n, d);
    const dx = (this.dx = reuse(this.dx, n, d));
    const g = dout.data, c = xc.data, z = xn.data, r = dx.data;
    const std = this.std, gamma = this.gamma.data;
    const dgamma = this.dgamma.data, dbeta = this.dbeta.data, dvar = this.dvar, dmu = this.dmu;
    dgamma.fill(0);
    dbeta.fill(0);
    dvar.fill(0); // holds dstd until converted below
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let j = 0; j < d; j++) {
        const dxn = gamma[j] * g[off + j]; //              dxn = gamma · dout
        dbeta[j] += g[off + j]; //                         dbeta = Σ dout
        dgamma[j] += z[off + j] * g[off + j]; //           dgamma = Σ xn · dout
        r[off + j] = dxn / std[j]; //                      dxc = dxn / std
        dvar[j] -= (dxn * c[off + j]) / (std[j] * std[j]); // dstd = −Σ dxn·xc / std²
      }
    }
    if (!this.lastTrain) return dx;

    for (let j = 0; j < d; j++) dvar[j] = (0.5 * dvar[j]) / std[j]; // dvar = ½ dstd / std
    dmu.fill(0);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let j = 0; j < d; j++) {
        r[off + j] += (2 / n) * c[off + j] * dvar[j]; //   dxc += (2/N) · xc · dvar
        dmu[j] += r[off + j]; //                           dmu = Σ dxc
      }
    }
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let j = 0; j < d; j++) r[off + j] -= dmu[j] / n; // dx = dxc − dmu / N
    }
    return dx;
  }
}

function subtractRow(a: Float64Array, row: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = a[i * d + j] - row[j];
}

function columnMeans(a: Float64Array, n: number, d: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[j] += a[i * d + j];
  for (let j = 0; j < d; j++) out[j] /= n;
}

function columnMeanSquares(a: Float64Array, n: number, d: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[j] += a[i * d + j] * a[i * d + j];
  }
  for (let j = 0; j < d; j++) out[j] /= n;
}
