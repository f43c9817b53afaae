/**
 * 6.1 on f(x, y) = x²/20 + y² (∂f/∂x = x/10, ∂f/∂y = 2y) from (−7, 2): the paths
 * of the book's settings against first steps worked out by hand from each
 * update formula, divergence detection, the slider sweeps and the CLI contract.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { FormulaError } from "../src/functions";
import {
  BOOK_2D_SETTINGS, OPTIMIZERS_2D, adamBetaSweep2D, bookOptimizerName, cli, compareOptimizers2D,
  lrSweep2D, momentumSweep2D, optimizerPath2D, toFunction2D,
} from "../src/experiments/optimizers/paths-2d";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} vs ${b}`);
const df = (x: number, y: number): [number, number] => [x / 10, 2 * y];

describe("optimizers-2d: the book's settings", () => {
  const runs = compareOptimizers2D();
  const byName = Object.fromEntries(runs.map((r) => [r.optimizer, r]));

  it("runs the six optimizers with the book's names from (−7, 2), start first, 30 updates", () => {
    assert.deepEqual(runs.map((r) => r.optimizer), [...OPTIMIZERS_2D]);
    for (const r of runs) {
      assert.deepEqual(r.path[0], [-7, 2]);
      assert.equal(r.path.length, 31);
      assert.equal(r.diverged, false);
    }
    assert.deepEqual(byName.SGD.hyperparams, { lr: 0.95 });
    assert.deepEqual(byName.Momentum.hyperparams, { lr: 0.1, momentum: 0.9 });
    assert.deepEqual(byName.AdaGrad.hyperparams, { lr: 1.5 });
    assert.equal(byName.Adam.hyperparams.lr, 0.3);
  });

  it("SGD (lr 0.95): two steps by hand", () => {
    let [x, y] = [-7, 2];
    for (let k = 1; k <= 2; k++) {
      const [gx, gy] = df(x, y);
      [x, y] = [x - 0.95 * gx, y - 0.95 * gy];
      close(byName.SGD.path[k][0], x);
      close(byName.SGD.path[k][1], y);
    }
    close(byName.SGD.path[1][0], -6.335);
    close(byName.SGD.path[1][1], -1.8);
  });

  it("Momentum (lr 0.1, α 0.9): v ← αv − η∇f, W ← W + v", () => {
    // step 1: v = (0.07, −0.4) → (−6.93, 1.6); step 2: ∇f = (−0.693, 3.2), v = (0.1323, −0.68) → (−6.7977, 0.92)
    close(byName.Momentum.path[1][0], -6.93);
    close(byName.Momentum.path[1][1], 1.6);
    close(byName.Momentum.path[2][0], -6.7977);
    close(byName.Momentum.path[2][1], 0.92);
  });

  it("Nesterov (lr 0.1, α 0.9): first step W ← W − (1+α)η∇f", () => {
    close(byName.Nesterov.path[1][0], -7 + 1.9 * 0.1 * 0.7);
    close(byName.Nesterov.path[1][1], 2 - 1.9 * 0.1 * 4);
  });

  it("AdaGrad (lr 1.5): first step moves each coordinate by ≈ lr (h = g²)", () => {
    close(byName.AdaGrad.path[1][0], -7 + (1.5 * 0.7) / (0.7 + 1e-7));
    close(byName.AdaGrad.path[1][1], 2 - (1.5 * 4) / (4 + 1e-7));
  });

  it("RMSprop (lr 0.1, ρ 0.99): h = 0.01·g², first step η·g/(0.1|g| + 1e-7)", () => {
    close(byName.RMSprop.path[1][0], -7 + (0.1 * 0.7) / (Math.sqrt(0.01 * 0.49) + 1e-7));
    close(byName.RMSprop.path[1][1], 2 - (0.1 * 4) / (Math.sqrt(0.01 * 16) + 1e-7));
  });

  it("Adam (lr 0.3): the book's lr_t = lr·√(1−β₂)/(1−β₁) on m = 0.1g, v = 0.001g²", () => {
    const lrT = (0.3 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
    const step = (g: number) => (lrT * 0.1 * g) / (Math.sqrt(0.001 * g * g) + 1e-7);
    close(byName.Adam.path[1][0], -7 - step(-0.7));
    close(byName.Adam.path[1][1], 2 - step(4));
  });

  it("predicts the first step's direction: against the gradient, mostly along y for SGD", () => {
    for (const r of runs) {
      const d = [r.path[1][0] - r.path[0][0], r.path[1][1] - r.path[0][1]];
      assert.ok(d[0] * 0.7 + d[1] * -4 > 0, `${r.optimizer} moves downhill`); // −∇f = (0.7, −4)
      assert.ok(d[0] > 0 && d[1] < 0, r.optimizer);
    }
  });
});

describe("optimizers-2d: divergence", () => {
  it("SGD with lr 2 multiplies y by (1 − 2·2) = −3 each step and is stopped once f grew 1000-fold", () => {
    const r = optimizerPath2D({ optimizer: "sgd", hyperparams: { lr: 2 } });
    assert.equal(r.diverged, true);
    // f(start) = 6.45; y_k = 2·(−3)^k: y_4² = 162² ≈ 26 244 > 6 451 + 6.45, y_3² = 54² = 2 916 is not
    assert.equal(r.divergedAt, 4);
    assert.equal(r.reason, "f-grew");
    assert.equal(r.path.length, 4);
    close(r.path[3][1], 2 * (-3) ** 3);
    assert.ok(r.path.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  });

  it("SGD just below the bound lr < 2/λmax = 1 converges, Momentum with a huge lr diverges", () => {
    assert.equal(optimizerPath2D({ optimizer: "SGD", hyperparams: { lr: 0.99 }, steps: 200 }).diverged, false);
    assert.equal(optimizerPath2D({ optimizer: "Momentum", hyperparams: { lr: 5 }, steps: 100 }).diverged, true);
  });
});

describe("optimizers-2d: slider sweeps", () => {
  it("lr sweep: log-spaced grid plus each optimizer's own lr, where the slider starts", () => {
    const s = lrSweep2D();
    assert.equal(s.runs.length, 6);
    s.outer.forEach((o, i) => {
      const lrs = s.inner[i].map((v) => v.value as number);
      assert.deepEqual([...lrs].sort((a, b) => a - b), lrs);
      assert.equal(lrs[s.defaults[i]], BOOK_2D_SETTINGS[o.value as keyof typeof BOOK_2D_SETTINGS].lr);
      s.runs[i].forEach((r, j) => assert.equal(r.hyperparams.lr, lrs[j]));
    });
    const sgd = s.runs[0];
    assert.ok(sgd.some((r) => r.diverged), "some SGD learning rates diverge");
    assert.ok(sgd.filter((r) => (r.hyperparams.lr as number) < 1).every((r) => !r.diverged));
    const adam = s.runs[5];
    assert.ok(adam.every((r) => !r.diverged), "Adam's steps are bounded by about lr: no blow-up");
  });

  it("momentum and Adam β sweeps hold the right hyperparameters", () => {
    const m = momentumSweep2D();
    assert.deepEqual(m.outer.map((o) => o.value), ["Momentum", "Nesterov"]);
    m.runs.forEach((row, i) => row.forEach((r, j) => {
      assert.equal(r.hyperparams.momentum, m.inner[i][j].value);
      assert.equal(r.hyperparams.lr, 0.1);
    }));
    const a = adamBetaSweep2D();
    a.runs.forEach((row, i) => row.forEach((r, j) => {
      assert.equal(r.hyperparams.beta2, a.outer[i].value);
      assert.equal(r.hyperparams.beta1, a.inner[i][j].value);
    }));
    assert.equal(a.inner[0][a.defaults[0]].value, 0.9);
  });
});

describe("optimizers-2d: inputs", () => {
  it("accepts names case-insensitively and rejects unknown ones by name", () => {
    assert.equal(bookOptimizerName("rmsprop"), "RMSprop");
    assert.throws(() => bookOptimizerName("adadelta"), /optimizer: expected one of SGD, Momentum/);
  });

  it("any formula: presets by name, mathjs formulas, a Japanese message for a bad one", () => {
    assert.equal(toFunction2D("rosenbrock").name, "rosenbrock");
    const r = optimizerPath2D({ optimizer: "Adam", fn: "x^2 + 3*y^2", start: [1, 1], steps: 5 });
    assert.equal(r.path.length, 6);
    assert.throws(() => toFunction2D("x^2 +* y"), (e: unknown) => e instanceof FormulaError && /解釈できません/.test(e.messageJa));
  });
});

describe("optimizers-2d CLI", () => {
  it("prints the path (start first, one point per update), diverged, budget and seed", () => {
    const out = cli.run({ optimizer: "sgd", lr: 2, steps: 20 }) as Record<string, unknown>;
    assert.equal(out.diverged, true);
    assert.ok("budget" in out && "seed" in out);
    assert.deepEqual((out.path as number[][])[0], [-7, 2]);
    assert.throws(() => cli.run({ optimizer: "SGD", momentum: 0.9 }), /momentum/);
  });

  it("npm run -s exp -- optimizers-2d --json gives the same JSON", () => {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "optimizers-2d", "--optimizer", "Adam", "--steps", "3", "--json"], { encoding: "utf8", env: { ...process.env, ZEROKARA_BUDGET: "fast" } });
    const out = JSON.parse(stdout);
    assert.equal(out.optimizer, "Adam");
    assert.equal(out.path.length, 4);
    assert.equal(out.diverged, false);
    assert.equal(out.budget, "fast");
    assert.ok("seed" in out);
    const direct = optimizerPath2D({ optimizer: "Adam", steps: 3 });
    assert.deepEqual(out.path, direct.path);
  });
});
