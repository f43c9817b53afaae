/**
 * Why SGD zig-zags on f(x, y) = x²/20 + y²: the exact linear analysis.
 *
 * Near a minimum p*, gradient descent on a quadratic with Hessian H is linear:
 *   e ← (I − η H) e,   e = p − p*.
 * Along each eigenvector of H (for the book's f: the x and y axes, H = diag(0.1, 2))
 * the error is multiplied by (1 − η λᵢ) every step, so
 *   - it converges iff |1 − η λᵢ| < 1 for all i  ⇔  η < 2/λmax   (= 1 for the book's f);
 *   - the slowest factor max|1 − η λᵢ| is smallest at η* = 2/(λmin + λmax),
 *     where it equals (κ − 1)/(κ + 1), κ = λmax/λmin the condition number.
 * The Hessian comes from the engine's Function2D by differentiating its symbolic
 * partial derivatives once more (mathjs), not from a hand-typed matrix.
 * Momentum and Nesterov are linear too (state (e, v)); their per-step rate is the
 * spectral radius of a 2×2 matrix per eigenvalue (see linearRate).
 */
import { derivative, parse } from "mathjs";
import { ArgumentError, assertFinite, assertInteger, assertPositive } from "../../core/errors";
import { Function2D, Point2D } from "../../functions/index";
import { BOOK_2D_SETTINGS, BookOptimizerName, optimizerPath2D, toFunction2D } from "./paths-2d";

export type Matrix2 = [[number, number], [number, number]];

/** The Hessian of fn at `at` from symbolic second derivatives. */
export function hessian2D(fn: Function2D, at: Point2D): Matrix2 {
  if (!Array.isArray(at) || at.length !== 2 || !at.every(Number.isFinite)) throw new ArgumentError("at", "a point [x, y] of finite numbers", at);
  const scope = { x: at[0], y: at[1] };
  const second = (first: string, v: "x" | "y"): number => {
    const value = derivative(parse(first), v).compile().evaluate(scope);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ArgumentError("fn", `a function whose second derivatives are finite real numbers at (${at.join(", ")})`, String(value));
    }
    return value;
  };
  const xx = second(fn.dfdx, "x"), xy = second(fn.dfdx, "y"), yy = second(fn.dfdy, "y");
  return [[xx, xy], [xy, yy]];
}

export interface Eigen2 {
  /** Ascending: [λmin, λmax]. */
  values: [number, number];
  /** Unit eigenvectors, vectors[i] for values[i]. */
  vectors: [Point2D, Point2D];
}

/** Eigen-decomposition of a symmetric 2×2 matrix (closed form). */
export function eigenSym2(h: Matrix2): Eigen2 {
  const [[a, b], [b2, c]] = h;
  for (const v of [a, b, b2, c]) assertFinite("h", v);
  if (Math.abs(b - b2) > 1e-12 * (1 + Math.abs(b))) throw new ArgumentError("h", "a symmetric matrix", `h[0][1] = ${b}, h[1][0] = ${b2}`);
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const lo = mean - r, hi = mean + r;
  if (b === 0) {
    // already diagonal: the axes themselves, ordered by curvature
    return a <= c ? { values: [a, c], vectors: [[1, 0], [0, 1]] } : { values: [c, a], vectors: [[0, 1], [1, 0]] };
  }
  const vec = (l: number): Point2D => {
    const n = Math.hypot(b, l - a);
    return [b / n, (l - a) / n];
  };
  return { values: [lo, hi], vectors: [vec(lo), vec(hi)] };
}

/** Spectral radius of a real 2×2 matrix [[p, q], [r, s]]. */
export function spectralRadius2(m: Matrix2): number {
  const t = m[0][0] + m[1][1];
  const d = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const disc = t * t - 4 * d;
  if (disc < 0) return Math.sqrt(d); // complex pair: |z|² = det
  const s = Math.sqrt(disc);
  return Math.max(Math.abs((t + s) / 2), Math.abs((t - s) / 2));
}

/**
 * Per-step contraction of the error along an eigen-direction of curvature λ
 * (|1 − ηλ| for SGD; spectral radius of the (e, v) iteration for Momentum and
 * Nesterov, in the book's update forms). < 1 converges, > 1 diverges.
 */
