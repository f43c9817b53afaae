/**
 * Shape-checked operations on Matrix. Each takes an optional `out` so hot
 * loops can reuse buffers; without it a new Matrix is returned. Broadcasting
 * exists only where the book relies on it: adding a 1×n row (bias) to every
 * row, and per-column statistics over the batch (BN, bias gradients).
 */
import "./backends"; // registers blas/wasm and chooses the GEMM backend, once
import { ArgumentError, ShapeError } from "./errors";
import { gemm } from "./gemm";
import { Matrix, assertSameShape, assertShape } from "./matrix";

function target(out: Matrix | undefined, rows: number, cols: number, name = "out"): Matrix {
  if (out === undefined) return new Matrix(rows, cols);
  assertShape(name, out, rows, cols);
  return out;
}

/** op(A)·op(B) with optional transposes, through the current GEMM backend. */
export function matmul(
  a: Matrix, b: Matrix,
  opts: { transA?: boolean; transB?: boolean; out?: Matrix; alpha?: number; beta?: number } = {},
): Matrix {
  const { transA = false, transB = false, alpha = 1, beta = 0 } = opts;
  if (!(a instanceof Matrix)) throw new ArgumentError("a", "a Matrix", a);
  if (!(b instanceof Matrix)) throw new ArgumentError("b", "a Matrix", b);
  const m = transA ? a.cols : a.rows;
  const k = transA ? a.rows : a.cols;
  const kb = transB ? b.cols : b.rows;
  const n = transB ? b.rows : b.cols;
  if (k !== kb) {
    throw new ShapeError(
      "b",
      `(${k}, any) to multiply ${transA ? "aᵀ" : "a"} ${transA ? `(${m}, ${k})` : a.shapeString()}`,
      transB ? `(${b.cols}, ${b.rows}) after transpose` : b.shapeString(),
    );
  }
  const c = target(opts.out, m, n);
  if (opts.out === undefined && beta !== 0) throw new ArgumentError("beta", "0 when no out is given", beta);
  gemm(transA, transB, m, n, k, alpha, a.data, a.cols, b.data, b.cols, beta, c.data, c.cols);
  return c;
}

export function transpose(a: Matrix, out?: Matrix): Matrix {
  const t = target(out, a.cols, a.rows);
  const r = a.rows, c = a.cols, s = a.data, d = t.data;
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) d[j * r + i] = s[i * c + j];
  return t;
}

export function add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("b", b, a);
  const o = target(out, a.rows, a.cols);
  const x = a.data, y = b.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] + y[i];
  return o;
}

export function sub(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("b", b, a);
  const o = target(out, a.rows, a.cols);
  const x = a.data, y = b.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] - y[i];
  return o;
}

/** Element-wise product (NumPy's a * b). */
export function mul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  assertSameShape("b", b, a);
  const o = target(out, a.rows, a.cols);
  const x = a.data, y = b.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] * y[i];
  return o;
}

export function scale(a: Matrix, s: number, out?: Matrix): Matrix {
  const o = target(out, a.rows, a.cols);
  const x = a.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i] * s;
  return o;
}

/** a + row, the row (1 × cols) added to every row of a: the bias add x·W + b. */
export function addRow(a: Matrix, row: Matrix, out?: Matrix): Matrix {
  assertShape("row", row, 1, a.cols);
  const o = target(out, a.rows, a.cols);
  const x = a.data, r = row.data, z = o.data, c = a.cols, rows = a.rows;
  const c4 = c - (c % 4); // four columns per turn of the inner loop, then the rest
  for (let i = 0; i < rows; i++) {
    const off = i * c;
    let j = 0;
    for (; j < c4; j += 4) {
      z[off + j] = x[off + j] + r[j];
      z[off + j + 1] = x[off + j + 1] + r[j + 1];
      z[off + j + 2] = x[off + j + 2] + r[j + 2];
      z[off + j + 3] = x[off + j + 3] + r[j + 3];
    }
    for (; j < c; j++) z[off + j] = x[off + j] + r[j];
  }
  return o;
}

/**
 * Every row of `out` set to `row` (1 × cols), i.e. np.broadcast_to(row, out.shape)
 * copied — a start value for GEMM with beta = 1 (Affine: out = b, then out += x·W).
 */
export function fillRows(out: Matrix, row: Matrix): Matrix {
  assertShape("row", row, 1, out.cols);
  const c = out.cols, r = row.data, z = out.data;
  for (let i = 0; i < out.rows; i++) z.set(r, i * c); // one block copy per row
  return out;
}

/**
 * Column sums, 1 × cols (np.sum(a, axis=0)): the bias gradient.
 * Four rows per pass over the columns: each column total is loaded and stored
 * once per four rows instead of once per row. The additions keep their order
 * (row 0, row 1, … into each total), so the result is the same to the bit as a
 * row-by-row loop.
 */
