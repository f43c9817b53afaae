/**
 * data/reference: structure against the book scripts' settings, and the numbers
 * against the verbatim stdout in data/reference/raw (parsed here independently of
 * scripts/extract-reference.mjs).
 */
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import {
  BOOK_OPTIMIZERS,
  BOOK_WEIGHT_INITS,
  REFERENCE_DIR,
  REFERENCE_SCRIPTS,
  ReferenceScript,
  bookBatchNormGradientCheck,
  bookBatchNormGrid,
  bookHyperparameterBest,
  bookHyperparameterTrials,
  bookLossAt,
  bookOptimizerLosses,
  bookOverfit,
  bookRawOutput,
  bookReference,
  bookReferenceSource,
  bookWeightInitLosses,
} from "../src/data/reference";
import { ArgumentError } from "../src/core/errors";

const ROOT = path.resolve(__dirname, "..");

const range = (start: number, stop: number, step = 1): number[] => {
  const out: number[] = [];
  for (let v = start; v < stop; v += step) out.push(v);
  return out;
};

function assertAccuracies(name: string, xs: number[], denominator: number): void {
  for (const [i, v] of xs.entries()) {
    assert.ok(Number.isFinite(v) && v >= 0 && v <= 1, `${name}[${i}] = ${v} not in [0, 1]`);
    const count = v * denominator;
    assert.ok(Math.abs(count - Math.round(count)) < 1e-6, `${name}[${i}] = ${v} is not k/${denominator}`);
  }
}

function assertFinitePositive(name: string, xs: number[]): void {
  for (const [i, v] of xs.entries()) assert.ok(Number.isFinite(v) && v > 0, `${name}[${i}] = ${v}`);
}

