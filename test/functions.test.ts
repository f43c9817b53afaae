import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import {
  DEFAULT_FORMULA, FormulaError, Function2D, PRESET_NAMES, optimizePath, presetFunction,
} from "../src/functions";
import { Adam, AdaGrad, Momentum, SGD } from "../src/optim";

const near = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe("Function2D", () => {
  it("defaults to the book's x²/20 + y² with gradient (x/10, 2y)", () => {
    const fn = new Function2D();
    assert.equal(fn.formula, DEFAULT_FORMULA);
    for (const [x, y] of [[-7, 2], [3, -1.5], [0, 0], [0.1, 100]]) {
      near(fn.f(x, y), (x * x) / 20 + y * y);
      const [gx, gy] = fn.grad(x, y);
      near(gx, x / 10);
      near(gy, 2 * y);
    }
    assert.deepEqual(fn.start, [-7, 2]);
  });

  it("symbolic partials as text and LaTeX", () => {
    const fn = new Function2D("x^2/20 + y^2");
    assert.equal(fn.dfdx, "x / 10");
    assert.equal(fn.dfdy, "2 * y");
    assert.match(fn.tex.f, /\\frac\{\{ x\}\^\{2\}\}\{20\}/);
    assert.match(fn.tex.dfdx, /\\frac\{ x\}\{10\}/);
    assert.match(fn.latex(), /\\frac\{\\partial f\}\{\\partial y\} &= 2\\cdot y/);
  });

  it("hand-known gradients of other formulas", () => {
    const r = presetFunction("rosenbrock");
    for (const [x, y] of [[-1.2, 1], [0.5, 2], [1, 1]]) {
      near(r.f(x, y), (1 - x) ** 2 + 100 * (y - x * x) ** 2, 1e-9);
      const [gx, gy] = r.grad(x, y);
      near(gx, -2 * (1 - x) - 400 * x * (y - x * x), 1e-9);
      near(gy, 200 * (y - x * x), 1e-9);
    }
    const s = new Function2D("sin(x) * cos(y) + pi");
    const [gx, gy] = s.grad(0.3, 0.7);
    near(gx, Math.cos(0.3) * Math.cos(0.7));
    near(gy, -Math.sin(0.3) * Math.sin(0.7));
    near(s.f(0.3, 0.7), Math.sin(0.3) * Math.cos(0.7) + Math.PI);
    const h = presetFunction("himmelblau");
    const [hx, hy] = h.grad(1, 2);
    // 4x(x²+y−11) + 2(x+y²−7) = 4·(−8) + 2·(−2);  2(x²+y−11) + 4y(x+y²−7) = 2·(−8) + 8·(−2)
    near(hx, -36);
    near(hy, -32);
  });

  it("presets: gradient vanishes at the stated minima, f is smallest there", () => {
    for (const name of PRESET_NAMES) {
      const fn = presetFunction(name);
      assert.equal(fn.name, name);
      for (const [mx, my] of fn.minima) {
        const [gx, gy] = fn.grad(mx, my);
        assert.ok(Math.hypot(gx, gy) < 1e-3, `${name} at (${mx}, ${my}): |grad| = ${Math.hypot(gx, gy)}`);
        assert.ok(fn.f(mx, my) < 1e-9, name);
      }
      assert.ok(fn.xRange[0] <= fn.start[0] && fn.start[0] <= fn.xRange[1], name);
      assert.ok(fn.yRange[0] <= fn.start[1] && fn.start[1] <= fn.yRange[1], name);
    }
    const saddle = presetFunction("Saddle");
    assert.deepEqual(saddle.grad(0, 0), [0, -0]);
    assert.throws(() => presetFunction("sphere"), /one of book, rosenbrock, beale, saddle, himmelblau/);
  });

  it("non-real values are NaN, not a Complex object", () => {
    const fn = new Function2D("sqrt(x) + y");
    assert.ok(Number.isNaN(fn.f(-1, 0)));
    near(fn.f(4, 1), 3);
  });
});

