import { test } from "node:test";
import assert from "node:assert/strict";
import { bookTailRows, bookTailTable } from "../src/viz/book-tail";

const book = { iterations: [0, 100, 200, 300], loss: { A: [2, 1, 0.5, 0.3] } };
const run = (f: (i: number) => number) => ({ loss: Array.from({ length: 301 }, (_, i) => f(i)) });

test("bookTailRows averages the book's last printed losses and ours at the same iterations, per seed", () => {
  const [r] = bookTailRows([{ name: "A", runs: [run((i) => i / 1000), run((i) => i / 500)] }], book, 2);
  assert.deepEqual(r.iterations, [200, 300]);
  assert.equal(r.book, 0.4);
  // seed 1: (0.2 + 0.3) / 2 = 0.25; seed 2: (0.4 + 0.6) / 2 = 0.5
  assert.equal(r.oursMin, 0.25);
  assert.equal(r.oursMax, 0.5);
  assert.equal(r.ours, 0.375);
  assert.equal(bookTailTable([r])[0]["本書は範囲内か"], "範囲内");
});

test("bookTailRows refuses runs shorter than the book's iterations (a FAST run) and a bad `last`", () => {
  assert.throws(() => bookTailRows([{ name: "A", runs: [{ loss: [1, 2, 3] }] }], book, 2), /at least 301 iterations/);
  assert.throws(() => bookTailRows([], book, 0), /last/);
  const [r] = bookTailRows([{ name: "B", runs: [run(() => 1)] }], book, 4);
  assert.equal(r.book, null);
});
