#!/usr/bin/env node
/**
 * The project's commands (package.json scripts call this file):
 *
 *   start     set up everything, execute every notebook, write handouts/
 *   test      set up (+ Chromium and a Japanese font), type check, execute notebooks (FAST), node:test suites
 *   typecheck type check only (scripts/lib/typecheck.mjs)
 *   lab       set up, open JupyterLab (or classic Notebook) on notebooks/
 *   handouts  execute + export only (after a first npm start)
 *   setup     set up only: npm ci if needed, Jupyter, tslab kernel, native GEMM
 *   bench     npm deps, then scripts/bench.mjs
 *
 * Only Node built-ins are imported: this runs before node_modules exists.
 * Expected failures (no Jupyter, a notebook that raised) print a message and
 * exit non-zero without a stack trace.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBrowser } from "./lib/browser.mjs";
import { ensureDeps, depsProblem } from "./lib/deps.mjs";
import { dropStaleHandout } from "./lib/stale-handouts.mjs";
import { ensureJupyter, findJupyter, candidatePythons, installAdvice, platform } from "./lib/jupyter.mjs";
import { ensureKernel, headlessJupyterPath } from "./lib/kernel.mjs";
import { SetupError, detail, secondsSince, step, warn } from "./lib/log.mjs";
import { executeNotebook, freshRun, listNotebooks, notebookTitle, progressLine, readNotebook, runPaths } from "./lib/notebooks.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** ZEROKARA_BUDGET → "fast" | "full" (same rule as src/core/budget.ts). */
function budgetFromEnv(env = process.env) {
  const v = (env.ZEROKARA_BUDGET ?? "").trim().toLowerCase();
  if (v === "" || v === "fast") return "fast";
  if (v === "full") return "full";
  throw new SetupError(`ZEROKARA_BUDGET は fast か full です (got ${JSON.stringify(env.ZEROKARA_BUDGET)}). / ZEROKARA_BUDGET must be fast or full.`);
}

/**
 * notebooks/src → ../src: tslab compiles only TypeScript files under the
 * notebook's directory (its rootDir), so notebooks import the engine as
 * "./src/…" through this link. Committed in git; recreated here if missing.
 */
function ensureSrcLink() {
  const link = join(ROOT, "notebooks", "src");
  let st = null;
  try {
    st = lstatSync(link);
  } catch {
    /* missing */
  }
  if (st?.isSymbolicLink() && readlinkSync(link) === "../src") return;
  if (st && !st.isSymbolicLink()) {
    if (st.isFile() && readFileSync(link, "utf8").trim() === "../src") {
      warn("notebooks/src がリンクではなくファイルです (git の core.symlinks=false?)。 / notebooks/src is a plain file, not a symlink");
    }
    return;
  }
  mkdirSync(join(ROOT, "notebooks"), { recursive: true });
  symlinkSync("../src", link, "dir");
  detail("notebooks/src → ../src を作りました / created the link");
}

function buildNative() {
  const script = join(ROOT, "scripts", "build-native.mjs");
  if (!existsSync(script)) return;
  const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8" });
  const line = `${r.stdout ?? ""}`.trim().split("\n").pop() || `${r.stderr ?? ""}`.trim().split("\n").pop() || "";
  if (line) detail(line);
}

/** Everything needed before notebooks can run. Idempotent. */
function setup() {
  const t0 = performance.now();
  ensureDeps(ROOT);
  const { python } = ensureJupyter();
  ensureKernel(python, ROOT);
  ensureSrcLink();
  step("ネイティブ GEMM / native GEMM addon");
  buildNative();
  detail(`セットアップ完了 / set-up done in ${secondsSince(t0)} s`);
  return { python };
}

/** For `handouts`: no installs; stop with advice when something is missing. */
function lightSetup() {
  const problem = depsProblem(ROOT);
  if (problem) throw new SetupError(`${problem}\n先に npm start を実行してください。 / Run npm start first.`);
  const found = findJupyter(candidatePythons());
  if (!found.python) throw new SetupError(installAdvice({ ...platform(), probed: found.probed }));
  ensureSrcLink();
  return { python: found.python };
}

