/**
 * Why L1 gives zeros and L2 does not, in two dimensions: minimise the
 * quadratic loss L(w) = ½ (w − w*)ᵀ H (w − w*) (H = diag(h₁, h₂), the usual
 * local approximation of a loss around its minimum w*) subject to
 *   L1:  |w₁| + |w₂| ≤ t   (a diamond)      L2:  w₁² + w₂² ≤ t²  (a circle).
 * (The penalised forms L + λ‖w‖₁ and L + ½λ‖w‖² have the same minimisers
 * for a matching λ: Lagrange.) The constrained optimum is where the smallest
 * loss contour touches the set; the diamond's corners stick out, so the
 * contour usually touches a corner, where one coordinate is exactly 0.
 *
 * Found by a dense search along the boundary refined by golden-section steps
 * (w* is outside the set, so the optimum is on the boundary).
 */
import { ArgumentError, assertPositive } from "../../core/errors";

export type Norm = "l1" | "l2";

export interface GeometryProblem {
  /** Unconstrained minimum w*. */
  wStar: [number, number];
  /** Curvatures h₁, h₂ of L along w₁, w₂. */
  h: [number, number];
  /** Radius t of the diamond / circle. */
  t: number;
}

export const GEOMETRY_DEFAULT: GeometryProblem = { wStar: [2, 0.5], h: [1, 1.5], t: 1 };

export function quadraticLoss(p: GeometryProblem, w: [number, number]): number {
  const d1 = w[0] - p.wStar[0], d2 = w[1] - p.wStar[1];
  return 0.5 * (p.h[0] * d1 * d1 + p.h[1] * d2 * d2);
}

/** The boundary point at parameter s ∈ [0, 4) (one unit per quadrant). */
export function boundaryPoint(norm: Norm, t: number, s0: number): [number, number] {
  const s = ((s0 % 4) + 4) % 4;
  const q = Math.floor(s) % 4, u = s - Math.floor(s);
  if (norm === "l2") {
    const a = (Math.PI / 2) * (q + u);
    return [t * Math.cos(a), t * Math.sin(a)];
  }
  // diamond: from corner (t,0) to (0,t), (0,t) to (−t,0), …
  const corners: [number, number][] = [[t, 0], [0, t], [-t, 0], [0, -t]];
  const a = corners[q], b = corners[(q + 1) % 4];
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
}

export interface ConstrainedOptimum {
  norm: Norm;
  w: [number, number];
  loss: number;
  /** Coordinates that are 0 (to 1e-9). */
  zeros: number[];
}

export function constrainedOptimum(norm: Norm, p: GeometryProblem = GEOMETRY_DEFAULT): ConstrainedOptimum {
  if (norm !== "l1" && norm !== "l2") throw new ArgumentError("norm", '"l1" or "l2"', norm);
  assertPositive("t", p.t);
  p.h.forEach((v, i) => assertPositive(`h[${i}]`, v));
  const inside = norm === "l1" ? Math.abs(p.wStar[0]) + Math.abs(p.wStar[1]) <= p.t : Math.hypot(p.wStar[0], p.wStar[1]) <= p.t;
  if (inside) throw new ArgumentError("wStar", "a point outside the constraint set (otherwise the constraint is inactive)", p.wStar);
  const f = (s: number) => quadraticLoss(p, boundaryPoint(norm, p.t, s));
  const N = 4000;
  let best = 0;
  for (let i = 1; i < N; i++) if (f((4 * i) / N) < f((4 * best) / N)) best = i;
  // golden-section search on the bracket around the best grid point (within one quadrant's piece for L1)
  let lo = (4 * (best - 1)) / N, hi = (4 * (best + 1)) / N;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80; k++) {
    const a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  let s = (lo + hi) / 2;
  // a corner of the diamond (integer s) wins ties: compare with the nearest one
  const r = Math.round(s);
  if (norm === "l1" && Math.abs(s - r) < 2e-3 && f(r) <= f(s)) s = r;
  const w = boundaryPoint(norm, p.t, ((s % 4) + 4) % 4);
  const clean = w.map((v) => (Math.abs(v) < 1e-12 ? 0 : v)) as [number, number];
  return { norm, w: clean, loss: quadraticLoss(p, clean), zeros: clean.flatMap((v, i) => (Math.abs(v) < 1e-9 ? [i] : [])) };
}