export function sumRows(a: Matrix, out?: Matrix): Matrix {
  const o = target(out, 1, a.cols);
  const z = o.data, x = a.data, c = a.cols, rows = a.rows;
  z.fill(0);
  const rows4 = rows - (rows % 4);
  let i = 0;
  for (; i < rows4; i += 4) {
    const o0 = i * c, o1 = o0 + c, o2 = o1 + c, o3 = o2 + c;
    for (let j = 0; j < c; j++) {
      let s = z[j];
      s += x[o0 + j];
      s += x[o1 + j];
      s += x[o2 + j];
      s += x[o3 + j];
      z[j] = s;
    }
  }
  for (; i < rows; i++) {
    const off = i * c;
    for (let j = 0; j < c; j++) z[j] += x[off + j];
  }
  return o;
}

/** Column means, 1 × cols (np.mean(a, axis=0)). */
export function meanRows(a: Matrix, out?: Matrix): Matrix {
  if (a.rows === 0) throw new ArgumentError("a", "at least one row to average");
  const o = sumRows(a, out);
  const inv = 1 / a.rows;
  for (let j = 0; j < o.cols; j++) o.data[j] *= inv;
  return o;
}

/** Sum of all elements. */
export function sum(a: Matrix): number {
  let s = 0;
  const x = a.data;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Sum of squares of all elements (for ½λ‖W‖²). */
export function sumSquares(a: Matrix): number {
  let s = 0;
  const x = a.data;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/**
 * True when every element is finite (no NaN, no ±Infinity). Branch-free: v · 0 is 0
 * for a finite v and NaN for NaN or ±Infinity, and a NaN stays in the running sum;
 * two sums over pairs keep the additions from waiting on each other.
 */
export function allFinite(a: Matrix): boolean {
  const x = a.data, n = x.length, n4 = n - (n % 4);
  let s0 = 0, s1 = 0, i = 0;
  for (; i < n4; i += 4) {
    s0 += (x[i] + x[i + 1]) * 0; // ∞ + (−∞) is NaN too
    s1 += (x[i + 2] + x[i + 3]) * 0;
  }
  for (; i < n; i++) s0 += x[i] * 0;
  return s0 + s1 === 0;
}

/** Index of the largest value in each row (np.argmax(a, axis=1)). */
export function argmaxRows(a: Matrix): Int32Array {
  const out = new Int32Array(a.rows);
  const c = a.cols, x = a.data;
  for (let i = 0; i < a.rows; i++) {
    const off = i * c;
    let best = 0;
    let bv = x[off];
    for (let j = 1; j < c; j++) {
      if (x[off + j] > bv) {
        bv = x[off + j];
        best = j;
      }
    }
    out[i] = best;
  }
  return out;
}

/** Keeps gatherRows' touch loads alive (a result nobody reads could be optimised away). */
let touched = 0;

/**
 * The rows at `indices` (a[indices] in NumPy): mini-batch gathering.
 * All indices are checked first (an Int32Array needs only the range check), so a
 * bad index leaves `out` untouched; then each row is one block copy (TypedArray
 * set, a memcpy: 3–4× faster than an element loop, the subarray views are cheap).
 * Between the two, one value per 4 KB page of every row is read: a training set is
 * far larger than the caches, so each row starts with a TLB miss and a memory
 * access; these independent loads run side by side, whereas inside the row-by-row
 * copy they come one after another (MNIST batch of 128: ~185 → ~135 µs in the real
 * training loop).
 */
export function gatherRows(a: Matrix, indices: ArrayLike<number>, out?: Matrix): Matrix {
  const o = target(out, indices.length, a.cols);
  const c = a.cols, rows = a.rows, n = indices.length, src = a.data, dst = o.data;
  const ints = indices instanceof Int32Array;
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    if (!(r >= 0 && r < rows) || (!ints && !Number.isInteger(r))) {
      throw new ArgumentError(`indices[${i}]`, `an integer row index in [0, ${rows})`, r);
    }
  }
  let t = 0;
  for (let i = 0; i < n; i++) {
    const start = indices[i] * c;
    for (let k = 0; k < c; k += 512) t += src[start + k]; // 512 float64 = 4 KB
    if (c > 0) t += src[start + c - 1]; // the row's last page
  }
  touched = t;
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    dst.set(src.subarray(r * c, r * c + c), i * c);
  }
  return o;
}

/** Rows [start, end) as a copy (a[start:end]). */
export function sliceRows(a: Matrix, start: number, end: number): Matrix {
  const s = Math.max(0, Math.min(a.rows, start));
  const e = Math.max(s, Math.min(a.rows, end));
  return new Matrix(e - s, a.cols, a.data.slice(s * a.cols, e * a.cols));
}

/** Apply f to each element (not for hot loops: it calls a closure per element). */
export function map(a: Matrix, f: (v: number, i: number) => number, out?: Matrix): Matrix {
  const o = target(out, a.rows, a.cols);
  const x = a.data, z = o.data;
  for (let i = 0; i < z.length; i++) z[i] = f(x[i], i);
  return o;
}

/** Largest |a - b| over all elements. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  assertSameShape("b", b, a);
  let m = 0;
  for (let i = 0; i < a.size; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}
