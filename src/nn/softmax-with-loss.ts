/**
 * Softmax-with-Loss: softmax then cross-entropy, as one layer because the
 * gradient of the pair is simply (y − t) / batch_size.
 * With index labels, backward subtracts 1 at each row's label (the book's
 * dx[np.arange(batch_size), t] -= 1) — the same as y − one-hot(t).
 */
import { assertShape, Matrix } from "../core/matrix";
import { reuse } from "./buffer";
import { crossEntropyError, softmax } from "./functions";
import type { Targets } from "./types";

export class SoftmaxWithLoss {
  /** The loss of the last forward. */
  loss = NaN;
  /** Softmax output of the last forward (overwritten by the next one). */
  y: Matrix | null = null;
  private t: Targets | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, t: Targets): number {
    assertShape("x", x, -1, -1);
    this.y = softmax(x, reuse(this.y, x.rows, x.cols));
    this.loss = crossEntropyError(this.y, t); // checks t against y's shape
    this.t = t;
    return this.loss;
  }

  /** dL/dx for dL/dloss = dout (1 by default, like the book). */
  backward(dout = 1): Matrix {
    const y = this.y, t = this.t;
    if (y === null || t === null) throw new Error("SoftmaxWithLoss.backward called before forward");
    const n = y.rows, c = y.cols;
    this.dx = reuse(this.dx, n, c);
    const s = dout / n, yd = y.data, z = this.dx.data;
    if (t instanceof Matrix) {
      assertShape("t", t, n, c);
      const td = t.data;
      for (let i = 0; i < z.length; i++) z[i] = (yd[i] - td[i]) * s;
    } else {
      for (let i = 0; i < z.length; i++) z[i] = yd[i] * s;
      for (let i = 0; i < n; i++) z[i * c + t[i]] -= s;
    }
    return this.dx;
  }
}
