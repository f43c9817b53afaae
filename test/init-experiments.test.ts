/**
 * 6.2 experiments (src/experiments/init-*.ts): the book's activation
 * histogram network, the statistics, the variance formula, the gradient norms,
 * the symmetry demo and a short MNIST run. Bands come from the theory written
 * next to each test, checked on several seeds.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { Matrix } from "../src/core/matrix";
import { matmul } from "../src/core/ops";
import { RNG } from "../src/core/rng";
import { forwardActivations, type ForwardOptions } from "../src/experiments/init/activations";
import { ForwardWorkspace } from "../src/experiments/init/forward-workspace";
import { initWeight } from "../src/nn/init";
import { parseInit } from "../src/experiments/init/common";
import { gradientNorms } from "../src/experiments/init/gradients";
import { activationHistogram, activationHistogramGrid, histogram, histogramRange, niceCeil, selectKth } from "../src/experiments/init/histogram";
import { initMnist } from "../src/experiments/init/mnist";
import { symmetryDemo } from "../src/experiments/init/symmetry";
import { theoreticalPreVar, varianceCheck } from "../src/experiments/init/variance";

const SEEDS = [0, 1, 2];

describe("histogram binning", () => {
  it("follows np.histogram: [lo, hi) bins, the last one closed, outside values counted apart", () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 1.5, -0.2], 2, 0, 1);
    assert.deepEqual(h.edges, [0, 0.5, 1]);
    assert.deepEqual(h.counts, [2, 3]);
    assert.equal(h.outOfRange, 2);
  });
  it("can leave exact zeros out and counts them", () => {
    const h = histogram([0, 0, 0.25, 0.75], 2, 0, 1, true);
    assert.deepEqual(h.counts, [1, 1]);
    assert.equal(h.excludedZeros, 2);
  });
  it("niceCeil rounds up to 1, 2, 2.5, 5 × 10^k", () => {
    assert.equal(niceCeil(0.7), 1);
    assert.equal(niceCeil(1.3), 2);
    assert.equal(niceCeil(2.2), 2.5);
    assert.equal(niceCeil(3.9), 5);
    assert.equal(niceCeil(42000), 50000);
  });
  it("selectKth finds the k-th smallest like sorting does, with duplicates, ±∞ and any k", () => {
    const rng = new RNG(12);
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      for (const kind of ["uniform", "few values", "all equal", "sorted", "reversed"]) {
        const v = Array.from({ length: n }, (_, i) =>
          kind === "uniform" ? rng.normal() : kind === "few values" ? rng.integer(0, 4) : kind === "all equal" ? 2.5 : kind === "sorted" ? i : -i);
        if (n > 3 && kind === "uniform") {
          v[1] = Infinity;
          v[2] = -Infinity;
        }
        const sorted = Float64Array.from(v).sort();
        for (const k of new Set([0, n - 1, n >> 1, Math.floor(0.99 * n), rng.integer(0, n)])) {
          assert.equal(selectKth(Float64Array.from(v), n, k), sorted[k], `n ${n}, ${kind}, k ${k}`);
        }
      }
    }
    assert.throws(() => selectKth(new Float64Array(3), 3, 3), /k.*\[0, 3\)/);
    assert.throws(() => selectKth(new Float64Array(3), 4, 0), /n.*\[1, 3\]/);
  });
  it("the ReLU range is the nice ceiling of the 99th percentile of the positive values", () => {
    const run = forwardActivations({ init: "he", activation: "relu", seed: 1, dataCount: 300, nodeNum: 40 });
    const positive = Float64Array.from(run.post.flatMap((m) => [...m.data].filter((v) => v > 0))).sort(); // 60k values: stride 1
    const [lo, hi] = histogramRange("relu", run.post);
    assert.equal(lo, 0);
    assert.equal(hi, niceCeil(positive[Math.floor(0.99 * positive.length)]));
    assert.ok(hi >= positive[Math.floor(0.99 * positive.length)]);
  });
  it("rejects an empty range", () => {
    assert.throws(() => histogram([1], 3, 1, 1), (e: Error) => e instanceof ArgumentError && /range/.test(e.message));
  });
});

describe("parseInit", () => {
  it("reads the CLI spellings", () => {
    assert.equal(parseInit("std"), 1);
    assert.equal(parseInit("0.01"), 0.01);
    assert.equal(parseInit("std=0.05"), 0.05);
    assert.equal(parseInit("relu"), "he");
    assert.equal(parseInit("Sigmoid"), "xavier");
    assert.equal(parseInit("glorot"), "glorot");
  });
  it("names the argument on bad input", () => {
    for (const bad of ["bogus", "-1", "std=0", 0, Number.NaN, null]) {
      assert.throws(() => parseInit(bad), (e: Error) => e instanceof ArgumentError && e.message.startsWith("init:"));
    }
  });
});

describe("the book's forward pass (1000 × 100, 5 layers, no bias)", () => {
  it("is deterministic per seed and shares input and weight draws across settings", () => {
    const a = forwardActivations({ init: "xavier", activation: "tanh", seed: 3 });
    const b = forwardActivations({ init: "xavier", activation: "tanh", seed: 3 });
    assert.deepEqual(a.post[4].data, b.post[4].data);
    const c = forwardActivations({ init: 0.01, activation: "linear", seed: 3 });
    const d = forwardActivations({ init: 1, activation: "linear", seed: 3 });
    assert.deepEqual(a.input.data, c.input.data);
    // linear layers: a = x·(σ·N) so std 1 is exactly 100 × std 0.01 in layer 1
    for (let i = 0; i < 50; i++) assert.ok(Math.abs(d.pre[0].data[i] - 100 * c.pre[0].data[i]) <= 1e-9 * Math.abs(d.pre[0].data[i]) + 1e-12);
    const e = forwardActivations({ init: "xavier", activation: "tanh", seed: 4 });
    assert.notDeepEqual(a.input.data.slice(0, 10), e.input.data.slice(0, 10));
  });

  it("with a ForwardWorkspace, a run after any other gives the same bits as a fresh run, and reuses the draws when only the scale or activation moves", () => {
    const ws = new ForwardWorkspace();
    const runs: ForwardOptions[] = [
      { init: 1, activation: "sigmoid", seed: 0, dataCount: 300, nodeNum: 30 },
      { init: 0.3, activation: "sigmoid", seed: 0, dataCount: 300, nodeNum: 30 }, // scale only
      { init: "xavier", activation: "tanh", seed: 0, dataCount: 300, nodeNum: 30 }, // activation and scale
      { init: "he", activation: "relu", seed: 0, dataCount: 300, nodeNum: 30 },
      { init: 0.3, activation: "sigmoid", seed: 0, dataCount: 300, nodeNum: 30 }, // back: sigmoid's layers reused
      { init: 0.3, activation: "sigmoid", seed: 1, dataCount: 300, nodeNum: 30 }, // seed
      { init: 0.3, activation: "linear", seed: 1, dataCount: 200, nodeNum: 30, hiddenLayerSize: 3 }, // sizes
      { init: 0.3, activation: "tanh", seed: 1, dataCount: 200, nodeNum: 20, hiddenLayerSize: 6 },
    ];
    let input: unknown = null, first: number[] = [];
    for (const [i, o] of runs.entries()) {
      const warm = forwardActivations(o, ws), fresh = forwardActivations(o);
      const bits = (r: typeof warm): number[][] => [r.input, ...r.pre, ...r.post].map((m) => [m.rows, m.cols, ...m.data]);
      assert.deepEqual(bits(warm), bits(fresh), `run ${i}: ${JSON.stringify(o)}`);
      if (i === 1 || i === 2 || i === 3 || i === 4) assert.equal(warm.input, input, `run ${i} draws nothing again`);
      if (i === 5) assert.notDeepEqual([...warm.input.data.slice(0, 5)], first, "a new seed draws again");
      input = warm.input;
      first = [...warm.input.data.slice(0, 5)];
    }
    // the fresh runs are the book's loop: W = initWeight(std) drawn after the input, layer by layer
    const rng = new RNG(4);
    let x = Matrix.randn(50, 10, rng);
    const w0 = initWeight(0.2, 10, 10, rng);
    x = matmul(x, w0);
    assert.deepEqual(forwardActivations({ init: 0.2, activation: "linear", seed: 4, dataCount: 50, nodeNum: 10, hiddenLayerSize: 1 }, ws).pre[0].data, x.data);
  });

  it("He + ReLU: every layer's std stays in [0.6, 1.1] (theory √(1 − 1/π) ≈ 0.83 since Var[a] = 2)", () => {
    for (const seed of SEEDS) {
      const r = activationHistogram({ init: "he", activation: "relu", seed });
      assert.equal(r.layers.length, 5);
      for (const l of r.layers) assert.ok(l.std > 0.6 && l.std < 1.1, `seed ${seed} layer ${l.layer}: std ${l.std}`);
      // about half of ReLU's outputs are exactly 0 (a is symmetric around 0)
      for (const l of r.layers) assert.ok(Math.abs(l.exactZero - 0.5) < 0.1, `zeros ${l.exactZero}`);
    }
  });

  it("std 0.01 + sigmoid: every layer sits near 0.5 (Var[a] ≤ 0.01 → |z − 0.5| small)", () => {
    for (const seed of SEEDS) {
      const r = activationHistogram({ init: 0.01, activation: "sigmoid", seed });
      for (const l of r.layers) {
        assert.ok(Math.abs(l.mean - 0.5) < 0.01, `mean ${l.mean}`);
        assert.ok(l.min > 0.3 && l.max < 0.7, `layer ${l.layer}: [${l.min}, ${l.max}]`);
        assert.ok((l.nearCenter ?? 0) > 0.9, `layer ${l.layer}: ${l.nearCenter}`);
        assert.equal(l.saturated, 0);
      }
      // past layer 1 the output hardly depends on the input any more
      assert.ok(r.layers[4].sampleStd < 1e-4 * r.layers[0].sampleStd);
    }
  });

  it("std 1 + sigmoid: the values pile up at 0 and 1 and f′ is small", () => {
    for (const seed of SEEDS) {
      const r = activationHistogram({ init: "std", activation: "sigmoid", seed });
      for (const l of r.layers) {
        assert.ok((l.saturated ?? 0) > 0.35, `layer ${l.layer}: ${l.saturated}`);
        assert.ok(l.meanDerivative < 0.1, `layer ${l.layer}: f′ ${l.meanDerivative}`);
      }
    }
  });

  it("Xavier + ReLU halves the variance per layer; std 1 + ReLU explodes", () => {
    const x = activationHistogram({ init: "xavier", activation: "relu", seed: 0 });
    const ratio = x.layers[4].std / x.layers[0].std; // theory (1/√2)^4 = 0.25
    assert.ok(ratio > 0.12 && ratio < 0.5, `ratio ${ratio}`);
    const big = activationHistogram({ init: 1, activation: "relu", seed: 0 });
    assert.ok(big.layers[4].std > 100 * big.layers[0].std);
  });

  it("histogram ranges: the book's [0, 1] for sigmoid, [−1, 1] for tanh, one shared [0, R] for ReLU", () => {
    const grid = activationHistogramGrid({ seed: 0, inits: ["xavier", "he"] });
    assert.equal(grid.length, 6);
    for (const r of grid) {
      const total = r.layers[0].counts.reduce((a, b) => a + b, 0) + r.layers[0].outOfRange + r.layers[0].excludedZeros;
      assert.equal(total, 1000 * 100);
      assert.equal(r.bins, 30);
      if (r.activation === "sigmoid") assert.deepEqual(r.range, [0, 1]);
      if (r.activation === "tanh") assert.deepEqual(r.range, [-1, 1]);
      if (r.activation === "relu") {
        assert.equal(r.range[0], 0);
        assert.ok(r.excludeZeros);
        for (const l of r.layers) assert.ok(l.outOfRange / (1000 * 100) < 0.02, "at most a few % above R");
      }
    }
  });
});

describe("variance formula Var[a] = n·Var[w]·E[x²]", () => {
  it("measured variance matches the formula within 15 % on average over 4 runs", () => {
    for (const c of varianceCheck({ runs: 4 })) {
      for (const l of c.layers) {
        const r = l.measured / l.formula;
        assert.ok(r > 0.85 && r < 1.15, `${c.activation} ${c.initKey} layer ${l.layer}: ${r}`);
      }
    }
  });
  it("closed forms: Xavier keeps linear layers at 1, He keeps ReLU layers at 2", () => {
    for (let l = 1; l <= 5; l++) {
      assert.ok(Math.abs(theoreticalPreVar("linear", 100, Math.sqrt(1 / 100), l)! - 1) < 1e-12);
      assert.ok(Math.abs(theoreticalPreVar("relu", 100, Math.sqrt(2 / 100), l)! - 2) < 1e-12);
    }
    assert.equal(theoreticalPreVar("tanh", 100, 0.1, 2), null);
  });
});

describe("gradient norms at the initial weights", () => {
  const res = gradientNorms({ seed: 0, inits: [0.01, "xavier", "he"], activations: ["relu", "sigmoid"], dataCount: 200 });
  const get = (a: string, k: string) => res.find((r) => r.activation === a && r.initKey === k)!;
  it("std 0.01 gives tiny gradients in every layer; He + ReLU keeps them within an order of magnitude", () => {
    for (const g of get("relu", "std=0.01").gradNorms) assert.ok(g < 1e-4, `${g}`);
    const he = get("relu", "he").gradNorms;
    assert.ok(Math.max(...he) / Math.min(...he) < 20, he.join(", "));
    for (const r of res) assert.equal(r.gradNorms.length, 6);
  });
  it("sigmoid shrinks the gradient towards the input even with Xavier (f′ ≤ 1/4 per layer)", () => {
    const g = get("sigmoid", "xavier").gradNorms;
    for (let l = 0; l < 5; l++) assert.ok(g[l] < g[l + 1], `layer ${l + 1}: ${g[l]} vs ${g[l + 1]}`);
  });
});

describe("symmetry: equal initial weights stay equal", () => {
  it("all-zero and all-0.5 weights keep the hidden units identical at every step; random ones do not", () => {
    const cases = symmetryDemo({ seed: 0, steps: 200 });
    for (const c of cases.filter((c) => c.key !== "random")) {
      assert.ok(c.spread.every((s) => s === 0), `${c.key}: max spread ${Math.max(...c.spread)}`);
      for (const h of c.hiddenFinal) assert.ok(h.every((v) => v === h[0]));
    }
    const random = cases.find((c) => c.key === "random")!;
    assert.ok(random.spread.every((s) => s > 0));
    assert.equal(random.loss.length, 201);
  });
  it("checks its arguments", () => {
    assert.throws(() => symmetryDemo({ lr: -1 }), (e: Error) => e instanceof ArgumentError && e.message.startsWith("lr:"));
  });
});

describe("MNIST comparison (a short run)", () => {
  it("is deterministic, std 0.01 stays at ln 10 while He learns", () => {
    const opts = { seed: 7, seeds: 1, iterations: 60, trainAccSize: 500, testSize: 500 } as const;
    const a = initMnist(opts);
    assert.equal(a.inits.he.loss.length, 60);
    const tail = (xs: number[]) => xs.slice(-10).reduce((s, v) => s + v, 0) / 10;
    assert.ok(Math.abs(tail(a.inits["std=0.01"].loss) - Math.log(10)) < 0.02, `${tail(a.inits["std=0.01"].loss)}`);
    assert.ok(tail(a.inits.he.loss) < tail(a.inits["std=0.01"].loss) - 0.1);
    assert.ok(a.inits.he.testAcc > a.inits["std=0.01"].testAcc);
    const b = initMnist({ ...opts, iterations: 5 });
    assert.deepEqual(b.inits.xavier.loss, a.inits.xavier.loss.slice(0, 5), "same seed, same batches and weights");
  });
  it("checks its arguments", () => {
    assert.throws(() => initMnist({ iterations: 0 }), (e: Error) => e instanceof ArgumentError && e.message.startsWith("iterations:"));
    assert.throws(() => initMnist({ lr: 0 }), (e: Error) => e instanceof ArgumentError && e.message.startsWith("lr:"));
  });
});

describe("CLI", () => {
  const root = path.resolve(__dirname, "..");
  const run = (...args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" }));
  it("init-histogram prints budget, seed and one entry per layer", () => {
    const out = run("init-histogram", "--init", "he", "--activation", "relu", "--json", "--seed", "2");
    assert.equal(out.seed, 2);
    assert.ok(out.budget === "fast" || out.budget === "full");
    assert.equal(out.layers.length, 5);
    for (const l of out.layers) {
      assert.equal(typeof l.mean, "number");
      assert.equal(typeof l.std, "number");
      assert.equal(l.edges.length, l.counts.length + 1);
    }
  });
  it("init-mnist prints loss, trainAcc, testAcc per init", () => {
    const out = run("init-mnist", "--json", "--iterations", "3", "--seeds", "1", "--seed", "1");
    assert.equal(out.seed, 1);
    assert.deepEqual(Object.keys(out.inits).sort(), ["he", "std=0.01", "xavier"]);
    for (const s of Object.values(out.inits) as { loss: number[]; trainAcc: number; testAcc: number }[]) {
      assert.equal(s.loss.length, 3);
      assert.ok(s.trainAcc >= 0 && s.trainAcc <= 1 && s.testAcc >= 0 && s.testAcc <= 1);
    }
  });
});