/** Execute the notebooks; `reuse` keeps a fresh earlier run (same key). Returns run records. */
async function executeAll(python, budget, { reuse = false } = {}) {
  const notebooks = listNotebooks(ROOT);
  step(`ノートブックを実行します / executing ${notebooks.length} notebooks headless (budget ${budget.toUpperCase()})`);
  const jupyterPath = headlessJupyterPath(ROOT);
  const records = [];
  for (const notebook of notebooks) {
    const cached = reuse ? freshRun(ROOT, notebook, budget) : null;
    const rec = cached ? { ...cached, cached: true } : await executeNotebook({ root: ROOT, python, notebook, budget, jupyterPath });
    console.log(`    ${progressLine(rec)}`);
    records.push(rec);
  }
  return records;
}

async function exportAll(python, records, budget) {
  // loaded here, not at the top: it imports npm packages (mathjax-full, …) that `npm ci` in the set-up installs first
  const { exportHandout, handoutsDir, indexHtml } = await import("./lib/handouts.mjs");
  const outDir = handoutsDir(ROOT);
  step(`ハンドアウトを書き出します / exporting handouts to ${relative(process.cwd(), outDir) || outDir}/`);
  const entries = [];
  let failures = 0;
  for (const rec of records) {
    const executed = runPaths(ROOT, join(ROOT, rec.notebook)).ipynb;
    const title = existsSync(executed) ? notebookTitle(readNotebook(executed), rec.name) : rec.name;
    if (!rec.ok) {
      const stale = dropStaleHandout(outDir, rec.name);
      if (stale) detail(`${rec.name}.html: 前回のハンドアウトを削除しました（今回は失敗） / removed the handout of an earlier run (this run failed)`);
      entries.push({ name: rec.name, title, file: null });
      continue;
    }
    try {
      const h = await exportHandout({ python, executed, outDir });
      const notes = [h.needsMath ? `数式 / formulas ${h.formulas}` : "", h.external.length ? `外部参照 / external: ${h.external.join(" ")}` : ""].filter(Boolean);
      detail(`${`${h.name}.html`.padEnd(32)} ${(h.bytes / 1e6).toFixed(1).padStart(5)} MB  図 ${h.figures}${notes.length ? `  (${notes.join(", ")})` : ""}`);
      for (const e of h.mathErrors) warn(`${h.name}: 数式を組版できません / TeX error: ${e.message}: ${e.tex}`);
      entries.push({ name: rec.name, title: h.title, file: `${h.name}.html`, figures: h.figures, seconds: rec.seconds });
    } catch (e) {
      failures++;
      warn(`${rec.name}: ${e.message}`);
      dropStaleHandout(outDir, rec.name);
      entries.push({ name: rec.name, title, file: null });
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "index.html"), indexHtml(entries, { budget }));
  return { outDir, entries, failures };
}

function summarise(records, exported) {
  const failed = records.filter((r) => !r.ok);
  const total = records.reduce((s, r) => s + r.seconds, 0);
  console.log("");
  if (exported) {
    const files = exported.entries.filter((e) => e.file).length;
    console.log(`ハンドアウト / handouts: ${join(exported.outDir, "index.html")}  (${files} ページ / pages)`);
  }
  console.log(`ノートブック / notebooks: ${records.length - failed.length}/${records.length} ok, 実行時間 / execution ${total.toFixed(1)} s`);
  for (const r of failed) {
    const where = r.failure?.cellNumber ? `セル / cell ${r.failure.cellNumber}${r.failure.cellId ? ` (id ${r.failure.cellId})` : ""}` : "";
    console.log(`  失敗 / FAILED: notebooks/${r.name}.ipynb ${where}: ${r.failure?.message ?? ""}`);
    console.log(`    詳細 / details: ${relative(process.cwd(), runPaths(ROOT, join(ROOT, r.notebook)).ipynb)}`);
  }
  return failed.length === 0 && !(exported?.failures);
}

function runInherit(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env });
  return r.error ? 1 : r.status ?? 1;
}

async function start() {
  const budget = budgetFromEnv();
  const { python } = setup();
  const records = await executeAll(python, budget);
  const exported = await exportAll(python, records, budget);
  return summarise(records, exported) ? 0 : 1;
}

