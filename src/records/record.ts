/**
 * Book-scale records: the FULL results the notebooks and handouts quote.
 *
 * `npm run record` runs every recorded experiment at the FULL budget (the
 * book's sizes, every seed) and writes data/results/<experiment>.json: the
 * inputs, seeds, provenance (commit, date, GEMM backend and CPU kernel, wall
 * and CPU time) and the results — the same objects the experiment functions
 * return, so a notebook draws them with the same viz code as its live run.
 *
 * JSON cannot hold NaN or ±∞ (a diverged run's accuracy): they are written as
 * {"$num": "NaN"} and read back as numbers (see encode/decode).
 */
import * as fs from "fs";
import * as path from "path";
import { projectPath } from "../core/project-root";

export interface Provenance {
  /** git commit of the code that produced the record, and whether the tree had changes. */
  commit: string;
  dirty: boolean;
  /** ISO date of the end of the run. */
  date: string;
  node: string;
  /** GEMM backend name (blas | wasm | js) and its description (OpenBLAS build and CPU kernel). */
  backend: string;
  backendDetail: string;
  cpu: string;
  /** Wall time of the whole item, and CPU time summed over its worker processes (s). */
  wallSeconds: number;
  cpuSeconds: number;
  /** Worker processes used and independent units run. */
  jobs: number;
  units: number;
}

export interface RecordFile<R = unknown> {
  experiment: string;
  title: string;
  /** The notebook that shows it. */
  notebook: string;
  budget: "full";
  inputs: Record<string, unknown>;
  seeds: number[];
  provenance: Provenance;
  results: R;
}

export const RESULTS_DIR = projectPath("data", "results");

export function recordPath(name: string, dir = RESULTS_DIR): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`record name must be kebab-case letters and digits, got ${JSON.stringify(name)}`);
  return path.join(dir, `${name}.json`);
}

/** JSON.stringify replacer/reviver pair that keeps NaN and ±∞ and drops typed arrays. */
export function encode(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return { $num: String(value) };
  if (ArrayBuffer.isView(value)) return undefined;
  return value;
}

export function decode(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as { $num?: unknown };
    if (typeof v.$num === "string" && Object.keys(value).length === 1) return Number(v.$num);
  }
  return value;
}

export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, encode, indent);
}

export function fromJson<T = unknown>(text: string): T {
  return JSON.parse(text, decode) as T;
}

/** A committed record, or an error that says how to make it. */
export function loadRecord<R = unknown>(name: string, dir = RESULTS_DIR): RecordFile<R> {
  const file = recordPath(name, dir);
  if (!fs.existsSync(file)) {
    throw new Error(`記録 ${path.relative(process.cwd(), file)} がありません。npm run record -- --only ${name} で作れます。 / record ${name} is missing: run npm run record -- --only ${name}`);
  }
  const rec = fromJson<RecordFile<R>>(fs.readFileSync(file, "utf8"));
  if (rec.experiment !== name) throw new Error(`${file} holds ${JSON.stringify(rec.experiment)}, not ${JSON.stringify(name)}`);
  return rec;
}

/** The line a notebook prints above a recorded table: where the numbers come from. */
export function recordCaption(rec: RecordFile): string {
  const p = rec.provenance;
  const minutes = p.wallSeconds >= 90 ? `${(p.wallSeconds / 60).toFixed(1)} 分` : `${p.wallSeconds.toFixed(0)} 秒`;
  return `記録済み FULL（本書と同じ規模、seed ${rec.seeds.join(", ")}）: data/results/${rec.experiment}.json、` +
    `${p.date.slice(0, 10)}、commit ${p.commit.slice(0, 7)}${p.dirty ? "+" : ""}、GEMM ${p.backend}、実行 ${minutes}（CPU ${p.cpuSeconds.toFixed(0)} 秒、${p.jobs} プロセス）`;
}

/** Keys whose values are wall-clock measurements: never compared between runs. */
export const TIMING_KEYS = new Set(["seconds", "durationMs", "samplerMs", "datetimeStart", "datetimeComplete", "elapsedMs", "startedAt", "finishedAt"]);

export interface Difference {
  path: string;
  recorded: unknown;
  now: unknown;
}

/** Differences between two results, timing keys ignored; `tolerance` is relative (0 = bit for bit). */
export function diffResults(recorded: unknown, now: unknown, tolerance = 0, at = "", out: Difference[] = [], limit = 50): Difference[] {
  if (out.length >= limit) return out;
  if (typeof recorded === "number" && typeof now === "number") {
    const same = Object.is(recorded, now) || (Number.isNaN(recorded) && Number.isNaN(now));
    if (!same) {
      const scale = Math.max(Math.abs(recorded), Math.abs(now), 1e-300);
      if (!(tolerance > 0 && Math.abs(recorded - now) <= tolerance * scale)) out.push({ path: at || "(root)", recorded, now });
    }
    return out;
  }
  if (Array.isArray(recorded) && Array.isArray(now)) {
    if (recorded.length !== now.length) {
      out.push({ path: `${at}.length`, recorded: recorded.length, now: now.length });
      return out;
    }
    recorded.forEach((v, i) => diffResults(v, now[i], tolerance, `${at}[${i}]`, out, limit));
    return out;
  }
  if (recorded && now && typeof recorded === "object" && typeof now === "object") {
    const a = recorded as Record<string, unknown>, b = now as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (TIMING_KEYS.has(k)) continue;
      if (!(k in a) || !(k in b)) out.push({ path: `${at}.${k}`, recorded: a[k], now: b[k] });
      else diffResults(a[k], b[k], tolerance, `${at}.${k}`, out, limit);
    }
    return out;
  }
  if (recorded !== now) out.push({ path: at || "(root)", recorded, now });
  return out;
}
