/**
 * Optimizers on the book's f(x, y) = x²/20 + y² (∂f/∂x = x/10, ∂f/∂y = 2y),
 * start (−7, 2), as in ch06/optimizer_compare_naive.py. The first steps are
 * worked out by hand from each formula below — plain arithmetic on numbers —
 * and compared with the implementation to 1e-12.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { Matrix } from "../src/core/matrix";
import {
  AdaGrad, Adam, AdamW, Momentum, Nesterov, OPTIMIZER_NAMES, Optimizer, RMSprop, SGD, createOptimizer,
} from "../src/optim";

const df = (x: number, y: number): [number, number] => [x / 10, 2 * y];

function start() {
  return { x: Matrix.full(1, 1, -7), y: Matrix.full(1, 1, 2) };
}

/** Positions after each of `steps` updates (the start excluded). */
function run(opt: Optimizer, steps: number): [number, number][] {
  const p = start();
  const out: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    const [gx, gy] = df(p.x.data[0], p.y.data[0]);
    opt.update(p, { x: Matrix.full(1, 1, gx), y: Matrix.full(1, 1, gy) });
    out.push([p.x.data[0], p.y.data[0]]);
  }
  return out;
}

/** The book's 30-point history: positions before each of 30 updates. */
function history(opt: Optimizer): { xs: number[]; ys: number[] } {
  const pts = [[-7, 2] as [number, number], ...run(opt, 29)];
  return { xs: pts.map((p) => p[0]), ys: pts.map((p) => p[1]) };
}

function close(actual: [number, number], expected: [number, number], tol = 1e-12): void {
  assert.ok(Math.abs(actual[0] - expected[0]) <= tol, `x: ${actual[0]} vs ${expected[0]}`);
  assert.ok(Math.abs(actual[1] - expected[1]) <= tol, `y: ${actual[1]} vs ${expected[1]}`);
}

