/**
 * The exact linear analysis of SGD / Momentum / Nesterov on a quadratic,
 * checked against the engine: the Hessian from mathjs, eigenvalues, the
 * divergence bound, the best fixed step, and per-step rates measured on the
 * engine's own paths.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { presetFunction } from "../src/functions";
import { optimizerPath2D } from "../src/experiments/optimizers/paths-2d";
import {
  eigenSym2, hessian2D, linearRate, sgdAnalysis, sgdAxisErrors, spectralRadius2, stepsToShrink,
} from "../src/experiments/optimizers/sgd-analysis";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} vs ${b}`);

describe("SGD analysis of the book's f(x, y) = x²/20 + y²", () => {
  const a = sgdAnalysis();

  it("Hessian diag(0.1, 2) from the symbolic derivatives, condition number 20", () => {
    assert.deepEqual(a.hessian, [[0.1, 0], [0, 2]]);
    assert.equal(a.exact, true);
    assert.deepEqual(a.eigen.values, [0.1, 2]);
    close(a.conditionNumber, 20);
  });

  it("diverges above lr = 2/λmax = 1; best fixed step 2/(λmin+λmax) = 2/2.1 with rate 19/21", () => {
    close(a.divergenceLr, 1);
    close(a.bestLr, 2 / 2.1);
    close(a.bestRate, 19 / 21);
    assert.equal(a.bookLr, 0.95);
  });

  it("per-axis factors x ← (1 − 0.1·lr)x, y ← (1 − 2·lr)y and the regimes", () => {
    for (const r of a.rows) {
      close(r.factors[0], 1 - 0.1 * r.lr);
      close(r.factors[1], 1 - 2 * r.lr);
      close(r.rate, Math.max(Math.abs(1 - 0.1 * r.lr), Math.abs(1 - 2 * r.lr)));
    }
    const byNote = Object.fromEntries(a.rows.map((r) => [r.note, r]));
    assert.equal(byNote["本書の設定"].regime, "oscillates-converges"); // y factor −0.9: the zig-zag
    assert.equal(byNote["発散の境界 2/λmax"].regime, "oscillates-forever");
    assert.equal(byNote["境界の 1.05 倍"].regime, "diverges");
    assert.equal(a.rows.find((r) => r.lr === 0.1)!.regime, "converges");
    // the book's 0.95 is within 0.3% of the best step and needs the same number of updates
    assert.equal(byNote["本書の設定"].stepsTo1e3, byNote["最適 2/(λmin+λmax)"].stepsTo1e3);
  });

  it("the engine's SGD follows |e₀|·|1 − lr·λ|^k on each axis", () => {
    for (const s of sgdAxisErrors({ steps: 30 })) {
      for (const axis of [0, 1] as const) {
        s.measured[axis].forEach((m, k) => close(m, s.predicted[axis][k], 1e-9));
      }
    }
    const half = sgdAxisErrors({ lrs: [0.5], steps: 5 })[0];
    assert.deepEqual(half.measured[1].slice(1), [0, 0, 0, 0, 0]); // 1 − 0.5·2 = 0: y is solved in one step
  });

  it("the 1.1·bound run grows on y as 1.2^k", () => {
    const s = sgdAxisErrors({ lrs: [1.1], steps: 10 })[0];
    close(s.measured[1][10] / s.measured[1][0], 1.2 ** 10, 1e-9);
  });
});

describe("linear rates of Momentum and Nesterov", () => {
  /** (max |x| over the last 20 steps of 400) / (over steps 180–200), per step. */
  const measuredRate = (optimizer: string, hp: Record<string, number>) => {
    const p = optimizerPath2D({ optimizer, hyperparams: hp, steps: 400 }).path;
    const peak = (from: number, to: number) => Math.max(...p.slice(from, to + 1).map(([x, y]) => Math.hypot(x, y)));
    return (peak(380, 400) / peak(180, 200)) ** (1 / 200);
  };

  it("Momentum (0.1, 0.9) and Nesterov: the spectral radius predicts the engine's decay", () => {
    const a = sgdAnalysis();
    const mom = a.bookRates.find((r) => r.optimizer === "Momentum")!;
    close(mom.rate, Math.sqrt(0.9), 1e-12); // complex eigenvalues on both axes: |z| = √α
    assert.ok(Math.abs(measuredRate("Momentum", { lr: 0.1, momentum: 0.9 }) - mom.rate) < 0.01);
    const nes = a.bookRates.find((r) => r.optimizer === "Nesterov")!;
    assert.ok(Math.abs(measuredRate("Nesterov", { lr: 0.1, momentum: 0.9 }) - nes.rate) < 0.01);
  });

  it("the best heavy-ball setting converges at (√κ−1)/(√κ+1), faster than the best SGD", () => {
    const a = sgdAnalysis();
    const { lr, momentum, rate } = a.bestMomentum;
    close(rate, (Math.sqrt(20) - 1) / (Math.sqrt(20) + 1));
    close(Math.max(linearRate("Momentum", { lr, momentum }, 0.1), linearRate("Momentum", { lr, momentum }, 2)), rate, 1e-6);
    assert.ok(rate < a.bestRate);
    assert.ok(Math.abs(measuredRate("Momentum", { lr, momentum }) - rate) < 0.02);
  });

  it("SGD's linear rate is |1 − lr·λ|; Momentum with α = 0 is SGD", () => {
    close(linearRate("SGD", { lr: 0.95 }, 2), 0.9);
    close(linearRate("Momentum", { lr: 0.3, momentum: 0 }, 2), 0.4);
    close(linearRate("Nesterov", { lr: 0.3, momentum: 0 }, 2), 0.4);
  });
});