export function linearRate(optimizer: "SGD" | "Momentum" | "Nesterov", hp: { lr: number; momentum?: number }, lambda: number): number {
  assertPositive("lr", hp.lr);
  assertFinite("lambda", lambda);
  const a = hp.lr * lambda;
  const b = hp.momentum ?? 0.9;
  switch (optimizer) {
    case "SGD":
      return Math.abs(1 - a);
    case "Momentum": // v ← βv − ηλe;  e ← e + v
      return spectralRadius2([[1 - a, b], [-a, b]]);
    case "Nesterov": // e ← e + β²v − (1+β)ηλe;  v ← βv − ηλe
      return spectralRadius2([[1 - (1 + b) * a, b * b], [-a, b]]);
    default:
      throw new ArgumentError("optimizer", "SGD, Momentum or Nesterov (the methods that are linear on a quadratic)", optimizer);
  }
}

/** Updates needed to shrink the error by `factor` at per-step rate `rate` (Infinity when rate ≥ 1). */
export function stepsToShrink(rate: number, factor = 1e-3): number {
  if (rate >= 1) return Infinity;
  if (rate === 0) return 1;
  return Math.ceil(Math.log(factor) / Math.log(rate));
}

export type Regime = "converges" | "oscillates-converges" | "oscillates-forever" | "diverges";

export interface SgdLrRow {
  lr: number;
  /** Why this row is in the table, e.g. "本書" or "最適 2/(λmin+λmax)". */
  note: string;
  /** 1 − η λ along (λmin, λmax) eigen-directions. */
  factors: [number, number];
  /** max |1 − η λᵢ|. */
  rate: number;
  /** Updates to shrink the error 1000-fold (Infinity if never). */
  stepsTo1e3: number;
  regime: Regime;
}

export interface SgdAnalysis {
  formula: string;
  at: Point2D;
  hessian: Matrix2;
  /** True when the Hessian is the same at the point and far away (a quadratic: the analysis is exact). */
  exact: boolean;
  eigen: Eigen2;
  conditionNumber: number;
  /** SGD diverges for η > 2/λmax. */
  divergenceLr: number;
  /** η* = 2/(λmin + λmax) and its rate (κ − 1)/(κ + 1). */
  bestLr: number;
  bestRate: number;
  bookLr: number;
  rows: SgdLrRow[];
  /** Momentum (heavy ball) with the best fixed η, α: rate (√κ − 1)/(√κ + 1). */
  bestMomentum: { lr: number; momentum: number; rate: number };
  /** Per-step rates of the book's 2-D settings (slowest direction). */
  bookRates: { optimizer: "SGD" | "Momentum" | "Nesterov"; lr: number; momentum?: number; rate: number }[];
}

function regime(f: [number, number]): Regime {
  const r = Math.max(Math.abs(f[0]), Math.abs(f[1]));
  if (r > 1 + 1e-12) return "diverges";
  if (r > 1 - 1e-12) return "oscillates-forever";
  return f[0] < 0 || f[1] < 0 ? "oscillates-converges" : "converges";
}

export interface SgdAnalysisOptions {
  fn?: Function2D | string;
  /** Where to take the Hessian (a minimum); default the first known minimum or (0, 0). */
  at?: Point2D;
  /** Extra learning rates for the table. */
  lrs?: readonly number[];
}

