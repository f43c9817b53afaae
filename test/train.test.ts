import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { Matrix } from "../src/core/matrix";
import { RNG } from "../src/core/rng";
import { loadMnist } from "../src/data";
import { MultiLayerNet, MultiLayerNetExtend, Params, Targets } from "../src/nn";
import { SGD } from "../src/optim";
import {
  EarlyStopping, Net, Trainer, TrainerEvent, besselI0, convolveValid, kaiser, restoreNet, smoothCurve, snapshotNet,
} from "../src/train";

describe("smoothCurve (the book's smooth_curve)", () => {
  it("I0 and the Kaiser window from their definitions", () => {
    assert.equal(besselI0(0), 1);
    assert.ok(Math.abs(besselI0(1) - 1.2660658777520082) < 1e-15);
    assert.ok(Math.abs(besselI0(2) - 2.2795853023360673) < 1e-15);
    const w = kaiser(11, 2);
    // w[n] = I0(2·√(1 − ((n − 5)/5)²)) / I0(2): ends 1/I0(2), middle 1, symmetric
    assert.ok(Math.abs(w[0] - 1 / 2.2795853023360673) < 1e-15);
    assert.equal(w[5], 1);
    for (let n = 0; n < 11; n++) assert.equal(w[n], w[10 - n]);
    assert.deepEqual(Array.from(kaiser(1, 2)), [1]);
  });

  it("convolveValid like np.convolve(…, 'valid'), either argument order", () => {
    // [1,2,3] ∗ [0,1,0.5]: full = [0, 1, 2.5, 4, 1.5] → valid = [2.5]
    assert.deepEqual(convolveValid([1, 2, 3], [0, 1, 0.5]), [2.5]);
    // [1,2,3,4] with [1,-1]: full = [1, 1, 1, 1, -4] → valid [1, 1, 1]
    assert.deepEqual(convolveValid([1, 2, 3, 4], [1, -1]), [1, 1, 1]);
    assert.deepEqual(convolveValid([1, -1], [1, 2, 3, 4]), [1, 1, 1]);
  });

  it("a short signal against the direct formula with the book's reflection", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7];
    const n = x.length;
    // s = x[10], x[9], …, x[1] | x | x[n−1], …, x[n−10]
    const s = [...[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((i) => x[i]), ...x, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => x[n - k])];
    const w = Array.from({ length: 11 }, (_, m) => besselI0(2 * Math.sqrt(1 - ((m - 5) / 5) ** 2)) / besselI0(2));
    const W = w.reduce((a, b) => a + b, 0);
    // y has n + 10 values; the book keeps y[5 … n+4]; y[j] = Σ w_m s[j + m] (w symmetric)
    const expected = Array.from({ length: n }, (_, i) => w.reduce((acc, wm, m) => acc + (wm / W) * s[i + 5 + m], 0));
    const got = smoothCurve(x);
    assert.equal(got.length, n);
    got.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-12, `${i}: ${v} vs ${expected[i]}`));
  });

  it("keeps constants, and straight lines away from the ends (symmetric window)", () => {
    smoothCurve(new Array(30).fill(2.5)).forEach((v) => assert.ok(Math.abs(v - 2.5) < 1e-14));
    const line = Array.from({ length: 40 }, (_, i) => 3 * i - 7);
    const y = smoothCurve(line);
    for (let i = 5; i <= 40 - 6; i++) assert.ok(Math.abs(y[i] - line[i]) < 1e-12);
    assert.ok(Math.abs(y[39] - line[39]) > 1, "the book's reflection bends the end");
  });

  it("short inputs give what NumPy gives: len 10 → 9 values, len ≤ 6 → none; empty is an error", () => {
    assert.equal(smoothCurve(Array.from({ length: 10 }, (_, i) => i)).length, 9);
    assert.equal(smoothCurve([1, 2, 3, 4, 5, 6]).length, 0);
    assert.throws(() => smoothCurve([]), /x: expected a non-empty array/);
  });
});

/**
 * A scripted net for exact control: one parameter w; gradient −1 so SGD(lr 1)
 * adds 1 per iteration; validation accuracy 1 − |w − peak|/100, validation
 * loss |w − peak|. With trainSize = batch, iteration k ends epoch k + 1 with w = k + 1.
 */
class ScriptedNet implements Net {
  params: Params = { w: Matrix.zeros(1, 1) };
  nanAtW = Infinity;
  constructor(readonly xVal: Matrix, readonly peak: number) {}
  get w(): number {
    return this.params.w.data[0];
  }
  loss(x: Matrix, _t: Targets): number {
    if (this.w >= this.nanAtW) return NaN;
    return x === this.xVal ? Math.abs(this.w - this.peak) : 1;
  }
  accuracy(x: Matrix, _t: Targets): number {
    return x === this.xVal ? 1 - Math.abs(this.w - this.peak) / 100 : 0.5;
  }
  gradient(_x: Matrix, _t: Targets): Params {
    return { w: Matrix.full(1, 1, -1) };
  }
}

