/**
 * trainSideBySide (src/train/side-by-side.ts): several nets on the same mini-batches,
 * the loss after each update, and a divergence that stops one net and not the others.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { gatherRows } from "../src/core/ops";
import { MultiLayerNet } from "../src/nn";
import { SGD } from "../src/optim/sgd";
import { MiniBatch, trainSideBySide } from "../src/train";

function data(n: number, seed: number): { x: Matrix; t: Int32Array } {
  const rng = new RNG(seed);
  const x = Matrix.randn(n, 6, rng);
  const t = Int32Array.from({ length: n }, (_, i) => (x.data[i * 6] + x.data[i * 6 + 1] > 0 ? 1 : 0));
  return { x, t };
}
const net = (seed: number) => new MultiLayerNet({ inputSize: 6, hiddenSizeList: [8], outputSize: 2, rng: new RNG(seed) });

describe("trainSideBySide", () => {
  it("equals a hand-written loop: one batch per iteration for every net, loss after the update", () => {
    const { x, t } = data(40, 1);
    const a = [net(2), net(3)];
    const curves = trainSideBySide({
      batch: new MiniBatch(x, t, 8), rng: new RNG(5), iterations: 12,
      runs: a.map((network) => ({ network, optimizer: new SGD({ lr: 0.1 }) })),
    });
    const b = [net(2), net(3)], rng = new RNG(5), sgd = new SGD({ lr: 0.1 });
    for (let i = 0; i < 12; i++) {
      const mask = rng.choice(40, 8);
      const xb = gatherRows(x, mask), tb = Int32Array.from(mask, (k) => t[k]);
      b.forEach((n, k) => {
        sgd.update(n.params, n.gradient(xb, tb));
        assert.equal(curves[k].loss[i], n.loss(xb, tb), `net ${k} iteration ${i}`);
      });
    }
    assert.deepEqual(Array.from(a[1].params.W1.data), Array.from(b[1].params.W1.data));
    assert.deepEqual(curves.map((c) => c.divergedAt), [null, null]);
  });

  it("a net whose loss becomes NaN stops there (divergedAt, NaN losses after) while the others go on", () => {
    const { x, t } = data(40, 1);
    const seen: number[][] = [];
    const curves = trainSideBySide({
      batch: new MiniBatch(x, t, 8), rng: new RNG(5), iterations: 10,
      runs: [{ network: net(2), optimizer: new SGD({ lr: 1e200 }) }, { network: net(2), optimizer: new SGD({ lr: 0.1 }) }],
      onIteration: (_i, losses) => seen.push([...losses]),
    });
    const d = curves[0].divergedAt;
    assert.ok(d !== null && d < 10, `divergedAt ${d}`);
    assert.match(curves[0].divergence!.message, new RegExp(`iteration ${d}`));
    assert.ok(curves[0].loss.slice(d!).every(Number.isNaN));
    assert.ok(curves[0].loss.slice(0, d!).every(Number.isFinite));
    assert.equal(curves[1].divergedAt, null);
    assert.ok(curves[1].loss.every(Number.isFinite));
    assert.equal(seen.length, 10);
    assert.equal(seen[9][1], curves[1].loss[9]);
  });

  it("rejects a bad iteration count with its name", () => {
    const { x, t } = data(10, 1);
    assert.throws(() => trainSideBySide({ batch: new MiniBatch(x, t, 2), rng: new RNG(0), iterations: 0, runs: [] }), /iterations/);
  });
});
