/**
 * Affine layer (全結合層): out = x·W + b, the book's Affine (common/layers.py),
 * each line quoted above the code that does it.
 * forward: GEMM computes C ← x·W + beta·C; with every row of C set to b first and
 * beta = 1 that is x·W + b in one pass over out (adding b afterwards would be a second).
 * backward: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ_rows dout — the transposes are
 * flags of matmul (GEMM reads the matrix transposed), no copy is made.
 */
import { assertAllFinite } from "../core/errors";
import { assertShape, type Matrix } from "../core/matrix";
import { allFinite, fillRows, matmul, sumRows } from "../core/ops";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export interface AffineOptions {
  /**
   * Compute dx = dout·Wᵀ in backward (default true, like the book). The nets build
   * their first Affine with false: the gradient for the input is not needed for
   * learning (the input is data, not a parameter), and the book computes it anyway —
   * in the MNIST net a 128×100·100×784 GEMM, about a tenth of an iteration.
   * With false, backward still computes dW and db, and returns an x-shaped matrix
   * of NaN (filled once), so a mistaken use of it shows at once.
   */
  computeDx?: boolean;
  /**
   * Throw an ArgumentError naming "x" when x holds NaN or ±Infinity (default false).
   * The nets set it on their first Affine, the one that receives the net's input.
   * It is checked on out = x·W + b, before anything else uses it: with W and b
   * finite, a NaN or ±∞ in row i of x makes every entry of row i of out NaN or ±∞
   * (NaN·w = NaN, ∞·w = ±∞ or NaN for w = 0, and no finite term cancels ∞). out has
   * n_out/n_in as many entries as x (100/784 in the MNIST net), so the usual clean
   * case costs an eighth of scanning x; x itself is scanned only when out is not
   * finite, to name the bad entry (or when out is the larger). A non-finite out
   * with a clean x means W or b diverged: nothing is thrown, the loss becomes NaN
   * and training reports the divergence.
   */
  checkFinite?: boolean;
}

export class Affine implements Layer {
  /** Gradients of the last backward; overwritten by the next one. */
  readonly dW: Matrix;
  readonly db: Matrix;
  readonly computeDx: boolean;
  readonly checkFinite: boolean;
  private x: Matrix | null = null;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  /** W: n_in × n_out, b: 1 × n_out. Held by reference: in-place updates are seen. */
  constructor(public W: Matrix, public b: Matrix, options: AffineOptions = {}) {
    assertShape("b", b, 1, W.cols);
    this.dW = reuse(null, W.rows, W.cols);
    this.db = reuse(null, 1, W.cols);
    this.computeDx = options.computeDx ?? true;
    this.checkFinite = options.checkFinite ?? false;
  }

  forward(x: Matrix, _train = false): Matrix {
    assertShape("x", x, -1, this.W.rows);
    // self.x = x
    this.x = x;
    // out = np.dot(self.x, self.W) + self.b   (b first in every row, then x·W added by the GEMM: one pass)
    const out = (this.out = reuse(this.out, x.rows, this.W.cols));
    fillRows(out, this.b);
    matmul(x, this.W, { out, beta: 1 });
    if (this.checkFinite && (out.size >= x.size || !allFinite(out))) assertAllFinite("x", x.data);
    return out;
  }

  backward(dout: Matrix): Matrix {
    const x = this.x;
    if (x === null) throw new Error("Affine.backward called before forward");
    assertShape("dout", dout, x.rows, this.W.cols);
    // dx = np.dot(dout, self.W.T)
    const dx = reuse(this.dx, x.rows, this.W.rows);
    if (this.computeDx) matmul(dout, this.W, { transB: true, out: dx });
    else if (dx !== this.dx) dx.data.fill(NaN); // not computed (see AffineOptions.computeDx)
    this.dx = dx;
    // self.dW = np.dot(self.x.T, dout)
    matmul(x, dout, { transA: true, out: this.dW });
    // self.db = np.sum(dout, axis=0)
    sumRows(dout, this.db);
    return dx;
  }
}
