/**
 * The plain TypeScript GEMM kernel: the always-available fallback backend.
 *
 * C ← alpha·op(A)·op(B) + beta·C on row-major Float64Arrays, like BLAS dgemm.
 * Transposed operands are first copied into a packed row-major scratch buffer
 * (O(mk) work against O(mnk)), so the inner kernel only handles the NN case:
 * rows of C are built four at a time (register tiling: one load of B[p, j]
 * feeds four rows) with k blocked so a slab of B stays in cache.
 */
import type { GemmBackend } from "./gemm";

let scratchA = new Float64Array(0);
let scratchB = new Float64Array(0);

function packTransposed(src: Float64Array, ld: number, rows: number, cols: number, dst: Float64Array): void {
  // dst (rows × cols, row-major) = transpose of src (cols × rows, leading dim ld)
  for (let i = 0; i < cols; i++) {
    const o = i * ld;
    for (let j = 0; j < rows; j++) dst[j * cols + i] = src[o + j];
  }
}

const KB = 256;

export function dgemmJs(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
  c: Float64Array, ldc: number,
): void {
  // scale C by beta first (beta = 0 must ignore NaN/garbage in C, like BLAS)
  if (beta === 0) {
    for (let i = 0; i < m; i++) c.fill(0, i * ldc, i * ldc + n);
  } else if (beta !== 1) {
    for (let i = 0; i < m; i++) {
      const o = i * ldc;
      for (let j = 0; j < n; j++) c[o + j] *= beta;
    }
  }
  if (alpha === 0 || k === 0 || m === 0 || n === 0) return;

  let A = a, ldA = lda, B = b, ldB = ldb;
  if (transA) {
    if (scratchA.length < m * k) scratchA = new Float64Array(m * k);
    packTransposed(a, lda, m, k, scratchA);
    A = scratchA;
    ldA = k;
  }
  if (transB) {
    if (scratchB.length < k * n) scratchB = new Float64Array(k * n);
    packTransposed(b, ldb, k, n, scratchB);
    B = scratchB;
    ldB = n;
  }

  for (let p0 = 0; p0 < k; p0 += KB) {
    const p1 = Math.min(k, p0 + KB);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      const c0 = i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
      const a0 = i * ldA, a1 = a0 + ldA, a2 = a1 + ldA, a3 = a2 + ldA;
      for (let p = p0; p < p1; p++) {
        const x0 = alpha * A[a0 + p], x1 = alpha * A[a1 + p];
        const x2 = alpha * A[a2 + p], x3 = alpha * A[a3 + p];
        const bo = p * ldB;
        for (let j = 0; j < n; j++) {
          const bv = B[bo + j];
          c[c0 + j] += x0 * bv;
          c[c1 + j] += x1 * bv;
          c[c2 + j] += x2 * bv;
          c[c3 + j] += x3 * bv;
        }
      }
    }
    for (; i < m; i++) {
      const co = i * ldc, ao = i * ldA;
      for (let p = p0; p < p1; p++) {
        const x = alpha * A[ao + p];
        const bo = p * ldB;
        for (let j = 0; j < n; j++) c[co + j] += x * B[bo + j];
      }
    }
  }
}

export const jsBackend: GemmBackend = {
  name: "js",
  description: "plain TypeScript, register-tiled (4 rows) and k-blocked",
  dgemm: dgemmJs,
};
