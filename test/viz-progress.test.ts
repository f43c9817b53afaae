import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatProgress, progress } from "../src/viz/progress";

function fakeClock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("progress", () => {
  it("formats like the book's loop report", () => {
    assert.equal(formatProgress("Adam", 1200, 2000, "iterations", { loss: 0.3123 }, 14.2), "Adam 1200/2000 iterations, loss 0.31, 14 s");
    assert.equal(formatProgress("", 3, 10, "", { acc: 97.25, note: "ok" }, 0), "3/10, acc 97.3, note ok, 0 s");
  });

  it("throttles updates, always prints the final line", () => {
    const clock = fakeClock();
    const lines: Array<[string, boolean]> = [];
    const p = progress("SGD", 100, { sink: (l, f) => lines.push([l, f]), now: clock.now, intervalMs: 250 });
    for (let i = 1; i <= 100; i++) {
      clock.advance(10); // 100 updates over one second → about 4 lines
      p.update(i, { loss: 1 / i });
    }
    p.done();
    p.done();
    p.update(5);
    assert.ok(lines.length >= 4 && lines.length <= 6, `${lines.length} lines`);
    assert.deepEqual(lines.map(([, f]) => f).filter(Boolean), [true]);
    assert.equal(lines.at(-1)![0], "SGD 100/100 iterations, loss 0.01, 1 s");
  });

  it("done() counts up to total and may replace the fields", () => {
    const lines: string[] = [];
    const p = progress("run", 10, { sink: (l) => lines.push(l), now: () => 0, unit: "epochs" });
    p.update(3);
    p.done({ acc: 0.9 });
    assert.equal(lines.at(-1), "run 10/10 epochs, acc 0.9, 0 s");
  });

  it("outside a kernel writes to stderr, not stdout", (t) => {
    const err = t.mock.method(process.stderr, "write", () => true);
    const out = t.mock.method(process.stdout, "write", () => true);
    const p = progress("x", 2, { intervalMs: 0 });
    p.update(1);
    p.done();
    const n = err.mock.callCount();
    t.mock.restoreAll();
    assert.equal(n, 2);
    assert.equal(out.mock.callCount(), 0);
  });

  it("bad arguments", () => {
    assert.throws(() => progress("x", -1), /total: expected an integer >= 0/);
    assert.throws(() => progress("x", 1.5), /total/);
    assert.throws(() => progress(3 as never, 1), /label/);
  });
});
