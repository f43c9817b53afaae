/**
 * Sigmoid layer: out = 1 / (1 + exp(−x)); backward dx = dout · (1 − out) · out,
 * using the forward output as the book does (no exp recomputed). The book's
 * Sigmoid (common/layers.py), each line quoted above the code that does it.
 */
import { assertShape, type Matrix } from "../core/matrix";
import { reuse } from "./buffer";
import { sigmoid } from "./functions";
import type { Layer } from "./types";

export class Sigmoid implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, _train = false): Matrix {
    // out = sigmoid(x); self.out = out
    this.out = sigmoid(x, reuse(this.out, x.rows, x.cols));
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error("Sigmoid.backward called before forward");
    assertShape("dout", dout, out.rows, out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    const g = dout.data, y = out.data, z = this.dx.data;
    // dx = dout * (1.0 - self.out) * self.out
    for (let i = 0; i < g.length; i++) z[i] = g[i] * (1 - y[i]) * y[i];
    return this.dx;
  }
}
