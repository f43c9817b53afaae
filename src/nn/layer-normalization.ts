/**
 * Layer Normalization (Ba, Kiros & Hinton 2016, arXiv:1607.06450): like
 * BatchNormalization, but each sample (row) is normalised over its own
 * features, so train and test behave the same and a batch of 1 is fine.
 *   xn = (x − mean_row) / sqrt(var_row + eps),  out = gamma · xn + beta
 * backward, per row with D features and dxn = gamma · dout:
 *   dx = (dxn − mean(dxn) − xn · mean(dxn · xn)) / std
 */
import { assertPositive } from "../core/errors";
import { Matrix, assertShape } from "../core/matrix";
import { reuse } from "./buffer";
import { BN_EPS } from "./batch-normalization";
import type { Layer } from "./types";

export class LayerNormalization implements Layer {
  readonly eps: number;
  /** Gradients of the last backward; overwritten by the next one. */
  readonly dgamma: Matrix;
  readonly dbeta: Matrix;
  private xn: Matrix | null = null;
  private std: Float64Array = new Float64Array(0); // one per row
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  /** gamma, beta: 1 × D rows, held by reference. eps defaults to BatchNormalization's. */
  constructor(public gamma: Matrix, public beta: Matrix, options: { eps?: number } = {}) {
    assertShape("gamma", gamma, 1, -1);
    assertShape("beta", beta, 1, gamma.cols);
    const { eps = BN_EPS } = options;
    assertPositive("eps", eps);
    this.eps = eps;
    this.dgamma = new Matrix(1, gamma.cols);
    this.dbeta = new Matrix(1, gamma.cols);
  }

  forward(x: Matrix, _train = false): Matrix {
    const n = x.rows, d = this.gamma.cols;
    assertShape("x", x, -1, d);
    const xn = (this.xn = reuse(this.xn, n, d));
    const out = (this.out = reuse(this.out, n, d));
    if (this.std.length !== n) this.std = new Float64Array(n);
    const a = x.data, z = xn.data, o = out.data, g = this.gamma.data, b = this.beta.data;
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let mu = 0;
      for (let j = 0; j < d; j++) mu += a[off + j];
      mu /= d;
      let v = 0;
      for (let j = 0; j < d; j++) v += (a[off + j] - mu) * (a[off + j] - mu);
      const std = Math.sqrt(v / d + this.eps);
      this.std[i] = std;
      for (let j = 0; j < d; j++) {
        z[off + j] = (a[off + j] - mu) / std;
        o[off + j] = g[j] * z[off + j] + b[j];
      }
    }
    return out;
  }

  backward(dout: Matrix): Matrix {
    const xn = this.xn;
    if (xn === null) throw new Error("LayerNormalization.backward called before forward");
    const n = xn.rows, d = xn.cols;
    assertShape("dout", dout, n, d);
    const dx = (this.dx = reuse(this.dx, n, d));
    const g = dout.data, z = xn.data, r = dx.data, gamma = this.gamma.data;
    const dgamma = this.dgamma.data, dbeta = this.dbeta.data;
    dgamma.fill(0);
    dbeta.fill(0);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let meanDxn = 0, meanDxnXn = 0;
      for (let j = 0; j < d; j++) {
        const dxn = gamma[j] * g[off + j];
        r[off + j] = dxn;
        meanDxn += dxn;
        meanDxnXn += dxn * z[off + j];
        dbeta[j] += g[off + j];
        dgamma[j] += z[off + j] * g[off + j];
      }
      meanDxn /= d;
      meanDxnXn /= d;
      const inv = 1 / this.std[i];
      for (let j = 0; j < d; j++) r[off + j] = (r[off + j] - meanDxn - z[off + j] * meanDxnXn) * inv;
    }
    return dx;
  }
}
