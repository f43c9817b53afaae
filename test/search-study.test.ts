import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RandomSampler } from "../src/search/random-sampler";
import { optimize } from "../src/search/study";
import { loadStudyLog } from "../src/search/study-log";
import { bestSoFar, bestTrial, FrozenTrial } from "../src/search/trial";
import { fakeScore, fixtureSpace, studyFixture } from "./search-study-fixture";

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "zk-study-"));
const trialLines = (file: string): string[] =>
  fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((l) => l.includes('"kind":"trial"')) : [];
const essence = (ts: readonly FrozenTrial[]) => ts.map((t) => ({ number: t.number, params: t.params, score: t.score, seed: t.seed }));

test("every finished trial is on disk as one JSON line as soon as it finishes", async () => {
  const file = path.join(tmp(), "study.jsonl");
  const linesSeen: number[] = [];
  const r = await optimize({
    ...studyFixture(),
    storage: file,
    objective: (p, t) => ({ score: fakeScore(p, t.seed), curves: { valAcc: [0.1, fakeScore(p, t.seed)] } }),
    onTrial: (t, info) => {
      if (!info.resumed) linesSeen.push(trialLines(file).length);
    },
  });
  assert.deepEqual(linesSeen, Array.from({ length: 12 }, (_, i) => i + 1));
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines[0].kind, "study");
  assert.equal(lines.length, 13);
  const t3 = lines[4];
  assert.deepEqual(Object.keys(t3).sort(), ["curves", "durationMs", "finishedAt", "kind", "number", "params", "samplerMs", "score", "seed", "state"]);
  assert.deepEqual(essence(loadStudyLog(file).trials), essence(r.trials));
  assert.equal(r.best, bestTrial(r.trials));
});

test("a killed study resumes from its log without redoing finished trials", async () => {
  const dir = tmp();
  const file = path.join(dir, "study.jsonl");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "search-study-child.ts"), file, "150"], {
    stdio: "ignore",
    cwd: path.join(__dirname, ".."),
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  // wait until at least 4 trials are on disk, then kill mid-trial
  const deadline = Date.now() + 60_000;
  while (trialLines(file).length < 4) {
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the child never wrote 4 trials");
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 60)); // into the next trial's sleep
  child.kill("SIGKILL");
  assert.equal(await exited, "SIGKILL");

  const before = loadStudyLog(file);
  const k = before.trials.length;
  assert.ok(k >= 4 && k < 12, `killed after ${k} trials`);
  assert.deepEqual(before.warnings, []);

  let calls = 0;
  const fx = studyFixture();
  const messages: string[] = [];
  const resumed = await optimize({
    ...fx,
    storage: file,
    objective: (p, t) => {
      calls++;
      return fakeScore(p, t.seed);
    },
    onMessage: (m) => messages.push(m),
  });
  assert.equal(calls, 12 - k, "only the unfinished trials run");
  assert.equal(resumed.resumedTrials, k);
  assert.ok(messages.some((m) => m.includes(`resumed ${k} finished trial`)));
  assert.deepEqual(essence(resumed.trials.slice(0, k)), essence(before.trials), "finished trials are kept as they were");

  // the same study run without interruption gives the same trials
  const uninterrupted = await optimize({ ...studyFixture() });
  assert.deepEqual(essence(resumed.trials), essence(uninterrupted.trials));
  assert.equal(trialLines(file).length, 12);
});

