/**
 * The WebAssembly SIMD GEMM backend, for machines without a C compiler or BLAS.
 *
 * The kernel (wasm/assembly/gemm.ts, AssemblyScript, built into wasm/gemm.wasm by
 * `node scripts/build-wasm.mjs`; the .wasm is committed) works on its own linear
 * memory, so each call copies A and B in (and C when beta ≠ 0), runs, and copies C
 * back out. The memory grows on demand and is reused between calls.
 * Node reads the file (loadWasmBackend); the explorers' page bundle gets the
 * same bytes inlined (page/gemm-page.ts) and calls wasmBackendFromBytes.
 */
import * as fs from "fs";
import * as path from "path";
import type { GemmBackend } from "./gemm";
import { checkDgemmArgs } from "./gemm-check";

export const WASM_KERNEL_PATH = path.join(__dirname, "wasm", "gemm.wasm");

/** The bits of the WebAssembly JS API used here (declared locally: tslab compiles without the DOM lib). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  workBytes(): number;
  dgemm(
    transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
    a: number, lda: number, b: number, ldb: number, beta: number, c: number, ldc: number, work: number,
  ): void;
}

const align = (x: number): number => Math.ceil(x / 64) * 64; // byte offsets, 64-byte (cache line) aligned

/** Compile and instantiate the kernel synchronously; throws one readable line on failure. */
function instantiate(bytes: Uint8Array): KernelExports {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) throw new Error("this JavaScript runtime has no WebAssembly");
  let module: object;
  try {
    module = new wasm.Module(bytes);
  } catch (e) {
    throw new Error(`WebAssembly SIMD kernel does not compile here (needs wasm SIMD): ${(e as Error).message}`);
  }
  return new wasm.Instance(module, {}).exports as KernelExports;
}

/** The backend from the kernel file (Node). */
export function loadWasmBackend(file: string = WASM_KERNEL_PATH): GemmBackend {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new Error(`${path.basename(file)} not found; rebuild it with \`node scripts/build-wasm.mjs\``);
  }
  return wasmBackendFromBytes(bytes);
}

/** The backend from the kernel's bytes (the page bundle inlines the same gemm.wasm). */
export function wasmBackendFromBytes(bytes: Uint8Array): GemmBackend {
  const k = instantiate(bytes);
  const base = align(k.heapBase());
  const workBytes = k.workBytes();
  let heap = new Float64Array(k.memory.buffer);

  /** Make the memory at least `bytes` long (memory.grow detaches old views). */
  function reserve(bytes: number): void {
    const have = k.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        k.memory.grow(Math.ceil((bytes - have) / 65536));
      } catch {
        throw new Error(`wasm GEMM: the operands need ${Math.ceil(bytes / 2 ** 20)} MB, more than WebAssembly memory allows here; use the blas or js backend (setBackend)`);
      }
    }
    if (heap.buffer !== k.memory.buffer) heap = new Float64Array(k.memory.buffer);
  }

  /** Copy a rows × cols operand (leading dimension ld) in, compacted to ld = cols. */
  function copyIn(src: Float64Array, rows: number, cols: number, ld: number, at: number): void {
    const o = at / 8; // (no >> : offsets may pass 2³¹)
    if (ld === cols) heap.set(src.subarray(0, rows * cols), o);
    else for (let i = 0; i < rows; i++) heap.set(src.subarray(i * ld, i * ld + cols), o + i * cols);
  }

  function dgemm(
    transA: boolean, transB: boolean, m: number, n: number, k_: number, alpha: number,
    a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
    c: Float64Array, ldc: number,
  ): void {
    checkDgemmArgs(transA, transB, m, n, k_, alpha, a, lda, b, ldb, beta, c, ldc);
    if (m === 0 || n === 0) return;
    const ar = transA ? k_ : m, ac = transA ? m : k_; // stored shape of A
    const br = transB ? n : k_, bc = transB ? k_ : n; // stored shape of B
    const offA = base;
    const offB = align(offA + ar * ac * 8);
    const offC = align(offB + br * bc * 8);
    const offW = align(offC + m * n * 8);
    reserve(offW + workBytes);
    const useAB = k_ > 0 && alpha !== 0;
    if (useAB) {
      copyIn(a, ar, ac, lda, offA);
      copyIn(b, br, bc, ldb, offB);
    }
    if (beta !== 0) copyIn(c, m, n, ldc, offC);
    k.dgemm(transA, transB, m, n, k_, alpha, offA, ac || 1, offB, bc || 1, beta, offC, n, offW);
    const o = offC / 8;
    if (ldc === n) c.set(heap.subarray(o, o + m * n));
    else for (let i = 0; i < m; i++) c.set(heap.subarray(o + i * n, o + i * n + n), i * ldc);
  }

  return {
    name: "wasm",
    description: "WebAssembly SIMD kernel (f64x2, 4×4 register tiles, packed panels)",
    dgemm,
  };
}
