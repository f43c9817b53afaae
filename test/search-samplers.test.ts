import { test } from "node:test";
import assert from "node:assert/strict";
import { BayesSampler } from "../src/search/bayes-sampler";
import { GridSampler, gridShape, gridUnitPoints } from "../src/search/grid-sampler";
import { RandomSampler } from "../src/search/random-sampler";
import { deriveSeed } from "../src/search/sampler";
import { fromUnit, SearchSpace, toUnit, validateSearchSpace } from "../src/search/space";
import { optimize } from "../src/search/study";

const bookSpace: SearchSpace = {
  lr: { low: 1e-6, high: 1e-2, log: true },
  weightDecay: { low: 1e-8, high: 1e-4, log: true },
};

test("space: log scale maps orders of magnitude linearly onto [0, 1]", () => {
  const u = toUnit(bookSpace, { lr: 1e-4, weightDecay: 1e-8 });
  assert.ok(Math.abs(u[0] - 0.5) < 1e-12 && Math.abs(u[1]) < 1e-12);
  const p = fromUnit(bookSpace, [0.25, 1]);
  assert.ok(Math.abs(Math.log10(p.lr) + 5) < 1e-12 && Math.abs(p.weightDecay - 1e-4) < 1e-16);
  const lin = fromUnit({ x: { low: -1, high: 3 } }, [0.5]);
  assert.equal(lin.x, 1);
});

test("space: bad spaces are refused with the argument named", () => {
  assert.throws(() => validateSearchSpace({ lr: { low: 1e-2, high: 1e-6, log: true } }), /space\.lr: expected low < high/);
  assert.throws(() => validateSearchSpace({ lr: { low: 1, high: 1 } }), /space\.lr: expected low < high/);
  assert.throws(() => validateSearchSpace({ lr: { low: 0, high: 1, log: true } }), /space\.lr\.low: expected a number > 0 on a log scale/);
  assert.throws(() => validateSearchSpace({ lr: { low: -1, high: 1, log: true } }), /log scale/);
  assert.throws(() => validateSearchSpace({ momentum: { low: 0, high: 1 } }, ["lr", "weightDecay"]), /unknown parameter.*"momentum"/);
  assert.throws(() => validateSearchSpace({ lr: { low: 0, high: 1, step: 0.1 } }), /space\.lr: expected only the keys/);
  assert.throws(() => validateSearchSpace({ lr: { low: "0", high: 1 } }), /space\.lr\.low: expected a finite number/);
  assert.throws(() => validateSearchSpace({}), /space: expected at least one parameter/);
});

test("bad spaces fail before any trial runs", async () => {
  let calls = 0;
  await assert.rejects(
    optimize({
      space: { lr: { low: 0, high: 1e-2, log: true } },
      sampler: new RandomSampler(),
      objective: () => ++calls,
      nTrials: 3,
      seed: 0,
    }),
    /log scale/,
  );
  assert.equal(calls, 0);
});

test("random sampler: deterministic per (seed, trial), log-uniform like 10^U(−6, −2)", () => {
  const s = new RandomSampler();
  const draw = (seed: number, n: number) => s.sample({ space: bookSpace, trials: [], number: n, seed });
  assert.deepEqual(draw(3, 5), draw(3, 5));
  assert.notDeepEqual(draw(3, 5), draw(3, 6));
  assert.notDeepEqual(draw(3, 5), draw(4, 5));
  const exps = Array.from({ length: 2000 }, (_, n) => Math.log10(draw(1, n).lr));
  assert.ok(exps.every((e) => e >= -6 && e < -2));
  const perDecade = [-6, -5, -4, -3].map((lo) => exps.filter((e) => e >= lo && e < lo + 1).length);
  for (const c of perDecade) assert.ok(c > 400 && c < 600, `each decade gets about a quarter: ${perDecade}`);
  assert.notEqual(deriveSeed(1, 2), deriveSeed(2, 1));
});

