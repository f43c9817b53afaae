/**
 * Batch Normalization (Ioffe & Szegedy 2015, arXiv:1502.03167) on 2-D input,
 * following the book's common/layers.py line by line: each line of the book is
 * quoted above the code that does it. The NumPy axis=0 reductions and row
 * broadcasts are the column kernels of src/core/columns.ts (column by column, so
 * a column's constant or running sum stays in a register; sums in row order).
 *
 * train: normalise each feature (column) by the mini-batch mean and variance,
 *        and update the running statistics with momentum:
 *        running = momentum · running + (1 − momentum) · batch statistic.
 * test:  normalise by the running statistics (one sample's output no longer
 *        depends on the rest of the batch).
 * out = gamma · xn + beta in both modes. running_mean/var start as null and
 * become zeros of the feature width at the first forward, like the book.
 *
 * Two traps of the book's own code are warned about once per process (not errors:
 * the book allows both): a train-mode batch of 1 (xc = 0, so out = beta and the
 * gradient is 0) and a test-mode forward before any train-mode one (running
 * variance 0: xn = x / √1e-6, a thousand times x).
 */
import {
  addScaledProductRow, columnMeanSquares, columnMeans, columnSums, columnSumsOfProducts,
  columnSumsOfProductsOver, divideByRow, multiplyByRow, scaleShiftRows, subtractRow,
} from "../core/columns";
import { ArgumentError, assertInRange } from "../core/errors";
import { Matrix, assertShape } from "../core/matrix";
import { warnOnce } from "../core/warn";
import { reuse } from "./buffer";
import type { Layer } from "./types";

/** The book's 10e-7 (= 1e-6), added to the variance before the square root. */
export const BN_EPS = 10e-7;

export const BN_BATCH_OF_ONE_WARNING =
  "BatchNormalization: a train-mode batch of 1 row: each feature minus its own mean is 0, so the output is beta " +
  "and the gradient for x is 0 (a trap of the book's BatchNormalization too; use a batch of 2 or more).";
export const BN_UNTRAINED_TEST_WARNING =
  "BatchNormalization: test mode before any train-mode forward: running_mean and running_var are still 0, so x is " +
  "divided by √(0 + 1e-6), a thousand times x (a trap of the book's BatchNormalization too; train first, or pass runningMean/runningVar).";

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
  /** Running statistics given, or updated by a train-mode forward. */
  private hasStatistics: boolean;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;
  private dxn: Matrix | null = null;
  // Per-column vectors of backward.
  private readonly std2: Float64Array;
  private readonly dstd: Float64Array;
  private readonly dvar: Float64Array;
  private readonly dmu: Float64Array;

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
    this.hasStatistics = runningMean !== null && runningVar !== null;
    const d = gamma.cols;
    this.dgamma = new Matrix(1, d);
    this.dbeta = new Matrix(1, d);
    this.std = new Float64Array(d);
    this.mu = new Float64Array(d);
    this.var = new Float64Array(d);
    this.std2 = new Float64Array(d);
    this.dstd = new Float64Array(d);
    this.dvar = new Float64Array(d);
    this.dmu = new Float64Array(d);
  }

  forward(x: Matrix, train = true): Matrix {
    const n = x.rows, d = this.gamma.cols;
    assertShape("x", x, -1, d);
    if (train && n === 0) throw new ArgumentError("x", "at least one row in train mode");
    if (train && n === 1) warnOnce("bn-batch-of-one", BN_BATCH_OF_ONE_WARNING);
    if (!train && !this.hasStatistics) warnOnce("bn-untrained-test", BN_UNTRAINED_TEST_WARNING);
    // if self.running_mean is None: self.running_mean = np.zeros(D); self.running_var = np.zeros(D)
    if (this.runningMean === null) this.runningMean = new Matrix(1, d);
    if (this.runningVar === null) this.runningVar = new Matrix(1, d);
    const xc = (this.xc = reuse(this.xc, n, d));
    const xn = (this.xn = reuse(this.xn, n, d));
    const out = (this.out = reuse(this.out, n, d));
    const rm = this.runningMean.data, rv = this.runningVar.data;
    const mu = this.mu, vr = this.var, std = this.std;
    const a = x.data, c = xc.data, z = xn.data;

    if (train) {
      // mu = x.mean(axis=0)
      columnMeans(a, n, d, mu);
      // xc = x - mu
      subtractRow(a, mu, n, d, c);
      // var = np.mean(xc**2, axis=0)
      columnMeanSquares(c, n, d, vr);
      // std = np.sqrt(var + 10e-7)
      for (let j = 0; j < d; j++) std[j] = Math.sqrt(vr[j] + BN_EPS);
      // xn = xc / std
      divideByRow(c, std, n, d, z);
      // self.running_mean = self.momentum * self.running_mean + (1-self.momentum) * mu
      // self.running_var = self.momentum * self.running_var + (1-self.momentum) * var
      const m = this.momentum;
      for (let j = 0; j < d; j++) {
        rm[j] = m * rm[j] + (1 - m) * mu[j];
        rv[j] = m * rv[j] + (1 - m) * vr[j];
      }
      this.hasStatistics = true;
    } else {
      // xc = x - self.running_mean
      subtractRow(a, rm, n, d, c);
      // xn = xc / ((np.sqrt(self.running_var + 10e-7)))
      for (let j = 0; j < d; j++) std[j] = Math.sqrt(rv[j] + BN_EPS);
      divideByRow(c, std, n, d, z);
    }
    this.lastTrain = train;
    // out = self.gamma * xn + self.beta
    scaleShiftRows(this.gamma.data, z, this.beta.data, n, d, out.data);
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
    const dxn = (this.dxn = reuse(this.dxn, n, d));
    const g = dout.data, c = xc.data, r = dx.data, std = this.std;
    // dbeta = dout.sum(axis=0)
    columnSums(g, n, d, this.dbeta.data);
    // dgamma = np.sum(self.xn * dout, axis=0)
    columnSumsOfProducts(xn.data, g, n, d, this.dgamma.data);
    // dxn = self.gamma * dout
    multiplyByRow(this.gamma.data, g, n, d, dxn.data);
    // dxc = dxn / self.std
    divideByRow(dxn.data, std, n, d, r);
    if (!this.lastTrain) return dx; // test mode: mean and std were constants, dx = dxc

    // dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
    const std2 = this.std2, dstd = this.dstd, dvar = this.dvar, dmu = this.dmu;
    for (let j = 0; j < d; j++) std2[j] = std[j] * std[j];
    columnSumsOfProductsOver(dxn.data, c, std2, n, d, dstd);
    // dvar = 0.5 * dstd / self.std
    for (let j = 0; j < d; j++) dvar[j] = (0.5 * -dstd[j]) / std[j];
    // dxc += (2.0 / self.batch_size) * self.xc * dvar
    addScaledProductRow(2 / n, c, dvar, n, d, r);
    // dmu = np.sum(dxc, axis=0)
    columnSums(r, n, d, dmu);
    // dx = dxc - dmu / self.batch_size
    for (let j = 0; j < d; j++) dmu[j] /= n;
    subtractRow(r, dmu, n, d, r);
    return dx;
  }
}
