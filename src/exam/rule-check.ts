/**
 * Comparing an element-wise update rule (a formula of a choice or a blank)
 * with an optimizer of src/optim: both run the same gradients on the same
 * random parameters, and the rule agrees when every element ends up equal.
 */
import { Matrix } from "../core/matrix";
import { RNG } from "../core/rng";
import type { Optimizer } from "../optim/optimizer";

/** Per-element optimizer state, all starting at 0 (np.zeros_like). t counts the steps. */
export interface ElementState {
  v: number;
  h: number;
  m: number;
  t: number;
}

/** One step for one element: returns the new parameter, may update `s`. */
export type ElementRule = (p: number, g: number, s: ElementState) => number;

export interface RandomRun {
  p0: Matrix;
  grads: Matrix[];
}

/** Random parameters (3×4) and `steps` random gradients from a fixed seed. */
export function randomRun(seed: number, steps = 4, rows = 3, cols = 4): RandomRun {
  const rng = new RNG(seed);
  const p0 = Matrix.randn(rows, cols, rng);
  const grads = Array.from({ length: steps }, () => Matrix.randn(rows, cols, rng));
  return { p0, grads };
}

/** The parameters after the optimizer's steps (key "W"). */
export function runOptimizer(opt: Optimizer, run: RandomRun): Matrix {
  const W = run.p0.clone();
  for (const g of run.grads) opt.update({ W }, { W: g });
  return W;
}

/** The parameters after applying `rule` element by element. */
export function runRule(rule: ElementRule, run: RandomRun): Float64Array {
  const p = Float64Array.from(run.p0.data);
  const states: ElementState[] = Array.from(p, () => ({ v: 0, h: 0, m: 0, t: 0 }));
  for (const g of run.grads) {
    for (let i = 0; i < p.length; i++) p[i] = rule(p[i], g.data[i], states[i]);
  }
  return p;
}

/** Every element finite and |a − b| ≤ tol · (1 + |b|). */
export function allClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])))) return false;
  }
  return true;
}

/** Does `rule` reproduce `makeOptimizer()` on a random run? */
export function ruleAgrees(makeOptimizer: () => Optimizer, rule: ElementRule, seed = 6, tol = 1e-10): boolean {
  const run = randomRun(seed);
  const expected = runOptimizer(makeOptimizer(), run).data;
  let got: Float64Array;
  try {
    got = runRule(rule, run);
  } catch {
    return false;
  }
  return allClose(got, expected, tol);
}