/** Python float literals in printed text (has a '.' or an exponent), not names like "std=0.01". */
function rawFloats(text: string): number[] {
  const re = /(?<=[:\s(])-?(?:\d+\.\d*(?:e[+-]?\d+)?|\d+e[+-]?\d+)(?=[\s,)|]|$)/g;
  return (text.match(re) ?? []).map(Number);
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

// ------------------------------------------------------------------ provenance

test("every reference file names its source, commit, raw text and says it is one unseeded run", () => {
  for (const script of REFERENCE_SCRIPTS) {
    const doc = bookReference(script);
    const src = bookReferenceSource(script);
    assert.equal(doc.script, `ch06/${script}.py`);
    assert.equal(src.repository, "oreilly-japan/deep-learning-from-scratch");
    assert.equal(src.path, "notebooks/ch06.ipynb");
    assert.equal(src.script, `ch06/${script}.py`);
    assert.match(src.commit, /^[0-9a-f]{40}$/, `${script}: commit`);
    assert.match(src.notebookBlob, /^[0-9a-f]{40}$/);
    assert.ok(Number.isInteger(src.cellIndex) && src.cellIndex >= 0);
    assert.equal(src.raw, `data/reference/raw/${script}.stdout.txt`);
    assert.ok(fs.existsSync(path.join(ROOT, src.raw)), `${src.raw} exists`);
    assert.match(doc.note, /ONE unseeded run/);
    assert.ok(Array.isArray(doc.stderr));
  }
  const commits = new Set(REFERENCE_SCRIPTS.map((s) => bookReferenceSource(s).commit));
  assert.equal(commits.size, 1, "all files come from the same commit");
  assert.equal(REFERENCE_DIR, path.join(ROOT, "data", "reference"));
});

test("every float printed in the raw text is in the JSON data, and nothing else", () => {
  const fromData: Record<ReferenceScript, () => number[]> = {
    optimizer_compare_mnist: () => Object.values(bookOptimizerLosses().loss).flat(),
    weight_init_compare: () => Object.values(bookWeightInitLosses().loss).flat(),
    batch_norm_gradient_check: () => Object.values(bookBatchNormGradientCheck()),
    batch_norm_test: () => {
      const g = bookBatchNormGrid();
      return [...g.normal.flat(), ...g.batchNorm.flat()];
    },
    overfit_weight_decay: () => {
      const d = bookOverfit("weight_decay");
      return [...d.trainAcc, ...d.testAcc];
    },
    overfit_dropout: () => {
      const d = bookOverfit("dropout");
      return [...d.trainAcc, ...d.testAcc, ...d.trainLoss, d.finalTestAcc];
    },
    hyperparameter_optimization: () =>
      [...bookHyperparameterTrials(), ...bookHyperparameterBest()].flatMap((t) => [t.valAcc, t.lr, t.weightDecay]),
  };
  for (const script of REFERENCE_SCRIPTS) {
    const raw = rawFloats(bookRawOutput(script));
    assert.ok(raw.length > 0, script);
    assert.deepEqual(sorted(fromData[script]()), sorted(raw), `${script}: numbers differ from raw text`);
  }
});

// ------------------------------------------------------------------ optimizer / weight init

test("optimizer_compare_mnist: 4 optimizers, every 100 iterations 0..1900, finite losses", () => {
  const doc = bookReference("optimizer_compare_mnist");
  const { maxIterations, printEvery, batchSize } = doc.settings;
  assert.equal(maxIterations, 2000);
  assert.equal(printEvery, 100);
  assert.equal(batchSize, 128);
  const { iterations, loss } = bookOptimizerLosses();
  assert.deepEqual(iterations, range(0, maxIterations, printEvery));
  assert.equal(iterations.length, maxIterations / printEvery);
  assert.ok(iterations.includes(1900) && !iterations.includes(2000));
  assert.deepEqual(Object.keys(loss), [...BOOK_OPTIMIZERS]);
  for (const name of BOOK_OPTIMIZERS) {
    assert.equal(loss[name].length, iterations.length);
    assertFinitePositive(name, loss[name]);
  }
});

test("weight_init_compare: std=0.01 / Xavier / He, every 100 iterations 0..1900", () => {
  const doc = bookReference("weight_init_compare");
  assert.equal(doc.settings.maxIterations, 2000);
  const { iterations, loss } = bookWeightInitLosses();
  assert.deepEqual(iterations, range(0, 2000, 100));
  assert.deepEqual(Object.keys(loss), [...BOOK_WEIGHT_INITS]);
  for (const name of BOOK_WEIGHT_INITS) {
    assert.equal(loss[name].length, 20);
    assertFinitePositive(name, loss[name]);
  }
  // std=0.01 never leaves ln(10) ≈ 2.3026 in the book's run: the "vanishing" curve.
  for (const v of loss["std=0.01"]) assert.ok(Math.abs(v - Math.log(10)) < 0.01, `std=0.01 loss ${v}`);
});

/** The losses printed in the "iteration:<it>" block of a raw output, by name. */
function rawBlock(raw: string, iteration: number): Map<string, number> {
  const lines = raw.split("\n");
  const start = lines.indexOf(`===========iteration:${iteration}===========`);
  assert.ok(start >= 0, `iteration ${iteration} printed`);
  const out = new Map<string, number>();
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("=") || line === "") break;
    const cut = line.lastIndexOf(":");
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return out;
}

test("bookLossAt matches the raw text at iterations 0, 1000 and 1900", () => {
  for (const script of ["optimizer_compare_mnist", "weight_init_compare"] as const) {
    const raw = bookRawOutput(script);
    for (const it of [0, 1000, 1900]) {
      const block = rawBlock(raw, it);
      assert.ok(block.size >= 3);
      for (const [name, v] of block) assert.equal(bookLossAt(script, name, it), v, `${script} ${name} @${it}`);
    }
  }
  assert.equal(bookLossAt("optimizer_compare_mnist", "Adam", 1900), 0.031891773034629325);
  assert.equal(bookLossAt("weight_init_compare", "He", 1900), 0.28639987649711807);
  assert.throws(() => bookLossAt("optimizer_compare_mnist", "Adam", 2000), ArgumentError);
  assert.throws(() => bookLossAt("optimizer_compare_mnist", "Adam", 150), ArgumentError);
  assert.throws(() => bookLossAt("optimizer_compare_mnist", "RMSprop", 100), ArgumentError);
  assert.throws(() => bookLossAt("weight_init_compare", "toString", 100), ArgumentError);
});

// ------------------------------------------------------------------ batch norm

