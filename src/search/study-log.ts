/**
 * The study log: a JSON-lines file, a header line describing the study and
 * then one line per finished trial, appended (and fsync'ed) the moment the
 * trial finishes. A process killed mid-study loses only the trial that was
 * running. Loading never throws on damaged content: a truncated last line (the
 * process died while writing it) or any unreadable line is skipped with a
 * warning, and `repairStudyLog` cuts the file back to its last good line so the
 * next append starts on a fresh line.
 *
 * What it refuses, leaving the file untouched: a path that is a directory, a
 * file that is not a study log (its first line is not a study header), and a
 * log whose header cannot be read (its settings are unknown, so resuming could
 * mix studies). One writer at a time: `lockStudyLog` takes <file>.lock.
 */
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../core/errors";
import type { SearchSpace } from "./space";
import type { FrozenTrial } from "./trial";

export interface StudyHeader {
  kind: "study";
  version: 1;
  studyName: string;
  sampler: { name: string; config: Record<string, unknown> };
  space: SearchSpace;
  seed: number;
  direction: "maximize";
  /** Anything else the objective's settings depend on (epochs, data sizes, budget…). */
  objective?: Record<string, unknown>;
  createdAt?: string;
}

export interface LoadedStudyLog {
  header: StudyHeader | null;
  /** Valid trials in file order, first occurrence of each number. */
  trials: FrozenTrial[];
  warnings: string[];
  /** Bytes of the file up to the end of its last good line. */
  validBytes: number;
  /** True when the last good line lacks its newline (repair adds it). */
  missingNewline: boolean;
}

const NEWLINE = 0x0a;

/** A study log that cannot be used as asked (not a log, unreadable header, another writer, other settings). */
export class StudyLogError extends InputError {
  constructor(readonly file: string, reason: string) {
    super(`study log ${file}: ${reason}`);
    this.name = "StudyLogError";
  }
}

/**
 * Reads a study log. A missing or empty file is a new study. Throws
 * StudyLogError, without touching the file, when the path is a directory or
 * when the first line is not a readable study header.
 */
export function loadStudyLog(file: string): LoadedStudyLog {
  const out: LoadedStudyLog = { header: null, trials: [], warnings: [], validBytes: 0, missingNewline: false };
  if (!fs.existsSync(file)) return out;
  if (fs.statSync(file).isDirectory()) throw new StudyLogError(file, "is a directory; expected the path of a .jsonl file (new or an earlier study log)");
  const buf = fs.readFileSync(file);
  checkHeaderLine(file, buf);
  const seen = new Set<number>();
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    lineNo++;
    let end = buf.indexOf(NEWLINE, start);
    const terminated = end !== -1;
    if (!terminated) end = buf.length;
    const text = buf.subarray(start, end).toString("utf8").trim();
    const next = terminated ? end + 1 : end;
    const where = `${path.basename(file)} line ${lineNo}`;
    if (text === "") {
      start = next;
      if (terminated) out.validBytes = next;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      out.warnings.push(
        terminated
          ? `${where}: not valid JSON, ignored`
          : `${where}: the last line is truncated (${end - start} bytes, the process stopped while writing it); ignored, that trial will run again`,
      );
      start = next;
      continue;
    }
    const problem = checkLine(value);
    if (problem) {
      out.warnings.push(`${where}: ${problem}, ignored`);
    } else if ((value as { kind: string }).kind === "study") {
      if (out.header === null) out.header = value as StudyHeader;
      else out.warnings.push(`${where}: a second study header, ignored`);
    } else {
      const t = fromLine(value as Record<string, unknown>);
      if (seen.has(t.number)) out.warnings.push(`${where}: trial ${t.number} appears again, the later copy is ignored`);
      else {
        seen.add(t.number);
        out.trials.push(t);
      }
    }
    start = next;
    out.validBytes = next;
    out.missingNewline = !terminated;
  }
  return out;
}

