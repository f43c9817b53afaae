#!/usr/bin/env node
/**
 * Build the BLAS GEMM backend: src/core/native/zerokara_blas.c → build/zerokara_blas.node
 * with the system gcc, the Node-API headers of the npm package node-api-headers and
 * -lopenblas (no node-gyp, no Node header download).
 *
 *   node scripts/build-native.mjs [--force]
 *
 * Prints one line ("native BLAS addon: built …" / "up to date" / "skipped: why") and
 * always exits 0: without gcc or OpenBLAS the engine falls back to the wasm or js kernel.
 * Also importable: `import { buildNative } from "./build-native.mjs"`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "src/core/native/zerokara_blas.c");
export const addonPath = join(root, "build/zerokara_blas.node");
const HOW = "on Debian: apt-get install gcc libopenblas-dev, then node scripts/build-native.mjs";

/** @returns {{ status: "built" | "up to date" | "skipped", detail: string }} */
export function buildNative({ force = false } = {}) {
  if (!force && existsSync(addonPath)) {
    const built = statSync(addonPath).mtimeMs;
    if (built >= statSync(source).mtimeMs && built >= statSync(fileURLToPath(import.meta.url)).mtimeMs) {
      return { status: "up to date", detail: addonPath };
    }
  }
  let include;
  try {
    include = createRequire(join(root, "package.json"))("node-api-headers").include_dir;
  } catch {
    return { status: "skipped", detail: "the npm package node-api-headers is not installed (run npm ci)" };
  }
  const cc = process.env.CC || "gcc";
  const probe = spawnSync(cc, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { status: "skipped", detail: `no C compiler (${cc}) found; ${HOW}` };

  mkdirSync(dirname(addonPath), { recursive: true });
  const tmp = addonPath.replace(/\.node$/, `.tmp-${process.pid}.node`); // .node: require() loads it as an addon
  const args = ["-O2", "-shared", "-fPIC", "-Wall", "-I", include, source, "-o", tmp, "-lopenblas"];
  const r = spawnSync(cc, args, { encoding: "utf8" });
  if (r.status !== 0) {
    rmSync(tmp, { force: true });
    const err = `${r.stderr}${r.stdout}`;
    if (/cblas\.h|-lopenblas|openblas/i.test(err)) return { status: "skipped", detail: `OpenBLAS not found; ${HOW}` };
    const first = err.split("\n").find((l) => /error/i.test(l)) ?? err.trim().split("\n")[0] ?? "";
    return { status: "skipped", detail: `${cc} failed: ${first.trim()}` };
  }
  // Load it in a child process first: a broken build must never take the engine down.
  const check = spawnSync(process.execPath, ["-e", smokeTest(tmp)], { encoding: "utf8" });
  if (check.status !== 0) {
    rmSync(tmp, { force: true });
    return { status: "skipped", detail: `the built addon failed its check: ${errorLine(check.stderr)}` };
  }
  renameSync(tmp, addonPath);
  return { status: "built", detail: `${addonPath} (${check.stdout.trim()})` };
}

function errorLine(text = "") {
  const lines = text.trim().split("\n");
  return (lines.find((l) => /Error/.test(l)) ?? lines[0] ?? "").trim();
}

function smokeTest(path) {
  return `const m = require(${JSON.stringify(path)});
const a = Float64Array.of(1, 2, 3, 4), b = Float64Array.of(5, 6, 7, 8), c = new Float64Array(4);
m.dgemm(false, false, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);
if (c.join() !== "19,22,43,50") throw new Error("wrong product " + c.join());
console.log("OpenBLAS " + m.info().config.trim());`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { status, detail } = buildNative({ force: process.argv.includes("--force") });
  console.log(`native BLAS addon: ${status}: ${detail}`);
}
