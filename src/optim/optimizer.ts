/**
 * What every optimizer shares: the book's `update(params, grads)` contract.
 *
 * `params` and `grads` are dictionaries of matrices keyed by name (W1, b1, …),
 * exactly like the book's `network.params` / `grads`. `update` changes the
 * parameter matrices IN PLACE (the same Matrix objects, new values), so a
 * network holding references to them sees the step. Per-parameter state
 * (velocity v, squared-gradient sum h, Adam's m and v) is keyed by the same
 * names and created lazily at the first update, as in the book.
 */
import { ArgumentError, ShapeError, assertFinite, assertInRange, assertPositive } from "../core/errors";
import { Matrix } from "../core/matrix";
import type { Params } from "../nn/types";

/** Parameters or gradients by name (W1, b1, …; biases 1×n rows), from src/nn/types.ts. */
export type { Params };

export interface Optimizer {
  /** Registry name: "sgd", "momentum", … */
  readonly name: OptimizerName;
  readonly lr: number;
  /** One step: params[key] -= … for every key, in place. */
  update(params: Params, grads: Params): void;
  /** Forget all state (velocities, accumulators, Adam's step count). */
  reset(): void;
  /** The hyperparameters this optimizer was built with (for logs and tables). */
  hyperparams(): Record<string, number>;
}

export type OptimizerName = "sgd" | "momentum" | "nesterov" | "adagrad" | "rmsprop" | "adam" | "adamw";

/**
 * Throws unless `grads` has exactly the keys of `params`, each with the same shape.
 * The message names the offending key.
 */
export function checkParamsGrads(params: Params, grads: Params): void {
  if (params === null || typeof params !== "object") throw new ArgumentError("params", "an object of Matrix by name", params);
  if (grads === null || typeof grads !== "object") throw new ArgumentError("grads", "an object of Matrix by name", grads);
  for (const key of Object.keys(params)) {
    const p = params[key];
    if (!(p instanceof Matrix)) throw new ArgumentError(`params["${key}"]`, "a Matrix", p);
    const g = grads[key];
    if (g === undefined) {
      throw new ArgumentError("grads", `a gradient for every parameter, but key "${key}" is missing (has ${Object.keys(grads).join(", ") || "none"})`);
    }
    if (!(g instanceof Matrix)) throw new ArgumentError(`grads["${key}"]`, "a Matrix", g);
    if (g.rows !== p.rows || g.cols !== p.cols) {
      throw new ShapeError(`grads["${key}"]`, `${p.shapeString()} like params["${key}"]`, g.shapeString());
    }
  }
  for (const key of Object.keys(grads)) {
    if (!(key in params)) {
      throw new ArgumentError("grads", `only keys of params (${Object.keys(params).join(", ")}), but has extra key "${key}"`);
    }
  }
}

/**
 * Per-parameter state (the book's `self.v[key]`, `self.h[key]` …): a zero
 * matrix shaped like params[key], created the first time the key is seen.
 */
export class StateByKey {
  private readonly map = new Map<string, Matrix>();

  constructor(private readonly label: string) {}

  get(key: string, like: Matrix): Matrix {
    let s = this.map.get(key);
    if (s === undefined) {
      s = Matrix.zeros(like.rows, like.cols); // np.zeros_like(val)
      this.map.set(key, s);
    } else if (s.rows !== like.rows || s.cols !== like.cols) {
      throw new ShapeError(
        `params["${key}"]`,
        `${s.shapeString()} as in earlier updates (${this.label} state); call reset() after changing the network`,
        like.shapeString(),
      );
    }
    return s;
  }

  /** Read-only look at the state of one key (undefined before the first update). */
  peek(key: string): Matrix | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }
}

export function checkLr(lr: number): number {
  assertPositive("lr", lr);
  return lr;
}

/** A rate in [0, 1): momentum, decay_rate, beta1, beta2. */
export function checkRate(name: string, v: number): number {
  assertFinite(name, v);
  assertInRange(name, v, 0, 1);
  return v;
}

export function checkNonNegative(name: string, v: number): number {
  assertFinite(name, v);
  if (v < 0) throw new ArgumentError(name, "a finite number >= 0", v);
  return v;
}
