/**
 * src/viz/dataframe.ts: danfojs DataFrames for trials (like Optuna's
 * trials_dataframe), seed aggregation and describe(), rendered by table().
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FrozenTrial } from "../src/search/trial";
import { describeColumns, seedSummary, trialsDataFrame } from "../src/viz/dataframe";
import { tableData } from "../src/viz/table";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const toJSON = (df: unknown) => (require("danfojs-node") as { toJSON(d: unknown): Record<string, unknown>[] }).toJSON(df);

const trial = (number: number, score: number | null, lr: number): FrozenTrial => ({
  number, state: score === null ? "failed" : "complete", params: { lr, weightDecay: lr / 10 }, seed: 100 + number, score, durationMs: 1234.5,
  ...(score === null ? { reason: "loss became NaN" } : {}),
});

describe("trialsDataFrame (Optuna's trials_dataframe)", () => {
  it("one row per trial in trial order, params_<name> columns, failed trials kept with value null", () => {
    const df = trialsDataFrame([trial(2, 0.5, 1e-3), trial(0, 0.8, 1e-2), trial(1, null, 1)]);
    assert.deepEqual(df.columns, ["number", "value", "params_lr", "params_weightDecay", "state", "duration_s", "seed"]);
    const rows = toJSON(df);
    assert.deepEqual(rows.map((r) => r.number), [0, 1, 2]);
    assert.deepEqual(rows.map((r) => r.value), [0.8, null, 0.5]);
    assert.deepEqual(rows[2], { number: 2, value: 0.5, params_lr: 1e-3, params_weightDecay: 1e-4, state: "complete", duration_s: 1.235, seed: 102 });
    assert.equal(rows[1].state, "failed");
    assert.equal(tableData(df).cells.length, 3);
    assert.throws(() => trialsDataFrame([]), /trials/);
  });
});

describe("seedSummary (groupby → mean / min / max)", () => {
  it("one row per group with <v>_mean, <v>_min, <v>_max", () => {
    const rows = [
      { optimizer: "SGD", seed: 0, acc: 0.5 }, { optimizer: "SGD", seed: 1, acc: 0.7 },
      { optimizer: "Adam", seed: 0, acc: 0.9 }, { optimizer: "Adam", seed: 1, acc: 0.96 },
    ];
    const df = seedSummary(rows, "optimizer", ["acc"]);
    assert.deepEqual(df.columns, ["optimizer", "acc_mean", "acc_min", "acc_max"]);
    const out = Object.fromEntries(toJSON(df).map((r) => [r.optimizer, r]));
    assert.ok(Math.abs((out.SGD.acc_mean as number) - 0.6) < 1e-12);
    assert.deepEqual([out.Adam.acc_min, out.Adam.acc_max], [0.9, 0.96]);
    assert.throws(() => seedSummary(rows, "optimizer", ["loss"]), /column "loss"/);
  });
});

describe("describeColumns (describe())", () => {
  it("count, mean, std, min, median, max, variance per column", () => {
    const df = describeColumns({ a: [1, 2, 3, 4], b: Float64Array.from([0, 0, 0, 8]) });
    assert.deepEqual(df.index, ["count", "mean", "std", "min", "median", "max", "variance"]);
    const rows = toJSON(df);
    assert.deepEqual(rows.map((r) => r.a), [4, 2.5, rows[2].a, 1, 2.5, 4, rows[6].a]);
    assert.ok(Math.abs((rows[6].a as number) - 5 / 3) < 1e-9, "variance with n − 1 like pandas");
    assert.equal(rows[1].b, 2);
    assert.throws(() => describeColumns({ a: [1, 2], b: [1] }), /columns\["b"\]/);
  });
});
