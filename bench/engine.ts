/**
 * Bench child for the engine (run by scripts/bench.mjs, one process per measurement).
 *
 * The book's MNIST training iteration with the engine a learner uses: MultiLayerNet
 * (784-100-100-100-100-10, ReLU, He init) + SGD from src/nn and src/optim, a mini-batch
 * of 128 drawn like the Trainer does (rng.choice + gatherRows) from the real MNIST
 * training set (src/data). The GEMM backend is the one the engine chose at import
 * (scripts/bench.mjs sets ZEROKARA_BACKEND).
 *
 *   tsx bench/engine.ts '{"mode":"time","warmupMs":1500,"repeatMs":300,"repeats":5}'
 *   tsx bench/engine.ts '{"mode":"memory","iters":2000,"every":100}'
 *   tsx bench/engine.ts '{"mode":"gemm","backends":["blas","wasm","js"],"rounds":5,"roundMs":20}'
 *
 * Prints one JSON object on the last line of stdout.
 */
import {
  Matrix, RNG, backendNames, backendReport, gatherRows, getBackend, registerBackend, setBackend,
  type GemmBackend,
} from "../src/core";
import { loadMnist } from "../src/data";
import { MultiLayerNet } from "../src/nn";
import { SGD } from "../src/optim";

interface Config {
  mode: "time" | "memory" | "gemm";
  warmupMs?: number;
  repeatMs?: number;
  repeats?: number;
  iters?: number;
  every?: number;
  backends?: string[];
  rounds?: number;
  roundMs?: number;
  seed?: number;
}

const cfg: Config = { mode: "time", ...JSON.parse(process.argv[2] ?? "{}") };
const BATCH = 128;

function setup(seed: number) {
  const { xTrain, tTrain } = loadMnist();
  const rng = new RNG(seed);
  const net = new MultiLayerNet({
    inputSize: 784, hiddenSizeList: [100, 100, 100, 100], outputSize: 10,
    activation: "relu", weightInitStd: "relu", rng: rng.fork(),
  });
  const optimizer = new SGD({ lr: 0.01 });
  const xBatch = new Matrix(BATCH, 784);
  const tBatch = new Int32Array(BATCH);
  const trainSize = xTrain.rows;
  /** One iteration of the book's training loop (Trainer.trainStep without the loss log). */
  const step = (): void => {
    const batchMask = rng.choice(trainSize, BATCH);
    gatherRows(xTrain, batchMask, xBatch);
    for (let i = 0; i < BATCH; i++) tBatch[i] = tTrain[batchMask[i]];
    const grads = net.gradient(xBatch, tBatch);
    optimizer.update(net.params, grads);
  };
  return { step, net, xBatch, tBatch, trainSize };
}

/**
 * Warm up for warmupMs (and ≥ 30 iterations: V8 optimises the hot loops), then time
 * `repeats` runs of as many iterations as fill repeatMs. Returns ms per iteration per run.
 */
function measure(step: () => void, c: Config): { msPerIter: number[]; cpuMsPerIter: number[]; iters: number; warmupIters: number } {
  const warmupMs = c.warmupMs ?? 1500, repeatMs = c.repeatMs ?? 300, repeats = c.repeats ?? 5;
  let warmupIters = 0;
  const t0 = performance.now();
  while (warmupIters < 30 || performance.now() - t0 < warmupMs) {
    step();
    warmupIters++;
  }
  const per = (performance.now() - t0) / warmupIters;
  const iters = Math.max(3, Math.round(repeatMs / per));
  const msPerIter: number[] = [], cpuMsPerIter: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t1 = performance.now(), cpu1 = process.cpuUsage();
    for (let i = 0; i < iters; i++) step();
    const cpu = process.cpuUsage(cpu1);
    msPerIter.push((performance.now() - t1) / iters);
    cpuMsPerIter.push((cpu.user + cpu.system) / 1000 / iters); // CPU time: robust when the machine is shared
  }
  return { msPerIter, cpuMsPerIter, iters, warmupIters };
}

