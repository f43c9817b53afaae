/** Helpers shared by the nn-*.test.ts gradient checks (not a test file itself). */
import { Matrix, RNG } from "../src/core";
import { numericalGradient, relativeError, type Layer, type Params } from "../src/nn";

/** A fixed upstream gradient turns a layer into the scalar f(x) = Σ forward(x) ⊙ dout. */
export function dot(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i] * b.data[i];
  return s;
}

export interface LayerCheck {
  /** relative error of dx and of each named parameter gradient */
  errors: Record<string, number>;
  dx: Matrix;
}

/**
 * Backprop of `layer` at x against central differences of Σ forward(x) ⊙ dout,
 * for dx and for each (param, grad) pair. `makeForward` lets a test rebuild
 * state before each forward (e.g. re-seed a dropout mask); default: layer.forward(x, train).
 */
export function checkLayer(
  layer: Layer, x: Matrix, rng: RNG, train: boolean,
  params: Record<string, [Matrix, () => Matrix]> = {},
  forward: () => Matrix = () => layer.forward(x, train),
): LayerCheck {
  const out = forward();
  const dout = Matrix.randn(out.rows, out.cols, rng);
  const dx = layer.backward(dout).clone();
  const analytic: Record<string, Matrix> = {};
  for (const [k, [, grad]] of Object.entries(params)) analytic[k] = grad().clone();

  const f = (): number => dot(forward(), dout);
  const errors: Record<string, number> = { x: relativeError(dx, numericalGradient(f, x)) };
  for (const [k, [p]] of Object.entries(params)) errors[k] = relativeError(analytic[k], numericalGradient(f, p));
  return { errors, dx };
}

export function cloneParams(p: Params): Params {
  const out: Params = {};
  for (const k of Object.keys(p)) out[k] = p[k].clone();
  return out;
}
