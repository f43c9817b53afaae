/**
 * GEMM backends behind one interface (docs/ARCHITECTURE.md, "Book-shaped classes, speed below them").
 *
 * Layers never call a backend directly: they call `matmul` in ops.ts, which
 * calls `gemm()` here, which forwards to the backend chosen at load time.
 * The environment variable ZEROKARA_BACKEND=blas|wasm|js overrides the choice.
 */
import { ArgumentError } from "./errors";
import { jsBackend } from "./gemm-js";

/** BLAS-style dgemm on row-major storage: C ← alpha·op(A)·op(B) + beta·C. */
export type Dgemm = (
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
  c: Float64Array, ldc: number,
) => void;

export interface GemmBackend {
  readonly name: string;
  readonly description: string;
  readonly dgemm: Dgemm;
}

const registry = new Map<string, () => GemmBackend>([["js", () => jsBackend]]);
/** Preference order when ZEROKARA_BACKEND is not set: fastest first. */
const preference: string[] = ["js"];

let current: GemmBackend = jsBackend;
/** Why a preferred backend did not load (one line each), for `backendReport()`. */
const notes: string[] = [];

/** Register a backend loader; `rank` 0 puts it first in the preference order. */
export function registerBackend(name: string, load: () => GemmBackend, rank = 0): void {
  registry.set(name, load);
  if (!preference.includes(name)) preference.splice(rank, 0, name);
}

export function backendNames(): string[] {
  return [...preference];
}

/** The backend every matmul uses now. */
export function getBackend(): GemmBackend {
  return current;
}

/** Switch backend by name; throws (naming the valid ones) when it is unknown or cannot load. */
export function setBackend(name: string): GemmBackend {
  const key = String(name).toLowerCase();
  const load = registry.get(key);
  if (!load) throw new ArgumentError("backend", `one of ${[...registry.keys()].join(", ")}`, name);
  current = load();
  return current;
}

/**
 * Choose the backend: ZEROKARA_BACKEND if set, else the first in preference
 * order that loads. A backend that fails leaves one line in `notes`; an unknown
 * ZEROKARA_BACKEND is an error naming the valid ones, and a forced backend
 * that cannot load says why on stderr (one line) before the next one is used.
 */
export function chooseBackend(env: string | undefined = process.env.ZEROKARA_BACKEND, warn: (line: string) => void = (l) => process.stderr.write(l + "\n")): GemmBackend {
  notes.length = 0;
  const wanted = env?.trim().toLowerCase() || undefined;
  if (wanted !== undefined && !registry.has(wanted)) {
    throw new ArgumentError("ZEROKARA_BACKEND", `one of ${[...preference].join(", ")} (or unset: the fastest that loads)`, env);
  }
  const order = wanted ? [wanted, ...preference.filter((p) => p !== wanted)] : preference;
  for (const name of order) {
    try {
      return setBackend(name);
    } catch (e) {
      notes.push(`${name}: ${(e as Error).message}`);
      if (name === wanted) warn(`ZEROKARA_BACKEND=${wanted}: cannot load (${(e as Error).message}); using the next backend`);
    }
  }
  current = jsBackend;
  return current;
}

/** One line for notebooks and the bench: which backend runs and why not the others. */
export function backendReport(): string {
  const why = notes.length ? ` (skipped: ${notes.join("; ")})` : "";
  return `GEMM backend: ${current.name} — ${current.description}${why}`;
}

export function backendNotes(): readonly string[] {
  return notes;
}

export function gemm(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number,
  c: Float64Array, ldc: number,
): void {
  current.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