describe("first steps by hand (f = x²/20 + y², start (−7, 2))", () => {
  it("SGD lr 0.95: W ← W − ηg", () => {
    const t = run(new SGD({ lr: 0.95 }), 3);
    // step 1: g = (−0.7, 4)        → (−7 + 0.665, 2 − 3.8)
    close(t[0], [-6.335, -1.8]);
    // step 2: g = (−0.6335, −3.6)  → (−6.335 + 0.601825, −1.8 + 3.42)
    close(t[1], [-5.733175, 1.62]);
    // step 3: g = (−0.5733175, 3.24) → (−5.733175 + 0.544651625, 1.62 − 3.078)
    close(t[2], [-5.188523375, -1.458]);
  });

  it("Momentum lr 0.1, α 0.9: v ← αv − ηg; W ← W + v", () => {
    const t = run(new Momentum({ lr: 0.1 }), 3);
    // step 1: v = −0.1·(−0.7, 4) = (0.07, −0.4)
    close(t[0], [-6.93, 1.6]);
    // step 2: g = (−0.693, 3.2); v = (0.063 + 0.0693, −0.36 − 0.32) = (0.1323, −0.68)
    close(t[1], [-6.7977, 0.92]);
    // step 3: g = (−0.67977, 1.84); v = (0.11907 + 0.067977, −0.612 − 0.184) = (0.187047, −0.796)
    close(t[2], [-6.610653, 0.124]);
  });

  it("Nesterov lr 0.1, α 0.9 (book form): W += α²v; W −= (1+α)ηg; v = αv − ηg", () => {
    const t = run(new Nesterov({ lr: 0.1 }), 3);
    // step 1: v = 0; W −= 0.19·(−0.7, 4) = (−0.133, 0.76); v = (0.07, −0.4)
    close(t[0], [-6.867, 1.24]);
    // step 2: W += 0.81·(0.07, −0.4) = (0.0567, −0.324) → (−6.8103, 0.916)
    //         g = (−0.6867, 2.48); W −= 0.19·g = (−0.130473, 0.4712)
    //         v = (0.063 + 0.06867, −0.36 − 0.248) = (0.13167, −0.608)
    close(t[1], [-6.679827, 0.4448]);
    // step 3: W += 0.81·(0.13167, −0.608) = (0.1066527, −0.49248) → (−6.5731743, −0.04768)
    //         g = (−0.6679827, 0.8896); W −= 0.19·g = (−0.126916713, 0.169024)
    close(t[2], [-6.446257587, -0.216704]);
  });

  it("AdaGrad lr 1.5: h += g²; W −= ηg/(√h + 1e-7)", () => {
    const t = run(new AdaGrad({ lr: 1.5 }), 2);
    // step 1: h = (0.49, 16), √h = (0.7, 4)
    const x1 = -7 - (1.5 * -0.7) / (0.7 + 1e-7);
    const y1 = 2 - (1.5 * 4) / (4 + 1e-7);
    close(t[0], [x1, y1]);
    // step 2: g = (x1/10, 2·y1); h = (0.49 + g_x², 16 + g_y²)
    const gx = x1 / 10, gy = 2 * y1;
    const x2 = x1 - (1.5 * gx) / (Math.sqrt(0.49 + gx * gx) + 1e-7);
    const y2 = y1 - (1.5 * gy) / (Math.sqrt(16 + gy * gy) + 1e-7);
    close(t[1], [x2, y2]);
    // and the numbers themselves: ≈ (−5.5, 0.5) after one step
    close(t[0], [-5.5, 0.5], 1e-6);
  });

  it("RMSprop lr 0.15, ρ 0.99: h = ρh + (1−ρ)g²; W −= ηg/(√h + 1e-7)", () => {
    const t = run(new RMSprop({ lr: 0.15 }), 2);
    // step 1: h = 0.01·(0.49, 16) = (0.0049, 0.16), √h = (0.07, 0.4)
    const x1 = -7 - (0.15 * -0.7) / (0.07 + 1e-7);
    const y1 = 2 - (0.15 * 4) / (0.4 + 1e-7);
    close(t[0], [x1, y1]);
    // step 2: h = 0.99·h + 0.01·g²
    const gx = x1 / 10, gy = 2 * y1;
    const hx = 0.99 * 0.0049 + 0.01 * gx * gx;
    const hy = 0.99 * 0.16 + 0.01 * gy * gy;
    close(t[1], [x1 - (0.15 * gx) / (Math.sqrt(hx) + 1e-7), y1 - (0.15 * gy) / (Math.sqrt(hy) + 1e-7)]);
  });

  it("Adam lr 0.3 (book's folded bias correction)", () => {
    const t = run(new Adam({ lr: 0.3 }), 2);
    // t = 1: lr_t = 0.3·√(1 − 0.999)/(1 − 0.9) = 3·√0.001
    //        m = 0.1·g = (−0.07, 0.4);  v = 0.001·g² = (0.00049, 0.016)
    const lr1 = 3 * Math.sqrt(0.001);
    const x1 = -7 - (lr1 * -0.07) / (Math.sqrt(0.00049) + 1e-7);
    const y1 = 2 - (lr1 * 0.4) / (Math.sqrt(0.016) + 1e-7);
    close(t[0], [x1, y1]);
    // the well-known fact: Adam's first step moves each coordinate by ≈ lr
    close(t[0], [-6.7, 1.7], 1e-5);
    // t = 2: lr_t = 0.3·√(1 − 0.999²)/(1 − 0.9²)
    const gx = x1 / 10, gy = 2 * y1;
    const lr2 = (0.3 * Math.sqrt(1 - 0.998001)) / (1 - 0.81);
    const mx = -0.07 + 0.1 * (gx - -0.07), my = 0.4 + 0.1 * (gy - 0.4);
    const vx = 0.00049 + 0.001 * (gx * gx - 0.00049), vy = 0.016 + 0.001 * (gy * gy - 0.016);
    close(t[1], [x1 - (lr2 * mx) / (Math.sqrt(vx) + 1e-7), y1 - (lr2 * my) / (Math.sqrt(vy) + 1e-7)]);
  });

  it("AdamW lr 0.3, λ 0.1: W −= ηλW, then the Adam step (gradient taken before the update)", () => {
    const t = run(new AdamW({ lr: 0.3, weightDecay: 0.1 }), 1);
    // decay: (−7, 2) − 0.03·(−7, 2) = (−6.79, 1.94); then Adam's first step as above
    const lr1 = 3 * Math.sqrt(0.001);
    const x1 = -6.79 - (lr1 * -0.07) / (Math.sqrt(0.00049) + 1e-7);
    const y1 = 1.94 - (lr1 * 0.4) / (Math.sqrt(0.016) + 1e-7);
    close(t[0], [x1, y1]);
  });

  it("AdamW with weightDecay 0 is exactly Adam", () => {
    assert.deepEqual(run(new AdamW({ lr: 0.3, weightDecay: 0 }), 10), run(new Adam({ lr: 0.3 }), 10));
  });

  it("book defaults", () => {
    assert.equal(new SGD().lr, 0.01);
    assert.deepEqual(new Momentum().hyperparams(), { lr: 0.01, momentum: 0.9 });
    assert.deepEqual(new Nesterov().hyperparams(), { lr: 0.01, momentum: 0.9 });
    assert.equal(new AdaGrad().lr, 0.01);
    assert.deepEqual(new RMSprop().hyperparams(), { lr: 0.01, decayRate: 0.99 });
    assert.deepEqual(new Adam().hyperparams(), { lr: 0.001, beta1: 0.9, beta2: 0.999 });
    assert.deepEqual(new AdamW().hyperparams(), { lr: 0.001, beta1: 0.9, beta2: 0.999, weightDecay: 0.01 });
  });
});

