/**
 * The plain TypeScript GEMM kernel: the always-available fallback backend.
 *
 * C ← alpha·op(A)·op(B) + beta·C on row-major Float64Arrays, like BLAS dgemm.
 * The same scheme as the wasm kernel, in scalar code: for each block of KC steps
 * of k, op(B) is packed into panels of 4 columns and op(A) into panels of 4 rows
 * (this also takes care of the transposes), then a 4 × 4 tile of C is built in
 * 16 local variables — each loaded A value meets 4 B values, each B value 4 A
 * values — and written back once per block. The tile loops are separate small
 * functions: V8 compiles them fast and a new edge case does not deoptimise the rest.
 */
import type { GemmBackend } from "./gemm";
import { checkDgemmArgs } from "./gemm-check";

const KC = 256; // depth of one packed block

let packedA = new Float64Array(0);
let packedB = new Float64Array(0);

/** op(A)[0..m, p0..p0+kc] as panels of 4 rows: panel t holds (i, p) at t·4kc + 4p + (i − 4t); zero-padded. */
function packA(trans: boolean, m: number, kc: number, a: Float64Array, lda: number, p0: number, dst: Float64Array): void {
  for (let i0 = 0; i0 < m; i0 += 4) {
    const base = i0 * kc;
    for (let r = 0; r < 4; r++) {
      const i = i0 + r;
      if (i >= m) {
        for (let p = 0; p < kc; p++) dst[base + 4 * p + r] = 0;
      } else if (!trans) {
        const o = i * lda + p0; // A(i, p) = a[i·lda + p]
        for (let p = 0; p < kc; p++) dst[base + 4 * p + r] = a[o + p];
      } else {
        const o = p0 * lda + i; // A(i, p) = a[p·lda + i]
        for (let p = 0; p < kc; p++) dst[base + 4 * p + r] = a[o + p * lda];
      }
    }
  }
}

/**
 * op(B)[p0..p0+kc, 0..n] as panels of 4 columns: panel u holds (p, j) at u·4kc + 4p + (j − 4u); zero-padded.
 * Column j of op(B) is row j of op(B)ᵀ, which is B read with the other transpose flag: packA packs it.
 */
function packB(trans: boolean, kc: number, n: number, b: Float64Array, ldb: number, p0: number, dst: Float64Array): void {
  packA(!trans, n, kc, b, ldb, p0, dst);
}

/** C ← beta·C (beta = 0 writes zeros without reading C, so NaN there is ignored like BLAS). */
function scaleC(m: number, n: number, beta: number, c: Float64Array, ldc: number): void {
  for (let i = 0; i < m; i++) {
    const o = i * ldc;
    if (beta === 0) c.fill(0, o, o + n);
    else for (let j = 0; j < n; j++) c[o + j] *= beta;
  }
}

export function dgemmJs(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
  c: Float64Array, ldc: number,
): void {
  checkDgemmArgs(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  if (m === 0 || n === 0) return;
  if (k === 0 || alpha === 0) {
    scaleC(m, n, beta, c, ldc);
    return;
  }
  const mp = (m + 3) & ~3, np = (n + 3) & ~3, kb = Math.min(k, KC);
  if (packedA.length < mp * kb) packedA = new Float64Array(mp * kb);
  if (packedB.length < np * kb) packedB = new Float64Array(np * kb);
  const pa = packedA, pb = packedB;

  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    const bet = p0 === 0 ? beta : 1; // later blocks accumulate
    packA(transA, m, kc, a, lda, p0, pa);
    packB(transB, kc, n, b, ldb, p0, pb);
    for (let j0 = 0; j0 < n; j0 += 4) {
      for (let i0 = 0; i0 < m; i0 += 4) {
        const rows = Math.min(4, m - i0), cols = Math.min(4, n - j0);
        if (rows === 4 && cols === 4) tile4x4(kc, pa, i0 * kc, pb, j0 * kc, c, i0 * ldc + j0, ldc, alpha, bet);
        else tileEdge(kc, pa, i0 * kc, pb, j0 * kc, c, i0 * ldc + j0, ldc, alpha, bet, rows, cols);
      }
    }
  }
}

/**
 * The micro-kernel: a full 4 × 4 tile of C from an A panel (at ao) and a B panel (at bo),
 * the 16 sums in local variables (registers). Small on purpose: V8 optimises it quickly.
 */
function tile4x4(
  kc: number, pa: Float64Array, ao: number, pb: Float64Array, bo: number,
  c: Float64Array, o: number, ldc: number, alpha: number, beta: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const end = ao + 4 * kc;
  for (; ao < end; ao += 4, bo += 4) {
    const b0 = pb[bo], b1 = pb[bo + 1], b2 = pb[bo + 2], b3 = pb[bo + 3];
    let x = pa[ao];
    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
    x = pa[ao + 1];
    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
    x = pa[ao + 2];
    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
    x = pa[ao + 3];
    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
  }
  if (beta === 0) {
    c[o] = alpha * c00; c[o + 1] = alpha * c01; c[o + 2] = alpha * c02; c[o + 3] = alpha * c03; o += ldc;
    c[o] = alpha * c10; c[o + 1] = alpha * c11; c[o + 2] = alpha * c12; c[o + 3] = alpha * c13; o += ldc;
    c[o] = alpha * c20; c[o + 1] = alpha * c21; c[o + 2] = alpha * c22; c[o + 3] = alpha * c23; o += ldc;
    c[o] = alpha * c30; c[o + 1] = alpha * c31; c[o + 2] = alpha * c32; c[o + 3] = alpha * c33;
  } else {
    c[o] = alpha * c00 + beta * c[o]; c[o + 1] = alpha * c01 + beta * c[o + 1];
    c[o + 2] = alpha * c02 + beta * c[o + 2]; c[o + 3] = alpha * c03 + beta * c[o + 3]; o += ldc;
    c[o] = alpha * c10 + beta * c[o]; c[o + 1] = alpha * c11 + beta * c[o + 1];
    c[o + 2] = alpha * c12 + beta * c[o + 2]; c[o + 3] = alpha * c13 + beta * c[o + 3]; o += ldc;
    c[o] = alpha * c20 + beta * c[o]; c[o + 1] = alpha * c21 + beta * c[o + 1];
    c[o + 2] = alpha * c22 + beta * c[o + 2]; c[o + 3] = alpha * c23 + beta * c[o + 3]; o += ldc;
    c[o] = alpha * c30 + beta * c[o]; c[o + 1] = alpha * c31 + beta * c[o + 1];
    c[o + 2] = alpha * c32 + beta * c[o + 2]; c[o + 3] = alpha * c33 + beta * c[o + 3];
  }
}

/** An edge tile (rows < 4 or cols < 4): plain sums over the zero-padded panels, valid part only. */
function tileEdge(
  kc: number, pa: Float64Array, ao: number, pb: Float64Array, bo: number,
  c: Float64Array, o: number, ldc: number, alpha: number, beta: number, rows: number, cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      let s = 0;
      for (let p = 0; p < kc; p++) s += pa[ao + 4 * p + r] * pb[bo + 4 * p + q];
      const i = o + r * ldc + q;
      c[i] = beta === 0 ? alpha * s : alpha * s + beta * c[i];
    }
  }
}

export const jsBackend: GemmBackend = {
  name: "js",
  description: "plain TypeScript kernel (packed panels, 4×4 register tiles)",
  dgemm: dgemmJs,
};