function timeMode(): object {
  const { step, net, xBatch, tBatch } = setup(cfg.seed ?? 1);
  const result = measure(step, cfg);
  return { ...result, loss: net.loss(xBatch, tBatch) };
}

function memoryMode(): object {
  const { step } = setup(cfg.seed ?? 2);
  const iters = cfg.iters ?? 2000, every = cfg.every ?? 100;
  const sample = (iter: number) => {
    const m = process.memoryUsage();
    return { iter, rssMB: m.rss / 2 ** 20, heapUsedMB: m.heapUsed / 2 ** 20, externalMB: m.external / 2 ** 20, arrayBuffersMB: m.arrayBuffers / 2 ** 20 };
  };
  const samples = [sample(0)];
  const t0 = performance.now();
  for (let i = 1; i <= iters; i++) {
    step();
    if (i % every === 0) samples.push(sample(i));
  }
  return { samples, seconds: (performance.now() - t0) / 1000 };
}

interface Shape { transA: boolean; transB: boolean; m: number; n: number; k: number; alpha: number; beta: number; lda: number; ldb: number; ldc: number }

/** The GEMM calls of one real iteration, recorded through a pass-through backend. */
function recordShapes(): Shape[] {
  const { step } = setup(cfg.seed ?? 3);
  step();
  const real = getBackend();
  const shapes: Shape[] = [];
  const recorder: GemmBackend = {
    name: "recorder",
    description: "records GEMM shapes",
    dgemm: (transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => {
      shapes.push({ transA, transB, m, n, k, alpha, beta, lda, ldb, ldc });
      real.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    },
  };
  registerBackend("recorder", () => recorder, backendNames().length);
  setBackend("recorder");
  step();
  setBackend(real.name);
  return shapes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * CPU µs per call of `backend` on one shape: calibrated calls per round, median over
 * rounds. Process CPU time (like the iteration rows and the C yardstick): on a shared
 * machine wall time mostly measures the other jobs.
 */
function timeShape(backend: GemmBackend, s: Shape, rng: RNG, rounds: number, roundMs: number): number {
  const a = rng.fillUniform(new Float64Array((s.transA ? s.k : s.m) * s.lda), -1, 1);
  const b = rng.fillUniform(new Float64Array((s.transB ? s.n : s.k) * s.ldb), -1, 1);
  const c = new Float64Array(s.m * s.ldc);
  const call = () => backend.dgemm(s.transA, s.transB, s.m, s.n, s.k, s.alpha, a, s.lda, b, s.ldb, s.beta, c, s.ldc);
  let t0 = performance.now();
  let calls = 0;
  while (performance.now() - t0 < roundMs) {
    call();
    calls++;
  }
  const n = Math.max(3, calls);
  const us: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) call();
    const d = process.cpuUsage(c0);
    us.push((d.user + d.system) / n);
  }
  return median(us);
}

function gemmMode(): object {
  const shapes = recordShapes();
  const rounds = cfg.rounds ?? 5, roundMs = cfg.roundMs ?? 20;
  const results: Record<string, { usPerShape: number[]; note?: string }> = {};
  for (const name of cfg.backends ?? ["blas", "wasm", "js"]) {
    let backend: GemmBackend;
    try {
      backend = setBackend(name);
    } catch (e) {
      results[name] = { usPerShape: [], note: (e as Error).message };
      continue;
    }
    const rng = new RNG(4);
    results[name] = { usPerShape: shapes.map((s) => timeShape(backend, s, rng, rounds, roundMs)) };
  }
  return { shapes, results };
}

const modes = { time: timeMode, memory: memoryMode, gemm: gemmMode };
const backend = getBackend();
const out = modes[cfg.mode]();
console.log(JSON.stringify({ backend: backend.name, report: backendReport(), ...out }));
