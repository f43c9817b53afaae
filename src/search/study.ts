/**
 * optimize(): run a study — ask the sampler for parameters, run the objective,
 * record the finished trial — `nTrials` times, maximising the score.
 *
 * With `storage` (a path), every finished trial is appended to a JSON-lines
 * study log at once (study-log.ts). Calling optimize() again with the same
 * study settings resumes it: finished trials are loaded, not re-run, and the
 * samplers (deterministic per trial number) continue exactly where an
 * uninterrupted run would have been. A log written with other settings is
 * refused rather than mixed.
 *
 * The objective returns a score (or { score, curves }), or { failed: reason }
 * for a run that diverged: that trial is recorded as failed and the study goes
 * on. An exception thrown by the objective stops the study (nothing is recorded
 * for that trial, so a resume runs it again).
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { objectiveSeed, Sampler } from "./sampler";
import { Params, SearchSpace, validateSearchSpace } from "./space";
import { appendStudyLine, loadStudyLog, lockStudyLog, repairStudyLog, StudyHeader, StudyLogError, trialLine } from "./study-log";
import { bestTrial, FrozenTrial } from "./trial";

export type ObjectiveResult = number | { score: number; curves?: Record<string, number[]> } | { failed: string; curves?: Record<string, number[]> };

export interface TrialContext {
  number: number;
  /** Seed for everything random inside the objective (weights, mini-batches). */
  seed: number;
}

export type Objective = (params: Params, trial: TrialContext) => ObjectiveResult | Promise<ObjectiveResult>;

export interface OptimizeOptions {
  space: SearchSpace;
  sampler: Sampler;
  objective: Objective;
  nTrials: number;
  seed: number;
  /** JSON-lines study log; resumed when it exists. */
  storage?: string;
  studyName?: string;
  /** Parameter names the objective understands (checked before any trial runs). */
  knownParams?: readonly string[];
  /** Settings of the objective that must match on resume (epochs, data sizes, …). */
  objectiveConfig?: Record<string, unknown>;
  /** Called after each finished trial (also for trials loaded from the log: `resumed` true). */
  onTrial?: (trial: FrozenTrial, info: { resumed: boolean; trials: readonly FrozenTrial[] }) => void | Promise<void>;
  /** Messages such as "resumed 7 trials" or a truncated-line warning (default: stderr). */
  onMessage?: (message: string) => void;
  /** Clock for trial durations (ms). */
  now?: () => number;
}

export interface StudyResult {
  studyName: string;
  sampler: string;
  seed: number;
  /** All finished trials, by number. */
  trials: FrozenTrial[];
  best: FrozenTrial | null;
  /** How many trials came from the log instead of being run. */
  resumedTrials: number;
  warnings: string[];
}

export async function optimize(o: OptimizeOptions): Promise<StudyResult> {
  const space = validateSearchSpace(o.space, o.knownParams);
  assertInteger("nTrials", o.nTrials, 0);
  assertInteger("seed", o.seed, 0);
  if (typeof o.objective !== "function") throw new ArgumentError("objective", "a function", o.objective);
  const say = o.onMessage ?? ((m: string) => process.stderr.write(m + "\n"));
  const now = o.now ?? (() => performance.now());
  const header: StudyHeader = {
    kind: "study",
    version: 1,
    studyName: o.studyName ?? `${o.sampler.name}-seed${o.seed}`,
    sampler: { name: o.sampler.name, config: o.sampler.config },
    space,
    seed: o.seed,
    direction: "maximize",
  };
  if (o.objectiveConfig) header.objective = o.objectiveConfig;

  const release = o.storage ? lockStudyLog(o.storage) : null;
  try {
    return await runStudy(o, space, header, say, now);
  } finally {
    release?.();
  }
}