test("a truncated last line is reported and ignored, then cut off; the trial runs again", async () => {
  const file = path.join(tmp(), "study.jsonl");
  await optimize({ ...studyFixture(), nTrials: 5, storage: file });
  const full = fs.readFileSync(file, "utf8");
  const lines = full.trimEnd().split("\n");
  // simulate a kill while the 5th trial line was being written
  fs.writeFileSync(file, lines.slice(0, 5).join("\n") + "\n" + lines[5].slice(0, 40));
  const loaded = loadStudyLog(file);
  assert.equal(loaded.trials.length, 4);
  assert.equal(loaded.warnings.length, 1);
  assert.match(loaded.warnings[0], /line 6: the last line is truncated \(40 bytes/);

  const messages: string[] = [];
  let calls = 0;
  const r = await optimize({
    ...studyFixture(),
    nTrials: 5,
    storage: file,
    objective: (p, t) => (calls++, fakeScore(p, t.seed)),
    onMessage: (m) => messages.push(m),
  });
  assert.equal(calls, 1);
  assert.ok(messages.some((m) => /truncated/.test(m)));
  assert.equal(r.trials.length, 5);
  const after = fs.readFileSync(file, "utf8");
  assert.ok(after.endsWith("\n"));
  for (const l of after.trimEnd().split("\n")) JSON.parse(l); // every line whole again
  assert.ok(after.startsWith(lines.slice(0, 5).join("\n") + "\n"), "the good lines are untouched");
  const clean = loadStudyLog(file);
  assert.deepEqual(clean.warnings, []);
  assert.equal(clean.trials.length, 5);
});

test("garbage lines and duplicates never crash the load", () => {
  const file = path.join(tmp(), "bad.jsonl");
  const trial = (n: number) => JSON.stringify({ kind: "trial", number: n, state: "complete", params: { lr: 1e-3 }, seed: 1, score: 0.5, durationMs: 1 });
  const header = JSON.stringify({ kind: "study", version: 1, studyName: "s", sampler: { name: "random", config: {} }, space: {}, seed: 0, direction: "maximize" });
  fs.writeFileSync(
    file,
    [header, trial(0), "not json", JSON.stringify({ kind: "trial", number: 1, state: "complete", params: {}, score: null }), trial(0), "[1,2]", trial(2)].join("\n") + "\n\n",
  );
  const r = loadStudyLog(file);
  assert.deepEqual(r.trials.map((t) => t.number), [0, 2]);
  assert.equal(r.warnings.length, 4);
  assert.equal(r.header?.studyName, "s");
  assert.deepEqual(loadStudyLog(path.join(tmp(), "missing.jsonl")).trials, []);
});

test("a log written with other settings is refused, not mixed", async () => {
  const file = path.join(tmp(), "study.jsonl");
  await optimize({ ...studyFixture(), nTrials: 2, storage: file });
  await assert.rejects(optimize({ ...studyFixture(), seed: 7, nTrials: 2, storage: file }), /was written with other settings \(seed: stored 42, this run 7\)/);
  await assert.rejects(optimize({ ...studyFixture(), sampler: new RandomSampler(), nTrials: 2, storage: file }), /sampler: stored "bayes", this run "random"/);
  await assert.rejects(optimize({ ...studyFixture(), nTrials: 2, storage: file, objectiveConfig: { epochs: 3 } }), /epochs: stored \(none\), this run 3/);
});

test("a diverged trial is recorded as failed with its reason and the search goes on", async () => {
  const file = path.join(tmp(), "study.jsonl");
  const r = await optimize({
    space: fixtureSpace,
    sampler: new RandomSampler(),
    nTrials: 8,
    seed: 1,
    storage: file,
    objective: (p, t) => (p.lr > 1e-3 ? { failed: "loss became NaN at iteration 12", curves: { loss: [2.3, NaN] } } : t.number === 0 ? NaN : 0.5),
  });
  assert.equal(r.trials.length, 8);
  const failed = r.trials.filter((t) => t.state === "failed");
  assert.ok(failed.length >= 2);
  for (const t of failed) {
    assert.equal(t.score, null);
    assert.ok(t.reason === "loss became NaN at iteration 12" || t.reason === "score is NaN");
  }
  assert.deepEqual(essence(loadStudyLog(file).trials), essence(r.trials));
  const bsf = bestSoFar(r.trials);
  assert.equal(bsf.length, 8);
  assert.ok(bsf.slice(bsf.findIndex((v) => !Number.isNaN(v))).every((v) => v === 0.5));
});

test("an exception in the objective stops the study; the trial is not recorded and runs on resume", async () => {
  const file = path.join(tmp(), "study.jsonl");
  await assert.rejects(
    optimize({ ...studyFixture(), storage: file, objective: (p, t) => { if (t.number === 3) throw new Error("out of memory"); return fakeScore(p, t.seed); } }),
    /out of memory/,
  );
  assert.equal(trialLines(file).length, 3);
  const r = await optimize({ ...studyFixture(), storage: file });
  assert.equal(r.resumedTrials, 3);
  assert.equal(r.trials.length, 12);
});
