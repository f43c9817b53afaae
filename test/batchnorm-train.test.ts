/**
 * 6.3 experiments: the batch_norm_test.py loop (faithful to the book's order of
 * random draws and measurements), the weight-scale grid, and BN's advantage at
 * small weight scales on the FAST budget.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { gatherRows } from "../src/core/ops";
import { bookBatchNormData } from "../src/experiments/batchnorm/data";
import { FAST_SCALE_INDICES, batchNormGrid, bookWeightScales, cli as gridCli } from "../src/experiments/batchnorm/grid";
import { trainBookPair, type PairData } from "../src/experiments/batchnorm/train";
import { epochIteration, iterPerEpoch } from "../src/train/loop";
import { bookBatchNormGrid } from "../src/data/reference";
import { MultiLayerNetExtend } from "../src/nn";
import { SGD } from "../src/optim";

const small = (n = 60): PairData => {
  const d = bookBatchNormData(1000);
  return { xTrain: new Matrix(n, 784, d.xTrain.data.slice(0, n * 784)), tTrain: d.tTrain.slice(0, n) };
};

describe("trainBookPair: the loop of batch_norm_test.py", () => {
  it("matches an independent transcription of __train (same draws, same order, same measurement points)", () => {
    const data = small(60);
    const opts = { weightScale: 0.05, seed: 3, maxEpochs: 4, batchSize: 20, hiddenSizeList: [16, 16] };
    const run = trainBookPair(data, opts);

    // the book's __train, line by line, with np.random → RNG(seed)
    const rng = new RNG(3);
    const make = (useBatchnorm: boolean) => new MultiLayerNetExtend({
      inputSize: 784, hiddenSizeList: [16, 16], outputSize: 10, weightInitStd: 0.05, useBatchnorm, rng,
    });
    const bnNetwork = make(true), network = make(false);
    const optimizer = new SGD({ lr: 0.01 });
    const trainAcc: number[] = [], bnTrainAcc: number[] = [];
    const iterPer = Math.max(60 / 20, 1);
    let epochCnt = 0;
    for (let i = 0; i < 1e9; i++) {
      const mask = rng.choice(60, 20);
      const xBatch = gatherRows(data.xTrain, mask), tBatch = Int32Array.from(mask, (k) => data.tTrain[k]);
      for (const net of [bnNetwork, network]) optimizer.update(net.params, net.gradient(xBatch, tBatch));
      if (i % iterPer === 0) {
        trainAcc.push(network.accuracy(data.xTrain, data.tTrain));
        bnTrainAcc.push(bnNetwork.accuracy(data.xTrain, data.tTrain));
        if (++epochCnt >= 4) break;
      }
    }
    assert.deepEqual(run.withoutBN.trainAcc, trainAcc);
    assert.deepEqual(run.withBN.trainAcc, bnTrainAcc);
    assert.deepEqual(run.updates, [1, 4, 7, 10]);
    assert.equal(run.withBN.testAcc, null);
  });

  it("epoch e is measured after 10e + 1 updates for the book's 1000 / 100", () => {
    assert.equal(iterPerEpoch(1000, 100), 10);
    assert.equal(iterPerEpoch(50, 100), 1); // max(…, 1)
    assert.equal(iterPerEpoch(1000, 300), 1000 / 300); // the book's float
    assert.deepEqual([0, 1, 2, 3].map((k) => epochIteration(k, 1000 / 300)), [0, 3, 6, 10]); // one evaluation per epoch
    const run = trainBookPair(small(100), { weightScale: 0.05, maxEpochs: 3, batchSize: 10, hiddenSizeList: [8] });
    assert.deepEqual(run.updates, [1, 11, 21]);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const opts = { weightScale: 0.1, maxEpochs: 3, batchSize: 20, hiddenSizeList: [12] };
    const a = trainBookPair(small(), { ...opts, seed: 5 }), b = trainBookPair(small(), { ...opts, seed: 5 });
    const c = trainBookPair(small(), { ...opts, seed: 6 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.withBN.loss, c.withBN.loss);
  });

  it("measures test accuracy at the same points when test data is given", () => {
    const d = bookBatchNormData(1000, 200);
    const data = { xTrain: small(80).xTrain, tTrain: small(80).tTrain, xTest: d.xTest!, tTest: d.tTest! };
    const run = trainBookPair(data, { weightScale: "he", maxEpochs: 3, batchSize: 20, hiddenSizeList: [12] });
    assert.equal(run.withBN.testAcc!.length, 3);
    assert.ok(run.withoutBN.testAcc!.every((a) => a >= 0 && a <= 1));
  });

  it("flags a diverged net (NaN loss) and keeps going like the book: NaN scores predict class 0", () => {
    // the book's first panel: weight scale 1, five layers of 100, no BN
    const data = bookBatchNormData(1000);
    const run = trainBookPair(data, { weightScale: 1, maxEpochs: 3 });
    assert.notEqual(run.withoutBN.divergedAt, null, "the plain net with std 1 diverges");
    assert.equal(run.withBN.divergedAt, null, "the BN net does not");
    assert.ok(run.withoutBN.loss.slice(run.withoutBN.divergedAt! + 1).every((l) => Number.isNaN(l)));
    const zeros = Array.from(data.tTrain).filter((t) => t === 0).length / data.tTrain.length;
    assert.equal(run.withoutBN.trainAcc[2], zeros);
    assert.equal(run.withoutBN.trainAcc.length, 3);
  });

  it("names the bad argument", () => {
    assert.throws(() => trainBookPair(small(), { weightScale: -1 }), /weightScale/);
    assert.throws(() => trainBookPair(small(), { weightScale: 0.1, batchSize: 0 }), /batchSize/);
    assert.throws(() => trainBookPair({ xTrain: new Matrix(3, 784), tTrain: new Int32Array(2) }, { weightScale: 0.1 }), /data\.tTrain/);
    assert.throws(() => trainBookPair(small(), { weightScale: 0.1, learningRate: 0 }), /learningRate/);
  });
});

describe("batchNormGrid", () => {
  it("uses the book's 16 scales (np.logspace(0, −4, 16)) and a subset of them in FAST", () => {
    const s = bookWeightScales();
    assert.equal(s.length, 16);
    s.forEach((v, k) => assert.ok(Math.abs(v / 10 ** (-4 * k / 15) - 1) < 1e-14, `scale ${k}`));
    assert.deepEqual(FAST_SCALE_INDICES.map((i) => s[i]), FAST_SCALE_INDICES.map((i) => bookBatchNormGrid().weightScales[i]));
  });

  it("a scale's curves do not depend on the other scales asked for (each scale restarts RNG(seed))", () => {
    const opts = { budget: "fast" as const, epochs: 2, seeds: 1, trainSize: 100, batchSize: 20, hiddenSizeList: [10] };
    const both = batchNormGrid({ ...opts, scales: [0.3, 0.01] });
    const one = batchNormGrid({ ...opts, scales: [0.01] });
    assert.deepEqual(both.withBN[1], one.withBN[0]);
    assert.deepEqual(both.withoutBN[1], one.withoutBN[0]);
    assert.deepEqual(both.epochs, [0, 1]);
    assert.deepEqual(both.updates, [1, 6]);
  });

  it("averages over seeds", () => {
    const g = batchNormGrid({ budget: "fast", scales: [0.05], epochs: 2, seeds: 2, seed: 4, trainSize: 100, batchSize: 20, hiddenSizeList: [10] });
    assert.deepEqual(g.seeds, [4, 5]);
    const [a, b] = g.runs;
    g.withBN[0].forEach((m, e) => assert.equal(m, (a.withBN[e] + b.withBN[e]) / 2));
  });

  it("with BN, train accuracy after the FAST budget beats no BN at the small weight scales (seed 0)", () => {
    const s = bookWeightScales();
    const small = FAST_SCALE_INDICES.map((i) => s[i]).filter((w) => w < 0.05); // 0.00215, 0.0001
    assert.ok(small.length >= 2);
    const g = batchNormGrid({ budget: "fast", scales: small, seed: 0, seeds: 1 });
    assert.equal(g.epochs.length, 10);
    small.forEach((w, k) => {
      const last = g.epochs.length - 1;
      assert.ok(g.withBN[k][last] > g.withoutBN[k][last], `scale ${w}: BN ${g.withBN[k][last]} vs no BN ${g.withoutBN[k][last]}`);
    });
  });

  it("CLI: checks options before running", async () => {
    assert.equal(gridCli.name, "batchnorm-grid");
    assert.throws(() => batchNormGrid({ scales: [] }), /scales/);
    assert.throws(() => batchNormGrid({ scales: [0.1, -2] }), /scales\[1\]/);
    assert.throws(() => batchNormGrid({ scales: [0.1], seeds: 0 }), /seeds/);
    const r = (await gridCli.run({ scales: [0.05], epochs: 1, seeds: 1, trainSize: 100 })) as Record<string, unknown>;
    for (const k of ["budget", "seed", "scales", "withBN", "withoutBN"]) assert.ok(k in r, k);
  });
});
