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
    // Column by column (feature j; k = i·d + j walks down the rows i): the column's
    // std, gamma and beta stay in registers.
    for (let j = 0; j < d; j++) {
      const s = std[j], gj = g[j], bj = b[j];
      for (let k = j; k < n * d; k += d) {
        const v = c[k] / s;
        z[k] = v; //                                     xn = xc / std
        o[k] = gj * v + bj; //                           out = gamma · xn + beta
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
    const std = this.std, gamma = this.gamma.data, train = this.lastTrain;
    const dgamma = this.dgamma.data, dbeta = this.dbeta.data, twoN = 2 / n;
    // Every feature (column j) is independent: the book's steps, column by column,
    // with the column's sums in registers (each sum still taken in row order).
    for (let j = 0; j < d; j++) {
      const gj = gamma[j], s = std[j], s2 = s * s;
      let db = 0, dg = 0, dstd = 0;
      for (let k = j; k < n * d; k += d) {
        const dxn = gj * g[k]; //                        dxn = gamma · dout
        db += g[k]; //                                   dbeta = Σ dout
        dg += z[k] * g[k]; //                            dgamma = Σ xn · dout
        r[k] = dxn / s; //                               dxc = dxn / std
        dstd -= (dxn * c[k]) / s2; //                    dstd = −Σ dxn·xc / std²
      }
      dbeta[j] = db;
      dgamma[j] = dg;
      if (!train) continue;

      const dvar = (0.5 * dstd) / s; //                  dvar = ½ dstd / std
      let dmu = 0;
      for (let k = j; k < n * d; k += d) {
        r[k] += twoN * c[k] * dvar; //                   dxc += (2/N) · xc · dvar
        dmu += r[k]; //                                  dmu = Σ dxc
      }
      const dmuN = dmu / n;
      for (let k = j; k < n * d; k += d) r[k] -= dmuN; // dx = dxc − dmu / N
    }
    return dx;
  }
}

// The helpers walk the matrix column by column, so that the column's constant or
// running sum stays in a register; each sum is still taken in row order.
function subtractRow(a: Float64Array, row: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const r = row[j];
    for (let k = j; k < n * d; k += d) out[k] = a[k] - r;
  }
}

function columnMeans(a: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = j; k < n * d; k += d) s += a[k];
    out[j] = s / n;
  }
}

function columnMeanSquares(a: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = j; k < n * d; k += d) s += a[k] * a[k];
    out[j] = s / n;
  }
}
