/**
 * ReLU, the book's Relu (common/layers.py), each line quoted above the code
 * that does it. out = max(0, x); backward: dx = dout where x > 0, else 0.
 * The book keeps mask = (x <= 0); here backward reads the stored output instead
 * (out > 0 exactly where x > 0: one array less to write and read per layer).
 * The derivative at exactly 0 is taken as 0, like the book. The loops are the
 * branch-free kernels reluForward / reluBackward of src/core/relu-kernels.ts.
 */
import { assertShape, type Matrix } from "../core/matrix";
import { reluBackward, reluForward } from "../core/relu-kernels";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export class Relu implements Layer {
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  forward(x: Matrix, _train = false): Matrix {
    this.out = reuse(this.out, x.rows, x.cols);
    // self.mask = (x <= 0); out = x.copy(); out[self.mask] = 0
    reluForward(x.data, this.out.data);
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error("Relu.backward called before forward");
    assertShape("dout", dout, out.rows, out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    // dout[self.mask] = 0; dx = dout
    reluBackward(dout.data, out.data, this.dx.data);
    return this.dx;
  }
}
