/**
 * WebAssembly SIMD dgemm (AssemblyScript): C ← alpha·op(A)·op(B) + beta·C, row-major.
 * Built by scripts/build-wasm.mjs into ../gemm.wasm; driven by src/core/gemm-wasm.ts,
 * which copies the operands into this module's memory and the result back out.
 *
 * The GotoBLAS scheme in small: B is packed block by block (KC × NC) into panels of
 * NR columns, A (MC × KC) into panels of MR rows, so the micro-kernel streams both
 * from contiguous memory. The micro-kernel keeps an MR × NR tile of C in 8 f64x2
 * registers: per step p it loads 2 vectors of B and splats 4 values of A, doing
 * 16 multiply-adds. (Wasm SIMD has no fused multiply-add outside relaxed-simd.)
 */

const MR = 4; // rows of C per micro-tile
const NR = 4; // columns of C per micro-tile (2 × f64x2)
const KC = 256; // depth of one packed block
const MC = 64; // rows of A per packed block
const NC = 1024; // columns of B per packed block

/** First free byte after the module's static data; the host lays its buffers out from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of packing workspace `dgemm` needs at `work`. */
export function workBytes(): usize {
  return (MC * KC + KC * NC + MR * NR) << 3;
}

/**
 * a, b, c: byte offsets of A (stored rows × lda), B (rows × ldb), C (m × ldc) in this
 * memory; work: workBytes() of scratch. op(A) is m × k, op(B) is k × n.
 */
export function dgemm(
  transA: bool, transB: bool, m: i32, n: i32, k: i32, alpha: f64,
  a: usize, lda: i32, b: usize, ldb: i32, beta: f64, c: usize, ldc: i32, work: usize,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0 || alpha == 0) {
    scaleC(m, n, beta, c, ldc);
    return;
  }
  const pa = work;
  const pb = work + ((MC * KC) << 3);
  const tile = pb + ((KC * NC) << 3);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(transB, kc, nc, b, ldb, pc, jc, pb);
      const bet = pc == 0 ? beta : 1.0; // later k-blocks accumulate
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(transA, mc, kc, a, lda, ic, pc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const panelB = pb + (<usize>(jr * kc) << 3);
          for (let ir = 0; ir < mc; ir += MR) {
            const cp = c + (<usize>((ic + ir) * ldc + jc + jr) << 3);
            kernel(kc, pa + (<usize>(ir * kc) << 3), panelB, cp, ldc, alpha, bet, min(MR, mc - ir), min(NR, nc - jr), tile);
          }
        }
      }
    }
  }
}

/** C ← beta·C (beta = 0 writes zeros, ignoring NaN in C like BLAS). */
function scaleC(m: i32, n: i32, beta: f64, c: usize, ldc: i32): void {
  for (let i = 0; i < m; i++) {
    const row = c + (<usize>(i * ldc) << 3);
    for (let j = 0; j < n; j++) {
      const p = row + (<usize>j << 3);
      store<f64>(p, beta == 0 ? 0 : beta * load<f64>(p));
    }
  }
}

/** Pack op(A)[ic.., pc..] (mc × kc) as panels of MR rows: element (i, p) of a panel at p*MR + i. */
function packA(trans: bool, mc: i32, kc: i32, a: usize, lda: i32, ic: i32, pc: i32, dst: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    const panel = dst + (<usize>(ir * kc) << 3);
    if (!trans) {
      // A(i, p) = a[i*lda + p]
      const r0 = a + (<usize>((ic + ir) * lda + pc) << 3);
      const step = <usize>lda << 3;
      if (mr == MR) {
        for (let p = 0; p < kc; p++) {
          const s = r0 + (<usize>p << 3);
          const d = panel + (<usize>p << 5);
          store<f64>(d, load<f64>(s));
          store<f64>(d, load<f64>(s + step), 8);
          store<f64>(d, load<f64>(s + 2 * step), 16);
          store<f64>(d, load<f64>(s + 3 * step), 24);
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let i = 0; i < MR; i++) {
            const v = i < mr ? load<f64>(r0 + <usize>i * step + (<usize>p << 3)) : 0.0;
            store<f64>(panel + (<usize>(p * MR + i) << 3), v);
          }
        }
      }
    } else {
      // A stored transposed: A(i, p) = a[p*lda + i]
      const c0 = a + (<usize>(pc * lda + ic + ir) << 3);
      const step = <usize>lda << 3;
      if (mr == MR) {
        for (let p = 0; p < kc; p++) {
          const s = c0 + <usize>p * step;
          const d = panel + (<usize>p << 5);
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let i = 0; i < MR; i++) {
            const v = i < mr ? load<f64>(c0 + <usize>p * step + (<usize>i << 3)) : 0.0;
            store<f64>(panel + (<usize>(p * MR + i) << 3), v);
          }
        }
      }
    }
  }
}

