/**
 * Headless execution of the notebooks in notebooks/ with nbconvert and the
 * tslab kernel, into build/executed/ (the committed notebooks are never
 * written). Each run leaves <name>.ipynb and <name>.run.json (status, timing,
 * failing cell, and a key of everything that affects the result, so tests
 * can reuse a fresh run instead of executing the notebook again).
 */
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const NBCONVERT_CONFIG = join(HERE, "nbconvert_config.py");
/** Per-cell timeout (s): generous; FULL runs the book's sizes. */
export const CELL_TIMEOUT = { fast: 900, full: 6 * 3600 };

export function notebooksDir(root) {
  return join(root, "notebooks");
}
export function executedDir(root) {
  return join(root, "build", "executed");
}

/** notebooks/*.ipynb, sorted (6-0, 6-1, …). */
export function listNotebooks(root) {
  const dir = notebooksDir(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".ipynb") && !f.startsWith(".")).sort().map((f) => join(dir, f));
}

export function readNotebook(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function cellSource(cell) {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

/** The first Markdown heading of a notebook ("6-1 最適化手法"), or its file name. */
export function notebookTitle(nb, fallback) {
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(cellSource(cell));
    if (m) return m[1].replace(/[*_`]/g, "").trim();
  }
  return fallback;
}

function hashFiles(hash, dir, root) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) hashFiles(hash, p, root);
    else if (/\.(ts|js|json|wasm|node|c)$/.test(name)) hash.update(relative(root, p)).update(readFileSync(p));
  }
}

/**
 * What an executed copy depends on: the notebook, the budget, the engine
 * (src/), the installed packages (lockfile) and native builds (build/*.node).
 */
export function runKey(root, notebookPath, budget) {
  const h = createHash("sha256");
  h.update(readFileSync(notebookPath)).update(`\0budget=${budget}\0`);
  hashFiles(h, join(root, "src"), root);
  const lock = join(root, "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  const build = join(root, "build");
  if (existsSync(build)) for (const f of readdirSync(build).filter((n) => n.endsWith(".node")).sort()) h.update(f).update(readFileSync(join(build, f)));
  return h.digest("hex");
}

export function runPaths(root, notebookPath) {
  const name = basename(notebookPath, ".ipynb");
  const dir = executedDir(root);
  return { name, dir, ipynb: join(dir, `${name}.ipynb`), record: join(dir, `${name}.run.json`), errorFile: join(dir, `${name}.error.json`) };
}

/** The record of a previous run with the same key, or null. */
export function freshRun(root, notebookPath, budget) {
  const p = runPaths(root, notebookPath);
  if (!existsSync(p.record) || !existsSync(p.ipynb)) return null;
  try {
    const rec = JSON.parse(readFileSync(p.record, "utf8"));
    return rec.key === runKey(root, notebookPath, budget) ? rec : null;
  } catch {
    return null;
  }
}

function streamText(o) {
  return Array.isArray(o.text) ? o.text.join("") : String(o.text ?? "");
}

/** One line saying what went wrong in a failed cell, from its outputs. */
export function errorSummary(cell, ename, evalue) {
  const lines = [];
  for (const o of cell?.outputs ?? []) {
    if (o.output_type === "error") lines.push(`${o.ename}: ${o.evalue}`);
    if (o.output_type === "stream" && o.name === "stderr") lines.push(...streamText(o).split("\n"));
  }
  const pick =
    lines.find((l) => /^\s*\d+:\d+ - /.test(l)) ?? // tslab compile error "1:7 - Type …"
    lines.find((l) => /^\s*(\w*(Error|Exception)|UncaughtException|UnhandledPromiseRejection)\b.*:/.test(l)) ??
    lines.find((l) => l.trim() !== "");
  if (pick) return pick.trim();
  return ename || evalue ? `${ename ?? ""}: ${evalue ?? ""}`.trim() : "(no error message)";
}

/**
 * Why a cell failed when its outputs say nothing: tslab sends the error text on
 * IOPub, and nbclient stops listening iopub_timeout seconds after the reply, so
 * a lost or late message leaves the cell without one. The nbconvert log then
 * still holds nbclient's warning and anything the kernel wrote outside a cell.
 */
export function silentFailureReason(log = "") {
  const kernel = log.split("\n").find((l) => /^(UncaughtException|UnhandledPromiseRejection|unexpected error)\b/.test(l.trim()));
  const lost = /Timeout waiting for IOPub output/.test(log);
  if (!kernel && !lost) return "(no error message)";
  const parts = ["the kernel reported an error but sent no message for it"];
  if (lost) parts.push("nbclient: Timeout waiting for IOPub output, the kernel's output did not arrive");
  if (kernel) parts.push(`kernel log: ${kernel.trim()}`);
  return parts.join("; ");
}

/** Find the failing cell: from the hook's record, else the first cell whose stderr looks like an error. */
export function findFailure(nb, hookRecord, log = "") {
  const cells = nb.cells ?? [];
  let index = hookRecord?.cell_index;
  if (!(Number.isInteger(index) && cells[index])) {
    index = cells.findIndex((c) => (c.outputs ?? []).some((o) => o.output_type === "error" ||
      (o.output_type === "stream" && o.name === "stderr" && /(Error|Exception)\b|^\s*\d+:\d+ - /m.test(streamText(o)))));
  }
  if (index < 0) return null;
  const cell = cells[index];
  let message = errorSummary(cell, hookRecord?.ename, hookRecord?.evalue);
  if (message === "(no error message)") message = silentFailureReason(log);
  return { cellNumber: index + 1, cellId: cell.id ?? null, message };
}

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ code: -1, out: `${out}${e.message}` }));
    child.on("close", (code) => resolve({ code, out }));
  });
}

/**
 * Execute one notebook. Resolves to the run record:
 * { name, notebook, key, budget, ok, cells, seconds, failure: {cellNumber, cellId, message} | null, log }.
 */
export async function executeNotebook({ root, python, notebook, budget, jupyterPath }) {
  const p = runPaths(root, notebook);
  mkdirSync(p.dir, { recursive: true });
  for (const f of [p.ipynb, p.record, p.errorFile]) rmSync(f, { force: true });
  const key = runKey(root, notebook, budget);
  const source = readNotebook(notebook);
  const cells = (source.cells ?? []).length;
  const env = { ...process.env, ZEROKARA_BUDGET: budget, JUPYTER_PATH: jupyterPath, ZEROKARA_ERROR_FILE: p.errorFile, PYTHONWARNINGS: "ignore" };
  const args = [
    "-m", "nbconvert", "--config", NBCONVERT_CONFIG, "--to", "notebook", "--execute", "--allow-errors",
    "--ExecutePreprocessor.kernel_name=tslab", `--ExecutePreprocessor.timeout=${CELL_TIMEOUT[budget] ?? CELL_TIMEOUT.fast}`,
    "--ExecutePreprocessor.startup_timeout=180", "--output-dir", p.dir, "--output", `${p.name}.ipynb`, notebook,
  ];
  const t0 = performance.now();
  const r = await run(python, args, { cwd: dirname(notebook), env });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  let failure = null;
  if (r.code !== 0 || !existsSync(p.ipynb)) {
    // nbconvert itself failed: kernel did not start, timeout, kernel died.
    const lines = r.out.trim().split("\n").filter((l) => l.trim() && !/^\s|^Traceback|^\[NbConvertApp\] (Converting|Writing)/.test(l));
    failure = { cellNumber: null, cellId: null, message: lines.slice(-1)[0] ?? `nbconvert exited with ${r.code}` };
    const m = /An error occurred while executing the following cell:\n-+\n([\s\S]*?)\n-+\n/.exec(r.out);
    if (m) {
      const i = (source.cells ?? []).findIndex((c) => cellSource(c).trim() === m[1].trim());
      if (i >= 0) Object.assign(failure, { cellNumber: i + 1, cellId: source.cells[i].id ?? null });
    }
  } else {
    const hook = existsSync(p.errorFile) ? JSON.parse(readFileSync(p.errorFile, "utf8")) : null;
    failure = findFailure(readNotebook(p.ipynb), hook, r.out);
  }
  const record = { name: p.name, notebook: relative(root, notebook), key, budget, ok: failure === null, cells, seconds, failure, finishedAt: new Date().toISOString() };
  writeFileSync(p.record, `${JSON.stringify({ ...record, log: r.out.slice(-20000) }, null, 1)}\n`);
  return { ...record, log: r.out };
}

/** The progress line of one notebook: name, cells, seconds, ok/failed. */
export function progressLine(rec, width = 28) {
  const status = rec.ok ? "ok" : "failed";
  const cached = rec.cached ? " (前回の結果 / cached)" : "";
  const line = `${rec.name.padEnd(width)} ${String(rec.cells).padStart(3)} cells ${rec.seconds.toFixed(1).padStart(7)} s  ${status}${cached}`;
  if (rec.ok) return line;
  const where = rec.failure?.cellNumber ? `セル ${rec.failure.cellNumber}${rec.failure.cellId ? ` (id ${rec.failure.cellId})` : ""}` : "実行";
  return `${line}\n      ${where}: ${rec.failure?.message ?? ""}`;
}