function scripted(peak: number) {
  const x = Matrix.zeros(4, 1), t = new Int32Array(4), xVal = Matrix.zeros(2, 1), tVal = new Int32Array(2);
  const net = new ScriptedNet(xVal, peak);
  const base = {
    network: net, xTrain: x, tTrain: t, xTest: x, tTest: t, miniBatchSize: 4, optimizer: new SGD({ lr: 1 }),
    rng: new RNG(0), validation: { x: xVal, t: tVal },
  };
  return { net, base };
}

describe("early stopping", () => {
  it("stops `patience` epochs after the best validation accuracy and restores the best weights", () => {
    const { net, base } = scripted(5);
    const r = new Trainer({ ...base, epochs: 20, earlyStopping: { patience: 3 } }).train();
    // best at epoch 5 (w = 5); epochs 6, 7, 8 do not improve → stop after epoch 8
    assert.equal(r.stoppedEarly, true);
    assert.equal(r.bestEpoch, 5);
    assert.equal(r.bestValue, 1);
    assert.equal(r.trainAccList.length, 8);
    assert.equal(r.valAccList.length, 8);
    assert.equal(r.iterations, 8);
    assert.equal(r.restoredBest, true);
    assert.equal(net.w, 5);
  });

  it("monitors validation loss (mode min), with restoreBest false keeping the last weights", () => {
    const { net, base } = scripted(3);
    const r = new Trainer({ ...base, epochs: 20, earlyStopping: { patience: 2, monitor: "valLoss", restoreBest: false } }).train();
    assert.equal(r.bestEpoch, 3);
    assert.equal(r.iterations, 5);
    assert.deepEqual(r.valLossList, [2, 1, 0, 1, 2]);
    assert.equal(r.restoredBest, false);
    assert.equal(net.w, 5);
  });

  it("does not stop while improving; restores the best (= last) at the end", () => {
    const { net, base } = scripted(100);
    const r = new Trainer({ ...base, epochs: 10, earlyStopping: { patience: 2 } }).train();
    assert.equal(r.stoppedEarly, false);
    assert.equal(r.bestEpoch, 10);
    assert.equal(net.w, 10);
  });

  it("minDelta: gains of 0.01 below minDelta 0.05 do not count", () => {
    const es = new EarlyStopping({ patience: 2, minDelta: 0.05 });
    const net = { params: { w: Matrix.zeros(1, 1) } };
    assert.equal(es.step(0.5, 1, net), false);
    assert.equal(es.step(0.51, 2, net), false);
    assert.equal(es.step(0.52, 3, net), true);
    assert.equal(es.bestEpoch, 1);
    assert.throws(() => new EarlyStopping({ patience: 0 }), /patience/);
  });

  it("snapshot/restore includes BatchNorm running statistics (predictions come back exactly)", () => {
    const m = loadMnist({ trainSize: 200, testSize: 50 });
    const net = new MultiLayerNetExtend({ inputSize: 784, hiddenSizeList: [30, 30], outputSize: 10, useBatchnorm: true, rng: new RNG(3) });
    const opt = new SGD({ lr: 0.1 });
    const step = () => opt.update(net.params, net.gradient(m.xTrain, m.tTrain));
    step();
    const before = net.predict(m.xTest).clone();
    const snap = snapshotNet(net);
    const W1 = net.params.W1;
    for (let i = 0; i < 3; i++) step();
    assert.ok(net.predict(m.xTest).data.some((v, i) => v !== before.data[i]));
    restoreNet(net, snap);
    assert.equal(net.params.W1, W1, "same Matrix object, values copied in");
    assert.deepEqual(net.predict(m.xTest).data, before.data);
  });
});