/** The exact SGD analysis of a quadratic (default: the book's f). */
export function sgdAnalysis({ fn, at, lrs = [0.1, 0.5] }: SgdAnalysisOptions = {}): SgdAnalysis {
  const f = toFunction2D(fn);
  const p: Point2D = at ?? f.minima[0] ?? [0, 0];
  const hessian = hessian2D(f, p);
  const far = hessian2D(f, [p[0] + 3.7, p[1] - 2.3]);
  const exact = hessian.every((row, i) => row.every((v, j) => Math.abs(v - far[i][j]) <= 1e-12 * (1 + Math.abs(v))));
  const eigen = eigenSym2(hessian);
  const [lmin, lmax] = eigen.values;
  if (!(lmin > 0)) {
    throw new ArgumentError("at", "a point where the Hessian is positive definite (a minimum)", `eigenvalues ${lmin}, ${lmax}`);
  }
  const kappa = lmax / lmin;
  const bestLr = 2 / (lmin + lmax);
  const bookLr = BOOK_2D_SETTINGS.SGD.lr;
  const divergenceLr = 2 / lmax;
  const entries: [number, string][] = [
    ...lrs.map((lr): [number, string] => [lr, ""]),
    [bookLr, "本書の設定"],
    [bestLr, "最適 2/(λmin+λmax)"],
    [divergenceLr, "発散の境界 2/λmax"],
    [divergenceLr * 1.05, "境界の 1.05 倍"],
  ];
  const rows = entries
    .sort((a, b) => a[0] - b[0])
    .map(([lr, note]): SgdLrRow => {
      assertPositive("lrs", lr);
      const factors: [number, number] = [1 - lr * lmin, 1 - lr * lmax];
      const rate = Math.max(Math.abs(factors[0]), Math.abs(factors[1]));
      return { lr, note, factors, rate, stepsTo1e3: stepsToShrink(rate), regime: regime(factors) };
    });
  const sk = Math.sqrt(kappa);
  const bestMomentum = {
    lr: 4 / (Math.sqrt(lmax) + Math.sqrt(lmin)) ** 2,
    momentum: ((sk - 1) / (sk + 1)) ** 2,
    rate: (sk - 1) / (sk + 1),
  };
  const bookRates = (["SGD", "Momentum", "Nesterov"] as const).map((name) => {
    const hp = BOOK_2D_SETTINGS[name as BookOptimizerName] as { lr: number; momentum?: number };
    const rate = Math.max(linearRate(name, hp, lmin), linearRate(name, hp, lmax));
    return { optimizer: name, lr: hp.lr, ...(hp.momentum !== undefined ? { momentum: hp.momentum } : {}), rate };
  });
  return {
    formula: f.expression, at: p, hessian, exact, eigen, conditionNumber: kappa,
    divergenceLr, bestLr, bestRate: (kappa - 1) / (kappa + 1), bookLr, rows, bestMomentum, bookRates,
  };
}

export interface AxisErrors {
  lr: number;
  /** Update number k = 0 … steps (shorter if the run diverged). */
  k: number[];
  /** |error| along the λmin and λmax eigen-directions, measured on the engine's SGD path. */
  measured: [number[], number[]];
  /** |e₀ᵢ| · |1 − η λᵢ|^k, the closed form. */
  predicted: [number[], number[]];
  eigenvalues: [number, number];
  diverged: boolean;
}

export interface AxisErrorOptions extends SgdAnalysisOptions {
  start?: Point2D;
  steps?: number;
}

/**
 * Per-axis |error| against the update number for several SGD learning rates:
 * the engine's path (measured) beside the closed form (predicted).
 * Default lrs: 0.5, the book's 0.95, the best 2/(λmin+λmax) and 1.1·2/λmax (diverges).
 */
export function sgdAxisErrors({ fn, at, lrs, start, steps = 30 }: AxisErrorOptions = {}): AxisErrors[] {
  const f = toFunction2D(fn);
  assertInteger("steps", steps, 1, 100000);
  const a = sgdAnalysis({ fn: f, at, lrs: [] });
  const p = a.at;
  const s = start ?? f.start;
  const list = lrs ?? [0.5, a.bookLr, a.bestLr, 1.1 * a.divergenceLr];
  const [v0, v1] = a.eigen.vectors;
  const proj = (q: Point2D, v: Point2D): number => Math.abs((q[0] - p[0]) * v[0] + (q[1] - p[1]) * v[1]);
  return list.map((lr) => {
    assertPositive("lrs", lr);
    const run = optimizerPath2D({ optimizer: "SGD", hyperparams: { lr }, fn: f, start: s, steps });
    const k = run.path.map((_, i) => i);
    const e0 = [proj(s, v0), proj(s, v1)];
    const factors = a.eigen.values.map((l) => Math.abs(1 - lr * l));
    return {
      lr, k,
      measured: [run.path.map((q) => proj(q, v0)), run.path.map((q) => proj(q, v1))],
      predicted: [k.map((i) => e0[0] * factors[0] ** i), k.map((i) => e0[1] * factors[1] ** i)],
      eigenvalues: a.eigen.values,
      diverged: run.diverged,
    };
  });
}
