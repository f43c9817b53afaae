/**
 * The page's GEMM backend: the engine's WebAssembly SIMD kernel, the same
 * committed src/core/wasm/gemm.wasm that Node loads from disk, inlined in the
 * bundle by esbuild's binary loader (bundle.ts). Importing this module makes it
 * the backend of every matmul in the page (the same numbers as Node's wasm
 * backend); a browser without wasm SIMD keeps the plain TypeScript kernel and
 * pageGemmNote() says so (the same numbers as Node's js backend, only slower).
 */
import GEMM_WASM from "../../../core/wasm/gemm.wasm";
import { selfTest } from "../../../core/backends";
import { getBackend, registerBackend, setBackend } from "../../../core/gemm";
import { wasmBackendFromBytes } from "../../../core/gemm-wasm";

let note: string | null = null;
try {
  const wasm = selfTest(wasmBackendFromBytes(GEMM_WASM));
  registerBackend("wasm", () => wasm); // the page's registry: replaces the file loader fs cannot serve here
  setBackend("wasm");
} catch (e) {
  note = `このブラウザーでは WebAssembly SIMD の行列積を使えないため、TypeScript の行列積で計算します（結果は同じで、遅くなります）。${e instanceof Error ? e.message : String(e)}`;
}

/** The backend every matmul in the page uses ("wasm", or "js" after a fallback). */
export function pageGemmName(): string {
  return getBackend().name;
}

/** Why the page fell back to the TypeScript kernel, or null when the wasm kernel runs. */
export function pageGemmNote(): string | null {
  return note;
}
