/**
 * ReLU: out = max(0, x). The mask (1 where x > 0, else 0) is kept for
 * backward, dx = dout · mask — the book's `dout[self.mask] = 0` without a branch
 * (and without overwriting dout). The derivative at exactly 0 is taken as 0, like the book.
 * Forward is x · mask too: V8 compiles Math.max(0, x) with branches (for NaN and
 * −0), which mispredict on random signs and made the loop ~5× slower.
 */
import { assertShape, type Matrix } from "../core/matrix";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export class Relu implements Layer {
  private mask: Float64Array = new Float64Array(0);
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, _train = false): Matrix {
    this.out = reuse(this.out, x.rows, x.cols);
    if (this.mask.length !== x.size) this.mask = new Float64Array(x.size);
    const a = x.data, z = this.out.data, m = this.mask;
    for (let i = 0; i < a.length; i++) {
      const k = +(a[i] > 0);
      m[i] = k;
      z[i] = a[i] * k + 0; // + 0 turns −0 (negative · 0) into 0
    }
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    if (this.out === null) throw new Error("Relu.backward called before forward");
    assertShape("dout", dout, this.out.rows, this.out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    const g = dout.data, z = this.dx.data, m = this.mask;
    for (let i = 0; i < g.length; i++) z[i] = g[i] * m[i];
    return this.dx;
  }
}