async function runStudy(o: OptimizeOptions, space: SearchSpace, header: StudyHeader, say: (m: string) => void, now: () => number): Promise<StudyResult> {
  const done = new Map<number, FrozenTrial>();
  const warnings: string[] = [];
  if (o.storage) {
    const log = loadStudyLog(o.storage);
    for (const w of log.warnings) {
      warnings.push(w);
      say(w);
    }
    if (log.header) checkSameStudy(log.header, header, o.storage);
    const beyond = log.trials.filter((t) => t.number >= o.nTrials).length;
    if (beyond > 0) {
      throw new ArgumentError("nTrials", `at least the ${log.trials.length} trials already in ${o.storage} (it holds trial numbers up to ${Math.max(...log.trials.map((t) => t.number))}); resume it with that many or more, or give a new path`, o.nTrials);
    }
    repairStudyLog(o.storage, log);
    if (!log.header) appendStudyLine(o.storage, { ...header, createdAt: new Date().toISOString() });
    for (const t of log.trials) done.set(t.number, t);
    if (log.trials.length) say(`${o.storage}: resumed ${log.trials.length} finished trial(s); they are not run again`);
  }
  const resumedTrials = done.size;
  const sorted = (): FrozenTrial[] => [...done.values()].sort((a, b) => a.number - b.number);
  for (const t of sorted()) await o.onTrial?.(t, { resumed: true, trials: sorted() });

  for (let n = 0; n < o.nTrials; n++) {
    if (done.has(n)) continue;
    const history = sorted().filter((t) => t.number < n);
    const ts = now();
    const params = o.sampler.sample({ space, trials: history, number: n, seed: o.seed });
    if (params === undefined) break; // e.g. the grid is exhausted
    const seed = objectiveSeed(o.seed, n);
    const t0 = now();
    const result = await o.objective(params, { number: n, seed });
    const trial = toTrial(n, params, seed, result, now() - t0);
    trial.samplerMs = t0 - ts;
    done.set(n, trial);
    if (o.storage) appendStudyLine(o.storage, trialLine(trial));
    await o.onTrial?.(trial, { resumed: false, trials: sorted() });
    await new Promise((r) => setImmediate(r)); // let display/IO messages out between trials
  }
  const trials = sorted();
  return { studyName: header.studyName, sampler: o.sampler.name, seed: o.seed, trials, best: bestTrial(trials), resumedTrials, warnings };
}

function toTrial(number: number, params: Params, seed: number, r: ObjectiveResult, durationMs: number): FrozenTrial {
  const base = { number, params, seed, durationMs, finishedAt: new Date().toISOString() };
  if (typeof r === "number") {
    return Number.isFinite(r) ? { ...base, state: "complete", score: r } : { ...base, state: "failed", score: null, reason: `score is ${r}` };
  }
  if (typeof r !== "object" || r === null) throw new ArgumentError("objective result", "a number, { score } or { failed }", r);
  const curves = r.curves ? { curves: r.curves } : {};
  if ("failed" in r) return { ...base, state: "failed", score: null, reason: String(r.failed), ...curves };
  if (!Number.isFinite(r.score)) return { ...base, state: "failed", score: null, reason: `score is ${r.score}`, ...curves };
  return { ...base, state: "complete", score: r.score, ...curves };
}

/** Every setting that differs between the log's header and this run: "sampler: stored "random", now "grid"". */
export function studyDifferences(found: StudyHeader, wanted: StudyHeader): string[] {
  const flat = (h: StudyHeader): Map<string, string> => {
    const m = new Map<string, string>();
    m.set("sampler", JSON.stringify(h.sampler.name));
    for (const [k, v] of Object.entries(h.sampler.config ?? {})) m.set(`sampler ${k}`, JSON.stringify(v));
    m.set("space", JSON.stringify(h.space));
    m.set("seed", JSON.stringify(h.seed));
    for (const [k, v] of Object.entries(h.objective ?? {})) m.set(k, JSON.stringify(v));
    return m;
  };
  const a = flat(found);
  const b = flat(wanted);
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(k) !== b.get(k)) out.push(`${k}: stored ${a.get(k) ?? "(none)"}, this run ${b.get(k) ?? "(none)"}`);
  }
  return out;
}

function checkSameStudy(found: StudyHeader, wanted: StudyHeader, file: string): void {
  const diff = studyDifferences(found, wanted);
  if (diff.length) {
    throw new StudyLogError(file, `was written with other settings (${diff.join("; ")}); resume it with the stored settings or give a new path`);
  }
}
