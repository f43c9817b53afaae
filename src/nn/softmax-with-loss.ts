/**
 * Softmax-with-Loss, the book's SoftmaxWithLoss (common/layers.py), each line
 * quoted above the code that does it: softmax then cross-entropy, as one layer
 * because the gradient of the pair is simply (y − t) / batch_size.
 * With index labels, backward subtracts 1 at each row's label (the book's
 * dx[np.arange(batch_size), t] -= 1) — the same as y − one-hot(t).
 *
 * Differences from the book, all checks or the chain rule:
 * - backward multiplies by dout / batch_size (the book ignores dout, always 1);
 * - a 0-row batch is refused (the book returns nan with a warning);
 * - scores x with NaN or ±∞ are refused, naming the first one (softmax would
 *   make the loss NaN); the nets build theirs with nonFinite: "nan", because their
 *   first Affine has checked the input already, so non-finite scores there mean
 *   the weights diverged, and the training loop reports the step;
 * - a one-hot Matrix t must be one-hot (0s and one 1 per row): the book's
 *   cross_entropy_error takes t.argmax(axis=1) for the loss while backward uses
 *   y − t, so soft targets (label smoothing, mixup) would train on a different
 *   loss than the one reported.
 */
import { ArgumentError } from "../core/errors";
import { assertShape, Matrix } from "../core/matrix";
import { readOptions } from "../core/options";
import { reuse } from "./buffer";
import { crossEntropyError, softmax } from "./functions";
import type { Targets } from "./types";

export interface SoftmaxWithLossOptions {
  /** "throw" (default): NaN/±∞ scores are an error; "nan": the loss is NaN (the nets' divergence). */
  nonFinite?: "throw" | "nan";
}

export class SoftmaxWithLoss {
  /** The loss of the last forward. */
  loss = NaN;
  /** Softmax output of the last forward (overwritten by the next one). */
  y: Matrix | null = null;
  readonly nonFinite: "throw" | "nan";
  private t: Targets | null = null;
  private dx: Matrix | null = null;

  constructor(options: SoftmaxWithLossOptions = {}) {
    const { nonFinite = "throw" } = readOptions("new SoftmaxWithLoss", options, ["nonFinite"]);
    if (nonFinite !== "throw" && nonFinite !== "nan") throw new ArgumentError("nonFinite", '"throw" or "nan"', nonFinite);
    this.nonFinite = nonFinite;
  }

  forward(x: Matrix, t: Targets): number {
    assertShape("x", x, -1, -1);
    if (x.rows === 0) throw new ArgumentError("x", "at least one row (a batch of 0 samples has no mean loss)", x.shapeString());
    if (this.nonFinite === "throw") assertFiniteScores(x);
    if (t instanceof Matrix) assertOneHot(t, x);
    // self.y = softmax(x)
    this.y = softmax(x, reuse(this.y, x.rows, x.cols));
    // self.loss = cross_entropy_error(self.y, self.t)
    this.loss = crossEntropyError(this.y, t); // checks t against y's shape
    // self.t = t   (kept only once t has passed the checks)
    this.t = t;
    return this.loss;
  }

  /** dL/dx for dL/dloss = dout (1 by default, like the book). */
  backward(dout = 1): Matrix {
    const y = this.y, t = this.t;
    if (y === null || t === null) throw new Error("SoftmaxWithLoss.backward called before forward");
    // batch_size = self.t.shape[0]
    const n = y.rows, c = y.cols;
    this.dx = reuse(this.dx, n, c);
    const s = dout / n, yd = y.data, z = this.dx.data;
    if (t instanceof Matrix) {
      // if self.t.size == self.y.size: dx = (self.y - self.t) / batch_size
      assertShape("t", t, n, c);
      const td = t.data;
      for (let i = 0; i < z.length; i++) z[i] = (yd[i] - td[i]) * s;
    } else {
      // dx = self.y.copy(); dx[np.arange(batch_size), self.t] -= 1; dx = dx / batch_size
      for (let i = 0; i < z.length; i++) z[i] = yd[i] * s;
      for (let i = 0; i < n; i++) z[i * c + t[i]] -= s;
    }
    return this.dx;
  }
}

function assertFiniteScores(x: Matrix): void {
  const a = x.data;
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k])) {
      const i = Math.floor(k / x.cols), j = k % x.cols;
      throw new ArgumentError("x", "finite scores (softmax of NaN or ±∞ makes the loss NaN)", `${a[k]} at row ${i}, column ${j}`);
    }
  }
}

/** Each row of t: 0s and exactly one 1 (soft targets would make forward and backward disagree). */
function assertOneHot(t: Matrix, x: Matrix): void {
  if (t.rows !== x.rows || t.cols !== x.cols) return; // crossEntropyError names the shape mismatch
  const d = t.data, c = t.cols;
  for (let i = 0; i < t.rows; i++) {
    let ones = 0, ok = true;
    for (let j = 0; j < c; j++) {
      const v = d[i * c + j];
      if (v === 1) ones++;
      else if (v !== 0) ok = false;
    }
    if (!ok || ones !== 1) {
      const row = Array.from(d.subarray(i * c, i * c + c)).map((v) => +v.toPrecision(4));
      throw new ArgumentError(
        "t",
        "one-hot rows (0s and a single 1), or an Int32Array of labels: with soft targets the book's loss takes " +
          "t.argmax(axis=1) while backward uses y − t, so the two would disagree",
        `row ${i} = [${row.join(", ")}]`,
      );
    }
  }
}
