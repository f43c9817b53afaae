/**
 * Runs the units of one or more record items in worker processes, `jobs` at a
 * time (default: every core), then combines each item's units in the order the
 * item listed them — so the result does not depend on which worker finished
 * first. Each worker is a fresh `node --import tsx src/records/unit-main.ts`.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createHash } from "crypto";
import type { Budget } from "../core/budget";
import { projectPath } from "../core/project-root";
import { fromJson } from "./record";
import type { RecordItem, Unit } from "./items";

export interface ItemRun {
  item: RecordItem;
  results: unknown;
  units: number;
  wallSeconds: number;
  cpuSeconds: number;
}

export interface PoolOptions {
  budget: Budget;
  /** Where finished units are kept (default data/cache/records/<source hash>; null: a temporary folder). */
  unitDir?: string | null;
  jobs?: number;
  /** One line per finished unit (stderr in the CLI). */
  onUnit?: (item: RecordItem, unit: Unit, done: number, total: number, seconds: number) => void;
  /** Called as soon as all units of an item are combined (the CLI writes the record then). */
  onItem?: (run: ItemRun) => void;
}

const UNIT_MAIN = path.join(__dirname, "unit-main.ts");

/** A hash of every file under src/: finished units are reused only by the same code. */
export function sourceHash(dir = projectPath("src")): string {
  const h = createHash("sha256");
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) h.update(path.relative(dir, p)).update("\0").update(fs.readFileSync(p));
    }
  };
  visit(dir);
  return h.digest("hex").slice(0, 16);
}

/**
 * Runs one unit, or reads it back when an earlier run of the same code already
 * finished it (a killed `npm run record` loses only the units in progress).
 */
function runUnitProcess(item: RecordItem, unit: Unit, budget: Budget, dir: string, k: number): Promise<{ result: unknown; cpuSeconds: number }> {
  const out = path.join(dir, `${budget}-${item.name}-${k}-${createHash("sha256").update(JSON.stringify(unit)).digest("hex").slice(0, 8)}.json`);
  if (fs.existsSync(out)) {
    try {
      return Promise.resolve(fromJson(fs.readFileSync(out, "utf8")));
    } catch {
      fs.rmSync(out, { force: true }); // a unit cut short while writing: run it again
    }
  }
  const tmp = `${out}.tmp-${process.pid}-${k}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", UNIT_MAIN, item.name, budget, JSON.stringify(unit), tmp], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ZEROKARA_BUDGET: budget },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${item.name} ${JSON.stringify(unit)}: worker exited with ${signal ?? code}\n${stderr.trim()}`));
        return;
      }
      try {
        const part = fromJson<{ result: unknown; cpuSeconds: number }>(fs.readFileSync(tmp, "utf8"));
        fs.renameSync(tmp, out);
        resolve(part);
      } catch (e) {
        reject(new Error(`${item.name} ${JSON.stringify(unit)}: unreadable worker output (${(e as Error).message})`));
      }
    });
  });
}

export async function runItems(items: readonly RecordItem[], o: PoolOptions): Promise<ItemRun[]> {
  const jobs = Math.max(1, o.jobs ?? os.availableParallelism());
  const temporary = o.unitDir === null;
  const dir = temporary ? fs.mkdtempSync(path.join(os.tmpdir(), "zerokara-record-")) : (o.unitDir ?? projectPath("data", "cache", "records", sourceHash()));
  fs.mkdirSync(dir, { recursive: true });
  try {
    const queue = items.flatMap((item) => item.units(o.budget).map((unit, k) => ({ item, unit, k })));
    // Array.from, not new Array(n): every() skips the holes of a sparse array
    const parts = new Map(items.map((item) => [item, Array.from({ length: item.units(o.budget).length }, (): { result: unknown; cpuSeconds: number } | undefined => undefined)]));
    const started = new Map<RecordItem, number>();
    const runs: ItemRun[] = [];
    let next = 0, done = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const { item, unit, k } = queue[next++];
        if (!started.has(item)) started.set(item, performance.now());
        const t0 = performance.now();
        const part = await runUnitProcess(item, unit, o.budget, dir, k);
        const slots = parts.get(item)!;
        slots[k] = part;
        o.onUnit?.(item, unit, ++done, queue.length, (performance.now() - t0) / 1000);
        if (slots.every((s) => s !== undefined)) {
          const results = await item.combine(slots.map((s) => s!.result), o.budget);
          const run: ItemRun = {
            item, results, units: slots.length,
            wallSeconds: (performance.now() - started.get(item)!) / 1000,
            cpuSeconds: slots.reduce((s, p) => s + p!.cpuSeconds, 0),
          };
          runs.push(run);
          o.onItem?.(run);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
    return items.map((item) => runs.find((r) => r.item === item)!);
  } finally {
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
}
