/**
 * Dropout (Srivastava et al., arXiv:1207.0580) in two forms:
 *
 *  "book"     (the book's Dropout) train: out = x · mask, mask = (rand > ratio);
 *             test: out = x · (1 − ratio), so the expected output matches train.
 *  "inverted" (what most frameworks do) train: out = x · mask / (1 − ratio);
 *             test: out = x, nothing to rescale at inference.
 *
 * backward multiplies by the same factor as the last forward (the mask, or the
 * test-time constant). The mask is drawn from the injected RNG with rng.fillMask:
 * one 32-bit draw per element (keep when u ≥ ratio·2³², i.e. u/2³² ≥ ratio).
 */
import { ArgumentError, assertInRange } from "../core/errors";
import { assertShape, type Matrix } from "../core/matrix";
import { readOptions } from "../core/options";
import { RNG } from "../core/rng";
import { reuse } from "./buffer";
import type { Layer } from "./types";

export type DropoutForm = "book" | "inverted";
export const DROPOUT_FORMS: readonly DropoutForm[] = ["book", "inverted"];

export interface DropoutOptions {
  /** Probability of dropping a unit, in [0, 1). Default 0.5 like the book. */
  dropoutRatio?: number;
  form?: DropoutForm;
  rng: RNG;
}

export class Dropout implements Layer {
  readonly dropoutRatio: number;
  readonly form: DropoutForm;
  rng: RNG;
  /** Train mode: the factor per element (0 or 1, or 0 or 1/(1−ratio) inverted). */
  mask: Float64Array = new Float64Array(0);
  private lastTrain = true;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;

  constructor(options: DropoutOptions) {
    const { dropoutRatio = 0.5, form = "book", rng } = readOptions("new Dropout", options ?? ({} as DropoutOptions),
      ["dropoutRatio", "form", "rng"], { dropout_ratio: "dropoutRatio", dropout_ration: "dropoutRatio", dropoutRation: "dropoutRatio" });
    assertInRange("dropoutRatio", dropoutRatio, 0, 1);
    if (!DROPOUT_FORMS.includes(form)) throw new ArgumentError("form", `one of ${DROPOUT_FORMS.join(", ")}`, form);
    if (!(rng instanceof RNG)) throw new ArgumentError("rng", "an RNG (the mask needs seeded randomness)", rng);
    this.dropoutRatio = dropoutRatio;
    this.form = form;
    this.rng = rng;
  }

  /** The constant the test-mode forward multiplies by. */
  get testScale(): number {
    return this.form === "book" ? 1 - this.dropoutRatio : 1;
  }

  forward(x: Matrix, train = true): Matrix {
    this.out = reuse(this.out, x.rows, x.cols);
    this.lastTrain = train;
    const a = x.data, z = this.out.data;
    if (train) {
      if (this.mask.length !== a.length) this.mask = new Float64Array(a.length);
      const m = this.mask, ratio = this.dropoutRatio;
      // self.mask = np.random.rand(*x.shape) > self.dropout_ratio   (× 1/(1 − ratio) inverted)
      this.rng.fillMask(m, ratio, this.form === "book" ? 1 : 1 / (1 - ratio));
      // return x * self.mask
      for (let i = 0; i < a.length; i++) z[i] = a[i] * m[i];
    } else {
      // return x * (1.0 - self.dropout_ratio)   (inverted: x)
      const s = this.testScale;
      for (let i = 0; i < a.length; i++) z[i] = a[i] * s;
    }
    return this.out;
  }

  backward(dout: Matrix): Matrix {
    const out = this.out;
    if (out === null) throw new Error("Dropout.backward called before forward");
    assertShape("dout", dout, out.rows, out.cols);
    this.dx = reuse(this.dx, dout.rows, dout.cols);
    const g = dout.data, z = this.dx.data;
    // return dout * self.mask   (after a test-mode forward: its constant)
    if (this.lastTrain) {
      const m = this.mask;
      for (let i = 0; i < g.length; i++) z[i] = g[i] * m[i];
    } else {
      const s = this.testScale;
      for (let i = 0; i < g.length; i++) z[i] = g[i] * s;
    }
    return this.dx;
  }
}