describe("Trainer on MNIST subsets (book's MultiLayerNet)", () => {
  const m = loadMnist({ trainSize: 300, testSize: 200 });
  const net = (seed: number) => new MultiLayerNet({ inputSize: 784, hiddenSizeList: [50], outputSize: 10, rng: new RNG(seed) });
  const trainer = (seed: number, extra: Partial<ConstructorParameters<typeof Trainer>[0]> = {}) =>
    new Trainer({
      network: net(1), xTrain: m.xTrain, tTrain: m.tTrain, xTest: m.xTest, tTest: m.tTest,
      epochs: 4, miniBatchSize: 100, optimizer: "SGD", optimizerParam: { lr: 0.1 }, rng: new RNG(seed), ...extra,
    });

  it("records the book's list lengths: loss per iteration, accuracies per epoch", () => {
    const events: TrainerEvent[] = [];
    const r = trainer(7, { onProgress: (e) => events.push(e) }).train();
    // iter_per_epoch = 300 / 100 = 3, max_iter = 4 · 3 = 12; epochs evaluated at iterations 0, 3, 6, 9
    assert.equal(r.maxIter, 12);
    assert.equal(r.iterations, 12);
    assert.equal(r.trainLossList.length, 12);
    assert.equal(r.trainAccList.length, 4);
    assert.equal(r.testAccList.length, 4);
    assert.deepEqual(events.filter((e) => e.kind === "epoch").map((e) => e.iter), [0, 3, 6, 9]);
    assert.equal(events.filter((e) => e.kind === "iteration").length, 12);
    assert.ok(r.trainLossList.every(Number.isFinite));
    assert.ok(r.finalTestAcc !== null && r.finalTestAcc > 0.5, `learns something: ${r.finalTestAcc}`);
    assert.equal(r.diverged, false);
  });

  it("fractional iter_per_epoch still gives one evaluation per epoch", () => {
    const events: number[] = [];
    const r = trainer(7, { xTrain: m.xTrain.reshape(300, 784), epochs: 3, miniBatchSize: 120,
      onProgress: (e) => e.kind === "epoch" && events.push(e.iter) }).train();
    // 300 / 120 = 2.5 → max_iter = int(7.5) = 7; evaluations at ⌊0⌋, ⌊2.5⌋, ⌊5⌋
    assert.equal(r.maxIter, 7);
    assert.deepEqual(events, [0, 2, 5]);
  });

  it("same seed → identical loss curve bit for bit; another seed → a different one", () => {
    const a = trainer(11).train().trainLossList;
    const b = trainer(11).train().trainLossList;
    const c = trainer(12).train().trainLossList;
    assert.deepEqual(a, b);
    assert.ok(a.every((v, i) => Object.is(v, b[i])));
    assert.notDeepEqual(a, c);
  });

  it("evaluateSampleNumPerEpoch uses the first n samples", () => {
    const full = trainer(5, { epochs: 1 });
    const part = trainer(5, { epochs: 1, evaluateSampleNumPerEpoch: 7 });
    const rf = full.train(), rp = part.train();
    assert.deepEqual(rf.trainLossList, rp.trainLossList);
    for (const acc of [...rp.trainAccList, ...rp.testAccList]) assert.ok(Number.isInteger(Math.round(acc * 7 * 1e9) / 1e9));
  });

  it("a diverging run stops, says so with the iteration, and keeps only finite losses", () => {
    // SGD lr 1000 with weight decay λ = 0.1: W ← (1 − 100)·W − …, so ‖W‖ and the loss explode
    const exploding = new MultiLayerNet({ inputSize: 784, hiddenSizeList: [20], outputSize: 10, weightDecayLambda: 0.1, rng: new RNG(1) });
    const r = trainer(2, { network: exploding, epochs: 200, optimizerParam: { lr: 1000 } }).train();
    assert.equal(r.diverged, true);
    assert.ok(r.divergedAt !== null && r.divergedAt > 0 && r.divergedAt < r.maxIter);
    assert.equal(r.trainLossList.length, r.divergedAt);
    assert.ok(r.trainLossList.every(Number.isFinite));
    assert.equal(r.iterations, r.divergedAt + 1);
    assert.equal(r.finalTestAcc, null);
  });

  it("divergence at an exact iteration (scripted net: loss NaN once w reaches 6)", () => {
    const { net, base } = scripted(0);
    net.nanAtW = 6;
    const r = new Trainer({ ...base, epochs: 20 }).train();
    assert.equal(r.divergedAt, 5);
    assert.equal(r.trainLossList.length, 5);
    assert.equal(r.trainAccList.length, 5);
  });

  it("checks its arguments", () => {
    const ok = { network: net(1), xTrain: m.xTrain, tTrain: m.tTrain, xTest: m.xTest, tTest: m.tTest, rng: new RNG(1) };
    assert.throws(() => new Trainer({ ...ok, rng: undefined as never }), (e: unknown) => e instanceof ArgumentError && e.argument === "rng");
    assert.throws(() => new Trainer({ ...ok, tTrain: m.tTrain.subarray(0, 10) }), /tTrain: expected shape 300 labels/);
    assert.throws(() => new Trainer({ ...ok, optimizer: "adamax" }), /name: expected one of sgd/);
    assert.throws(() => new Trainer({ ...ok, optimizerParam: { lr: -1 } }), /lr: expected a finite number > 0/);
    assert.throws(() => new Trainer({ ...ok, optimizer: new SGD(), optimizerParam: { lr: 1 } }), /optimizerParam/);
    assert.throws(() => new Trainer({ ...ok, epochs: 0 }), /epochs/);
    assert.throws(() => new Trainer({ ...ok, earlyStopping: { patience: 3 } }), /validation/);
    assert.throws(() => new Trainer({ ...ok, network: {} as never }), /network/);
  });
});
