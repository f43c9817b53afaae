/**
 * Run an optimizer on a 2-D function and record its path, like the loop of
 * the book's optimizer_compare_naive.py: params = { x, y } (1×1 matrices),
 * grads from the symbolic gradient, optimizer.update(params, grads).
 *
 * The path starts with the start point and has one more point per update
 * (steps + 1 points in all; the book's figure shows the start + 29 updates).
 *
 * Divergence (one rule for the CLI, the static figures and the live
 * explorers, all of which call this function): an update diverges when
 *   - x, y or f(x, y) is not a finite number, or
 *   - f has grown by three orders of magnitude over its start:
 *     f − f(start) > 1000 · max(|f(start)|, 1), or
 *   - a coordinate is far beyond the function's view: outside its plot range
 *     widened by 10 range widths on each side (or beyond an explicit `bound`).
 * The run then ends: the bad point is NOT added (the path stays drawable) and
 * the result says diverged, the update number and the reason. A start where f
 * is not defined (log(x) at x = −7) is reported too: divergedAt 0, reason "start".
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";
import type { Optimizer } from "../optim/optimizer";
import type { Function2D, Point2D } from "./function-2d";

/** f may grow to f(start) + F_GROWTH · max(|f(start)|, 1) before the run counts as diverged. */
export const F_GROWTH = 1000;
/** A coordinate may leave the plot range by this many range widths on either side. */
export const VIEW_MARGIN = 10;

export type DivergenceReason = "start" | "not-finite" | "f-grew" | "far-outside";

/** Japanese one-liners for the reasons (figures, explorers). */
export const DIVERGENCE_REASON_JA: Record<DivergenceReason, string> = {
  start: "出発点で f が定義されていません（NaN/∞）",
  "not-finite": "値が NaN/∞ になりました",
  "f-grew": `f が出発点の値から ${F_GROWTH} 倍以上に増えました`,
  "far-outside": `座標が表示範囲から範囲の幅の ${VIEW_MARGIN} 倍以上離れました`,
};

export interface OptimizePathOptions {
  /** An extra absolute bound: |x| or |y| above it counts as diverged (default: only the rule above). */
  bound?: number;
}

export interface OptimizePathResult {
  /** Visited points, start first. */
  points: Point2D[];
  /** Same as points, split for plotting. */
  x: number[];
  y: number[];
  /** f at each point. */
  f: number[];
  diverged: boolean;
  /** 1-based number of the update that diverged (0: f is not finite at the start), or null. */
  divergedAt: number | null;
  /** Why the run was stopped (present only when diverged). */
  reason?: DivergenceReason;
}

/** The reason update values (x, y, f) count as diverged, or null. Pure; also used by the page. */
export function divergenceReason(
  fn: Pick<Function2D, "xRange" | "yRange">,
  f0: number,
  x: number,
  y: number,
  fv: number,
  bound = Infinity,
): DivergenceReason | null {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(fv)) return "not-finite";
  if (fv - f0 > F_GROWTH * Math.max(Math.abs(f0), 1)) return "f-grew";
  const [x0, x1] = fn.xRange, [y0, y1] = fn.yRange;
  const mx = VIEW_MARGIN * (x1 - x0), my = VIEW_MARGIN * (y1 - y0);
  if (x < x0 - mx || x > x1 + mx || y < y0 - my || y > y1 + my) return "far-outside";
  if (Math.abs(x) > bound || Math.abs(y) > bound) return "far-outside";
  return null;
}

/** Resets the optimizer first, so each call is a fresh run. */
export function optimizePath(
  fn: Function2D,
  optimizer: Optimizer,
  start: Point2D = fn.start,
  steps = 30,
  { bound = Infinity }: OptimizePathOptions = {},
): OptimizePathResult {
  if (!Array.isArray(start) || start.length !== 2 || !Number.isFinite(start[0]) || !Number.isFinite(start[1])) {
    throw new ArgumentError("start", "a point [x, y] of finite numbers", start);
  }
  assertInteger("steps", steps, 0);
  if (!(bound > 0)) throw new ArgumentError("bound", "a positive number (or Infinity)", bound);
  if (optimizer === null || typeof optimizer !== "object" || typeof optimizer.update !== "function") {
    throw new ArgumentError("optimizer", "an Optimizer (e.g. new SGD({ lr: 0.95 }) or createOptimizer(\"sgd\"))", optimizer);
  }
  optimizer.reset();
  const params = { x: Matrix.full(1, 1, start[0]), y: Matrix.full(1, 1, start[1]) };
  const grads = { x: Matrix.zeros(1, 1), y: Matrix.zeros(1, 1) };
  const out: OptimizePathResult = { points: [], x: [], y: [], f: [], diverged: false, divergedAt: null };
  const push = (px: number, py: number, fv: number): void => {
    out.points.push([px, py]);
    out.x.push(px);
    out.y.push(py);
    out.f.push(fv);
  };
  const f0 = fn.f(start[0], start[1]);
  push(start[0], start[1], f0);
  if (!Number.isFinite(f0)) return { ...out, diverged: true, divergedAt: 0, reason: "start" };
  for (let i = 1; i <= steps; i++) {
    const [gx, gy] = fn.grad(params.x.data[0], params.y.data[0]);
    grads.x.data[0] = gx;
    grads.y.data[0] = gy;
    optimizer.update(params, grads);
    const px = params.x.data[0], py = params.y.data[0];
    const fv = fn.f(px, py);
    const reason = divergenceReason(fn, f0, px, py, fv, bound);
    if (reason !== null) {
      out.diverged = true;
      out.divergedAt = i;
      out.reason = reason;
      break;
    }
    push(px, py, fv);
  }
  return out;
}
