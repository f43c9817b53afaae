/**
 * Bench child: the same MNIST training iteration in TensorFlow.js 4.22 (float32 only),
 * backend "cpu" (plain JS) or "wasm" (XNNPACK, SIMD; 1 thread for a fair row).
 * Run by scripts/bench.mjs:
 *
 *   tsx bench/tfjs.ts '{"backend":"wasm","warmupMs":1500,"repeatMs":300,"repeats":5}'
 *
 * 784-100-100-100-100-10, ReLU, He init, batch 128 drawn with replacement from the
 * real MNIST training set (rows copied on the JS side into the batch tensor: tf.gather
 * on the 60000 × 784 tensor takes ≈10 ms in the wasm backend), softmax cross-entropy,
 * SGD lr 0.01 via optimizer.minimize (autodiff skips dx of the first layer, which
 * the book's Affine computes).
 * Prints one JSON object on the last line of stdout.
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import { RNG } from "../src/core";
import { loadMnist } from "../src/data";

const cfg = { backend: "cpu", warmupMs: 1500, repeatMs: 300, repeats: 5, seed: 1, ...JSON.parse(process.argv[2] ?? "{}") };

async function main(): Promise<void> {
  if (cfg.backend === "wasm") setThreadsCount(1);
  if (!(await tf.setBackend(cfg.backend))) throw new Error(`tfjs backend ${cfg.backend} did not initialise`);
  await tf.ready();
  tf.enableProdMode();

  const { xTrain, tTrain } = loadMnist();
  const trainSize = xTrain.rows;
  const x32 = Float32Array.from(xTrain.data);
  const xBatch = new Float32Array(128 * 784);
  const tBatch = new Int32Array(128);
  const rng = new RNG(cfg.seed);
  const sizes = [784, 100, 100, 100, 100, 10];
  const params: tf.Variable[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const w = new Float32Array(sizes[i - 1] * sizes[i]);
    const std = Math.sqrt(2 / sizes[i - 1]);
    for (let j = 0; j < w.length; j++) w[j] = rng.normal(0, std);
    params.push(tf.variable(tf.tensor2d(w, [sizes[i - 1], sizes[i]])), tf.variable(tf.zeros([sizes[i]])));
  }
  const optimizer = tf.train.sgd(0.01);
  const idx = new Int32Array(128);

  const step = (): tf.Scalar => {
    for (let i = 0; i < idx.length; i++) {
      const r = (idx[i] = rng.integer(0, trainSize));
      xBatch.set(x32.subarray(r * 784, r * 784 + 784), i * 784);
      tBatch[i] = tTrain[r];
    }
    return tf.tidy(() => {
      const xb = tf.tensor2d(xBatch, [128, 784]);
      const tb = tf.oneHot(tf.tensor1d(tBatch, "int32"), 10);
      return optimizer.minimize(() => {
        let h: tf.Tensor2D = xb as tf.Tensor2D;
        for (let l = 0; l < 5; l++) {
          h = tf.add(tf.matMul(h, params[2 * l]), params[2 * l + 1]);
          if (l < 4) h = tf.relu(h);
        }
        return tf.losses.softmaxCrossEntropy(tb, h) as tf.Scalar;
      }, true) as tf.Scalar;
    });
  };

  // timing as in bench/engine.ts: warm-up (≥ 30 iterations), then runs that fill repeatMs
  const run = (n: number): number => {
    let last: tf.Scalar | null = null;
    for (let i = 0; i < n; i++) {
      last?.dispose();
      last = step();
    }
    const v = last!.dataSync()[0]; // wait for the work to finish
    last!.dispose();
    return v;
  };
  let warmupIters = 0;
  const t0 = performance.now();
  while (warmupIters < 30 || performance.now() - t0 < cfg.warmupMs) {
    run(1);
    warmupIters++;
  }
  const iters = Math.max(3, Math.round(cfg.repeatMs / ((performance.now() - t0) / warmupIters)));
  const msPerIter: number[] = [], cpuMsPerIter: number[] = [];
  let loss = NaN;
  for (let r = 0; r < cfg.repeats; r++) {
    const t1 = performance.now(), cpu1 = process.cpuUsage();
    loss = run(iters);
    const cpu = process.cpuUsage(cpu1);
    msPerIter.push((performance.now() - t1) / iters);
    cpuMsPerIter.push((cpu.user + cpu.system) / 1000 / iters);
  }
  const threads = cfg.backend === "wasm" ? `, ${getThreadsCount()} thread` : "";
  console.log(JSON.stringify({
    backend: `tfjs-${cfg.backend}`, msPerIter, cpuMsPerIter, iters, warmupIters, loss,
    report: `TensorFlow.js ${tf.version.tfjs} ${tf.getBackend()} float32${threads}`,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
