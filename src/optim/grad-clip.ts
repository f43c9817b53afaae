/**
 * Gradient clipping (勾配クリッピング): keep one huge gradient from throwing
 * the parameters far away (勾配爆発).
 *
 *   by norm   ‖g‖ = √(Σ over ALL parameters of g²);  if ‖g‖ > c:  g ← g · c / ‖g‖
 *             (Goodfellow et al. §10.11.1; PyTorch clip_grad_norm_: the direction is kept)
 *   by value  g_i ← min(max(g_i, −c), c)  element by element
 *             (PyTorch clip_grad_value_: the direction can change)
 *
 * The two functions change `grads` in place and report what they did;
 * `GradClip` wraps any optimizer and clips a copy, so the caller's gradients
 * are left as they were.
 */
import { ArgumentError, assertFinite, assertPositive } from "../core/errors";
import { Matrix } from "../core/matrix";
import { checkParamsGrads, type Optimizer, type OptimizerName, type Params } from "./optimizer";

export interface ClipReport {
  /** ‖g‖ over all parameters BEFORE clipping. */
  norm: number;
  /** Whether any element was changed. */
  clipped: boolean;
  /** By norm: the factor c/‖g‖ applied (1 when not clipped). By value: the number of elements clamped. */
  scale: number;
}

function checkGrads(grads: Params): void {
  if (grads === null || typeof grads !== "object") throw new ArgumentError("grads", "an object of Matrix by name", grads);
  for (const [k, g] of Object.entries(grads)) if (!(g instanceof Matrix)) throw new ArgumentError(`grads["${k}"]`, "a Matrix", g);
}

/**
 * The global L2 norm √(Σ g²) over every matrix of grads. Computed as
 * m·√(Σ (g/m)²) with m = max |g|, so that exploding gradients (|g| ~ 1e160)
 * give their true norm instead of ∞. NaN if any element is NaN, ∞ if any is ±∞.
 */
export function gradNorm(grads: Params): number {
  checkGrads(grads);
  let m = 0;
  for (const key of Object.keys(grads)) {
    const g = grads[key].data;
    for (let i = 0; i < g.length; i++) {
      const a = Math.abs(g[i]);
      if (!(a <= m)) m = a; // also picks up NaN
    }
  }
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (const key of Object.keys(grads)) {
    const g = grads[key].data;
    for (let i = 0; i < g.length; i++) s += (g[i] / m) * (g[i] / m);
  }
  return m * Math.sqrt(s);
}

/** In place: if ‖g‖ > maxNorm, multiply every gradient by maxNorm/‖g‖. */
export function clipGradNorm(grads: Params, maxNorm: number): ClipReport {
  assertPositive("maxNorm", maxNorm);
  const norm = gradNorm(grads);
  if (!Number.isFinite(norm)) throw new ArgumentError("grads", "finite gradients (clipping cannot rescue NaN/∞)", norm);
  if (norm <= maxNorm) return { norm, clipped: false, scale: 1 };
  const scale = maxNorm / norm;
  for (const key of Object.keys(grads)) {
    const g = grads[key].data;
    for (let i = 0; i < g.length; i++) g[i] *= scale;
  }
  return { norm, clipped: true, scale };
}

/** In place: clamp every element to [−clipValue, clipValue]. */
export function clipGradValue(grads: Params, clipValue: number): ClipReport {
  assertPositive("clipValue", clipValue);
  const norm = gradNorm(grads);
  if (!Number.isFinite(norm)) throw new ArgumentError("grads", "finite gradients (clipping cannot rescue NaN/∞)", norm);
  let count = 0;
  for (const key of Object.keys(grads)) {
    const g = grads[key].data;
    for (let i = 0; i < g.length; i++) {
      if (g[i] > clipValue) (g[i] = clipValue), count++;
      else if (g[i] < -clipValue) (g[i] = -clipValue), count++;
    }
  }
  return { norm, clipped: count > 0, scale: count };
}

export type ClipOptions = { maxNorm: number; clipValue?: undefined } | { clipValue: number; maxNorm?: undefined };

/**
 * Any optimizer with gradient clipping: update(params, grads) clips a copy of
 * grads (by norm or by value) and passes it to the wrapped optimizer.
 * `lastReport` says what the last update did (norm before clipping …).
 */
export class GradClip implements Optimizer {
  readonly name: OptimizerName;
  readonly mode: "norm" | "value";
  readonly threshold: number;
  lastReport: ClipReport | null = null;
  private readonly copy: Params = {};

  constructor(readonly optimizer: Optimizer, options: ClipOptions) {
    if (optimizer === null || typeof optimizer !== "object" || typeof optimizer.update !== "function") {
      throw new ArgumentError("optimizer", "an Optimizer (e.g. new SGD({ lr: 0.1 }))", optimizer);
    }
    const o = (options ?? {}) as { maxNorm?: number; clipValue?: number };
    if ((o.maxNorm === undefined) === (o.clipValue === undefined)) {
      throw new ArgumentError("options", "exactly one of { maxNorm } (clip by norm) or { clipValue } (clip by value)", options);
    }
    this.mode = o.maxNorm !== undefined ? "norm" : "value";
    this.threshold = (o.maxNorm ?? o.clipValue) as number;
    assertFinite(this.mode === "norm" ? "maxNorm" : "clipValue", this.threshold);
    assertPositive(this.mode === "norm" ? "maxNorm" : "clipValue", this.threshold);
    this.name = optimizer.name;
  }

  get lr(): number {
    return this.optimizer.lr;
  }

  update(params: Params, grads: Params): void {
    checkParamsGrads(params, grads);
    for (const key of Object.keys(grads)) {
      const g = grads[key];
      let c = this.copy[key];
      if (c === undefined || c.rows !== g.rows || c.cols !== g.cols) c = this.copy[key] = Matrix.zeros(g.rows, g.cols);
      c.data.set(g.data);
    }
    for (const key of Object.keys(this.copy)) if (!(key in grads)) delete this.copy[key];
    this.lastReport = this.mode === "norm" ? clipGradNorm(this.copy, this.threshold) : clipGradValue(this.copy, this.threshold);
    this.optimizer.update(params, this.copy);
  }

  reset(): void {
    this.optimizer.reset();
    this.lastReport = null;
  }

  hyperparams(): Record<string, number> {
    return { ...this.optimizer.hyperparams(), [this.mode === "norm" ? "maxNorm" : "clipValue"]: this.threshold };
  }
}
