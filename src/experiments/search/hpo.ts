/**
 * Hyperparameter search on the book's problem (section 6.5) with random,
 * grid or Bayesian optimisation, and the equal-budget comparison of the three.
 * Every study can keep a JSON-lines log (`storage`) and resumes from it.
 *
 *   npm run -s exp -- hpo --sampler bayes --trials 20 --json [--seed 0] [--study path.jsonl]
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError, assertInteger } from "../../core/errors";
import { AcquisitionName, checkAcquisitionName } from "../../search/acquisition";
import { BayesSampler } from "../../search/bayes-sampler";
import { GridSampler } from "../../search/grid-sampler";
import { RandomSampler } from "../../search/random-sampler";
import type { Sampler } from "../../search/sampler";
import type { SearchSpace } from "../../search/space";
import { optimize, StudyResult } from "../../search/study";
import type { FrozenTrial } from "../../search/trial";
import { Budget, currentBudget } from "../../core/budget";
import { defineCli } from "../../cli/experiment";
import { repoPath } from "./book";
import { hpoObjective } from "./objective";
import { BOOK_SPACE, HPO_PARAMS, hpoData, HpoData, hpoSettings, HpoSettings, objectiveConfig } from "./settings";

export type SamplerName = "random" | "grid" | "bayes";
export const SAMPLER_NAMES: readonly SamplerName[] = ["random", "grid", "bayes"];

/** Random trials before the GP takes over: about a quarter of the budget, 3…10. */
export function defaultInitialTrials(nTrials: number): number {
  return Math.min(10, Math.max(3, Math.round(nTrials / 4)));
}

export function makeSampler(name: string, nTrials: number, acquisition: AcquisitionName = "ei"): Sampler {
  switch (name) {
    case "random":
      return new RandomSampler();
    case "grid":
      return new GridSampler({ nTrials });
    case "bayes":
      return new BayesSampler({ acquisition: checkAcquisitionName(acquisition), nInitial: defaultInitialTrials(nTrials) });
    default:
      throw new ArgumentError("sampler", `one of ${SAMPLER_NAMES.join(", ")}`, name);
  }
}

/**
 * Where the notebook keeps its study logs: FULL in data/cache/hpo (git-ignored;
 * an interrupted FULL run resumes there), FAST in a fresh folder
 * data/cache/hpo-fast/<pid>-<n> (every FAST run computes everything it shows).
 * The FAST folders of this process are removed when it exits, and those of
 * processes that are gone (a kernel killed before its exit handler ran) at the
 * next call, so nothing piles up in the temporary directory or the cache.
 */
