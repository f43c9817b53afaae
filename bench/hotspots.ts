/**
 * Bench child: where one training iteration of the engine spends its time, step by
 * step, on the real layer objects of MultiLayerNet (src/nn) and SGD (src/optim) with
 * the current GEMM backend. Each step is timed alone on the buffers of a real pass
 * (µs per call, median of runs), so GEMM and element-wise work can be told apart.
 *
 *   ZEROKARA_BACKEND=blas tsx bench/hotspots.ts '{"runMs":40,"runs":5}'
 *
 * Prints one JSON object on the last line of stdout.
 */
import { Matrix, RNG, allFinite, backendReport, fillRows, gatherRows, matmul, sumRows } from "../src/core";
import { loadMnist } from "../src/data";
import { Affine, MultiLayerNet } from "../src/nn";
import { SGD } from "../src/optim";

const cfg = { runMs: 40, runs: 5, ...JSON.parse(process.argv[2] ?? "{}") };
const BATCH = 128;

const { xTrain, tTrain } = loadMnist();
const rng = new RNG(5);
const net = new MultiLayerNet({
  inputSize: 784, hiddenSizeList: [100, 100, 100, 100], outputSize: 10, activation: "relu", weightInitStd: "relu", rng: rng.fork(),
});
const sgd = new SGD({ lr: 0.01 });
const xBatch = new Matrix(BATCH, 784), tBatch = new Int32Array(BATCH);
let mask = rng.choice(xTrain.rows, BATCH);
const gather = () => {
  gatherRows(xTrain, mask, xBatch);
  for (let i = 0; i < BATCH; i++) tBatch[i] = tTrain[mask[i]];
};
gather();
const step = () => {
  mask = rng.choice(xTrain.rows, BATCH);
  gather();
  sgd.update(net.params, net.gradient(xBatch, tBatch));
};

/** Median µs per call over `runs` runs (wall clock and process CPU time). */
function usPerCall(f: () => void): { us: number; cpuUs: number } {
  for (let i = 0; i < 20; i++) f();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < cfg.runMs / 4) {
    f();
    n++;
  }
  const calls = Math.max(5, n * 4);
  const us: number[] = [], cpuUs: number[] = [];
  for (let r = 0; r < cfg.runs; r++) {
    const t1 = performance.now(), c1 = process.cpuUsage();
    for (let i = 0; i < calls; i++) f();
    const c = process.cpuUsage(c1);
    us.push(((performance.now() - t1) * 1000) / calls);
    cpuUs.push((c.user + c.system) / calls);
  }
  const med = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { us: med(us), cpuUs: med(cpuUs) };
}

// warm the whole path, then capture each layer's input of a real pass
for (let i = 0; i < 200; i++) step();
gather();
const grads = net.gradient(xBatch, tBatch);
const layers = [...net.layers.entries()];
const inputs: Matrix[] = [];
let h: Matrix = xBatch;
for (const [, layer] of layers) {
  inputs.push(h);
  h = layer.forward(h, true);
}
net.lastLayer.forward(h, tBatch);
const douts: Matrix[] = [];
let d = net.lastLayer.backward(1);
for (let i = layers.length - 1; i >= 0; i--) {
  douts[i] = d;
  d = layers[i][1].backward(d);
}

interface Item { step: string; kind: "gemm" | "elementwise" | "whole"; us: number; cpuUs: number }
const items: Item[] = [];
const add = (name: string, kind: Item["kind"], f: () => void) => items.push({ step: name, kind, ...usPerCall(f) });

add("rng.choice(60000, 128)", "elementwise", () => { mask = rng.choice(xTrain.rows, BATCH); });
add("gatherRows x + labels (batch)", "elementwise", gather);
layers.forEach(([name, layer], i) => {
  const x = inputs[i], dout = douts[i];
  if (layer instanceof Affine) {
    const out = layer.forward(x, true);
    add(`${name}.forward fillRows (out = b)`, "elementwise", () => fillRows(out, layer.b));
    add(`${name}.forward matmul out += x·W ${x.rows}×${x.cols}·${layer.W.rows}×${layer.W.cols}`, "gemm", () => matmul(x, layer.W, { out, beta: 1 }));
    if (layer.checkFinite) add(`${name}.forward checkFinite: allFinite(x·W + b)`, "elementwise", () => allFinite(out));
    const dx = layer.backward(dout);
    if (layer.computeDx) add(`${name}.backward matmul dout·Wᵀ`, "gemm", () => matmul(dout, layer.W, { transB: true, out: dx }));
    add(`${name}.backward matmul xᵀ·dout`, "gemm", () => matmul(x, dout, { transA: true, out: layer.dW }));
    add(`${name}.backward sumRows (db)`, "elementwise", () => sumRows(dout, layer.db));
  } else {
    add(`${name}.forward`, "elementwise", () => layer.forward(x, true));
    add(`${name}.backward`, "elementwise", () => layer.backward(dout));
  }
});
add("SoftmaxWithLoss.forward", "elementwise", () => net.lastLayer.forward(h, tBatch));
add("SoftmaxWithLoss.backward", "elementwise", () => net.lastLayer.backward(1));
add("SGD.update (all W, b)", "elementwise", () => sgd.update(net.params, grads));
add("whole: net.gradient(x, t)", "whole", () => net.gradient(xBatch, tBatch));
add("whole: one iteration (batch + gradient + update)", "whole", step);

const sum = (k: Item["kind"], key: "us" | "cpuUs") => items.filter((i) => i.kind === k).reduce((s, i) => s + i[key], 0);
console.log(JSON.stringify({
  report: backendReport(), items,
  gemmUs: sum("gemm", "us"), elementwiseUs: sum("elementwise", "us"),
  gemmCpuUs: sum("gemm", "cpuUs"), elementwiseCpuUs: sum("elementwise", "cpuUs"),
}));
