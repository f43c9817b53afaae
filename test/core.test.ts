/**
 * src/core: Matrix construction, shape-checked ops (with out-buffer reuse and
 * errors that name the argument) and the seeded RNG (determinism and its
 * distributions within sampling error).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ArgumentError, Matrix, RNG, ShapeError, add, addRow, allFinite, argmaxRows, fillRows, gatherRows, map, matmul, maxAbsDiff,
  meanRows, mul, scale, sliceRows, sub, sum, sumRows, sumSquares, transpose,
} from "../src/core";

const M = (rows: number[][]) => Matrix.from(rows);

describe("Matrix", () => {
  test("constructs zeros, full, from nested arrays, row vectors", () => {
    const z = new Matrix(2, 3);
    assert.deepEqual(z.shape, [2, 3]);
    assert.equal(z.size, 6);
    assert.ok(z.data.every((v) => v === 0));
    assert.deepEqual(Matrix.full(2, 2, 7).toArray(), [[7, 7], [7, 7]]);
    const m = M([[1, 2, 3], [4, 5, 6]]);
    assert.equal(m.get(1, 2), 6);
    assert.deepEqual([...m.rowView(1)], [4, 5, 6]);
    assert.deepEqual(Matrix.row([1, 2]).shape, [1, 2]);
    assert.equal(m.shapeString(), "(2, 3)");
  });

  test("bad shapes and data throw an ArgumentError naming the argument", () => {
    assert.throws(() => new Matrix(-1, 2), (e: unknown) => e instanceof ArgumentError && /^rows:/.test(e.message));
    assert.throws(() => new Matrix(2, 1.5), /Error: cols: expected an integer >= 0, got 1.5/);
    assert.throws(() => new Matrix(2, 2, new Float64Array(3)), /Error: data: expected length rows\*cols = 4, got 3/);
    assert.throws(() => new Matrix(1, 2, [1, 2] as unknown as Float64Array), /Error: data: expected a Float64Array/);
    assert.throws(() => M([[1, 2], [3]]), /Error: rows\[1\]: expected length 2/);
    assert.throws(() => M([[1, 2]]).reshape(3, 1), ShapeError);
  });

  test("clone copies; reshape and rowView share data", () => {
    const m = M([[1, 2], [3, 4]]);
    const c = m.clone();
    c.set(0, 0, 9);
    assert.equal(m.get(0, 0), 1);
    const r = m.reshape(1, 4);
    r.data[3] = 8;
    assert.equal(m.get(1, 1), 8);
    assert.throws(() => m.copyFrom(new Matrix(3, 1)), /Error: src: expected shape \(2, 2\), got \(3, 1\)/);
  });
});

describe("ops", () => {
  const a = M([[1, 2, 3], [4, 5, 6]]); // 2×3
  const b = M([[1, 0], [0, 1], [1, 1]]); // 3×2

  test("matmul with transposes, alpha and beta through the current backend", () => {
    assert.deepEqual(matmul(a, b).toArray(), [[4, 5], [10, 11]]);
    assert.deepEqual(matmul(a, a, { transB: true }).toArray(), [[14, 32], [32, 77]]);
    assert.deepEqual(matmul(a, a, { transA: true }).toArray(), [[17, 22, 27], [22, 29, 36], [27, 36, 45]]);
    assert.deepEqual(matmul(b, a, { transA: true, transB: true }).toArray(), [[4, 10], [5, 11]]);
    const out = Matrix.full(2, 2, 1);
    const r = matmul(a, b, { out, alpha: 2, beta: -1 });
    assert.equal(r, out, "returns the out buffer itself");
    assert.deepEqual(out.toArray(), [[7, 9], [19, 21]]);
  });

  test("matmul shape errors name the argument and the shapes", () => {
    assert.throws(() => matmul(a, a), (e: unknown) => e instanceof ShapeError && /^b: expected shape \(3, any\)/.test(e.message) && /got \(2, 3\)/.test(e.message));
    assert.throws(() => matmul(a, b, { out: new Matrix(3, 3) }), /Error: out: expected shape \(2, 2\), got \(3, 3\)/);
    assert.throws(() => matmul(a, b, { beta: 1 }), /Error: beta: expected 0 when no out is given/);
    assert.throws(() => matmul([[1]] as unknown as Matrix, b), /Error: a: expected a Matrix/);
  });

  test("element-wise ops reuse out and check shapes", () => {
    const x = M([[1, 2], [3, 4]]), y = M([[10, 20], [30, 40]]);
    const out = new Matrix(2, 2);
    assert.equal(add(x, y, out), out);
    assert.deepEqual(out.toArray(), [[11, 22], [33, 44]]);
    assert.deepEqual(sub(y, x).toArray(), [[9, 18], [27, 36]]);
    assert.deepEqual(mul(x, y).toArray(), [[10, 40], [90, 160]]);
    assert.deepEqual(scale(x, 0.5).toArray(), [[0.5, 1], [1.5, 2]]);
    assert.equal(add(x, x, x), x, "in place: out may be an input");
    assert.deepEqual(x.toArray(), [[2, 4], [6, 8]]);
    assert.throws(() => add(x, a), /Error: b: expected shape \(2, 2\), got \(2, 3\)/);
    assert.throws(() => mul(x, y, new Matrix(1, 4)), /Error: out: expected shape \(2, 2\), got \(1, 4\)/);
  });

  test("bias add, column sums and means, reductions", () => {
    const x = M([[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(addRow(x, Matrix.row([10, 20])).toArray(), [[11, 22], [13, 24], [15, 26]]);
    assert.throws(() => addRow(x, Matrix.row([1, 2, 3])), /Error: row: expected shape \(1, 2\), got \(1, 3\)/);
    // fillRows + matmul with beta = 1 is x·W + b (the Affine forward)
    const w = M([[1, -1], [2, 0.5]]), b = Matrix.row([10, 20]);
    assert.deepEqual(matmul(x, w, { out: fillRows(new Matrix(3, 2), b), beta: 1 }).toArray(), addRow(matmul(x, w), b).toArray());
    assert.throws(() => fillRows(new Matrix(3, 2), Matrix.row([1, 2, 3])), /Error: row: expected shape \(1, 2\), got \(1, 3\)/);
    // allFinite: any NaN or ±Infinity, also ∞ and −∞ side by side
    assert.equal(allFinite(M([[1, 2], [3, 4]])), true);
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (let i = 0; i < 5; i++) {
        const y = new Matrix(1, 5);
        y.data[i] = bad;
        assert.equal(allFinite(y), false, `${bad} at ${i}`);
      }
    }
    assert.equal(allFinite(Matrix.row([Infinity, -Infinity, 0, 0])), false);
    const s = Matrix.full(1, 2, 99); // stale values must be overwritten
    assert.equal(sumRows(x, s), s);
    assert.deepEqual(s.toArray(), [[9, 12]]);
    assert.deepEqual(meanRows(x).toArray(), [[3, 4]]);
    assert.throws(() => meanRows(new Matrix(0, 2)), /Error: a: expected at least one row/);
    assert.equal(sum(x), 21);
    assert.equal(sumSquares(x), 91);
    assert.deepEqual([...argmaxRows(M([[1, 3, 2], [5, 0, 5]]))], [1, 0]);
    assert.deepEqual(transpose(a).toArray(), [[1, 4], [2, 5], [3, 6]]);
    assert.equal(maxAbsDiff(x, map(x, (v) => v + 0.25)), 0.25);
  });

  test("gatherRows / sliceRows: mini-batches, with index errors naming the position", () => {
    const x = M([[0, 0], [1, 1], [2, 2], [3, 3]]);
    assert.deepEqual(gatherRows(x, [3, 1, 1]).toArray(), [[3, 3], [1, 1], [1, 1]]);
    assert.throws(() => gatherRows(x, [0, 4]), /Error: indices\[1\]: expected an integer row index in \[0, 4\), got 4/);
    assert.throws(() => gatherRows(x, [0.5]), /Error: indices\[0\]/);
    assert.throws(() => gatherRows(x, Int32Array.of(2, -1)), /Error: indices\[1\]: expected an integer row index in \[0, 4\), got -1/);
    const out = M([[9, 9], [9, 9]]);
    assert.throws(() => gatherRows(x, [1, 7], out), /indices\[1\]/);
    assert.deepEqual(out.toArray(), [[9, 9], [9, 9]], "a bad index leaves out untouched");
    assert.deepEqual(gatherRows(x, Int32Array.of(2, 0), out).toArray(), [[2, 2], [0, 0]]);
    assert.deepEqual(sliceRows(x, 1, 3).toArray(), [[1, 1], [2, 2]]);
    assert.deepEqual(sliceRows(x, 3, 10).shape, [1, 2]);
  });

  test("matmul agrees with a naive product on a bigger random case", () => {
    const rng = new RNG(5);
    const x = Matrix.randn(37, 53, rng), w = Matrix.randn(53, 29, rng);
    const want = new Matrix(37, 29);
    for (let i = 0; i < 37; i++) {
      for (let j = 0; j < 29; j++) {
        let s = 0;
        for (let p = 0; p < 53; p++) s += x.get(i, p) * w.get(p, j);
        want.set(i, j, s);
      }
    }
    assert.ok(maxAbsDiff(matmul(x, w), want) < 1e-12);
  });
});

describe("RNG", () => {
  const N = 100_000;

  test("the same seed gives the same stream; different seeds differ", () => {
    const a = new RNG(42), b = new RNG(42), c = new RNG(43);
    const xs = Array.from({ length: 20 }, () => a.random());
    assert.deepEqual(Array.from({ length: 20 }, () => b.random()), xs);
    const zs = Array.from({ length: 20 }, () => c.random());
    assert.notDeepEqual(zs, xs);
    assert.deepEqual([...new RNG(7).permutation(50)], [...new RNG(7).permutation(50)]);
    assert.deepEqual(new RNG(1).fillNormal(new Float64Array(10)), new RNG(1).fillNormal(new Float64Array(10)));
    assert.notDeepEqual(new RNG(0).fillNormal(new Float64Array(10)), new RNG(1).fillNormal(new Float64Array(10)));
  });

  test("uniform samples lie in [0, 1) with mean 1/2 and variance 1/12 within sampling error", () => {
    const x = new RNG(3).fillUniform(new Float64Array(N));
    assert.ok(x.every((v) => v >= 0 && v < 1));
    const mean = x.reduce((s, v) => s + v, 0) / N;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / N;
    assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / N), `mean ${mean}`); // 5σ
    assert.ok(Math.abs(variance - 1 / 12) < 0.002, `variance ${variance}`);
    const r = new RNG(4);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform(-2, 3);
      assert.ok(u >= -2 && u < 3);
    }
  });

  test("fillNormalFactors keeps fillNormal's draws unscaled: mean + std·a·b is fillNormal's value bit for bit, the stream moves on alike", () => {
    for (const [n, mean, std] of [[7, 0, 1], [10, 0, 0.01], [9, 1.5, 2], [1, -3, 0.3]] as const) {
      const want = new RNG(5).fillNormal(new Float64Array(n), mean, std);
      const r = new RNG(5), a = new Float64Array(n), b = new Float64Array(n);
      r.fillNormalFactors(a, b);
      assert.deepEqual(a.map((v, i) => mean + std * v * b[i]), want, `n ${n}, N(${mean}, ${std}²)`);
      // odd n leaves the second of a pair waiting, as fillNormal does
      const next = new RNG(5);
      next.fillNormal(new Float64Array(n));
      assert.deepEqual(r.fillNormal(new Float64Array(5)), next.fillNormal(new Float64Array(5)));
    }
    // the first of each pair is r·cos θ as two factors: scaling the product instead would round differently
    const r = new RNG(8), a = new Float64Array(2), b = new Float64Array(2);
    r.fillNormalFactors(a, b);
    assert.equal(b[1], 1);
    assert.ok(b[0] >= -1 && b[0] <= 1 && a[0] >= 0);
    assert.throws(() => new RNG(0).fillNormalFactors(new Float64Array(3), new Float64Array(2)), /b.*3 elements/);
  });

  test("normal samples have the requested mean and std within sampling error", () => {
    const mu = 1.5, sigma = 2;
    const x = new RNG(9).fillNormal(new Float64Array(N), mu, sigma);
    const mean = x.reduce((s, v) => s + v, 0) / N;
    const std = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1));
    assert.ok(Math.abs(mean - mu) < 5 * sigma / Math.sqrt(N), `mean ${mean}`);
    assert.ok(Math.abs(std - sigma) < 5 * sigma / Math.sqrt(2 * N), `std ${std}`);
    const within1 = x.filter((v) => Math.abs(v - mu) < sigma).length / N; // 68.27 %
    assert.ok(Math.abs(within1 - 0.6827) < 0.01, `P(|z|<1) = ${within1}`);
  });

  test("permutation is a permutation of 0..n-1, and shuffles", () => {
    const p = new RNG(11).permutation(1000);
    assert.deepEqual([...p].sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
    assert.notDeepEqual([...p], Array.from({ length: 1000 }, (_, i) => i));
    assert.equal(new RNG(1).permutation(0).length, 0);
    assert.throws(() => new RNG(1).permutation(-1), /Error: n: expected an integer >= 0/);
  });

  test("choice stays in range; without replacement it has no repeats", () => {
    const r = new RNG(12);
    const c = r.choice(10, 5000);
    assert.ok(c.every((v) => v >= 0 && v < 10));
    assert.equal(new Set(c).size, 10, "every value turns up in 5000 draws");
    const d = r.choice(100, 100, false);
    assert.equal(new Set(d).size, 100);
    assert.throws(() => r.choice(5, 6, false), /Error: size: expected <= n \(5\) when replace is false/);
    assert.throws(() => r.choice(0, 1), /Error: n: expected an integer >= 1/);
    for (let i = 0; i < 1000; i++) {
      const v = r.integer(-3, 4);
      assert.ok(Number.isInteger(v) && v >= -3 && v < 4);
    }
  });

  test("seed must be an integer", () => {
    assert.throws(() => new RNG(1.5), /Error: seed: expected an integer/);
  });

  test("fillMask: one nextUint32() per element (u ≥ p·2³² → value), the stream continues after it", () => {
    const a = new RNG(21), b = new RNG(21);
    const m = a.fillMask(new Float64Array(1001), 0.3, 2.5);
    for (let i = 0; i < m.length; i++) assert.equal(m[i], b.nextUint32() >= 0.3 * 2 ** 32 ? 2.5 : 0);
    assert.equal(a.nextUint32(), b.nextUint32(), "the generator state is written back");
    assert.equal(a.random(), b.random());
    assert.ok(new RNG(1).fillMask(new Float64Array(1000), 0).every((v) => v === 1), "p = 0 keeps everything");
    assert.ok(new RNG(1).fillMask(new Float64Array(1000), 1).every((v) => v === 0), "p = 1 drops everything");
    assert.throws(() => new RNG(1).fillMask(new Float64Array(1), 1.5), /Error: p: expected a probability in \[0, 1\], got 1.5/);
    assert.throws(() => new RNG(1).fillMask(new Float64Array(1), NaN), /Error: p: expected a probability/);
    assert.throws(() => new RNG(1).fillMask(new Float64Array(1), 0.5, Infinity), /Error: value: expected a finite number/);
  });

  test("fillMask keeps a share 1 − p within sampling error", () => {
    for (const p of [0.1, 0.5, 0.8]) {
      const m = new RNG(22).fillMask(new Float64Array(N), p);
      const kept = m.reduce((s, v) => s + v, 0) / N;
      assert.ok(Math.abs(kept - (1 - p)) < 5 * Math.sqrt(p * (1 - p) / N), `p = ${p}: kept ${kept}`); // 5σ
    }
  });
});

describe("src/core under tslab", () => {
  test("compiles with tslab's own TypeScript (5.0.4) and no DOM lib, as a notebook imports it", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const ts = require("@tslab/typescript-for-tslab") as typeof import("@tslab/typescript-for-tslab");
    const program = ts.createProgram([require.resolve("../src/core/index")], {
      strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.NodeJs, esModuleInterop: true, types: ["node"],
      noEmit: true, skipLibCheck: true, lib: ["lib.es2022.d.ts"],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    assert.deepEqual(problems, []);
  });
});
