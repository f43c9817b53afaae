/**
 * The overfitting loop (src/experiments/regularization/overfit.ts): a transcription of the
 * book's overfit_weight_decay.py loop gives the same accuracies; evaluation
 * timing (3e + 1 updates); determinism; early stopping restores the best
 * epoch's weights; argument errors; the CLI's JSON fields.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RNG } from "../src/core";
import { gatherRows } from "../src/core/ops";
import { MultiLayerNet } from "../src/nn";
import { SGD } from "../src/optim/sgd";
import { DecoupledWeightDecay, ProximalL1 } from "../src/optim";
import { cli, overfitData, overfitRun, regularizedOptimizer, resolveConfig } from "../src/experiments/regularization/overfit";
import { bookAt } from "../src/experiments/regularization/summary";
import { bookOverfit } from "../src/data/reference";

const small = { budget: "fast" as const, testSize: 200 };

describe("overfitRun reproduces the book's loop", () => {
  it("matches a line-by-line transcription of overfit_weight_decay.py (λ = 0.1, 4 epochs)", () => {
    const seed = 3, lambda = 0.1, epochs = 4;
    const run = overfitRun({ ...small, seed, epochs, weightDecayLambda: lambda });

    // The book's script, with our RNG streams in the same roles.
    const { xTrain, tTrain, xTest, tTest } = overfitData(300, 200);
    const root = new RNG(seed);
    const weightRng = root.fork(), batchRng = root.fork();
    const network = new MultiLayerNet({ inputSize: 784, hiddenSizeList: [100, 100, 100, 100, 100, 100], outputSize: 10, weightDecayLambda: lambda, rng: weightRng });
    const optimizer = new SGD({ lr: 0.01 });
    const maxEpochs = epochs + 1, trainSize = 300, batchSize = 100;
    const iterPerEpoch = Math.max(trainSize / batchSize, 1);
    const trainAccList: number[] = [], testAccList: number[] = [];
    let epochCnt = 0;
    for (let i = 0; i < 1e9; i++) {
      const batchMask = batchRng.choice(trainSize, batchSize);
      const xBatch = gatherRows(xTrain, batchMask);
      const tBatch = Int32Array.from(batchMask, (k) => tTrain[k]);
      const grads = network.gradient(xBatch, tBatch);
      optimizer.update(network.params, grads);
      if (i % iterPerEpoch === 0) {
        trainAccList.push(network.accuracy(xTrain, tTrain));
        testAccList.push(network.accuracy(xTest, tTest));
        epochCnt += 1;
        if (epochCnt >= maxEpochs) break;
      }
    }
    assert.deepEqual(run.trainAcc, trainAccList);
    assert.deepEqual(run.testAcc, testAccList);
    assert.deepEqual(run.epochs, [0, 1, 2, 3, 4]);
    assert.deepEqual(run.updates, [1, 4, 7, 10, 13]); // epoch e after 3e + 1 updates, like the book's printout
    assert.deepEqual(run.updates, bookOverfit("weight_decay").updates.slice(0, 5));
  });

  it("is deterministic per seed; configurations with one seed share the initial weights", () => {
    const a = overfitRun({ ...small, seed: 5, epochs: 2 });
    const b = overfitRun({ ...small, seed: 5, epochs: 2 });
    assert.deepEqual(a.trainAcc, b.trainAcc);
    assert.deepEqual(a.weightNorm2, b.weightNorm2);
    const c = overfitRun({ ...small, seed: 6, epochs: 2 });
    assert.notDeepEqual(a.weightNorm2, c.weightNorm2);
    // λ = 0 and a tiny λ start from the same weights and batches, so they stay within rounding of each other
    const d = overfitRun({ ...small, seed: 5, epochs: 2, weightDecayLambda: 1e-12 });
    d.weightNorm2.forEach((v, i) => assert.ok(Math.abs(v - a.weightNorm2[i]) < 1e-6 * v, `epoch ${i}`));
  });

  it("counts exact zeros of the weights only (zeroWeightFraction), near zeros below 1e-3", () => {
    const r = overfitRun({ ...small, seed: 0, epochs: 1, keepWeights: true });
    assert.equal(r.weightCount, 784 * 100 + 5 * 100 * 100 + 100 * 10);
    assert.equal(r.weights!.length, r.weightCount);
    const zeros = r.weights!.filter((w) => w === 0).length;
    const near = r.weights!.filter((w) => Math.abs(w) < 1e-3).length;
    assert.equal(r.zeroWeightFraction, zeros / r.weightCount);
    assert.equal(r.nearZeroFraction, near / r.weightCount);
    assert.equal(r.nearZeroThreshold, 1e-3);
  });
});

describe("early stopping", () => {
  it("stops `patience` epochs after the best validation accuracy and restores that epoch's weights", () => {
    const patience = 4;
    const r = overfitRun({ ...small, seed: 1, epochs: 60, earlyStopping: patience });
    const es = r.earlyStopping!;
    assert.ok(es.restored);
    assert.equal(r.trainSize, 240);
    assert.equal(r.validationSize, 60);
    assert.notEqual(es.stoppedEpoch, null, "expected the run to stop before epoch 60");
    assert.equal(es.stoppedEpoch! - es.bestEpoch, patience);
    const best = Math.max(...r.valAcc);
    assert.equal(r.valAcc[es.bestEpoch], best);
    assert.equal(r.valAcc.indexOf(best), es.bestEpoch, "the first epoch reaching the best value is kept");
    // The restored weights give exactly the accuracies measured at the best epoch …
    assert.equal(r.final.trainAcc, r.trainAcc[es.bestEpoch]);
    assert.equal(r.final.testAcc, r.testAcc[es.bestEpoch]);
    // … and not those of the last epoch trained (they differ in this run).
    const last = r.trainAcc.length - 1;
    assert.ok(r.trainAcc[last] !== r.trainAcc[es.bestEpoch] || r.testAcc[last] !== r.testAcc[es.bestEpoch]);
  });
});

describe("arguments and CLI", () => {
  it("uses the book's fractional epoch rule when batchSize does not divide trainSize (250 / 100 = 2.5)", () => {
    const run = overfitRun({ ...small, testSize: 100, seed: 1, epochs: 4, trainSize: 250 });
    // epoch k after iteration ⌊2.5k⌋ (0-based) = after update ⌊2.5k⌋ + 1
    assert.deepEqual(run.updates, [1, 3, 6, 8, 11]);
  });

  it("reports the step that made the weights NaN/±∞ (divergedAt) and stops the curves there", () => {
    const run = overfitRun({ ...small, testSize: 100, seed: 1, epochs: 6, lr: 50 });
    assert.equal(run.diverged, true);
    assert.ok(run.divergedAt !== null && run.divergedAt >= 0, `divergedAt ${run.divergedAt}`);
    // every recorded evaluation happened before the divergence
    assert.ok(run.updates.every((u) => u - 1 < run.divergedAt!), `${run.updates} vs ${run.divergedAt}`);
    assert.ok(run.updates.length < 7);
    const fine = overfitRun({ ...small, testSize: 100, seed: 1, epochs: 2 });
    assert.equal(fine.divergedAt, null);
  });

  it("decoupled decay and proximal L1 are the optimizer wrappers of src/optim, composed in that order", () => {
    const o = regularizedOptimizer(resolveConfig({ weightDecayLambda: 0.1, weightDecayMode: "decoupled", l1: 0.01 }));
    assert.ok(o instanceof ProximalL1 && o.inner instanceof DecoupledWeightDecay && o.inner.inner instanceof SGD);
    assert.equal((o.inner as DecoupledWeightDecay).weightDecay, 0.1);
    assert.ok(regularizedOptimizer(resolveConfig({ weightDecayLambda: 0.1 })) instanceof SGD, "λ in the loss: plain SGD");
  });

  it("rejects bad settings with the argument's name", () => {
    assert.throws(() => overfitRun({ ...small, dropoutRatio: 1 }), /dropoutRatio/);
    assert.throws(() => overfitRun({ ...small, weightDecayLambda: -0.1 }), /weightDecayLambda: expected a number >= 0/);
    assert.throws(() => overfitRun({ ...small, l1: 0.01, optimizer: "adam" }), /l1Mode/);
    assert.throws(() => overfitRun({ ...small, optimizer: "adamm" }), /name/);
    assert.throws(() => overfitRun({ ...small, earlyStopping: 0 }), /earlyStopping/);
    assert.throws(() => overfitRun({ ...small, epochs: 1.5 }), /epochs/);
  });

  it("npm run exp -- overfit --json prints budget, seed, per-epoch accuracies and zeroWeightFraction", async () => {
    const out = (await cli.run({ weightDecay: 0.1, l1: 0.01, epochs: 2, testSize: 100, seed: 4 })) as Record<string, unknown>;
    for (const k of ["budget", "seed", "trainAcc", "testAcc", "zeroWeightFraction"]) assert.ok(k in out, k);
    assert.equal(out.seed, 4);
    assert.equal((out.trainAcc as number[]).length, 3);
    assert.ok((out.zeroWeightFraction as number) > 0, "the proximal L1 step leaves exact zeros");
    JSON.parse(JSON.stringify(out));
  });

  it("bookAt aligns the two scripts by updates (weight decay epoch 200 ↔ dropout epoch:201)", () => {
    const wd = bookAt(bookOverfit("weight_decay"), 601, "wd")!;
    const dr = bookAt(bookOverfit("dropout"), 601, "dr")!;
    assert.equal(wd.epochLabel, 200);
    assert.equal(dr.epochLabel, 201);
    assert.equal(bookAt(bookOverfit("weight_decay"), 602, "wd"), null);
  });
});

