/**
 * ReLU kernels, branch-free: (v > 0) as a number is 1 or 0 and multiplies. V8
 * compiles Math.max(0, x) or a ternary with branches (for NaN and −0), which
 * mispredict on random signs and made the loop ~5× slower. Four elements per
 * turn of the loop (less loop overhead; the same arithmetic element by element).
 */
import { ShapeError } from "./errors";

/** out = max(0, x); + 0 turns −0 (from negative · 0) into 0. */
export function reluForward(x: Float64Array, out: Float64Array): void {
  if (out.length !== x.length) throw new ShapeError("out", `${x.length} elements like x`, `${out.length}`);
  const n = x.length, n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], v3 = x[i + 3];
    out[i] = v0 * +(v0 > 0) + 0;
    out[i + 1] = v1 * +(v1 > 0) + 0;
    out[i + 2] = v2 * +(v2 > 0) + 0;
    out[i + 3] = v3 * +(v3 > 0) + 0;
  }
  for (; i < n; i++) out[i] = x[i] * +(x[i] > 0) + 0;
}

/** dx = dout where out > 0, else 0 (out: the forward output; out > 0 exactly where x > 0). */
export function reluBackward(dout: Float64Array, out: Float64Array, dx: Float64Array): void {
  if (out.length !== dout.length) throw new ShapeError("out", `${dout.length} elements like dout`, `${out.length}`);
  if (dx.length !== dout.length) throw new ShapeError("dx", `${dout.length} elements like dout`, `${dx.length}`);
  const n = dout.length, n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    dx[i] = dout[i] * +(out[i] > 0);
    dx[i + 1] = dout[i + 1] * +(out[i + 1] > 0);
    dx[i + 2] = dout[i + 2] * +(out[i + 2] > 0);
    dx[i + 3] = dout[i + 3] * +(out[i + 3] > 0);
  }
  for (; i < n; i++) dx[i] = dout[i] * +(out[i] > 0);
}
