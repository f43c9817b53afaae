/**
 * Affine layer (全結合層): out = x·W + b.
 * backward: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ_rows dout — the transposes are
 * flags of matmul (GEMM reads the matrix transposed), no copy is made.
 */
import { assertShape, type Matrix } from "../core/matrix";
import { addRow, matmul, sumRows } from "../core/ops";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export class Affine implements Layer {
  /** Gradients of the last backward; overwritten by the next one. */
  readonly dW: Matrix;
  readonly db: Matrix;
  private x: Matrix | null = null;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  /** W: n_in × n_out, b: 1 × n_out. Held by reference: in-place updates are seen. */
  constructor(public W: Matrix, public b: Matrix) {
    assertShape("b", b, 1, W.cols);
    this.dW = reuse(null, W.rows, W.cols);
    this.db = reuse(null, 1, W.cols);
  }

  forward(x: Matrix, _train = false): Matrix {
    assertShape("x", x, -1, this.W.rows);
    this.x = x;
    this.out = reuse(this.out, x.rows, this.W.cols);
    matmul(x, this.W, { out: this.out });
    return addRow(this.out, this.b, this.out);
  }

  backward(dout: Matrix): Matrix {
    const x = this.x;
    if (x === null) throw new Error("Affine.backward called before forward");
    assertShape("dout", dout, x.rows, this.W.cols);
    this.dx = reuse(this.dx, x.rows, this.W.rows);
    matmul(dout, this.W, { transB: true, out: this.dx });
    matmul(x, dout, { transA: true, out: this.dW });
    sumRows(dout, this.db);
    return this.dx;
  }
}
