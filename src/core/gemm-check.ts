/**
 * Argument checks shared by the TypeScript-side GEMM backends (js, wasm); the
 * BLAS addon does the same checks in C. A bad call throws an ArgumentError
 * naming the argument — never a read past an array or a silent wrong answer.
 */
import { ArgumentError } from "./errors";

function int(name: string, v: number, min: number): void {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > 0x7fffffff) {
    throw new ArgumentError(`dgemm: ${name}`, `an integer >= ${min}`, v);
  }
}

/** A stored rows × cols (row-major, leading dimension ld) needs (rows-1)·ld + cols elements. */
function storage(arr: string, ldName: string, x: unknown, rows: number, cols: number, ld: number): void {
  if (!(x instanceof Float64Array)) throw new ArgumentError(`dgemm: ${arr}`, "a Float64Array", x);
  const minLd = Math.max(1, cols);
  if (ld < minLd) throw new ArgumentError(`dgemm: ${ldName}`, `an integer >= ${minLd} (the stored columns)`, ld);
  const need = rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
  if (x.length < need) {
    throw new ArgumentError(`dgemm: ${arr}`, `a Float64Array of length >= ${need} for this shape`, x);
  }
}

function overlaps(x: Float64Array, y: Float64Array): boolean {
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

export function checkDgemmArgs(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
  c: Float64Array, ldc: number,
): void {
  if (typeof transA !== "boolean") throw new ArgumentError("dgemm: transA", "a boolean", transA);
  if (typeof transB !== "boolean") throw new ArgumentError("dgemm: transB", "a boolean", transB);
  int("m", m, 0);
  int("n", n, 0);
  int("k", k, 0);
  if (typeof alpha !== "number") throw new ArgumentError("dgemm: alpha", "a number", alpha);
  if (typeof beta !== "number") throw new ArgumentError("dgemm: beta", "a number", beta);
  int("lda", lda, 1);
  int("ldb", ldb, 1);
  int("ldc", ldc, 1);
  storage("a", "lda", a, transA ? k : m, transA ? m : k, lda);
  storage("b", "ldb", b, transB ? n : k, transB ? k : n, ldb);
  storage("c", "ldc", c, m, n, ldc);
  if (overlaps(c, a) || overlaps(c, b)) throw new ArgumentError("dgemm: c", "memory that does not overlap a or b");
}
