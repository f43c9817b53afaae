#!/usr/bin/env node
/**
 * Rebuild the WebAssembly SIMD GEMM kernel:
 *   src/core/wasm/assembly/gemm.ts (AssemblyScript) → src/core/wasm/gemm.wasm (+ gemm.wat to read)
 * with the `assemblyscript` devDependency. The built files are committed, so a learner's
 * machine never needs this; run it after editing the kernel.
 *
 *   node scripts/build-wasm.mjs
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "src/core/wasm");

export function buildWasm() {
  let asc;
  try {
    asc = join(dirname(createRequire(join(root, "package.json")).resolve("assemblyscript/package.json")), "bin/asc.js");
  } catch {
    return { status: "skipped", detail: "the devDependency assemblyscript is not installed (run npm ci)" };
  }
  const args = [
    asc, join(dir, "assembly/gemm.ts"),
    "-o", join(dir, "gemm.wasm"), "-t", join(dir, "gemm.wat"),
    "-Ospeed", "--noAssert", "--runtime", "stub", "--use", "abort=", "--enable", "simd",
  ];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: root });
  if (r.status !== 0) return { status: "failed", detail: (r.stderr || r.stdout).trim() };
  return { status: "built", detail: `src/core/wasm/gemm.wasm (${statSync(join(dir, "gemm.wasm")).size} bytes)` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { status, detail } = buildWasm();
  console.log(`wasm GEMM kernel: ${status}: ${detail}`);
  if (status === "failed") process.exitCode = 1;
}