describe("2×2 helpers", () => {
  it("eigenSym2 of a rotated quadratic and a Rosenbrock Hessian", () => {
    const e = eigenSym2([[2, 1], [1, 2]]);
    close(e.values[0], 1);
    close(e.values[1], 3);
    close(Math.abs(e.vectors[0][0]), Math.SQRT1_2);
    const h = hessian2D(presetFunction("rosenbrock"), [1, 1]);
    assert.deepEqual(h, [[802, -400], [-400, 200]]);
    const r = sgdAnalysis({ fn: "rosenbrock" });
    assert.equal(r.exact, false); // not a quadratic: the analysis is local
    assert.ok(r.conditionNumber > 2000);
  });

  it("spectralRadius2 and stepsToShrink", () => {
    close(spectralRadius2([[0, -1], [1, 0]]), 1);
    close(spectralRadius2([[0.5, 0], [0, -0.8]]), 0.8);
    assert.equal(stepsToShrink(1), Infinity);
    assert.equal(stepsToShrink(0.1), 3);
  });

  it("rejects a saddle (no minimum) by name", () => {
    assert.throws(() => sgdAnalysis({ fn: "saddle", at: [0, 0] }), /at: expected a point where the Hessian is positive definite/);
  });
});

describe("divergence bounds of Momentum and Nesterov on λmax = 2 (α = 0.9)", () => {
  it("heavy ball: η < 2(1+α)/λ = 1.9; Nesterov: η < 2(1+α)/((1+2α)λ) ≈ 0.679", () => {
    assert.ok(linearRate("Momentum", { lr: 1.89, momentum: 0.9 }, 2) < 1);
    assert.ok(linearRate("Momentum", { lr: 1.91, momentum: 0.9 }, 2) > 1);
    assert.ok(linearRate("Nesterov", { lr: 0.67, momentum: 0.9 }, 2) < 1);
    assert.ok(linearRate("Nesterov", { lr: 0.69, momentum: 0.9 }, 2) > 1);
    assert.equal(optimizerPath2D({ optimizer: "Nesterov", hyperparams: { lr: 1 }, steps: 200 }).diverged, true);
    assert.equal(optimizerPath2D({ optimizer: "Nesterov", hyperparams: { lr: 0.6 }, steps: 200 }).diverged, false);
  });
});
