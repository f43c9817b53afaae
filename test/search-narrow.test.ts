import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { narrowSpace } from "../src/search/narrow";
import type { FrozenTrial } from "../src/search/trial";

const trial = (number: number, lr: number, wd: number, score: number | null): FrozenTrial =>
  ({ number, state: score === null ? "failed" : "complete", params: { lr, wd }, seed: 0, score, durationMs: 0 });

describe("coarse-to-fine: narrowSpace", () => {
  const space = { lr: { low: 1e-6, high: 1e-2, log: true }, wd: { low: 0, high: 1 } };
  const trials = [
    trial(0, 1e-3, 0.5, 0.8), trial(1, 1e-2, 0.1, 0.9), trial(2, 1e-6, 0.9, 0.1), trial(3, 1e-4, 0.3, 0.85), trial(4, 5e-3, 0.2, null),
  ];
  it("keeps the range of the top-k trials (log axis for lr), widened by margin × the original axis", () => {
    const n = narrowSpace(space, trials, { top: 3, margin: 0 });
    // top 3 by score: lr 1e-2, 1e-4, 1e-3 → [1e-4, 1e-2]; wd 0.1, 0.3, 0.5 → [0.1, 0.5]
    assert.ok(Math.abs(n.lr.low - 1e-4) < 1e-16 && Math.abs(n.lr.high - 1e-2) < 1e-15);
    assert.equal(n.lr.log, true);
    assert.deepEqual([n.wd.low, n.wd.high], [0.1, 0.5]);
    const m = narrowSpace(space, trials, { top: 3, margin: 0.25 });
    // lr axis is 4 decades: 0.25 → one decade below 1e-4, clipped at 1e-2 above
    assert.ok(Math.abs(m.lr.low - 1e-5) < 1e-17 && Math.abs(m.lr.high - 1e-2) < 1e-15);
    assert.ok(Math.abs(m.wd.low - 0) < 1e-15 && Math.abs(m.wd.high - 0.75) < 1e-15);
  });
  it("failed trials are ignored; too few complete trials is an error", () => {
    assert.throws(() => narrowSpace(space, trials, { top: 5 }), /at least 5/);
    assert.throws(() => narrowSpace(space, trials, { margin: 1 }), /margin/);
  });
});