describe("the book's 30-step trajectories (optimizer_compare_naive.py)", () => {
  it("SGD lr 0.95 zig-zags: y changes sign every step, |y| shrinks by 0.9; x creeps toward 0", () => {
    const { xs, ys } = history(new SGD({ lr: 0.95 }));
    assert.equal(xs.length, 30);
    for (let i = 1; i < 30; i++) {
      assert.ok(Math.sign(ys[i]) === -Math.sign(ys[i - 1]), `step ${i}: y ${ys[i - 1]} → ${ys[i]}`);
      assert.ok(Math.abs(Math.abs(ys[i] / ys[i - 1]) - 0.9) < 1e-12);
      assert.ok(xs[i] > xs[i - 1] && xs[i] < 0);
    }
    assert.ok(xs[29] < -0.3, "SGD is still far from the minimum in x after 30 points");
  });

  it("Momentum rolls like a ball: x overshoots past 0, y swings slowly (few sign changes)", () => {
    const { xs, ys } = history(new Momentum({ lr: 0.1 }));
    assert.ok(xs.some((x) => x > 0), "x overshoots the minimum");
    const flips = ys.slice(1).filter((y, i) => Math.sign(y) !== Math.sign(ys[i])).length;
    assert.ok(flips >= 2 && flips <= 6, `y sign changes: ${flips}`);
  });

  it("AdaGrad: y is damped at once, x approaches 0 monotonically with shrinking steps", () => {
    const { xs, ys } = history(new AdaGrad({ lr: 1.5 }));
    assert.ok(Math.abs(ys[8]) < 1e-3);
    for (let i = 1; i < 30; i++) assert.ok(xs[i] > xs[i - 1] && xs[i] < 0);
    for (let i = 2; i < 30; i++) assert.ok(xs[i] - xs[i - 1] < xs[i - 1] - xs[i - 2]);
  });

  it("Adam: steps of about lr at first, ends near the origin", () => {
    const { xs, ys } = history(new Adam({ lr: 0.3 }));
    assert.ok(Math.abs(xs[1] - xs[0] - 0.3) < 1e-5 && Math.abs(ys[1] - ys[0] + 0.3) < 1e-5);
    assert.ok(Math.hypot(xs[29], ys[29]) < 0.5);
  });

  it("every optimizer ends closer to the minimum than it started", () => {
    const f = (x: number, y: number) => (x * x) / 20 + y * y;
    for (const o of [
      new SGD({ lr: 0.95 }), new Momentum({ lr: 0.1 }), new Nesterov({ lr: 0.1 }), new AdaGrad({ lr: 1.5 }),
      new RMSprop({ lr: 0.15 }), new Adam({ lr: 0.3 }), new AdamW({ lr: 0.3, weightDecay: 0.1 }),
    ]) {
      const { xs, ys } = history(o);
      assert.ok(f(xs[29], ys[29]) < f(-7, 2) / 10, o.name);
    }
  });
});

