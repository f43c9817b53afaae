/**
 * Element steps of the adaptive optimizers (AdaGrad, RMSprop, Adam). Each kernel
 * is ONE line of the book's common/optimizer.py over a whole array; the classes
 * call them one after another, in the book's order, so every element gets the
 * same operations in the same order as the book's NumPy lines.
 */
import { ShapeError } from "./errors";

function check(name: string, a: Float64Array, like: Float64Array): void {
  if (a.length !== like.length) throw new ShapeError(name, `${like.length} elements`, `${a.length}`);
}

/** h ← h + c·g·g   (AdaGrad: c = 1; RMSprop: c = 1 − decay_rate). */
export function addScaledSquares(c: number, g: Float64Array, h: Float64Array): void {
  check("g", g, h);
  for (let i = 0; i < h.length; i++) h[i] += c * g[i] * g[i];
}

/** m ← m + c·(g − m)   (Adam's moving average of g, c = 1 − β1). */
export function moveToward(c: number, g: Float64Array, m: Float64Array): void {
  check("g", g, m);
  for (let i = 0; i < m.length; i++) m[i] += c * (g[i] - m[i]);
}

/** v ← v + c·(g² − v)   (Adam's moving average of g², c = 1 − β2). */
export function moveTowardSquares(c: number, g: Float64Array, v: Float64Array): void {
  check("g", g, v);
  for (let i = 0; i < v.length; i++) v[i] += c * (g[i] * g[i] - v[i]);
}

/** p ← p − lr·g / (√h + eps)   (the step of AdaGrad and RMSprop; Adam's with g = m, h = v). */
export function rootScaledStep(lr: number, g: Float64Array, h: Float64Array, p: Float64Array, eps = 1e-7): void {
  check("g", g, p);
  check("h", h, p);
  for (let i = 0; i < p.length; i++) p[i] -= (lr * g[i]) / (Math.sqrt(h[i]) + eps);
}