describe("formula errors (argument 'formula', mathjs reason, Japanese message)", () => {
  const cases: [string, string, RegExp][] = [
    ["x +* y", "parse", /Value expected/],
    ["", "parse", /empty/],
    ["x^2 + z", "variables", /z/],
    ["a*x + b*y", "variables", /a, b/],
    ["x = 3", "structure", /AssignmentNode/],
    ["[x, y]", "structure", /ArrayNode/],
    ["floor(x) + y", "derivative", /floor/],
    ["max(x, y)", "derivative", /max/],
  ];
  for (const [formula, problem, reason] of cases) {
    it(`${JSON.stringify(formula)} → ${problem}`, () => {
      assert.throws(() => new Function2D(formula), (e: unknown) => {
        assert.ok(e instanceof FormulaError && e instanceof ArgumentError);
        assert.equal(e.argument, "formula");
        assert.equal(e.problem, problem);
        assert.match(e.reason, reason);
        assert.match(e.message, /^formula: expected /);
        assert.ok(e.message.includes(e.reason), "message includes the mathjs reason");
        assert.match(e.messageJa, /数式「.*」/);
        return true;
      });
    });
  }

  it("Japanese messages say what to do", () => {
    assert.throws(() => new Function2D("x + t"), (e: unknown) => {
      assert.ok(e instanceof FormulaError);
      assert.match(e.messageJa, /x と y 以外の変数があります：t/);
      return true;
    });
  });

  it("bad ranges or start points are named", () => {
    assert.throws(() => new Function2D("x + y", { xRange: [1, -1] }), /xRange/);
    assert.throws(() => new Function2D("x + y", { start: [NaN, 0] }), /start/);
  });
});

describe("optimizePath", () => {
  it("reproduces SGD by hand: x ← x − η·x/10, y ← y − η·2y", () => {
    const r = optimizePath(new Function2D(), new SGD({ lr: 0.95 }), [-7, 2], 3);
    assert.equal(r.points.length, 4);
    assert.deepEqual(r.points[0], [-7, 2]);
    let x = -7, y = 2;
    for (let i = 1; i <= 3; i++) {
      x = x - 0.95 * (x / 10);
      y = y - 0.95 * (2 * y);
      near(r.x[i], x);
      near(r.y[i], y);
      near(r.f[i], (x * x) / 20 + y * y);
    }
    assert.equal(r.diverged, false);
    assert.equal(r.divergedAt, null);
  });

  it("the default start and 30 steps; optimizer state is reset between calls", () => {
    const fn = presetFunction("book");
    const opt = new Momentum({ lr: 0.1 });
    const a = optimizePath(fn, opt);
    const b = optimizePath(fn, opt);
    assert.equal(a.points.length, 31);
    assert.deepEqual(a, b);
  });

  it("diverges on SGD with too large a step: clipped path, flagged with the update number", () => {
    // y ← y − 1.5·2y = −2y: after k updates |y| = 2·2^k; k = 18 gives 524288, k = 19 gives 1048576 > 1e6
    const r = optimizePath(new Function2D(), new SGD({ lr: 1.5 }), [-7, 2], 100);
    assert.equal(r.diverged, true);
    assert.equal(r.divergedAt, 19);
    assert.equal(r.points.length, 19); // start + 18 good updates
    assert.equal(Math.abs(r.y[18]), 524288);
    assert.ok(r.points.every(([x, y]) => Number.isFinite(x) && Math.abs(y) <= 1e6));
    assert.equal(r.f.length, r.points.length);
  });

  it("NaN counts as divergence too (sqrt below 0), and a custom bound applies", () => {
    // f = sqrt(x): ∂f/∂x = 1/(2√x); from x = 0.01, SGD lr 1 steps to 0.01 − 5 < 0 → f is NaN
    const r = optimizePath(new Function2D("sqrt(x) + y^2"), new SGD({ lr: 1 }), [0.01, 0], 5);
    assert.equal(r.diverged, true);
    assert.equal(r.divergedAt, 1);
    assert.deepEqual(r.points, [[0.01, 0]]);
    const s = optimizePath(presetFunction("saddle"), new Adam({ lr: 0.1 }), [-1.5, 0.001], 200, { bound: 3 });
    assert.equal(s.diverged, true);
    assert.ok(s.y.every((v) => Math.abs(v) <= 3));
  });

  it("AdaGrad finds the Himmelblau minimum near (3, 2) from (0, 0)", () => {
    const r = optimizePath(presetFunction("himmelblau"), new AdaGrad({ lr: 0.5 }), [0, 0], 500);
    assert.equal(r.diverged, false);
    const [x, y] = r.points[r.points.length - 1];
    assert.ok(Math.hypot(x - 3, y - 2) < 1e-3, `${x}, ${y}`);
  });

  it("checks its arguments", () => {
    const fn = new Function2D();
    assert.throws(() => optimizePath(fn, new SGD(), [0, NaN] as [number, number]), /start/);
    assert.throws(() => optimizePath(fn, new SGD(), [0, 0], -1), /steps/);
    assert.throws(() => optimizePath(fn, {} as never, [0, 0], 1), /optimizer/);
  });
});
