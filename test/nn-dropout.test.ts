import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError, Matrix, RNG } from "../src/core";
import { Dropout } from "../src/nn";

describe("Dropout forms", () => {
  const rng = new RNG(1);
  const x = Matrix.randn(20, 10, rng);

  it("book form: train multiplies by a 0/1 mask (rand > ratio), test by 1 − ratio", () => {
    const d = new Dropout({ dropoutRatio: 0.4, rng: new RNG(2) });
    assert.equal(d.form, "book");
    const out = d.forward(x, true);
    for (let i = 0; i < x.size; i++) {
      assert.ok(d.mask[i] === 0 || d.mask[i] === 1);
      assert.equal(out.data[i], x.data[i] * d.mask[i]);
    }
    // the mask is (u ≥ ratio·2³²) on the RNG's 32-bit stream, one draw per element, in order
    const replay = new RNG(2);
    for (let i = 0; i < x.size; i++) assert.equal(d.mask[i], replay.nextUint32() >= 0.4 * 2 ** 32 ? 1 : 0);
    const test = d.forward(x, false);
    for (let i = 0; i < x.size; i++) assert.equal(test.data[i], x.data[i] * 0.6);
  });

  it("inverted form: train multiplies by mask / (1 − ratio), test is the identity", () => {
    const d = new Dropout({ dropoutRatio: 0.4, form: "inverted", rng: new RNG(2) });
    const out = d.forward(x, true);
    for (let i = 0; i < x.size; i++) {
      assert.ok(d.mask[i] === 0 || d.mask[i] === 1 / 0.6);
      assert.equal(out.data[i], x.data[i] * d.mask[i]);
    }
    assert.deepEqual(d.forward(x, false).data, x.data);
  });

  it("ratio 0 drops nothing; the same seed draws the same mask, another seed another", () => {
    assert.deepEqual(new Dropout({ dropoutRatio: 0, rng: new RNG(3) }).forward(x, true).data, x.data);
    const a = new Dropout({ rng: new RNG(5) }), b = new Dropout({ rng: new RNG(5) }), c = new Dropout({ rng: new RNG(6) });
    a.forward(x, true), b.forward(x, true), c.forward(x, true);
    assert.deepEqual(a.mask, b.mask);
    assert.notDeepEqual(a.mask, c.mask);
  });

  it("backward after a test-mode forward scales by the test constant", () => {
    const dout = Matrix.randn(20, 10, rng);
    const book = new Dropout({ dropoutRatio: 0.25, rng: new RNG(7) });
    book.forward(x, false);
    assert.deepEqual(Array.from(book.backward(dout).data), Array.from(dout.data, (v) => v * 0.75));
    const inv = new Dropout({ dropoutRatio: 0.25, form: "inverted", rng: new RNG(7) });
    inv.forward(x, false);
    assert.deepEqual(inv.backward(dout).data, dout.data);
  });
});

describe("Dropout expectation: train-mode mean output = test-mode output", () => {
  // Per column j over n rows, out_train − out_test = x·(m − E[m]) has variance
  // p(1 − p)·x² per element (book form; ×1/(1 − p)² inverted), so the column mean of
  // the difference has σ_j = √(p(1 − p)·Σ_i x_ij²)/n (÷ (1 − p) inverted). Each of the
  // 8 columns must lie within 4σ_j (a two-sided 4σ miss has probability 6e-5).
  for (const form of ["book", "inverted"] as const) {
    for (const p of [0.2, 0.5, 0.8]) {
      it(`${form}, ratio ${p}`, () => {
        const n = 20000, d = 8;
        const x = Matrix.randn(n, d, new RNG(11));
        for (let i = 0; i < x.size; i++) x.data[i] += 1; // a non-zero mean, so the scaling matters
        const layer = new Dropout({ dropoutRatio: p, form, rng: new RNG(12) });
        const train = layer.forward(x, true).clone();
        const test = layer.forward(x, false);
        for (let j = 0; j < d; j++) {
          let diff = 0, sq = 0, testMean = 0;
          for (let i = 0; i < n; i++) {
            diff += train.get(i, j) - test.get(i, j);
            sq += x.get(i, j) ** 2;
            testMean += test.get(i, j);
          }
          const sigma = Math.sqrt(p * (1 - p) * sq) / n / (form === "inverted" ? 1 - p : 1);
          assert.ok(Math.abs(diff / n) < 4 * sigma, `column ${j}: |mean diff| ${Math.abs(diff / n)} ≥ 4σ = ${4 * sigma}`);
          // and the test: without the book's rescaling the means would differ by p·mean(x)
          if (form === "book") assert.ok(Math.abs(p * (testMean / n) / (1 - p)) > 20 * sigma);
        }
      });
    }
  }
});

describe("Dropout errors name the argument", () => {
  it("ratio outside [0, 1), unknown form, no RNG", () => {
    for (const r of [1, 1.5, -0.1, NaN]) {
      assert.throws(() => new Dropout({ dropoutRatio: r, rng: new RNG(1) }), (e: Error) =>
        e instanceof ArgumentError && /^dropoutRatio: expected a number in \[0, 1\)/.test(e.message));
    }
    assert.throws(() => new Dropout({ form: "gaussian" as never, rng: new RNG(1) }), /form: expected one of book, inverted, got "gaussian"/);
    assert.throws(() => new Dropout({} as never), /rng: expected an RNG/);
  });
});
