/**
 * AdaGrad's effective learning rate (beyond the book's words "学習係数の減衰"):
 * AdaGrad moves each coordinate by η_eff · g with η_eff = η / (√h + 1e-7) and
 * h = Σ g² growing forever, so η_eff only goes down (with a constant gradient
 * g: h = t g², η_eff = η / (|g| √t) → 0). RMSprop forgets old gradients and
 * its η_eff settles instead.
 *
 * On the book's f without noise the gradient itself dies out near the minimum,
 * so h stops growing and η_eff levels off (it never rises). With noisy
 * gradients (`noise` > 0: g + N(0, noise²), like mini-batch gradients that do
 * not vanish) h grows about like t·noise² and η_eff falls like η/(noise·√t).
 *
 * η_eff is MEASURED from the engine's updates, not recomputed from a formula:
 * η_eff = −Δθ / g per coordinate (for AdaGrad and RMSprop the step is exactly
 * that product), so the figure shows what the optimizer class really does.
 */
import { ArgumentError, assertFinite, assertInteger } from "../../core/errors";
import { RNG } from "../../core/rng";
import { Matrix } from "../../core/matrix";
import { createOptimizer } from "../../optim/index";
import type { Point2D } from "../../functions/index";
import { BOOK_START, toFunction2D } from "./paths-2d";

export interface EffectiveLrSeries {
  optimizer: string;
  lr: number;
  /** Update numbers t = 1 … steps. */
  t: number[];
  /** η_eff of x and of y at each update (null where g = 0). */
  x: (number | null)[];
  y: (number | null)[];
  /** The formula's value η / (√(Σ g²) + 1e-7), from the gradients passed in (AdaGrad only; checks the measurement). */
  formulaX: number[];
  formulaY: number[];
}

export interface EffectiveLrOptions {
  /** "AdaGrad" or "RMSprop" (the rules whose step is η_eff · g). */
  optimizer?: string;
  lr?: number;
  steps?: number;
  fn?: string;
  start?: Point2D;
  /** Standard deviation of Gaussian noise added to each gradient (default 0). */
  noise?: number;
  /** Seed of the noise. */
  seed?: number;
}

export function effectiveLr({ optimizer = "AdaGrad", lr = 1.5, steps = 200, fn = "book", start = BOOK_START, noise = 0, seed = 0 }: EffectiveLrOptions = {}): EffectiveLrSeries {
  assertFinite("noise", noise);
  if (noise < 0) throw new ArgumentError("noise", "a standard deviation >= 0", noise);
  const rng = new RNG(seed);
  const key = String(optimizer).toLowerCase();
  if (key !== "adagrad" && key !== "rmsprop") throw new ArgumentError("optimizer", '"AdaGrad" or "RMSprop"', optimizer);
  assertInteger("steps", steps, 1, 100000);
  const f = toFunction2D(fn);
  const opt = createOptimizer(key, { lr });
  const p = { x: Matrix.full(1, 1, start[0]), y: Matrix.full(1, 1, start[1]) };
  const out: EffectiveLrSeries = { optimizer: key === "adagrad" ? "AdaGrad" : "RMSprop", lr, t: [], x: [], y: [], formulaX: [], formulaY: [] };
  let hx = 0, hy = 0;
  for (let t = 1; t <= steps; t++) {
    let [gx, gy] = f.grad(p.x.data[0], p.y.data[0]);
    if (noise > 0) {
      gx += rng.normal(0, noise);
      gy += rng.normal(0, noise);
    }
    const [x0, y0] = [p.x.data[0], p.y.data[0]];
    opt.update(p, { x: Matrix.full(1, 1, gx), y: Matrix.full(1, 1, gy) });
    hx += gx * gx;
    hy += gy * gy;
    out.t.push(t);
    out.x.push(gx !== 0 ? -(p.x.data[0] - x0) / gx : null);
    out.y.push(gy !== 0 ? -(p.y.data[0] - y0) / gy : null);
    out.formulaX.push(lr / (Math.sqrt(hx) + 1e-7));
    out.formulaY.push(lr / (Math.sqrt(hy) + 1e-7));
  }
  return out;
}