describe("state, in-place update, reset", () => {
  it("update changes the same Matrix objects in place", () => {
    for (const name of OPTIMIZER_NAMES) {
      const p = { W: Matrix.from([[1, 2], [3, 4]]), b: Matrix.row([0.5, -0.5]) };
      const W = p.W, b = p.b, wData = p.W.data;
      const opt = createOptimizer(name, { lr: 0.1 });
      opt.update(p, { W: Matrix.full(2, 2, 1), b: Matrix.row([1, -1]) });
      assert.equal(p.W, W, name);
      assert.equal(p.b, b, name);
      assert.equal(p.W.data, wData, name);
      assert.ok(p.W.data[0] < 1 && p.b.data[1] > -0.5, name);
    }
  });

  it("state is created lazily per key, shaped like the parameter", () => {
    const m = new Momentum();
    assert.equal(m.v.peek("x"), undefined);
    run(m, 1);
    assert.deepEqual(m.v.peek("x")?.shape, [1, 1]);
  });

  it("reset() makes the optimizer behave like a fresh one", () => {
    for (const name of OPTIMIZER_NAMES) {
      const fresh = run(createOptimizer(name, { lr: 0.1 }), 5);
      const used = createOptimizer(name, { lr: 0.1 });
      run(used, 7);
      used.reset();
      assert.deepEqual(run(used, 5), fresh, name);
    }
    const a = new Adam();
    run(a, 3);
    assert.equal(a.iter, 3);
    a.reset();
    assert.equal(a.iter, 0);
    assert.equal(a.m.peek("x"), undefined);
  });

  it("a parameter whose shape changes between updates is reported by key", () => {
    const opt = new Momentum();
    opt.update({ W: Matrix.zeros(2, 2) }, { W: Matrix.zeros(2, 2) });
    assert.throws(() => opt.update({ W: Matrix.zeros(3, 2) }, { W: Matrix.zeros(3, 2) }), /params\["W"\].*reset\(\)/);
  });
});

describe("registry and errors", () => {
  it("names are case-insensitive and give the right class", () => {
    assert.ok(createOptimizer("SGD") instanceof SGD);
    assert.ok(createOptimizer("Momentum") instanceof Momentum);
    assert.ok(createOptimizer("nesterov") instanceof Nesterov);
    assert.ok(createOptimizer("AdaGrad") instanceof AdaGrad);
    assert.ok(createOptimizer("RMSprop") instanceof RMSprop);
    assert.ok(createOptimizer("ADAM") instanceof Adam);
    assert.ok(createOptimizer("AdamW") instanceof AdamW);
    assert.equal(createOptimizer("adam", { lr: 0.3 }).lr, 0.3);
    assert.deepEqual(createOptimizer("rmsprop", { decay_rate: 0.9 }).hyperparams(), { lr: 0.01, decayRate: 0.9 });
  });

  it("unknown name lists the valid names", () => {
    assert.throws(() => createOptimizer("adamax"), (e: unknown) => {
      assert.ok(e instanceof ArgumentError);
      assert.equal(e.argument, "name");
      for (const n of ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"]) assert.ok(e.message.includes(n));
      return true;
    });
  });

  it("lr ≤ 0 or not finite → ArgumentError('lr')", () => {
    for (const lr of [0, -0.1, NaN, Infinity]) {
      for (const name of OPTIMIZER_NAMES) {
        assert.throws(() => createOptimizer(name, { lr }), (e: unknown) => e instanceof ArgumentError && e.argument === "lr");
      }
    }
    assert.throws(() => new SGD({ lr: -1 }), /lr: expected a finite number > 0/);
  });

  it("other hyperparameters are range-checked", () => {
    assert.throws(() => new Momentum({ momentum: 1 }), /momentum/);
    assert.throws(() => new RMSprop({ decayRate: -0.1 }), /decayRate/);
    assert.throws(() => new Adam({ beta2: 1.5 }), /beta2/);
    assert.throws(() => new AdamW({ weightDecay: -1 }), /weightDecay/);
  });

  it("unknown hyperparameter key is named", () => {
    assert.throws(() => createOptimizer("momentum", { lr: 0.1, momentun: 0.9 }), /momentun.*lr, momentum/);
    assert.throws(() => createOptimizer("sgd", { momentum: 0.9 }), /createOptimizer\("sgd"\): unknown option "momentum"; valid options are lr/);
  });

  it("mismatched params/grads keys or shapes name the key; nothing is changed", () => {
    const opt = new SGD({ lr: 0.1 });
    const p = { W1: Matrix.full(2, 3, 1), b1: Matrix.row([1, 1, 1]) };
    assert.throws(() => opt.update(p, { W1: Matrix.zeros(2, 3) }), /key "b1" is missing/);
    assert.throws(() => opt.update(p, { W1: Matrix.zeros(3, 2), b1: Matrix.zeros(1, 3) }), /grads\["W1"\].*\(2, 3\).*\(3, 2\)/);
    assert.throws(
      () => opt.update(p, { W1: Matrix.zeros(2, 3), b1: Matrix.zeros(1, 3), W2: Matrix.zeros(1, 1) }),
      /extra key "W2"/,
    );
    assert.ok(p.W1.data.every((v) => v === 1) && p.b1.data.every((v) => v === 1));
  });
});
