/**
 * ReLU: out = max(0, x). backward: dx = dout where out > 0, else 0 — the book's
 * `dout[self.mask] = 0` with mask = (x <= 0). No mask array is kept: out > 0 is
 * exactly x > 0, so backward reads the stored output instead (one array less to
 * write and read per layer). The derivative at exactly 0 is taken as 0, like the book.
 * Both loops are branch-free: (v > 0) as a number is 1 or 0 and multiplies. V8
 * compiles Math.max(0, x) or a ternary with branches (for NaN and −0), which
 * mispredict on random signs and made the loop ~5× slower. The loops take four
 * elements per turn (less loop overhead; the same arithmetic element by element).
 */
import { assertShape, type Matrix } from "../core/matrix";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export class Relu implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, _train = false): Matrix {
    this.out = reuse(this.out, x.rows, x.cols);
    const a = x.data, z = this.out.data, n = a.length;
    // out = x.copy(); out[x <= 0] = 0   (+ 0 turns −0, from negative · 0, into 0)
    const n4 = n - (n % 4);
    let i = 0;
    for (; i < n4; i += 4) {
      const v0 = a[i], v1 = a[i + 1], v2 = a[i + 2], v3 = a[i + 3];
      z[i] = v0 * +(v0 > 0) + 0;
      z[i + 1] = v1 * +(v1 > 0) + 0;
      z[i + 2] = v2 * +(v2 > 0) + 0;
      z[i + 3] = v3 * +(v3 > 0) + 0;
    }
    for (; i < n; i++) z[i] = a[i] * +(a[i] > 0) + 0;
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error("Relu.backward called before forward");
    assertShape("dout", dout, out.rows, out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    const g = dout.data, o = out.data, z = this.dx.data, n = g.length;
    // dout[self.mask] = 0; dx = dout   (mask: out <= 0)
    const n4 = n - (n % 4);
    let i = 0;
    for (; i < n4; i += 4) {
      z[i] = g[i] * +(o[i] > 0);
      z[i + 1] = g[i + 1] * +(o[i + 1] > 0);
      z[i + 2] = g[i + 2] * +(o[i + 2] > 0);
      z[i + 3] = g[i + 3] * +(o[i + 3] > 0);
    }
    for (; i < n; i++) z[i] = g[i] * +(o[i] > 0);
    return this.dx;
  }
}
