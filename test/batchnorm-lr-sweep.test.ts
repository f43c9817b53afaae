import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bnLrSweep } from "../src/experiments/batchnorm/lr-sweep";
import { bnSweepFigure, bnSweepInfo } from "../src/viz/batchnorm/lr-sweep-figure";

describe("BN tolerates a larger learning rate (seed 0, book's BN setting, He)", () => {
  it("lr = 1: without BN the net does not learn; with BN it does", () => {
    const r = bnLrSweep({ budget: "fast", lrs: [0.1, 1], epochs: 8 });
    const [p01, p1] = r.points;
    assert.ok(p01.withoutBN[0] > 0.8 && p01.withBN[0] > 0.8, "both learn at 0.1");
    assert.ok(p1.withoutBN[0] < 0.3, `without BN at lr 1: ${p1.withoutBN[0]}`);
    assert.ok(p1.withBN[0] > 0.9, `with BN at lr 1: ${p1.withBN[0]}`);
    const lines = bnSweepInfo(r.points);
    assert.deepEqual(lines[0].lr, [0.1, 1]);
    assert.equal(lines[1].mean[1], p1.withoutBN[0]);
    assert.equal(bnSweepFigure(lines, r.updates, 1).data.length, 2);
    assert.throws(() => bnLrSweep({ lrs: [] }), /lrs/);
  });
});
