/**
 * The study log: a JSON-lines file, a header line describing the study and
 * then one line per finished trial, appended (and fsync'ed) the moment the
 * trial finishes. A process killed mid-study loses only the trial that was
 * running. Loading never throws on damaged content: a truncated last line (the
 * process died while writing it) or any unreadable line is skipped with a
 * warning, and `repairStudyLog` cuts the file back to its last good line so the
 * next append starts on a fresh line.
 */
import * as fs from "fs";
import * as path from "path";
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

export function loadStudyLog(file: string): LoadedStudyLog {
  const out: LoadedStudyLog = { header: null, trials: [], warnings: [], validBytes: 0, missingNewline: false };
  if (!fs.existsSync(file)) return out;
  const buf = fs.readFileSync(file);
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
