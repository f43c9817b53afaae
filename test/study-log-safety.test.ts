/**
 * The study log refuses what it cannot use safely and never damages a file it
 * did not write: a file that is not a study log, a log whose header cannot be
 * read, a directory, a log with more trials than asked for, a log written with
 * other settings (the message names the setting and the stored value), and a
 * second writer (two real processes; a dead owner's lock is broken).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { optimize } from "../src/search/study";
import { loadStudyLog, lockStudyLog } from "../src/search/study-log";
import { studyFixture } from "./search-study-fixture";

const ROOT = path.resolve(__dirname, "..");
const CHILD = path.join(__dirname, "search-study-child.ts");
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "zk-safety-"));
const sha = (f: string): string => fs.readFileSync(f).toString("base64");

test("a file that is not a study log is refused and left byte for byte as it was", async () => {
  const file = path.join(tmp(), "package.json");
  fs.copyFileSync(path.join(ROOT, "package.json"), file);
  const before = sha(file);
  await assert.rejects(optimize({ ...studyFixture(), nTrials: 1, storage: file }), /is not a study log .*refused, the file is left untouched/);
  assert.equal(sha(file), before);
  assert.equal(fs.existsSync(`${file}.lock`), false, "the lock is released");
});

test("a log whose header line is garbage is refused (not adopted, not cut), saying the header cannot be read", async () => {
  const file = path.join(tmp(), "study.jsonl");
  await optimize({ ...studyFixture(), nTrials: 3, storage: file });
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines[0] = "#### garbage ####";
  fs.writeFileSync(file, lines.join("\n"));
  const before = sha(file);
  await assert.rejects(optimize({ ...studyFixture(), nTrials: 3, storage: file }), /its header \(line 1\) cannot be read/);
  assert.throws(() => loadStudyLog(file), /header \(line 1\) cannot be read/);
  assert.equal(sha(file), before);
});

test("a directory is refused with a message, not EISDIR", async () => {
  const dir = tmp();
  await assert.rejects(optimize({ ...studyFixture(), nTrials: 1, storage: dir }), /is a directory; expected the path of a \.jsonl file/);
});

test("asking for fewer trials than the log holds is an error naming both counts", async () => {
  const file = path.join(tmp(), "study.jsonl");
  await optimize({ ...studyFixture(), nTrials: 6, storage: file });
  await assert.rejects(optimize({ ...studyFixture(), nTrials: 2, storage: file }), /nTrials: expected at least the 6 trials already in .*got 2/);
  assert.equal((await optimize({ ...studyFixture(), nTrials: 6, storage: file })).resumedTrials, 6);
});

test("one writer at a time: a second process on the same log is refused naming the first one's pid", async () => {
  const file = path.join(tmp(), "shared.jsonl");
  const first = spawn(process.execPath, ["--import", "tsx", CHILD, file, "150"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  try {
    for (let i = 0; i < 300 && !fs.existsSync(`${file}.lock`); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(fs.readFileSync(`${file}.lock`, "utf8").trim(), String(first.pid));
    const second = spawnSync(process.execPath, ["--import", "tsx", CHILD, file, "1"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(second.status, 2, second.stderr);
    assert.match(second.stderr, new RegExp(`is being written by process ${first.pid} \\(lock .*shared\\.jsonl\\.lock\\); one writer at a time`));
    const code = await new Promise<number | null>((r) => first.on("exit", r));
    assert.equal(code, 0);
  } finally {
    first.kill("SIGKILL");
  }
  const log = loadStudyLog(file);
  assert.deepEqual(log.trials.map((t) => t.number), [...Array(12).keys()], "12 distinct trials, each once");
  assert.equal(fs.readFileSync(file, "utf8").trim().split("\n").length, 13, "header + 12 lines, nothing doubled");
  assert.equal(fs.existsSync(`${file}.lock`), false);
});

test("the lock of a writer killed with SIGKILL is broken by the next writer, which resumes", async () => {
  const file = path.join(tmp(), "killed.jsonl");
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, file, "200"], { cwd: ROOT, stdio: "ignore" });
  for (let i = 0; i < 300 && loadStudyLog(file).trials.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill("SIGKILL");
  await new Promise((r) => child.on("exit", r));
  assert.equal(fs.existsSync(`${file}.lock`), true, "a killed writer leaves its lock");
  const r = await optimize({ ...studyFixture(), storage: file });
  assert.ok(r.resumedTrials >= 2);
  assert.equal(r.trials.length, 12);
  assert.equal(fs.existsSync(`${file}.lock`), false);
});

test("lockStudyLog: the same process cannot take its own lock twice; release frees it", () => {
  const file = path.join(tmp(), "x.jsonl");
  const release = lockStudyLog(file);
  assert.throws(() => lockStudyLog(file), new RegExp(`is being written by process ${process.pid}`));
  release();
  lockStudyLog(file)();
});

test("hpoStudyDir('fast') leaves nothing behind: its folders go when the process exits, a dead process's at the next call", () => {
  const script = `const h = require("./src/experiments/search/hpo"); const fs = require("fs");
    const a = h.hpoStudyDir("fast"), b = h.hpoStudyDir("fast"); fs.writeFileSync(a + "/x.jsonl", "{}\\n");
    console.log(JSON.stringify([a, b]));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const dirs = JSON.parse(r.stdout) as string[];
  assert.equal(dirs.length, 2);
  for (const d of dirs) {
    assert.ok(!d.startsWith(os.tmpdir()), `not in the temporary directory: ${d}`);
    assert.equal(fs.existsSync(d), false, `${d} removed at exit`);
  }
  // a folder of a process that no longer exists (killed kernel) is removed by the next call
  const root = path.dirname(dirs[0]);
  const stale = path.join(root, "999999999-abc");
  fs.mkdirSync(stale, { recursive: true });
  const again = spawnSync(process.execPath, ["--import", "tsx", "-e", 'require("./src/experiments/search/hpo").hpoStudyDir("fast")'], { cwd: ROOT, encoding: "utf8" });
  assert.equal(again.status, 0, again.stderr);
  assert.equal(fs.existsSync(stale), false);
});
