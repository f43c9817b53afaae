import { test } from "node:test";
import assert from "node:assert/strict";
import { RNG } from "../src/core/rng";
import { cholesky, choleskySolve, choleskyWithJitter, logDetFromCholesky } from "../src/search/cholesky";
import { GaussianProcess } from "../src/search/gaussian-process";
import { gramMatrix } from "../src/search/kernel";
import { nelderMead } from "../src/search/nelder-mead";

function randomSpd(n: number, rng: RNG): Float64Array {
  const b = new Float64Array(n * n);
  rng.fillNormal(b);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
      a[i * n + j] = s;
    }
  return a;
}

test("cholesky: L Lᵀ reproduces A, solve gives A x = b, log det matches", () => {
  const rng = new RNG(1);
  const n = 7;
  const a = randomSpd(n, rng);
  const l = cholesky(a, n)!;
  assert.ok(l);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += l[i * n + k] * l[j * n + k];
      assert.ok(Math.abs(s - a[i * n + j]) < 1e-9 * Math.abs(a[i * n + i]));
      if (j > i) assert.equal(l[i * n + j], 0);
    }
  const b = Array.from({ length: n }, () => rng.normal());
  const x = choleskySolve(l, n, b);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += a[i * n + k] * x[k];
    assert.ok(Math.abs(s - b[i]) < 1e-9);
  }
  // 2×2 determinant by hand
  const two = new Float64Array([4, 2, 2, 3]);
  assert.ok(Math.abs(logDetFromCholesky(cholesky(two, 2)!, 2) - Math.log(8)) < 1e-12);
});

test("cholesky: not positive-definite → null; jitter rescues a singular kernel matrix", () => {
  assert.equal(cholesky(new Float64Array([1, 2, 2, 1]), 2), null);
  const x = [[0.5], [0.5], [0.2]]; // two identical inputs → singular Gram matrix
  const k = gramMatrix("rbf", { lengthScales: [0.3], signalVariance: 1 }, x);
  const { l, jitter } = choleskyWithJitter(k, 3);
  assert.ok(jitter > 0 && jitter < 1e-3);
  assert.ok(l.every(Number.isFinite));
});

test("nelderMead finds the minimum of a shifted quadratic inside its box", () => {
  const f = (x: number[]): number => (x[0] - 0.3) ** 2 + 10 * (x[1] + 0.2) ** 2;
  const r = nelderMead(f, [0.9, 0.9], { lower: [-1, -1], upper: [1, 1], maxEvaluations: 500, tolerance: 1e-14 });
  assert.ok(Math.abs(r.x[0] - 0.3) < 1e-4 && Math.abs(r.x[1] + 0.2) < 1e-4, String(r.x));
  const boxed = nelderMead(f, [0.9, 0.9], { lower: [0.5, 0], upper: [1, 1], maxEvaluations: 500 });
  assert.ok(Math.abs(boxed.x[0] - 0.5) < 1e-3 && Math.abs(boxed.x[1]) < 1e-3, "clamped to the box");
});

const f1 = (x: number): number => Math.sin(6 * x) + 0.5 * x;

for (const kernel of ["rbf", "matern52"] as const) {
  test(`GP (${kernel}) interpolates noiseless points; its variance grows away from them`, () => {
    const xs = [0.1, 0.35, 0.6, 0.9];
    const gp = GaussianProcess.fit(
      xs.map((v) => [v]),
      xs.map(f1),
      { kernel, hyperparameters: { lengthScales: [0.2], signalVariance: 1, noiseVariance: 1e-10 } },
    );
    for (const v of xs) {
      const p = gp.predict([v]);
      assert.ok(Math.abs(p.mean - f1(v)) < 1e-4, `mean at ${v}`);
      assert.ok(p.std < 1e-3, `std at ${v} is ${p.std}`);
    }
    // moving from a training point towards the middle of a gap, σ increases
    let prev = gp.predict([0.6]).std;
    for (const v of [0.64, 0.68, 0.72, 0.75]) {
      const s = gp.predict([v]).std;
      assert.ok(s > prev, `std at ${v}`);
      prev = s;
    }
    // far away the posterior returns to the prior: mean → ȳ, σ² → s²·std(y)²
    const far = gp.predict([5]);
    assert.ok(Math.abs(far.mean - gp.yMean) < 1e-6);
    assert.ok(Math.abs(far.variance - gp.hyperparameters.signalVariance * gp.yStd ** 2) < 1e-6);
  });
}

test("GP hyperparameters fitted by marginal likelihood: better than a poor guess, small noise on clean data", () => {
  const rng = new RNG(3);
  const x = Array.from({ length: 15 }, () => [rng.random(), rng.random()]);
  // depends strongly on x0, barely on x1
  const y = x.map(([a, b]) => Math.sin(5 * a) + 0.05 * b);
  const fitted = GaussianProcess.fit(x, y, { kernel: "matern52", rng: new RNG(0) });
  const guess = GaussianProcess.fit(x, y, {
    kernel: "matern52",
    hyperparameters: { lengthScales: [0.05, 0.05], signalVariance: 1, noiseVariance: 0.5 },
  });
  assert.ok(fitted.logMarginalLikelihood > guess.logMarginalLikelihood);
  const [l0, l1] = fitted.hyperparameters.lengthScales;
  assert.ok(l1 > l0, `the irrelevant input gets the longer length scale (${l0}, ${l1})`);
  assert.ok(fitted.hyperparameters.noiseVariance < 0.05);
  const p = fitted.predict([0.5, 0.5]);
  assert.ok(Math.abs(p.mean - (Math.sin(2.5) + 0.025)) < 0.15, "predicts between the points");
});

test("GP with noisy data does not interpolate: the noise term absorbs the jitter", () => {
  const rng = new RNG(5);
  const x = Array.from({ length: 30 }, () => [rng.random()]);
  const y = x.map(([v]) => 2 * v + rng.normal(0, 0.2));
  const gp = GaussianProcess.fit(x, y, { rng: new RNG(1) });
  assert.ok(gp.noiseVariance > 0.01 && gp.noiseVariance < 0.1, `σn² = ${gp.noiseVariance}`);
  const p = gp.predict([0.5]);
  assert.ok(Math.abs(p.mean - 1) < 0.2);
});

test("GP rejects bad input with named arguments", () => {
  assert.throws(() => GaussianProcess.fit([[0]], [1, 2]), /x, y: expected arrays of the same length/);
  assert.throws(() => GaussianProcess.fit([], []), /x: expected at least one observation/);
  assert.throws(() => GaussianProcess.fit([[0], [0, 1]], [1, 2]), /x\[1\]/);
  assert.throws(() => GaussianProcess.fit([[0], [1]], [1, NaN]), /y: expected only finite numbers/);
  assert.throws(() => GaussianProcess.fit([[0]], [1], { kernel: "linear" as never }), /kernel: expected one of rbf, matern52/);
  const gp = GaussianProcess.fit([[0, 0]], [1]);
  assert.throws(() => gp.predict([0]), /x: expected a point with 2 coordinates/);
});