test("batch_norm_gradient_check: 10 parameters of a 2-hidden-layer BN net, the degenerate batch-of-1 result", () => {
  const diff = bookBatchNormGradientCheck();
  assert.deepEqual(Object.keys(diff), ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]);
  for (const [k, v] of Object.entries(diff)) assert.ok(Number.isFinite(v) && v >= 0, k);
  const raw = bookRawOutput("batch_norm_gradient_check");
  assert.equal(diff.beta2, Number(/^beta2:(.+)$/m.exec(raw)?.[1]));
  assert.equal(diff.b3, Number(/^b3:(.+)$/m.exec(raw)?.[1]));
  assert.equal(diff.W1, 0);
});

test("batch_norm_test: 16 weight scales x 20 epochs, first column = without BN, second = with BN", () => {
  const doc = bookReference("batch_norm_test");
  const { maxEpochs, weightScales, trainSize } = doc.settings;
  assert.equal(maxEpochs, 20);
  assert.equal(weightScales.length, 16);
  const grid = bookBatchNormGrid();
  assert.deepEqual(grid.weightScales, weightScales);
  assert.deepEqual(grid.epochs, range(0, maxEpochs));
  assert.equal(grid.weightScales[0], 1);
  assert.equal(grid.weightScales[15], 1e-4);
  for (let s = 1; s < 16; s++) {
    assert.ok(Math.abs(Math.log10(grid.weightScales[s] / grid.weightScales[s - 1]) + 4 / 15) < 1e-12);
  }
  for (let s = 0; s < 16; s++) {
    assert.equal(grid.normal[s].length, maxEpochs);
    assert.equal(grid.batchNorm[s].length, maxEpochs);
    assertAccuracies(`normal[${s}]`, grid.normal[s], trainSize);
    assertAccuracies(`batchNorm[${s}]`, grid.batchNorm[s], trainSize);
  }
  // Independent parse of the raw text: "epoch:N | <normal> - <batchNorm>" under "k/16".
  const raw = bookRawOutput("batch_norm_test");
  let run = -1;
  let checked = 0;
  for (const line of raw.split("\n")) {
    const head = /^=+ (\d+)\/16 =+$/.exec(line);
    if (head) run = Number(head[1]) - 1;
    const m = /^epoch:(\d+) \| (\S+) - (\S+)$/.exec(line);
    if (m) {
      assert.equal(grid.normal[run][Number(m[1])], Number(m[2]), line);
      assert.equal(grid.batchNorm[run][Number(m[1])], Number(m[3]), line);
      checked++;
    }
  }
  assert.equal(checked, 16 * 20);
  // Spot values: run 8/16 ends with BN at 1.0 while the plain net is stuck at 0.116.
  assert.equal(grid.normal[7][19], 0.116);
  assert.equal(grid.batchNorm[7][19], 1.0);
  assert.ok(doc.stderr.some((c) => /overflow encountered/.test(c.text)), "the overflow warning is kept");
});

// ------------------------------------------------------------------ overfitting

test("overfit_weight_decay: 201 evaluations (epochs 0..200) of 300 train / 10000 test samples", () => {
  const doc = bookReference("overfit_weight_decay");
  assert.equal(doc.settings.maxEpochs, 201);
  assert.equal(doc.settings.trainSize, 300);
  const d = bookOverfit("weight_decay");
  assert.deepEqual(d.epochs, range(0, 201));
  assert.deepEqual(d.updates, d.epochs.map((e) => 3 * e + 1));
  assert.equal(d.trainAcc.length, 201);
  assert.equal(d.testAcc.length, 201);
  assertAccuracies("trainAcc", d.trainAcc, 300);
  assertAccuracies("testAcc", d.testAcc, 10000);
  const raw = bookRawOutput("overfit_weight_decay").trimEnd().split("\n");
  const last = /^epoch:200, train acc:(\S+), test acc:(\S+)$/.exec(raw[raw.length - 1]);
  assert.ok(last);
  assert.equal(d.trainAcc[200], Number(last[1]));
  assert.equal(d.testAcc[200], Number(last[2]));
});

