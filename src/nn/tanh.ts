/**
 * Tanh layer (not in the book's common/, added for the init experiments):
 * out = tanh(x); backward dx = dout · (1 − out²).
 */
import { assertShape, type Matrix } from "../core/matrix";
import { reuse } from "./buffer";
import { tanh } from "../core/libm";
import type { Layer } from "./types";

export class Tanh implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, _train = false): Matrix {
    this.out = reuse(this.out, x.rows, x.cols);
    const a = x.data, z = this.out.data;
    for (let i = 0; i < a.length; i++) z[i] = tanh(a[i]);
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error("Tanh.backward called before forward");
    assertShape("dout", dout, out.rows, out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    const g = dout.data, y = out.data, z = this.dx.data;
    for (let i = 0; i < g.length; i++) z[i] = g[i] * (1 - y[i] * y[i]);
    return this.dx;
  }
}
