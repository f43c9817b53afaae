/**
 * Registers the GEMM backends and chooses one, once, when the engine loads.
 *
 * Preference: blas (system OpenBLAS through the Node-API addon) > wasm (WebAssembly
 * SIMD kernel) > js (plain TypeScript, always there). ZEROKARA_BACKEND=blas|wasm|js
 * forces one; a backend that cannot load — or gets a tiny product wrong — is skipped
 * with one line in backendReport(). Never a crash: js is always left.
 * Imported for its effect by ops.ts (every matmul goes through it) and index.ts.
 */
import { chooseBackend, registerBackend, type GemmBackend } from "./gemm";
import { loadBlasBackend } from "./gemm-blas";
import { loadWasmBackend } from "./gemm-wasm";

/** A 2×3·3×2 product with a transpose and beta; throws when the backend answers wrong. */
export function selfTest(backend: GemmBackend): GemmBackend {
  const a = Float64Array.of(1, 2, 3, 4, 5, 6); // 2×3
  const bt = Float64Array.of(1, 0, 2, -1, 1, 0); // (3×2)ᵀ stored 2×3
  const c = Float64Array.of(NaN, NaN, NaN, NaN);
  backend.dgemm(false, true, 2, 2, 3, 2, a, 3, bt, 3, 0, c, 2); // 2·A·B, NaN in C ignored
  backend.dgemm(false, true, 1, 2, 3, 1, a.subarray(3), 3, bt, 3, 1, c.subarray(2), 2); // row 2 += A[2]·B
  if (c.join() !== "14,2,48,3") throw new Error(`failed its self-test (got ${c.join()}, want 14,2,48,3)`);
  return backend;
}

registerBackend("wasm", () => selfTest(loadWasmBackend()), 0);
registerBackend("blas", () => selfTest(loadBlasBackend()), 0);
chooseBackend();