async function handouts() {
  const budget = budgetFromEnv();
  const { python } = lightSetup();
  const records = await executeAll(python, budget);
  const exported = await exportAll(python, records, budget);
  return summarise(records, exported) ? 0 : 1;
}

async function test() {
  const { python } = setup();
  const { chromium } = ensureBrowser();
  const tsc = await typecheckStep();
  // Tests always use FAST; executed copies are reused by test/notebooks.test.ts and test/handouts.test.ts.
  const records = await executeAll(python, "fast", { reuse: true });
  summarise(records, null);
  step("テスト / node:test (test/*.test.ts)");
  const files = listTests();
  const env = { ...process.env, ZEROKARA_BUDGET: "fast", ZEROKARA_PYTHON_FOUND: python, CHROMIUM_PATH: chromium };
  // The runner's closing summary stays the last output (CI reads it); a failed type check only sets the exit code.
  const tests = runInherit(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], env);
  return tsc === 0 && tests === 0 ? 0 : 1;
}

/** The one type check (scripts/lib/typecheck.mjs): tsconfig.json + notebook cells, TypeScript 5.0 like tslab. 0 = ok. */
async function typecheckStep() {
  step("型チェック / type check (TypeScript 5.0 = tslab: src/, test/, notebooks' code cells)");
  const { formatProblem, typecheck } = await import("./lib/typecheck.mjs");
  const r = typecheck(ROOT);
  for (const p of r.problems) console.log(`    ${formatProblem(p)}`);
  detail(r.ok ? `ok (TypeScript ${r.version}, ${r.seconds} s)` : `型エラー ${r.problems.length} 件 (npm test は失敗になります) / ${r.problems.length} type errors above: npm test will FAIL`);
  return r.ok ? 0 : 1;
}

function listTests() {
  return readdirSync(join(ROOT, "test")).filter((f) => f.endsWith(".test.ts")).sort().map((f) => join("test", f));
}

function lab(extraArgs) {
  const { python } = setup();
  const info = findJupyter([python]).info;
  const useLab = Boolean(info?.modules?.jupyterlab);
  const front = useLab ? "jupyterlab" : "notebook";
  if (!useLab && !info?.modules?.notebook) {
    throw new SetupError(`${python} には JupyterLab も Notebook もありません。 / neither JupyterLab nor Notebook is installed for ${python}.\n` +
      `  ${python} -m pip install jupyterlab   または / or   sudo apt-get install jupyter-notebook`);
  }
  step(`${useLab ? "JupyterLab" : "Jupyter Notebook (classic)"} を notebooks/ で開きます / opening notebooks/ (Ctrl+C で終了 / to stop)`);
  const args = ["-m", front, `--notebook-dir=${join(ROOT, "notebooks")}`];
  if (platform().isRoot) args.push("--allow-root");
  const env = { ...process.env, JUPYTER_PATH: headlessJupyterPath(ROOT) };
  return runInherit(python, [...args, ...extraArgs], env);
}

function bench(extraArgs) {
  ensureDeps(ROOT);
  const script = join(ROOT, "scripts", "bench.mjs");
  if (!existsSync(script)) throw new SetupError("scripts/bench.mjs がまだありません。 / scripts/bench.mjs does not exist yet.");
  return runInherit(process.execPath, [script, ...extraArgs]);
}

const COMMANDS = {
  start: () => start(),
  test: () => test(),
  handouts: () => handouts(),
  setup: () => (setup(), 0),
  typecheck: async () => (ensureDeps(ROOT), typecheckStep()),
  lab: (args) => lab(args),
  bench: (args) => bench(args),
};

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const fn = COMMANDS[command];
  if (!fn) {
    console.error(`usage: node scripts/run.mjs <${Object.keys(COMMANDS).join("|")}> [args]`);
    return 2;
  }
  return fn(rest);
}

main().then(
  (code) => process.exit(code ?? 0),
  (e) => {
    if (e instanceof SetupError) {
      console.error(`\n${e.message}`);
      process.exit(e.code);
    }
    console.error(e);
    process.exit(1);
  },
);
