/**
 * Why sigmoid nets lose their gradient (6.2's 勾配消失), as a bound:
 *
 *   σ′(a) = σ(a)(1 − σ(a)) ≤ 1/4, with equality only at a = 0,
 *
 * so along a chain h_l = σ(w_l h_{l−1}) the derivative
 *   ∂h_L/∂h_0 = ∏_l w_l σ′(a_l)   satisfies   |∂h_L/∂h_0| ≤ ∏_l |w_l| / 4.
 * With |w| ≤ 4 the bound shrinks (or at best stays) with every layer; the
 * real product is smaller still because a_l ≠ 0 (σ′ < 1/4). For a layer with
 * a weight matrix W the same argument gives ‖δ_{l−1}‖ ≤ ‖W‖₂ · ¼ · ‖δ_l‖.
 * Numbers from the engine's sigmoid (src/nn/functions.ts).
 */
import { assertFinite, assertInteger } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { sigmoid } from "../../nn/functions";

export interface SigmoidCurve {
  x: number[];
  sigmoid: number[];
  derivative: number[];
  /** max σ′ on the grid and where it is. */
  maxDerivative: number;
  argmax: number;
}

/** σ and σ′ = σ(1 − σ) on an even grid of [−lim, lim]. */
export function sigmoidCurve(lim = 8, n = 161): SigmoidCurve {
  assertFinite("lim", lim);
  assertInteger("n", n, 3);
  const x = Array.from({ length: n }, (_, i) => -lim + (2 * lim * i) / (n - 1));
  const s = Array.from(sigmoid(Matrix.from([x])).data);
  const d = s.map((v) => v * (1 - v));
  let k = 0;
  d.forEach((v, i) => (v > d[k] ? (k = i) : 0));
  return { x, sigmoid: s, derivative: d, maxDerivative: d[k], argmax: x[k] };
}

export interface ChainGradient {
  w: number;
  x0: number;
  /** Depths L = 1 … depth. */
  depth: number[];
  /** |∂h_L/∂h_0| = ∏ |w σ′(a_l)|. */
  actual: number[];
  /** (|w|/4)^L. */
  bound: number[];
}

/** A chain of `depth` scalar sigmoid units with the same weight w, from input x0. */
export function chainGradient({ w = 1, x0 = 0.5, depth = 10 }: { w?: number; x0?: number; depth?: number } = {}): ChainGradient {
  assertFinite("w", w);
  assertFinite("x0", x0);
  assertInteger("depth", depth, 1, 1000);
  const out: ChainGradient = { w, x0, depth: [], actual: [], bound: [] };
  let h = x0, prod = 1;
  for (let L = 1; L <= depth; L++) {
    const s = sigmoid(Matrix.full(1, 1, w * h)).data[0];
    prod *= Math.abs(w * s * (1 - s));
    h = s;
    out.depth.push(L);
    out.actual.push(prod);
    out.bound.push(Math.pow(Math.abs(w) / 4, L));
  }
  return out;
}
