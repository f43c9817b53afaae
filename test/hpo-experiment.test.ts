import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli, compareSamplers, runHpoStudy } from "../src/experiments/search/hpo";
import { hpoData, hpoSettings } from "../src/experiments/search/settings";
import { hpoObjective } from "../src/experiments/search/objective";

const root = path.join(__dirname, "..");
const exp = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "hpo", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ZEROKARA_BUDGET: "fast" },
  });

test("CLI: npm run exp -- hpo --sampler grid --trials 4 --json prints the study", () => {
  const r = exp("--sampler", "grid", "--trials", "4", "--seed", "3", "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.budget, "fast");
  assert.equal(out.seed, 3);
  assert.equal(out.trials.length, 4, "a 2 × 2 grid");
  for (const t of out.trials) {
    assert.deepEqual(Object.keys(t.params).sort(), ["lr", "weightDecay"]);
    assert.ok(t.state === "complete" || t.state === "failed");
    if (t.state === "complete") assert.ok(t.score >= 0 && t.score <= 1);
  }
  const lrs = new Set(out.trials.map((t: { params: { lr: number } }) => t.params.lr.toPrecision(8)));
  assert.equal(lrs.size, 2);
  const best = Math.max(...out.trials.filter((t: { state: string }) => t.state === "complete").map((t: { score: number }) => t.score));
  assert.equal(out.best.score, best);
});

test("CLI: a bad search space fails with a clear message before any trial", () => {
  const r = exp("--sampler", "random", "--trials", "2", "--space", '{"lr":{"low":0.1,"high":0.01,"log":true}}', "--json");
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /space\.lr: expected low < high/);
  assert.equal(r.stdout, "");
});

test("bad search spaces and options are refused before any data is loaded or trial runs", async () => {
  let trials = 0;
  const run = (space: unknown, extra: Record<string, unknown> = {}) =>
    runHpoStudy({ sampler: "random", nTrials: 2, budget: "fast", space: space as never, onTrial: () => void trials++, onMessage: () => {}, ...extra });
  await assert.rejects(run({ lr: { low: 0, high: 0.01, log: true } }), /space\.lr\.low: expected a number > 0 on a log scale/);
  await assert.rejects(run({ momentum: { low: 0.5, high: 0.9 } }), /unknown parameter.*"momentum"/);
  await assert.rejects(run({ lr: { low: 1e-3, high: 1e-3 } }), /space\.lr: expected low < high/);
  await assert.rejects(run(undefined, { sampler: "tpe" }), /sampler: expected one of random, grid, bayes/);
  await assert.rejects(cli.run({ sampler: "random", space: "{lr:" }) as Promise<unknown>, /--space: expected a JSON object/);
  assert.equal(trials, 0);
});

test("a diverging learning rate is a failed trial with its reason; the study goes on", async () => {
  const r = await runHpoStudy({
    sampler: "random",
    nTrials: 2,
    budget: "fast",
    // lr·λ ≫ 2: the weight-decay step W ← (1 − lr·λ)W overshoots and |W| blows up to Inf
    space: { lr: { low: 10, high: 100, log: true }, weightDecay: { low: 1, high: 10, log: true } },
    onMessage: () => {},
  });
  assert.equal(r.trials.length, 2);
  for (const t of r.trials) {
    assert.equal(t.state, "failed");
    assert.match(t.reason!, /loss became NaN\/Inf at iteration \d+/);
  }
  assert.equal(r.best, null);
});

test("studies resume from their log; the comparison reuses a study with the same settings", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zk-hpo-"));
  const settings = hpoSettings("fast");
  const data = hpoData(settings);
  const storage = path.join(dir, "fast-random-n3-seed0.jsonl");
  const first = await runHpoStudy({ sampler: "random", nTrials: 3, seed: 0, budget: "fast", storage, data, onMessage: () => {} });
  assert.equal(first.trials.length, 3);
  assert.ok(first.trials.every((t) => t.curves!.valAcc.length === settings.epochs && t.curves!.trainAcc.length === settings.epochs));
  let ran = 0;
  const cmp = await compareSamplers({
    budget: "fast",
    nTrials: 3,
    seeds: [0],
    samplers: ["random"],
    storageDir: dir,
    dataFor: () => data,
    onTrial: (_s, _seed, _t, resumed) => {
      if (!resumed) ran++;
    },
    onMessage: () => {},
  });
  assert.equal(ran, 0, "seed 0 came from the log");
  assert.deepEqual(cmp.groups[0].runs[0].map((t) => t.score), first.trials.map((t) => t.score));
  // a FULL-budget run must not resume a FAST log
  await assert.rejects(runHpoStudy({ sampler: "random", nTrials: 3, seed: 0, budget: "full", storage, data, onMessage: () => {} }), /other settings \(budget: stored "fast", this run "full"/);
});

test("objective: same seed → same curves (deterministic training)", () => {
  const s = hpoSettings("fast");
  const data = hpoData(s);
  const f = hpoObjective(s, data);
  const a = f({ lr: 1e-2, weightDecay: 1e-6 }, { number: 0, seed: 5 });
  const b = f({ lr: 1e-2, weightDecay: 1e-6 }, { number: 0, seed: 5 });
  assert.deepEqual(a, b);
  assert.equal(data.xTrain.rows, 400);
  assert.equal(data.xVal.rows, 100);
});

test("each study seed has its own validation split (like the book's unseeded shuffle); the same seed, the same split", () => {
  const s = hpoSettings("fast");
  const a = hpoData(s, 0), b = hpoData(s, 1), a2 = hpoData(s, 0);
  assert.deepEqual(Array.from(a.tVal), Array.from(a2.tVal));
  assert.notDeepEqual(Array.from(a.tVal), Array.from(b.tVal));
  // the split is a partition of the same 500 images, whatever the seed
  const count = (d: typeof a) => d.xTrain.rows + d.xVal.rows;
  assert.equal(count(a), 500);
  assert.equal(count(b), 500);
});