export function hpoStudyDir(budget: Budget): string {
  if (budget === "full") {
    const dir = repoPath("data", "cache", "hpo");
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  const root = repoPath("data", "cache", "hpo-fast");
  fs.mkdirSync(root, { recursive: true });
  if (fastDirs.length === 0) {
    removeStaleFastDirs(root);
    process.on("exit", () => fastDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  }
  const dir = fs.mkdtempSync(path.join(root, `${process.pid}-`));
  fastDirs.push(dir);
  return dir;
}

const fastDirs: string[] = [];

function removeStaleFastDirs(root: string): void {
  for (const name of fs.readdirSync(root)) {
    const pid = Number.parseInt(name, 10);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === "EPERM";
    }
    if (!alive) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** The log of one study: <dir>/<budget>-<sampler>-n<trials>-seed<seed>.jsonl. */
export function hpoStudyFile(dir: string, budget: Budget, sampler: string, nTrials: number, seed: number): string {
  return path.join(dir, `${budget}-${sampler}-n${nTrials}-seed${seed}.jsonl`);
}

export interface HpoStudyOptions {
  sampler: string;
  nTrials?: number;
  seed?: number;
  budget?: Budget;
  /** Defaults to the book's space; may list a subset of lr, weightDecay. */
  space?: SearchSpace;
  acquisition?: AcquisitionName;
  storage?: string;
  /** Reuse loaded data across studies: must be hpoData(settings, seed) for this study's seed. */
  data?: HpoData;
  onTrial?: Parameters<typeof optimize>[0]["onTrial"];
  onMessage?: (m: string) => void;
}

export interface HpoStudyResult extends StudyResult {
  settings: HpoSettings;
  space: SearchSpace;
  /** Wall time of this call (s), trials loaded from a log excluded. */
  seconds: number;
}

export async function runHpoStudy(o: HpoStudyOptions): Promise<HpoStudyResult> {
  const settings = hpoSettings(o.budget ?? currentBudget());
  const nTrials = o.nTrials ?? settings.nTrials;
  assertInteger("nTrials", nTrials, 1);
  const space = o.space ?? BOOK_SPACE;
  const sampler = makeSampler(o.sampler, nTrials, o.acquisition);
  const t0 = performance.now();
  // the space is checked inside optimize() before the data is loaded or any trial runs
  const data = o.data;
  let objective: ReturnType<typeof hpoObjective> | null = null;
  const result = await optimize({
    space,
    sampler,
    nTrials,
    seed: o.seed ?? 0,
    storage: o.storage,
    studyName: `hpo-${settings.budget}-${o.sampler}-seed${o.seed ?? 0}`,
    knownParams: HPO_PARAMS,
    objectiveConfig: objectiveConfig(settings, o.seed ?? 0),
    objective: (params, trial) => {
      objective ??= hpoObjective(settings, data ?? hpoData(settings, o.seed ?? 0));
      return objective(params, trial);
    },
    onTrial: o.onTrial,
    onMessage: o.onMessage,
  });
  return { ...result, settings, space, seconds: (performance.now() - t0) / 1000 };
}

export interface CompareOptions {
  budget?: Budget;
  nTrials?: number;
  seeds?: number[];
  samplers?: SamplerName[];
  /** Directory for one study log per (sampler, seed); resumed when present. */
  storageDir?: string;
  /** Data per seed (default hpoData(settings, seed)): each seed has its own validation split. */
  dataFor?: (seed: number) => HpoData;
  onTrial?: (sampler: SamplerName, seed: number, trial: FrozenTrial, resumed: boolean) => void | Promise<void>;
  onMessage?: (m: string) => void;
}

export interface CompareResult {
  budget: Budget;
  nTrials: number;
  seeds: number[];
  groups: { sampler: SamplerName; runs: FrozenTrial[][] }[];
}

/** Random vs grid vs BO with the same number of trials, once per seed. */
export async function compareSamplers(o: CompareOptions = {}): Promise<CompareResult> {
  const budget = o.budget ?? currentBudget();
  const settings = hpoSettings(budget);
  const nTrials = o.nTrials ?? settings.compareTrials;
  const seeds = o.seeds ?? settings.compareSeeds;
  const samplers = o.samplers ?? [...SAMPLER_NAMES];
  const cache = new Map<number, HpoData>();
  const dataFor = (seed: number): HpoData => {
    if (!cache.has(seed)) cache.set(seed, o.dataFor ? o.dataFor(seed) : hpoData(settings, seed));
    return cache.get(seed)!;
  };
  const groups: CompareResult["groups"] = [];
  for (const sampler of samplers) {
    const runs: FrozenTrial[][] = [];
    for (const seed of seeds) {
      const r = await runHpoStudy({
        sampler,
        nTrials,
        seed,
        budget,
        data: dataFor(seed),
        storage: o.storageDir ? hpoStudyFile(o.storageDir, budget, sampler, nTrials, seed) : undefined,
        onTrial: o.onTrial ? (t, info) => o.onTrial!(sampler, seed, t, info.resumed) : undefined,
        onMessage: o.onMessage,
      });
      runs.push(r.trials);
    }
    groups.push({ sampler, runs });
  }
  return { budget, nTrials, seeds, groups };
}

/** The CLI's trial record: number, params, score, state (+ reason when failed). */
export function trialSummary(t: FrozenTrial): Record<string, unknown> {
  const out: Record<string, unknown> = { number: t.number, params: t.params, score: t.score, state: t.state };
  if (t.reason) out.reason = t.reason;
  return out;
}

function parseSpace(text: string | undefined): SearchSpace | undefined {
  if (text === undefined) return undefined;
  const expected = 'a JSON object such as {"lr":{"low":1e-4,"high":1e-1,"log":true}}';
  let value: unknown;
  try {
    value = JSON.parse(String(text));
  } catch {
    throw new ArgumentError("--space", expected, text);
  }
  // null, a number or a list would otherwise fall back to the book's space without a word
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ArgumentError("--space", expected, text);
  return value as SearchSpace;
}

/** What `hpo` takes on the command line. */
export interface HpoCliOptions {
  sampler: SamplerName;
  trials: number;
  seed: number;
  study: string;
  acquisition: AcquisitionName;
  space: string;
}

export const cli = defineCli<HpoCliOptions>({
  name: "hpo",
  description: "6.5 hyperparameter search (random | grid | bayes) on the book's lr × weight decay problem",
  options: {
    sampler: { kind: "string", description: "random | grid | bayes", choices: SAMPLER_NAMES },
    trials: { kind: "number", description: "number of trials" },
    seed: { kind: "number", description: "study seed" },
    study: { kind: "string", description: "JSON-lines study log (a file path); resumed when it exists, one writer at a time" },
    acquisition: { kind: "string", description: "bayes only: ei | pi | ucb (default ei)", choices: ["ei", "pi", "ucb"] },
    space: { kind: "string", description: 'search space as JSON (default: the book\'s lr 1e-6…1e-2, weightDecay 1e-8…1e-4, log)' },
  },
  internalNames: { nTrials: "trials", storage: "study" },
  defaults: (budget) => ({ sampler: "random", trials: hpoSettings(budget).nTrials, seed: 0 }),
  async run(opts) {
    const budget = currentBudget();
    const seed = opts.seed ?? 0;
    if (opts.study !== undefined && opts.study.trim() === "") throw new ArgumentError("--study", "a file path for the study log (omit --study to keep no log)", opts.study);
    if (opts.acquisition !== undefined && opts.sampler !== "bayes") {
      throw new ArgumentError("--acquisition", `to be used with --sampler bayes only (the ${opts.sampler ?? "random"} sampler has no acquisition function)`, opts.acquisition);
    }
    const r = await runHpoStudy({
      sampler: opts.sampler ?? "random",
      nTrials: opts.trials,
      seed,
      budget,
      storage: opts.study,
      acquisition: opts.acquisition ?? "ei",
      space: parseSpace(opts.space),
    });
    return {
      budget,
      seed,
      sampler: r.sampler,
      settings: r.settings,
      resumedTrials: r.resumedTrials,
      seconds: r.seconds,
      trials: r.trials.map(trialSummary),
      best: r.best ? trialSummary(r.best) : null,
    };
  },
});
