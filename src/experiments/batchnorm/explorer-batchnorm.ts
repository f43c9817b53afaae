/**
 * What the live Batch Normalization explorer (6-3) computes for one state, in
 * Node and in the page alike: the engine's BatchNormalization layer, forward in
 * train mode, on a small mini-batch the reader edits (the default is the 1.1
 * worked example: 4 samples × 2 features, γ = (2, 1), β = (1, 0)).
 *
 * Every number comes from the layer, none from a second formula:
 *   x̂     the layer's output with γ = 1, β = 0 (1·x̂ + 0 is x̂ exactly);
 *   μ, σ²  the layer's running_mean / running_var after one train-mode forward
 *          with momentum 0 (0·0 + 1·μ is μ exactly);
 *   y     the layer's output after γ, β are set to the reader's values (the
 *          same input, so the same μ, σ², x̂).
 * √(σ² + ε) is the layer's own expression with its ε, the book's 10e-7.
 *
 * The state may come from a shared URL: sizes are capped and every number is
 * checked (checkBatchNormExplorerState names the refused field).
 */
import { ArgumentError } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { BN_EPS, BatchNormalization } from "../../nn/batch-normalization";
import { WORKED_EXAMPLE } from "./worked-example";

export const BATCHNORM_EXPLORER_LIMITS = { rows: 8, features: 3, value: 1e6, gamma: 1e7, beta: 1e6 } as const;

export interface BatchNormExplorerState {
  /** m × D mini-batch, 1 ≤ m ≤ 8, 1 ≤ D ≤ 3, |value| ≤ 1e6. */
  x?: number[][];
  /** One per feature (default the worked example's, or 1). */
  gamma?: number[];
  /** One per feature (default the worked example's, or 0). */
  beta?: number[];
}

export interface BatchNormExplorerResult {
  m: number;
  d: number;
  eps: number;
  x: number[][];
  gamma: number[];
  beta: number[];
  mu: number[];
  variance: number[];
  /** √(σ² + ε) per feature. */
  std: number[];
  xhat: number[][];
  y: number[][];
  /** m = 1: μ is the sample itself, σ² = 0, x̂ = 0 and y = β (the layer warns once). */
  batchOfOne: boolean;
  /** Features whose values are all equal (σ² = 0): their x̂ is 0 and y is β. */
  constantFeatures: number[];
}

const KEYS = ["x", "gamma", "beta"];

const finite = (name: string, v: unknown, cap: number): number => {
  if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > cap) throw new ArgumentError(name, `a finite number in [${-cap}, ${cap}]`, v);
  return v;
};

/** The state with defaults filled in; throws an ArgumentError naming the field for anything refused. */
export function checkBatchNormExplorerState(raw: unknown): Required<BatchNormExplorerState> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ArgumentError("state", "an object", raw);
  const s = raw as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!KEYS.includes(k)) throw new ArgumentError(k, `not a setting of the Batch Normalization explorer (settings: ${KEYS.join(", ")})`);
  const L = BATCHNORM_EXPLORER_LIMITS;
  const xRaw = s.x === undefined ? WORKED_EXAMPLE.x : s.x;
  if (!Array.isArray(xRaw) || xRaw.length < 1 || xRaw.length > L.rows) throw new ArgumentError("x", `1 to ${L.rows} rows (samples)`, Array.isArray(xRaw) ? `${xRaw.length} rows` : xRaw);
  const d = Array.isArray(xRaw[0]) ? xRaw[0].length : 0;
  if (d < 1 || d > L.features) throw new ArgumentError("x[0]", `1 to ${L.features} numbers (features)`, xRaw[0]);
  const x = xRaw.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== d) throw new ArgumentError(`x[${i}]`, `${d} numbers, like x[0]`, row);
    return row.map((v: unknown, j) => finite(`x[${i}][${j}]`, v, L.value));
  });
  const perFeature = (key: "gamma" | "beta", cap: number, fallback: number): number[] => {
    const v = s[key] === undefined ? (s.x === undefined ? WORKED_EXAMPLE[key] : Array(d).fill(fallback)) : s[key];
    if (!Array.isArray(v) || v.length !== d) throw new ArgumentError(key, `${d} numbers (one per feature)`, v);
    return v.map((a: unknown, j) => finite(`${key}[${j}]`, a, cap));
  };
  return { x, gamma: perFeature("gamma", L.gamma, 1), beta: perFeature("beta", L.beta, 0) };
}

/** μ, σ², x̂ and y of the engine's BatchNormalization (train mode) for the explorer's state. */
export function exploreBatchNorm(raw: unknown): BatchNormExplorerResult {
  const { x, gamma, beta } = checkBatchNormExplorerState(raw);
  const m = x.length, d = gamma.length;
  const input = Matrix.from(x);
  const layer = new BatchNormalization(Matrix.full(1, d, 1), new Matrix(1, d), { momentum: 0 });
  const xhat = layer.forward(input, true).toArray();
  const mu = Array.from(layer.runningMean!.data);
  const variance = Array.from(layer.runningVar!.data);
  layer.gamma.data.set(gamma);
  layer.beta.data.set(beta);
  const y = layer.forward(input, true).toArray();
  return {
    m, d, eps: BN_EPS, x, gamma, beta, mu, variance,
    std: variance.map((v) => Math.sqrt(v + BN_EPS)),
    xhat, y,
    batchOfOne: m === 1,
    constantFeatures: variance.flatMap((v, j) => (v === 0 ? [j] : [])),
  };
}
