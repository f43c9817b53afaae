/**
 * Book-scale records (src/records): parallel worker processes give exactly the
 * result of one sequential call of the experiment function; the committed
 * FULL records carry their provenance and are reproduced by a re-run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import { getBackend } from "../src/core/index";
import { compareOptimizersMnist } from "../src/experiments/optimizers/mnist";
import { batchNormGrid } from "../src/experiments/batchnorm/grid";
import { batchNormEvaluation } from "../src/experiments/batchnorm/evaluation";
import { clearOverfitMemo, overfitSeries } from "../src/experiments/regularization/overfit-seeds";
import { weightDecaySweep, dropoutSweep } from "../src/experiments/regularization/sweep";
import { earlyStoppingComparison } from "../src/experiments/regularization/early-stopping";
import { regularizationSummary } from "../src/experiments/regularization/summary";
import { compareSamplers } from "../src/experiments/search/hpo";
import { RECORD_ITEMS, recordItem } from "../src/records/items";
import { runItems } from "../src/records/pool";
import { diffResults, fromJson, loadRecord, recordPath, toJson, decode, encode } from "../src/records/record";

/** The JSON round trip a record goes through (NaN kept, typed arrays dropped). */
const viaJson = (v: unknown): unknown => fromJson(toJson(v));

async function parallel(name: string): Promise<unknown> {
  const [run] = await runItems([recordItem(name)], { budget: "fast", jobs: 2, unitDir: null });
  return viaJson(run.results);
}

function assertSame(name: string, parallelResult: unknown, sequential: unknown): void {
  const diffs = diffResults(viaJson(sequential), parallelResult);
  assert.deepEqual(diffs, [], `${name}: parallel units differ from one sequential call`);
}

test("NaN and ±∞ survive the record's JSON; typed arrays are dropped", () => {
  const v = { a: NaN, b: [Infinity, -Infinity, 1.5], c: new Float64Array(3) };
  const back = fromJson<{ a: number; b: number[]; c?: unknown }>(toJson(v));
  assert.ok(Number.isNaN(back.a));
  assert.deepEqual(back.b, [Infinity, -Infinity, 1.5]);
  assert.equal(back.c, undefined);
  assert.equal(encode("", 0.1), 0.1);
  assert.deepEqual(decode("", { $num: "x", other: 1 }), { $num: "x", other: 1 });
});

test("diffResults: bit for bit by default, timing keys ignored, tolerance relative", () => {
  assert.deepEqual(diffResults({ a: [1, 2], seconds: 3 }, { a: [1, 2], seconds: 9 }), []);
  assert.equal(diffResults({ a: 0.1 + 0.2 }, { a: 0.3 }).length, 1);
  assert.deepEqual(diffResults({ a: 0.1 + 0.2 }, { a: 0.3 }, 1e-12), []);
  assert.equal(diffResults({ a: [1] }, { a: [1, 2] })[0].path, ".a.length");
});

test("optimizers-mnist: one worker per optimizer = one sequential run", async () => {
  assertSame("optimizers-mnist", await parallel("optimizers-mnist"), compareOptimizersMnist({ budget: "fast" }));
});

test("batchnorm-grid: one worker per weight scale = one sequential run", async () => {
  assertSame("batchnorm-grid", await parallel("batchnorm-grid"), batchNormGrid({ budget: "fast", seed: 0 }));
});

test("batchnorm-evaluation: one worker per initial value = one sequential run", async () => {
  assertSame("batchnorm-evaluation", await parallel("batchnorm-evaluation"), batchNormEvaluation({ budget: "fast", seed: 0 }));
});

test("regularization: one worker per (configuration, seed) = the notebook's sequential calls", async () => {
  const got = await parallel("regularization");
  clearOverfitMemo();
  const opts = { budget: "fast" as const, seed: 0 };
  const sequential = {
    none: overfitSeries("none", "正則化なし", {}, opts),
    weightDecaySweep: weightDecaySweep(opts),
    dropoutSweep: dropoutSweep(opts),
    earlyStopping: earlyStoppingComparison(opts),
    summary: regularizationSummary(opts),
  };
  clearOverfitMemo();
  assertSame("regularization", got, sequential);
});

test("hpo: one worker per (sampler, seed) study = compareSamplers", async () => {
  assertSame("hpo", await parallel("hpo"), await compareSamplers({ budget: "fast", onMessage: () => {} }));
});

test("every record item has a committed FULL record with its provenance", () => {
  for (const item of RECORD_ITEMS) {
    assert.ok(fs.existsSync(recordPath(item.name)), `data/results/${item.name}.json is missing: npm run record -- --only ${item.name}`);
    const rec = loadRecord(item.name);
    assert.equal(rec.budget, "full");
    assert.equal(rec.notebook, item.notebook);
    assert.deepEqual(rec.seeds, item.seeds("full"));
    assert.deepEqual(viaJson(rec.inputs), viaJson(item.inputs("full")), `${item.name}: the record's inputs are not today's FULL settings: re-record it`);
    assert.match(rec.provenance.commit, /^[0-9a-f]{40}$/);
    assert.ok(rec.provenance.wallSeconds > 0 && rec.provenance.cpuSeconds > 0);
    assert.ok(["blas", "wasm", "js"].includes(rec.provenance.backend));
    assert.equal(rec.provenance.units, item.units("full").length);
  }
});

/*
 * The cheapest FULL item, re-run: the gradient check of the book's 100-100 BN
 * net with a batch of 2 (≈ 15 s of CPU). With the GEMM backend and CPU kernel
 * of the record, the numbers must be identical bit for bit. With another
 * backend the summation order inside GEMM changes the loss by a few ulps
 * (~1e-16 relative); the numerical gradient divides loss differences by
 * 2h = 2e-4, so each numerical derivative may move by ~1e-12 in absolute
 * terms, and the compared quantities (mean |analytic − numerical| ≥ 1e-13,
 * relative errors built from them) by well under 1e-3 of their size: the
 * fallback tolerance is 1e-3 relative.
 */
test("a re-run at FULL reproduces the committed record (batchnorm-gradcheck, batch 2)", async () => {
  const rec = loadRecord<{ batch2: unknown }>("batchnorm-gradcheck");
  const item = recordItem("batchnorm-gradcheck");
  const now = viaJson(await item.runUnit({ batch: 2 }, "full"));
  const b = getBackend();
  const sameKernel = rec.provenance.backend === b.name && rec.provenance.backendDetail === b.description;
  const diffs = diffResults(rec.results.batch2, now, sameKernel ? 0 : 1e-3);
  assert.deepEqual(diffs, [], sameKernel ? "same backend and kernel: must be bit for bit" : `backend ${rec.provenance.backend} → ${b.name}: within 1e-3 relative`);
});
