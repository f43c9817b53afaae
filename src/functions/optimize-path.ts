/**
 * Run an optimizer on a 2-D function and record its path, like the loop of
 * the book's optimizer_compare_naive.py: params = { x, y } (1×1 matrices),
 * grads from the symbolic gradient, optimizer.update(params, grads).
 *
 * The path starts with the start point and has one more point per update
 * (steps + 1 points in all; the book's figure shows the start + 29 updates).
 * A step that gives a NaN/Inf coordinate or f value, or a coordinate beyond
 * ±bound, ends the run: the bad point is NOT added (the path stays drawable)
 * and the result says diverged with the update number.
 */
import { ArgumentError, assertInteger, assertPositive } from "../core/errors";
import { Matrix } from "../core/matrix";
import type { Optimizer } from "../optim/optimizer";
import type { Function2D, Point2D } from "./function-2d";

export interface OptimizePathOptions {
  /** |x| or |y| above this counts as diverged (default 1e6). */
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
}

/** Resets the optimizer first, so each call is a fresh run. */
export function optimizePath(
  fn: Function2D,
  optimizer: Optimizer,
  start: Point2D = fn.start,
  steps = 30,
  { bound = 1e6 }: OptimizePathOptions = {},
): OptimizePathResult {
  if (!Array.isArray(start) || start.length !== 2 || !Number.isFinite(start[0]) || !Number.isFinite(start[1])) {
    throw new ArgumentError("start", "a point [x, y] of finite numbers", start);
  }
  assertInteger("steps", steps, 0);
  assertPositive("bound", bound);
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
  if (!Number.isFinite(f0)) return { ...out, diverged: true, divergedAt: 0 }; // f undefined at the start
  for (let i = 1; i <= steps; i++) {
    const [gx, gy] = fn.grad(params.x.data[0], params.y.data[0]);
    grads.x.data[0] = gx;
    grads.y.data[0] = gy;
    optimizer.update(params, grads);
    const px = params.x.data[0], py = params.y.data[0];
    const fv = fn.f(px, py);
    if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(fv) || Math.abs(px) > bound || Math.abs(py) > bound) {
      out.diverged = true;
      out.divergedAt = i;
      break;
    }
    push(px, py, fv);
  }
  return out;
}
