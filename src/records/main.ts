/**
 * npm run record [-- --only a,b] [--jobs N] [--check] [--list]
 *
 *   (no flag)  run every record item at FULL in parallel worker processes and
 *              write data/results/<item>.json (inputs, seeds, provenance, results)
 *   --check    run them again and list every difference from the committed
 *              records (timing fields ignored); exit 1 when any differ
 *   --only     a comma-separated subset; --jobs N worker processes (default: all cores)
 *
 * Finished units are kept in data/cache/records/<hash of src/>: a run that was
 * stopped resumes where it was (only with the same source code).
 *   --list     the items, their units and notebooks
 *
 * Progress goes to stderr, one line per finished unit.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getBackend } from "../core/index";
import { PROJECT_ROOT } from "../core/project-root";
import { RECORD_ITEMS, recordItem, type RecordItem } from "./items";
import { runItems, type ItemRun } from "./pool";
import { diffResults, fromJson, loadRecord, RESULTS_DIR, recordPath, toJson, type RecordFile } from "./record";

const BUDGET = "full" as const;

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

export function recordFile(run: ItemRun, jobs: number): RecordFile {
  const b = getBackend();
  return {
    experiment: run.item.name,
    title: run.item.title,
    notebook: run.item.notebook,
    budget: BUDGET,
    inputs: run.item.inputs(BUDGET),
    seeds: run.item.seeds(BUDGET),
    provenance: {
      commit: git(["rev-parse", "HEAD"]) || "unknown",
      // data/results itself is what this run rewrites: it does not make the code dirty
      dirty: git(["status", "--porcelain", "--untracked-files=no", "--", ".", ":!data/results"]) !== "",
      date: new Date().toISOString(),
      node: process.version,
      backend: b.name,
      backendDetail: b.description,
      cpu: os.cpus()[0]?.model ?? "unknown",
      wallSeconds: Math.round(run.wallSeconds * 10) / 10,
      cpuSeconds: Math.round(run.cpuSeconds * 10) / 10,
      jobs,
      units: run.units,
    },
    results: run.results,
  };
}

/** Never overwrite a file that is not a record of the same item. */
function writeRecord(rec: RecordFile, dir = RESULTS_DIR): string {
  const file = recordPath(rec.experiment, dir);
  if (fs.existsSync(file)) {
    let old: { experiment?: unknown } | null = null;
    try {
      old = fromJson(fs.readFileSync(file, "utf8"));
    } catch {
      /* unreadable: refuse below */
    }
    if (!old || old.experiment !== rec.experiment) throw new Error(`${file} exists and is not a record of ${rec.experiment}: not overwritten`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, toJson(rec, 1) + "\n");
  fs.renameSync(tmp, file);
  return file;
}

function parseArgs(argv: string[]): { only: RecordItem[]; jobs: number; check: boolean; list: boolean } {
  let only: RecordItem[] = [...RECORD_ITEMS];
  let jobs = os.availableParallelism();
  let check = false, list = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") check = true;
    else if (a === "--list") list = true;
    else if (a === "--only") only = (argv[++i] ?? "").split(",").filter(Boolean).map(recordItem);
    else if (a === "--jobs") {
      jobs = Number(argv[++i]);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new Error(`--jobs: expected an integer 1…64, got ${JSON.stringify(argv[i])}`);
    } else throw new Error(`unknown option ${JSON.stringify(a)}; valid: --only a,b  --jobs N  --check  --list`);
  }
  if (only.length === 0) throw new Error(`--only: expected a comma-separated list of ${RECORD_ITEMS.map((r) => r.name).join(", ")}`);
  return { only, jobs, check, list };
}

export async function main(argv: string[]): Promise<number> {
  const { only, jobs, check, list } = parseArgs(argv);
  if (list) {
    for (const item of only) process.stdout.write(`${item.name.padEnd(22)} ${String(item.units(BUDGET).length).padStart(3)} units  ${item.notebook}  ${item.title}\n`);
    return 0;
  }
  const t0 = performance.now();
  const log = (s: string): void => void process.stderr.write(s + "\n");
  log(`record: ${only.map((i) => i.name).join(", ")} at FULL, ${jobs} worker process(es), GEMM ${getBackend().name}`);
  let differing = 0;
  await runItems(only, {
    budget: BUDGET,
    jobs,
    // --check recomputes everything; a record run resumes from finished units of the same code
    unitDir: check ? null : undefined,
    onUnit: (item, unit, done, total, s) => log(`  [${done}/${total}] ${item.name} ${JSON.stringify(unit)} ${s.toFixed(1)} s`),
    onItem: (run) => {
      const rec = recordFile(run, jobs);
      if (check) {
        let old: RecordFile;
        try {
          old = loadRecord(run.item.name);
        } catch (e) {
          log(`  ${run.item.name}: ${(e as Error).message}`);
          differing++;
          return;
        }
        const now = fromJson(toJson(rec.results)); // the same JSON round trip the record went through
        const diffs = diffResults(old.results, now);
        if (diffs.length === 0) log(`  ${run.item.name}: same as the record (${old.provenance.date.slice(0, 10)}, ${old.provenance.backend})`);
        else {
          differing++;
          log(`  ${run.item.name}: ${diffs.length}${diffs.length >= 50 ? "+" : ""} differences from the record (${old.provenance.backend} → ${rec.provenance.backend})`);
          for (const d of diffs.slice(0, 20)) log(`    ${d.path}: recorded ${JSON.stringify(d.recorded)}, now ${JSON.stringify(d.now)}`);
        }
      } else {
        const file = writeRecord(rec);
        log(`  wrote ${path.relative(process.cwd(), file)} (${run.wallSeconds.toFixed(0)} s wall, ${run.cpuSeconds.toFixed(0)} s CPU)`);
      }
    },
  });
  log(`record: done in ${((performance.now() - t0) / 1000).toFixed(0)} s${check ? `, ${differing} item(s) differ` : ""}`);
  return check && differing > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`record: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
