/**
 * Matrix: a row-major Float64Array with a shape — the engine's ndarray.
 *
 * The book's arrays are float64 NumPy arrays of 2 dimensions almost everywhere
 * (a batch of rows × features), so Matrix is 2-D only. Operations live in ops.ts;
 * this file holds construction, element access and conversion.
 */
import { ArgumentError, ShapeError, assertInteger } from "./errors";
import type { RNG } from "./rng";

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    assertInteger("rows", rows, 0);
    assertInteger("cols", cols, 0);
    if (data !== undefined) {
      if (!(data instanceof Float64Array)) throw new ArgumentError("data", "a Float64Array", data);
      if (data.length !== rows * cols) {
        throw new ArgumentError("data", `length rows*cols = ${rows * cols}`, data.length);
      }
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  get size(): number {
    return this.data.length;
  }

  /** "(rows, cols)" like NumPy's shape, for messages. */
  shapeString(): string {
    return `(${this.rows}, ${this.cols})`;
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  static full(rows: number, cols: number, value: number): Matrix {
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** From nested arrays, checking that every row has the same length. */
  static from(rows: ArrayLike<ArrayLike<number>>): Matrix {
    const r = rows.length;
    const c = r === 0 ? 0 : rows[0].length;
    const m = new Matrix(r, c);
    for (let i = 0; i < r; i++) {
      if (rows[i].length !== c) throw new ArgumentError(`rows[${i}]`, `length ${c} like rows[0]`, rows[i].length);
      for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
    }
    return m;
  }

  /** A 1 × n row vector (the book's 1-D bias arrays). */
  static row(values: ArrayLike<number>): Matrix {
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** rows × cols samples of N(0, std²) from `rng` (np.random.randn(rows, cols) * std). */
  static randn(rows: number, cols: number, rng: RNG, std = 1): Matrix {
    const m = new Matrix(rows, cols);
    rng.fillNormal(m.data, 0, std);
    return m;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Copy `src`'s values into this matrix (same shape). */
  copyFrom(src: Matrix): this {
    assertSameShape("src", src, this);
    this.data.set(src.data);
    return this;
  }

  /** Same data, new shape (rows*cols unchanged), like ndarray.reshape. */
  reshape(rows: number, cols: number): Matrix {
    if (rows * cols !== this.size) {
      throw new ShapeError("reshape", `with ${this.size} elements`, `(${rows}, ${cols})`);
    }
    return new Matrix(rows, cols, this.data);
  }

  /** Row i as a view (no copy). */
  rowView(i: number): Float64Array {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.rowView(i)));
    return out;
  }

  toString(): string {
    return `Matrix${this.shapeString()}`;
  }
}

/** Throws a ShapeError naming `name` unless `m` is rows × cols (-1 = any). */
export function assertShape(name: string, m: Matrix, rows: number, cols: number): void {
  if (!(m instanceof Matrix)) throw new ArgumentError(name, "a Matrix", m);
  if ((rows >= 0 && m.rows !== rows) || (cols >= 0 && m.cols !== cols)) {
    const want = `(${rows < 0 ? "any" : rows}, ${cols < 0 ? "any" : cols})`;
    throw new ShapeError(name, want, m.shapeString());
  }
}

export function assertSameShape(name: string, m: Matrix, like: Matrix): void {
  assertShape(name, m, like.rows, like.cols);
}
