/**
 * The BLAS GEMM backend: the system's OpenBLAS dgemm through the small Node-API
 * addon in native/zerokara_blas.c, built into build/zerokara_blas.node by
 * `node scripts/build-native.mjs` (gcc + libopenblas-dev; the setup runs it).
 *
 * Threads: OpenBLAS would start one thread per core. The net's GEMMs are small
 * (≤ 128×784×100), where a second thread does not pay and its spinning steals the
 * core the element-wise JavaScript runs on, so we ask for 1 thread unless
 * OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) says otherwise.
 */
import * as fs from "fs";
import * as path from "path";
import type { Dgemm, GemmBackend } from "./gemm";

export interface BlasAddon {
  /** Row-major dgemm; throws a TypeError/RangeError naming the argument on bad input. */
  readonly dgemm: Dgemm;
  info(): { config: string; corename: string; threads: number };
  setNumThreads(n: number): void;
}

/** This file's real directory: tslab runs src through the notebooks/src symlink. */
function realDir(): string {
  try {
    return fs.realpathSync(__dirname);
  } catch {
    return __dirname;
  }
}

/** Where scripts/build-native.mjs puts the addon (repo root /build). */
export const BLAS_ADDON_PATH = path.join(realDir(), "..", "..", "build", "zerokara_blas.node");

const HOW_TO_BUILD = "build it with `node scripts/build-native.mjs` (needs gcc and libopenblas-dev)";

let addon: BlasAddon | undefined;

/** Load the addon once; throws one readable line when it is missing or broken. */
export function loadBlasAddon(file: string = BLAS_ADDON_PATH): BlasAddon {
  if (addon !== undefined && file === BLAS_ADDON_PATH) return addon;
  let mod: BlasAddon;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    mod = require(file) as BlasAddon;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "MODULE_NOT_FOUND" ? `${path.basename(file)} not built` : firstLine(err.message);
    throw new Error(`native BLAS addon unavailable (${why}); ${HOW_TO_BUILD}`);
  }
  if (typeof mod.dgemm !== "function") throw new Error(`${file} is not the zerokara BLAS addon; ${HOW_TO_BUILD}`);
  if (process.env.OPENBLAS_NUM_THREADS === undefined && process.env.OMP_NUM_THREADS === undefined) {
    mod.setNumThreads(1);
  }
  if (file === BLAS_ADDON_PATH) addon = mod;
  return mod;
}

function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}

export function loadBlasBackend(): GemmBackend {
  const mod = loadBlasAddon();
  const info = mod.info();
  const threads = info.threads === 1 ? "1 thread" : `${info.threads} threads`;
  return {
    name: "blas",
    description: `${info.config.trim().split(" ").slice(0, 2).join(" ")} dgemm via Node-API (${info.corename} kernels, ${threads})`,
    dgemm: mod.dgemm,
  };
}
