/**
 * A Batch Normalization example small enough to check by hand, every node of
 * the computational graph written out (forward and backward), next to what the
 * engine's BatchNormalization layer returns for the same input.
 *
 * Default input: a mini-batch of m = 4 samples with 2 features
 *   feature 1: 0, 6, 6, 8  → μ = 5, σ² = 9,  σ = 3, x̂ = −5/3, 1/3, 1/3, 1
 *   feature 2: 1, 1, 3, 3  → μ = 2, σ² = 1,  σ = 1, x̂ = −1, −1, 1, 1
 * γ = (2, 1), β = (1, 0), and an upstream gradient ∂L/∂y that is 1 on the
 * first sample's feature 1 and on the last sample's feature 2, 0 elsewhere.
 *
 * The graph (per feature, the book's variable names):
 *   μ = mean(x);  xc = x − μ;  σ² = mean(xc²);  std = √(σ² + ε);  x̂ = xc / std;  y = γ·x̂ + β
 * Backward, node by node (each line is one of the book's backward statements):
 *   dβ = Σ dy;  dγ = Σ x̂·dy;  dx̂ = γ·dy
 *   dxc  = dx̂ / std                    (through x̂ = xc / std, std held fixed)
 *   dstd = −Σ dx̂·xc / std²             (through x̂ = xc / std, xc held fixed)
 *   dσ²  = dstd / (2·std)              (std = √(σ² + ε))
 *   dxc += (2/m)·xc·dσ²                (σ² = mean(xc²))
 *   dμ   = Σ dxc                       (xc = x − μ, the μ branch)
 *   dx   = dxc − dμ / m                (μ = mean(x))
 * which collapses to dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / std.
 */
import { ArgumentError } from "../../core/errors";
import { Matrix, assertShape } from "../../core/matrix";
import { BN_EPS, BatchNormalization } from "../../nn/batch-normalization";

export interface WorkedExampleInput {
  /** m × D mini-batch. */
  x: number[][];
  gamma: number[];
  beta: number[];
  /** ∂L/∂y, m × D. */
  dout: number[][];
  eps?: number;
}

export const WORKED_EXAMPLE: WorkedExampleInput = {
  x: [[0, 1], [6, 1], [6, 3], [8, 3]],
  gamma: [2, 1],
  beta: [1, 0],
  dout: [[1, 0], [0, 0], [0, 0], [0, 1]],
};

/** Every node of the graph; per-feature vectors have length D, per-element arrays are m × D. */
export interface WorkedExample {
  m: number;
  eps: number;
  x: number[][];
  gamma: number[];
  beta: number[];
  mu: number[];
  xc: number[][];
  variance: number[];
  std: number[];
  xhat: number[][];
  y: number[][];
  dout: number[][];
  dbeta: number[];
  dgamma: number[];
  dxhat: number[][];
  /** dxc from the x̂ = xc/std edge only (before the σ² branch is added). */
  dxcDirect: number[][];
  dstd: number[];
  dvar: number[];
  /** dxc after adding the σ² branch: the full gradient at xc. */
  dxc: number[][];
  dmu: number[];
  dx: number[][];
  /** dx by the collapsed formula (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / std. */
  dxFormula: number[][];
  /** The engine's layer on the same input (train mode). */
  layer: { y: number[][]; dx: number[][]; dgamma: number[]; dbeta: number[] };
}

const cols = (a: number[][], d: number): number[][] => Array.from({ length: d }, (_, j) => a.map((r) => r[j]));
const sum = (v: number[]): number => v.reduce((s, x) => s + x, 0);

function check(input: WorkedExampleInput): void {
  if (input === null || typeof input !== "object") throw new ArgumentError("input", "{ x, gamma, beta, dout }", input);
  const xm = Matrix.from(input.x);
  if (xm.rows < 1) throw new ArgumentError("x", "at least one row");
  if (!Array.isArray(input.gamma) || input.gamma.length !== xm.cols) throw new ArgumentError("gamma", `${xm.cols} numbers (one per feature)`, input.gamma);
  if (!Array.isArray(input.beta) || input.beta.length !== xm.cols) throw new ArgumentError("beta", `${xm.cols} numbers (one per feature)`, input.beta);
  assertShape("dout", Matrix.from(input.dout), xm.rows, xm.cols);
}

export function batchNormWorkedExample(input: WorkedExampleInput = WORKED_EXAMPLE): WorkedExample {
  check(input);
  const { x, gamma, beta, dout } = input;
  const eps = input.eps ?? BN_EPS;
  const m = x.length, d = gamma.length;
  const perRow = (f: (i: number, j: number) => number): number[][] => x.map((_, i) => gamma.map((_, j) => f(i, j)));

  // forward
  const mu = cols(x, d).map((c) => sum(c) / m);
  const xc = perRow((i, j) => x[i][j] - mu[j]);
  const variance = cols(xc, d).map((c) => sum(c.map((v) => v * v)) / m);
  const std = variance.map((v) => Math.sqrt(v + eps));
  const xhat = perRow((i, j) => xc[i][j] / std[j]);
  const y = perRow((i, j) => gamma[j] * xhat[i][j] + beta[j]);

  // backward, node by node
  const dbeta = cols(dout, d).map(sum);
  const dgamma = gamma.map((_, j) => sum(x.map((_, i) => xhat[i][j] * dout[i][j])));
  const dxhat = perRow((i, j) => gamma[j] * dout[i][j]);
  const dxcDirect = perRow((i, j) => dxhat[i][j] / std[j]);
  const dstd = gamma.map((_, j) => -sum(x.map((_, i) => (dxhat[i][j] * xc[i][j]) / (std[j] * std[j]))));
  const dvar = dstd.map((v, j) => (0.5 * v) / std[j]);
  const dxc = perRow((i, j) => dxcDirect[i][j] + (2 / m) * xc[i][j] * dvar[j]);
  const dmu = cols(dxc, d).map(sum);
  const dx = perRow((i, j) => dxc[i][j] - dmu[j] / m);
  const meanDxhat = cols(dxhat, d).map((c) => sum(c) / m);
  const meanDxhatXhat = gamma.map((_, j) => sum(x.map((_, i) => dxhat[i][j] * xhat[i][j])) / m);
  const dxFormula = perRow((i, j) => (dxhat[i][j] - meanDxhat[j] - xhat[i][j] * meanDxhatXhat[j]) / std[j]);

  // the engine's layer (its eps is the book's; a custom eps is not comparable)
  const layer = new BatchNormalization(Matrix.row(gamma), Matrix.row(beta));
  const ly = layer.forward(Matrix.from(x), true).toArray();
  const ldx = layer.backward(Matrix.from(dout)).toArray();

  return {
    m, eps, x, gamma, beta, mu, xc, variance, std, xhat, y, dout,
    dbeta, dgamma, dxhat, dxcDirect, dstd, dvar, dxc, dmu, dx, dxFormula,
    layer: { y: ly, dx: ldx, dgamma: Array.from(layer.dgamma.data), dbeta: Array.from(layer.dbeta.data) },
  };
}