/** The first non-blank line must be a study header; otherwise the file is refused as it is. */
function checkHeaderLine(file: string, buf: Buffer): void {
  const text = buf.toString("utf8");
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return; // empty: a new study
  let value: unknown;
  try {
    value = JSON.parse(lines[first]);
  } catch {
    value = undefined;
  }
  const problem = value === undefined ? "not valid JSON" : checkLine(value);
  if (problem === null && (value as { kind: string }).kind === "study") return;
  const looksLikeLog = lines.some((l) => /^\s*\{\s*"kind"\s*:\s*"(trial|study)"/.test(l));
  const where = `line ${first + 1}`;
  if (!looksLikeLog) {
    throw new StudyLogError(file, `is not a study log (${where} is ${problem ?? "not a study header"}); refused, the file is left untouched. Give a new path or an earlier study log.`);
  }
  throw new StudyLogError(file, `its header (${where}) cannot be read (${problem ?? "a trial where the study header should be"}), so the settings it was written with are unknown; refused, the file is left untouched. Restore the header line or give a new path.`);
}

/**
 * Exclusive writer: creates <file>.lock holding this process's pid. A lock
 * whose process is gone (killed) is broken and taken over; a live owner is an
 * error naming its pid. Returns the release function (also run at exit).
 */
export function lockStudyLog(file: string): () => void {
  const lock = `${file}.lock`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw e;
      const owner = Number.parseInt(readOr(lock, ""), 10);
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new StudyLogError(file, `is being written by process ${owner} (lock ${lock}); one writer at a time: wait for it to finish, or use another path`);
      }
      // the owner died without releasing (kill -9): break its lock
      fs.rmSync(lock, { force: true });
    }
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    if (readOr(lock, "").trim() === String(process.pid)) fs.rmSync(lock, { force: true });
  };
  process.on("exit", release);
  return release;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What is wrong with a parsed line, or null. */
function checkLine(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "not a JSON object";
  const o = v as Record<string, unknown>;
  if (o.kind === "study") return typeof o.studyName === "string" && typeof o.space === "object" ? null : "a malformed study header";
  if (o.kind !== "trial") return `unknown kind ${JSON.stringify(o.kind)}`;
  if (!Number.isInteger(o.number) || (o.number as number) < 0) return "a trial without a valid number";
  if (o.state !== "complete" && o.state !== "failed") return `trial state ${JSON.stringify(o.state)}`;
  if (typeof o.params !== "object" || o.params === null) return "a trial without params";
  if (o.state === "complete" && (typeof o.score !== "number" || !Number.isFinite(o.score))) return "a complete trial without a finite score";
  return null;
}

function fromLine(o: Record<string, unknown>): FrozenTrial {
  const t: FrozenTrial = {
    number: o.number as number,
    state: o.state as FrozenTrial["state"],
    params: o.params as FrozenTrial["params"],
    seed: typeof o.seed === "number" ? o.seed : 0,
    score: typeof o.score === "number" ? o.score : null,
    durationMs: typeof o.durationMs === "number" ? o.durationMs : 0,
  };
  if (typeof o.reason === "string") t.reason = o.reason;
  if (typeof o.curves === "object" && o.curves !== null) t.curves = o.curves as Record<string, number[]>;
  if (typeof o.samplerMs === "number") t.samplerMs = o.samplerMs;
  if (typeof o.finishedAt === "string") t.finishedAt = o.finishedAt;
  return t;
}

/** Cuts a damaged tail off (and restores a missing final newline) so appends start cleanly. */
export function repairStudyLog(file: string, loaded: LoadedStudyLog): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  if (size > loaded.validBytes) fs.truncateSync(file, loaded.validBytes);
  if (loaded.missingNewline) fs.appendFileSync(file, "\n");
}

/** Appends one JSON line and forces it to disk before returning. */
export function appendStudyLine(file: string, value: object): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = fs.openSync(file, "a");
  try {
    fs.writeSync(fd, JSON.stringify(value) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function trialLine(t: FrozenTrial): Record<string, unknown> {
  return { kind: "trial", ...t };
}