test("overfit_dropout: Trainer epochs 1..301, 903 per-iteration losses, final test accuracy", () => {
  const doc = bookReference("overfit_dropout");
  const { epochs, iterPerEpoch, maxIter } = doc.settings.trainer;
  assert.equal(epochs, 301);
  assert.equal(maxIter, epochs * iterPerEpoch);
  const d = bookOverfit("dropout");
  assert.deepEqual(d.epochs, range(1, 302));
  assert.deepEqual(d.updates, d.epochs.map((e) => 3 * e - 2));
  assert.equal(d.trainAcc.length, 301);
  assert.equal(d.testAcc.length, 301);
  assert.equal(d.trainLoss.length, maxIter);
  assert.deepEqual(d.iterations, range(0, maxIter));
  assertFinitePositive("trainLoss", d.trainLoss);
  assertAccuracies("trainAcc", d.trainAcc, 300);
  assertAccuracies("testAcc", d.testAcc, 10000);
  assertAccuracies("finalTestAcc", [d.finalTestAcc], 10000);
  const raw = bookRawOutput("overfit_dropout");
  assert.equal(d.finalTestAcc, Number(/^test acc:(\S+)$/m.exec(raw)?.[1]));
  const e301 = /^=== epoch:301, train acc:(\S+), test acc:(\S+) ===$/m.exec(raw);
  assert.ok(e301);
  assert.equal(d.trainAcc[300], Number(e301[1]));
  assert.equal(d.testAcc[300], Number(e301[2]));
  const losses = [...raw.matchAll(/^train loss:(\S+)$/gm)].map((m) => Number(m[1]));
  assert.deepEqual(d.trainLoss, losses);
});

// ------------------------------------------------------------------ hyperparameter search

test("hyperparameter_optimization: 100 trials in range, Best-20 is the stable sort of the trials", () => {
  const doc = bookReference("hyperparameter_optimization");
  assert.equal(doc.settings.optimizationTrial, 100);
  assert.equal(doc.settings.validationNum, 100);
  const trials = bookHyperparameterTrials();
  assert.equal(trials.length, 100);
  assert.deepEqual(trials.map((t) => t.trial), range(1, 101));
  for (const t of trials) {
    assert.ok(t.lr >= 1e-6 && t.lr <= 1e-2, `lr ${t.lr}`);
    assert.ok(t.weightDecay >= 1e-8 && t.weightDecay <= 1e-4, `weight decay ${t.weightDecay}`);
  }
  assertAccuracies("valAcc", trials.map((t) => t.valAcc), 100);
  const best = bookHyperparameterBest();
  assert.equal(best.length, 20);
  assert.deepEqual(best.map((b) => b.rank), range(1, 21));
  const expected = [...trials].sort((a, b) => b.valAcc - a.valAcc).slice(0, 20); // Array.sort is stable
  assert.deepEqual(best.map((b) => b.trial), expected.map((t) => t.trial));
  // Independent parse of the raw text.
  const raw = bookRawOutput("hyperparameter_optimization");
  const first = /^val acc:(\S+) \| lr:(\S+), weight decay:(\S+)$/m.exec(raw);
  assert.ok(first);
  assert.deepEqual([trials[0].valAcc, trials[0].lr, trials[0].weightDecay], [first[1], first[2], first[3]].map(Number));
  const b1 = /^Best-1\(val acc:(\S+)\) \| lr:(\S+), weight decay:(\S+)$/m.exec(raw);
  assert.ok(b1);
  assert.deepEqual([best[0].valAcc, best[0].lr, best[0].weightDecay], [b1[1], b1[2], b1[3]].map(Number));
});

// ------------------------------------------------------------------ accessors

test("accessors return fresh copies and reject unknown names", () => {
  const a = bookOptimizerLosses();
  a.loss.SGD[0] = -1;
  assert.notEqual(bookOptimizerLosses().loss.SGD[0], -1);
  assert.throws(() => bookReference("nope" as ReferenceScript), ArgumentError);
  assert.throws(() => bookOverfit("none" as "dropout"), ArgumentError);
});

// ------------------------------------------------------------------ regeneration (optional)

const notebook = process.env.ZEROKARA_BOOK_NOTEBOOK;
test(
  "scripts/extract-reference.mjs --check reproduces data/reference from the book's notebook",
  { skip: notebook ? false : "set ZEROKARA_BOOK_NOTEBOOK=<path of notebooks/ch06.ipynb> to run" },
  () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "extract-reference.mjs"), String(notebook), "--check"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
  },
);