test("grid: the budget decides the shape; points at cell centres, visited once in a seeded order", () => {
  assert.deepEqual(gridShape(100, 2), [10, 10]);
  assert.deepEqual(gridShape(9, 2), [3, 3]);
  assert.deepEqual(gridShape(12, 2), [4, 3]);
  assert.deepEqual(gridShape(10, 2), [3, 3]);
  assert.deepEqual(gridShape(27, 3), [3, 3, 3]);
  assert.deepEqual(gridUnitPoints([2, 2]), [[0.25, 0.25], [0.25, 0.75], [0.75, 0.25], [0.75, 0.75]]);
  const g = new GridSampler({ nTrials: 9 });
  const seen = new Set<string>();
  for (let n = 0; n < 9; n++) {
    const p = g.sample({ space: bookSpace, trials: [], number: n, seed: 0 })!;
    seen.add(`${Math.log10(p.lr).toFixed(6)},${Math.log10(p.weightDecay).toFixed(6)}`);
  }
  assert.equal(seen.size, 9);
  const lrs = new Set([...seen].map((k) => k.split(",")[0]));
  assert.deepEqual([...lrs].map(Number).sort((a, b) => a - b), [-6 + 4 / 6, -4, -2 - 4 / 6].map((v) => Number(v.toFixed(6))));
  assert.equal(g.sample({ space: bookSpace, trials: [], number: 9, seed: 0 }), undefined, "exhausted");
  assert.throws(() => new GridSampler({}), /options: expected nTrials/);
  assert.throws(() => new GridSampler({ shape: [3] }).sample({ space: bookSpace, trials: [], number: 0, seed: 0 }), /shape: expected 2 axes/);
});

test("a grid study stops when its grid is exhausted", async () => {
  const r = await optimize({ space: bookSpace, sampler: new GridSampler({ nTrials: 10 }), objective: () => 0.5, nTrials: 10, seed: 0 });
  assert.equal(r.trials.length, 9);
});

// Branin (negated, to maximise): known maximum −0.397887 at three points.
const branin = (p: Record<string, number>): number => {
  const { x, y } = p;
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return -((y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * Math.cos(x) + 10);
};
const braninSpace: SearchSpace = { x: { low: -5, high: 10 }, y: { low: 0, high: 15 } };

test("BO (GP + EI) beats random search on Branin at 20 trials on most seeds", async () => {
  const seeds = [0, 1, 2, 3, 4, 5];
  let wins = 0;
  let boGap = 0;
  for (const seed of seeds) {
    const common = { space: braninSpace, objective: branin, nTrials: 20, seed, onMessage: () => {} };
    const rnd = await optimize({ ...common, sampler: new RandomSampler() });
    const bo = await optimize({ ...common, sampler: new BayesSampler() });
    if ((bo.best!.score as number) > (rnd.best!.score as number)) wins++;
    boGap += -0.397887 - (bo.best!.score as number);
  }
  assert.ok(wins >= 5, `BO won on ${wins}/${seeds.length} seeds`);
  assert.ok(boGap / seeds.length < 0.5, `BO gets close to the optimum (mean gap ${boGap / seeds.length})`);
});

test("BO: first nInitial trials equal random search's; later proposals are deterministic", async () => {
  const common = { space: braninSpace, objective: branin, nTrials: 8, seed: 11, onMessage: () => {} };
  const rnd = await optimize({ ...common, sampler: new RandomSampler() });
  const bo1 = await optimize({ ...common, sampler: new BayesSampler({ nInitial: 4, acquisition: "ucb" }) });
  const bo2 = await optimize({ ...common, sampler: new BayesSampler({ nInitial: 4, acquisition: "ucb" }) });
  assert.deepEqual(bo1.trials.slice(0, 4).map((t) => t.params), rnd.trials.slice(0, 4).map((t) => t.params));
  assert.deepEqual(bo1.trials.map((t) => t.params), bo2.trials.map((t) => t.params));
  assert.throws(() => new BayesSampler({ acquisition: "foo" as never }), /acquisition/);
  assert.throws(() => new BayesSampler({ nInitial: 0 }), /nInitial: expected an integer >= 1/);
});

test("BO keeps going after failed trials and steers away from the region that failed", async () => {
  // everything with x > 0.6 "diverges"
  const objective = (p: Record<string, number>) => (p.x > 0.6 ? { failed: "loss became NaN" } : -((p.x - 0.5) ** 2) - (p.y - 0.5) ** 2);
  const r = await optimize({
    space: { x: { low: 0, high: 1 }, y: { low: 0, high: 1 } },
    sampler: new BayesSampler({ nInitial: 6 }),
    objective,
    nTrials: 18,
    seed: 2,
  });
  assert.equal(r.trials.length, 18);
  const failed = r.trials.filter((t) => t.state === "failed");
  assert.ok(failed.every((t) => t.reason === "loss became NaN" && t.score === null));
  assert.ok((r.best!.score as number) > -0.01, `best ${r.best!.score}`);
});
