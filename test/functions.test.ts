import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import {
  DEFAULT_FORMULA, DIVERGENCE_REASON_JA, F_GROWTH, FormulaError, Function2D, PRESET_NAMES, divergenceReason, optimizePath, presetFunction,
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
    ["foo(x) + y", "function", /foo/],
    ["import(x, y)", "function", /import/],
    ["evaluate(x) + y", "function", /evaluate/],
    ["derivative(x, y)", "function", /derivative/],
    ["simplify(x) + parse(y)", "function", /simplify, parse/],
    ['createUnit("a") + x', "structure", /not a number/],
    ['"a" + x', "structure", /not a number/],
    ["x.constructor", "structure", /AccessorNode/],
    ["x".repeat(501), "parse", /longer than 500/],
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

  it("diverges on SGD with too large a step: clipped path, flagged with the update number and the reason", () => {
    // y ← y − 1.5·2y = −2y: |y_k| = 2·2^k; f(start) = 6.45, so f − f(start) > 1000·6.45 first when
    // y² > ≈6452 (x ≈ −7 shrinks slowly): k = 5 gives |y| = 64, k = 6 gives 128 → update 6
    const r = optimizePath(new Function2D(), new SGD({ lr: 1.5 }), [-7, 2], 100);
    assert.equal(r.diverged, true);
    assert.equal(r.divergedAt, 6);
    assert.equal(r.reason, "f-grew");
    assert.equal(r.points.length, 6); // start + 5 good updates
    assert.equal(Math.abs(r.y[5]), 64);
    assert.ok(r.f.every((v) => v - r.f[0] <= F_GROWTH * r.f[0]));
    assert.equal(r.f.length, r.points.length);
  });

  it("the issue's case: SGD lr 1.2 on the book's f is diverged (|y| grew 1.4-fold per update), not 'ok'", () => {
    const r = optimizePath(new Function2D(), new SGD({ lr: 1.2 }), [-7, 2], 30);
    assert.equal(r.diverged, true);
    assert.equal(r.reason, "f-grew");
    assert.ok(r.divergedAt !== null && r.divergedAt < 30);
  });

  it("far outside the view counts as diverged even when f decreases (saddle: f → −∞)", () => {
    // saddle view [−2, 2]²: margin 10 widths = 40, so |y| > 42 stops the run
    const r = optimizePath(presetFunction("saddle"), new SGD({ lr: 0.1 }), [-1.5, 0.001], 200);
    assert.equal(r.diverged, true);
    assert.equal(r.reason, "far-outside");
    assert.ok(Math.abs(r.y[r.y.length - 1]) <= 42);
    assert.ok(r.f[r.f.length - 1] < r.f[0], "f went down, not up");
  });

  it("f undefined at the start (log(x) at x = −7) is reported with a reason, not silently", () => {
    const r = optimizePath(new Function2D("log(x) + y^2"), new SGD({ lr: 0.1 }), [-7, 2], 30);
    assert.equal(r.diverged, true);
    assert.equal(r.divergedAt, 0);
    assert.equal(r.reason, "start");
    assert.match(DIVERGENCE_REASON_JA[r.reason!], /出発点/);
  });

  it("divergenceReason is the rule, point by point", () => {
    const view = { xRange: [-10, 10] as [number, number], yRange: [-10, 10] as [number, number] };
    assert.equal(divergenceReason(view, 1, 0, 0, NaN), "not-finite");
    assert.equal(divergenceReason(view, 1, Infinity, 0, 1), "not-finite");
    assert.equal(divergenceReason(view, 1, 0, 0, 1000), null); // grew by 999 ≤ 1000·1
    assert.equal(divergenceReason(view, 1, 0, 0, 1002), "f-grew");
    assert.equal(divergenceReason(view, -5, 0, 0, 4990), null); // grew by 4995 ≤ 1000·5
    assert.equal(divergenceReason(view, -5, 0, 0, 5001), "f-grew");
    assert.equal(divergenceReason(view, 0, 210, 0, 0), null); // 10 + 10·20 = 210 is still allowed
    assert.equal(divergenceReason(view, 0, 0, -210.5, 0), "far-outside");
    assert.equal(divergenceReason(view, 0, 5, 0, 0, 3), "far-outside");
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
    assert.throws(() => optimizePath(fn, new SGD(), [0, 0], 1, { bound: 0 }), /bound/);
    assert.throws(() => optimizePath(fn, {} as never, [0, 0], 1), /optimizer/);
  });
});