/** Pack op(B)[pc.., jc..] (kc × nc) as panels of NR columns: element (p, j) of a panel at p*NR + j. */
function packB(trans: bool, kc: i32, nc: i32, b: usize, ldb: i32, pc: i32, jc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const panel = dst + (<usize>(jr * kc) << 3);
    if (!trans) {
      // B(p, j) = b[p*ldb + j]
      const r0 = b + (<usize>(pc * ldb + jc + jr) << 3);
      const step = <usize>ldb << 3;
      if (nr == NR) {
        for (let p = 0; p < kc; p++) {
          const s = r0 + <usize>p * step;
          const d = panel + (<usize>p << 5);
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let j = 0; j < NR; j++) {
            const v = j < nr ? load<f64>(r0 + <usize>p * step + (<usize>j << 3)) : 0.0;
            store<f64>(panel + (<usize>(p * NR + j) << 3), v);
          }
        }
      }
    } else {
      // B stored transposed: B(p, j) = b[j*ldb + p]
      const c0 = b + (<usize>((jc + jr) * ldb + pc) << 3);
      const step = <usize>ldb << 3;
      if (nr == NR) {
        for (let p = 0; p < kc; p++) {
          const s = c0 + (<usize>p << 3);
          const d = panel + (<usize>p << 5);
          store<f64>(d, load<f64>(s));
          store<f64>(d, load<f64>(s + step), 8);
          store<f64>(d, load<f64>(s + 2 * step), 16);
          store<f64>(d, load<f64>(s + 3 * step), 24);
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let j = 0; j < NR; j++) {
            const v = j < nr ? load<f64>(c0 + <usize>j * step + (<usize>p << 3)) : 0.0;
            store<f64>(panel + (<usize>(p * NR + j) << 3), v);
          }
        }
      }
    }
  }
}

/** The MR × NR micro-kernel: C tile ← alpha·(A panel · B panel) + beta·C tile. */
// @ts-ignore: decorator
@inline
function kernel(
  kc: i32, pa: usize, pb: usize, c: usize, ldc: i32, alpha: f64, beta: f64, mr: i32, nr: i32, tile: usize,
): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let x = v128.load64_splat(pa);
    c00 = f64x2.add(c00, f64x2.mul(x, b0));
    c01 = f64x2.add(c01, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 8);
    c10 = f64x2.add(c10, f64x2.mul(x, b0));
    c11 = f64x2.add(c11, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 16);
    c20 = f64x2.add(c20, f64x2.mul(x, b0));
    c21 = f64x2.add(c21, f64x2.mul(x, b1));
    x = v128.load64_splat(pa, 24);
    c30 = f64x2.add(c30, f64x2.mul(x, b0));
    c31 = f64x2.add(c31, f64x2.mul(x, b1));
    pa += MR << 3;
    pb += NR << 3;
  }
  const va = f64x2.splat(alpha);
  if (mr == MR && nr == NR) {
    const step = <usize>ldc << 3;
    storeRow(c, c00, c01, va, beta);
    storeRow(c + step, c10, c11, va, beta);
    storeRow(c + 2 * step, c20, c21, va, beta);
    storeRow(c + 3 * step, c30, c31, va, beta);
    return;
  }
  // edge tile: spill the accumulators, then write only the mr × nr valid part
  v128.store(tile, c00); v128.store(tile, c01, 16);
  v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80);
  v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  for (let i = 0; i < mr; i++) {
    const row = c + (<usize>(i * ldc) << 3);
    for (let j = 0; j < nr; j++) {
      const p = row + (<usize>j << 3);
      const ab = alpha * load<f64>(tile + (<usize>(i * NR + j) << 3));
      store<f64>(p, beta == 0 ? ab : ab + beta * load<f64>(p));
    }
  }
}

// @ts-ignore: decorator
@inline
function storeRow(p: usize, v0: v128, v1: v128, va: v128, beta: f64): void {
  let r0 = f64x2.mul(va, v0);
  let r1 = f64x2.mul(va, v1);
  if (beta != 0) {
    const vb = f64x2.splat(beta);
    r0 = f64x2.add(r0, f64x2.mul(vb, v128.load(p)));
    r1 = f64x2.add(r1, f64x2.mul(vb, v128.load(p, 16)));
  }
  v128.store(p, r0);
  v128.store(p, r1, 16);
}
