/**
 * 6.1 パラメータの更新 on a 2-D function: the book's optimizer_compare_naive.py
 * (f(x, y) = x²/20 + y², start (−7, 2), 30 updates) and the precomputed runs
 * behind the notebook's sliders. Plain data only; figures live in src/viz/optimizers.
 *
 * CLI: npm run -s exp -- optimizers-2d --optimizer SGD --lr 0.95 --json
 */
import { UnknownOptionError } from "../../core/options";
import { ArgumentError, assertInteger } from "../../core/errors";
import { DIVERGENCE_REASON_JA, DivergenceReason, Function2D, Point2D, optimizePath, presetFunction } from "../../functions/index";
import { createOptimizer } from "../../optim/index";
import { currentBudget } from "../../core/budget";
import { defineCli } from "../../cli/experiment";

/** The book's names, in the order the notebook shows them. */
export const OPTIMIZERS_2D = ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"] as const;
export type BookOptimizerName = (typeof OPTIMIZERS_2D)[number];

export type Hyperparams = Record<string, number>;

/**
 * Settings of the 2-D comparison. SGD, Momentum, AdaGrad and Adam are the
 * book's (optimizer_compare_naive.py); the book does not draw Nesterov or
 * RMSprop, so ours are chosen to be comparable: Nesterov with Momentum's
 * settings (the only difference is the look-ahead), RMSprop with lr = 0.1
 * (its first step moves each coordinate by lr/√(1−ρ) = 1).
 */
export const BOOK_2D_SETTINGS: Record<BookOptimizerName, Hyperparams> = {
  SGD: { lr: 0.95 },
  Momentum: { lr: 0.1, momentum: 0.9 },
  Nesterov: { lr: 0.1, momentum: 0.9 },
  AdaGrad: { lr: 1.5 },
  RMSprop: { lr: 0.1, decayRate: 0.99 },
  Adam: { lr: 0.3, beta1: 0.9, beta2: 0.999 },
};

/** Which settings are the book's own (the others are ours). */
export const FROM_BOOK_2D: Record<BookOptimizerName, boolean> = {
  SGD: true, Momentum: true, Nesterov: false, AdaGrad: true, RMSprop: false, Adam: true,
};

export const BOOK_START: Point2D = [-7, 2];
/** The book loops 30 times (and plots the start + the first 29 updates). */
export const BOOK_STEPS = 30;

/** The book's name for a case-insensitive spelling ("adam" → "Adam"). */
export function bookOptimizerName(name: string): BookOptimizerName {
  const key = String(name).trim().toLowerCase();
  const found = OPTIMIZERS_2D.find((n) => n.toLowerCase() === key);
  if (!found) throw new ArgumentError("optimizer", `one of ${OPTIMIZERS_2D.join(", ")} (case-insensitive)`, name);
  return found;
}

export interface Run2D {
  optimizer: BookOptimizerName;
  hyperparams: Hyperparams;
  /** Start first, then one point per update (until divergence). */
  path: Point2D[];
  /** f at each point of path. */
  f: number[];
  diverged: boolean;
  /** 1-based update at which the run diverged, or null. */
  divergedAt: number | null;
  /** Why it diverged (only when diverged; see optimizePath). */
  reason?: DivergenceReason;
}

export interface Path2DOptions {
  optimizer: string;
  /** Overrides of the book's 2-D settings (BOOK_2D_SETTINGS), e.g. { lr: 0.5 }. */
  hyperparams?: Hyperparams;
  /** A Function2D, a preset name ("book", "rosenbrock", …) or a mathjs formula. Default: the book's f. */
  fn?: Function2D | string;
  start?: Point2D;
  steps?: number;
}

/** A Function2D from an object, a preset name or a formula string. */
export function toFunction2D(fn: Function2D | string | undefined): Function2D {
  if (fn === undefined) return presetFunction("book");
  if (fn instanceof Function2D) return fn;
  if (typeof fn !== "string") throw new ArgumentError("fn", "a Function2D, a preset name or a formula string", fn);
  try {
    return presetFunction(fn);
  } catch {
    return new Function2D(fn);
  }
}

/** One run of one optimizer on a 2-D function (the book's loop, via the engine's optimizePath). */
export function optimizerPath2D({ optimizer, hyperparams = {}, fn, start, steps = BOOK_STEPS }: Path2DOptions): Run2D {
  const name = bookOptimizerName(optimizer);
  const f = toFunction2D(fn);
  assertInteger("steps", steps, 0, 100000);
  const hp = { ...BOOK_2D_SETTINGS[name], ...hyperparams };
  const r = optimizePath(f, createOptimizer(name, hp), start ?? f.start, steps);
  const run: Run2D = { optimizer: name, hyperparams: hp, path: r.points, f: r.f, diverged: r.diverged, divergedAt: r.divergedAt };
  if (r.reason !== undefined) run.reason = r.reason;
  return run;
}

export interface Compare2DOptions {
  fn?: Function2D | string;
  start?: Point2D;
  steps?: number;
  optimizers?: readonly string[];
  /** Per-optimizer overrides of BOOK_2D_SETTINGS. */
  settings?: Partial<Record<BookOptimizerName, Hyperparams>>;
}

/** The six optimizers from the same start (the book's 2×2 panel and the overlay). */
export function compareOptimizers2D({ fn, start, steps = BOOK_STEPS, optimizers = OPTIMIZERS_2D, settings = {} }: Compare2DOptions = {}): Run2D[] {
  const f = toFunction2D(fn);
  const s = start ?? f.start;
  return optimizers.map((o) => {
    const name = bookOptimizerName(o);
    return optimizerPath2D({ optimizer: name, hyperparams: settings[name], fn: f, start: s, steps });
  });
}

/** A value of a swept setting and its label on the slider / dropdown. */
export interface SweepValue {
  label: string;
  value: number | string;
}

/**
 * Precomputed runs on a grid outer × inner, for a figure with a dropdown
 * (outer) and a slider (inner). runs[i][j] is the run for outer[i], inner[j];
 * defaults[i] is the slider position shown first for outer[i].
 */
export interface Sweep2D {
  title: string;
  outerName: string;
  innerName: string;
  outer: SweepValue[];
  inner: SweepValue[][];
  runs: Run2D[][];
  defaults: number[];
  /** Dropdown entry shown first. */
  outerDefault: number;
  start: Point2D;
  steps: number;
}

/** 1-2-5 steps from 0.01 to 5: log-spaced, readable, and past every divergence bound here. */
export const LR_GRID = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

/** The grid with `extra` inserted in order (no duplicates). */
function withValue(grid: readonly number[], extra: number): number[] {
  return [...new Set([...grid, extra])].sort((a, b) => a - b);
}

function checkGrid(name: string, values: readonly number[]): void {
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new ArgumentError(name, "a non-empty array of finite numbers", values);
  }
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

/**
 * Learning-rate slider: for each optimizer, the runs over LR_GRID plus the
 * setting's own lr (the slider starts there). Settings: BOOK_2D_SETTINGS with
 * `settings` overrides; only lr varies.
 */
export function lrSweep2D({ fn, start, steps = BOOK_STEPS, optimizers = OPTIMIZERS_2D, settings = {}, lrs = LR_GRID }: Compare2DOptions & { lrs?: readonly number[] } = {}): Sweep2D {
  checkGrid("lrs", lrs);
  const f = toFunction2D(fn);
  const s = start ?? f.start;
  const names = optimizers.map(bookOptimizerName);
  const inner: SweepValue[][] = [];
  const runs: Run2D[][] = [];
  const defaults: number[] = [];
  for (const name of names) {
    const base = { ...BOOK_2D_SETTINGS[name], ...(settings[name] ?? {}) };
    const grid = withValue(lrs, base.lr);
    inner.push(grid.map((lr) => ({ label: fmt(lr), value: lr })));
    runs.push(grid.map((lr) => optimizerPath2D({ optimizer: name, hyperparams: { ...base, lr }, fn: f, start: s, steps })));
    defaults.push(grid.indexOf(base.lr));
  }
  return {
    title: "学習係数 lr", outerName: "optimizer", innerName: "lr",
    outer: names.map((n) => ({ label: n, value: n })), inner, runs, defaults, outerDefault: 0, start: s, steps,
  };
}

export const MOMENTUM_GRID = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99];

/** Momentum α slider for Momentum and Nesterov (lr fixed: the 2-D setting 0.1, or `settings`). */
export function momentumSweep2D({ fn, start, steps = BOOK_STEPS, settings = {}, momenta = MOMENTUM_GRID }: Compare2DOptions & { momenta?: readonly number[] } = {}): Sweep2D {
  checkGrid("momenta", momenta);
  const f = toFunction2D(fn);
  const s = start ?? f.start;
  const names: BookOptimizerName[] = ["Momentum", "Nesterov"];
  const grid = withValue(momenta, 0.9);
  return {
    title: "モーメンタム α", outerName: "optimizer", innerName: "momentum",
    outer: names.map((n) => ({ label: n, value: n })),
    inner: names.map(() => grid.map((m) => ({ label: fmt(m), value: m }))),
    runs: names.map((n) => grid.map((momentum) => optimizerPath2D({ optimizer: n, hyperparams: { ...settings[n], momentum }, fn: f, start: s, steps }))),
    defaults: names.map(() => grid.indexOf(0.9)),
    outerDefault: 0,
    start: s, steps,
  };
}

export const BETA1_GRID = [0, 0.5, 0.8, 0.9, 0.95, 0.99];
export const BETA2_GRID = [0.9, 0.99, 0.999, 0.9999];

/** Adam: dropdown β2, slider β1 (lr fixed: the book's 0.3, or `settings.Adam`). */
export function adamBetaSweep2D({ fn, start, steps = BOOK_STEPS, settings = {}, beta1s = BETA1_GRID, beta2s = BETA2_GRID }: Compare2DOptions & { beta1s?: readonly number[]; beta2s?: readonly number[] } = {}): Sweep2D {
  checkGrid("beta1s", beta1s);
  checkGrid("beta2s", beta2s);
  const f = toFunction2D(fn);
  const s = start ?? f.start;
  const b1 = withValue(beta1s, 0.9);
  const b2 = withValue(beta2s, 0.999);
  return {
    title: "Adam の β₁・β₂", outerName: "beta2", innerName: "beta1",
    outer: b2.map((v) => ({ label: `β₂ = ${fmt(v)}`, value: v })),
    inner: b2.map(() => b1.map((v) => ({ label: fmt(v), value: v }))),
    runs: b2.map((beta2) => b1.map((beta1) => optimizerPath2D({ optimizer: "Adam", hyperparams: { ...settings.Adam, beta1, beta2 }, fn: f, start: s, steps }))),
    defaults: b2.map(() => b1.indexOf(0.9)),
    outerDefault: b2.indexOf(0.999),
    start: s, steps,
  };
}

// ---------------------------------------------------------------- CLI

/** What `optimizers-2d` takes on the command line. */
export interface Paths2DCliOptions {
  optimizer: string;
  lr: number;
  momentum: number;
  decayRate: number;
  beta1: number;
  beta2: number;
  steps: number;
  x0: number;
  y0: number;
  formula: string;
}

export const cli = defineCli<Paths2DCliOptions>({
  name: "optimizers-2d",
  description: "6.1: one optimizer's path on a 2-D function (default the book's x²/20 + y² from (−7, 2))",
  options: {
    optimizer: { kind: "string", description: `${OPTIMIZERS_2D.join(", ")} (case-insensitive; default SGD)` },
    lr: { kind: "number", description: "learning rate (default: the book's 2-D setting of the optimizer)" },
    momentum: { kind: "number", description: "Momentum/Nesterov α (default 0.9)" },
    decayRate: { kind: "number", description: "RMSprop ρ (default 0.99)" },
    beta1: { kind: "number", description: "Adam β1 (default 0.9)" },
    beta2: { kind: "number", description: "Adam β2 (default 0.999)" },
    steps: { kind: "number", description: `number of updates (default ${BOOK_STEPS})` },
    x0: { kind: "number", description: "start x (default −7, or the preset's start)" },
    y0: { kind: "number", description: "start y (default 2, or the preset's start)" },
    formula: { kind: "string", description: "f(x, y) in mathjs syntax, or a preset name (book, rosenbrock, beale, saddle, himmelblau)" },
  },
  run(o) {
    const name = bookOptimizerName(o.optimizer ?? "SGD");
    const fn = toFunction2D(o.formula);
    const hyperparams: Hyperparams = {};
    for (const k of ["lr", "momentum", "decayRate", "beta1", "beta2"] as const) {
      const v = o[k];
      if (v === undefined) continue;
      if (!(k in BOOK_2D_SETTINGS[name])) {
        const flags = Object.keys(BOOK_2D_SETTINGS[name]).map((h) => "--" + h.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()));
        throw new ArgumentError(`--${k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}`, `only with an optimizer that has this hyperparameter (${name} takes ${flags.join(", ")})`, v);
      }
      hyperparams[k] = v;
    }
    const deflt = fn.start;
    const start: Point2D = [o.x0 ?? deflt[0], o.y0 ?? deflt[1]];
    const steps = o.steps ?? BOOK_STEPS;
    const run = optimizerPath2D({ optimizer: name, hyperparams, fn, start, steps });
    return {
      budget: currentBudget(),
      seed: null, // deterministic: no randomness in a 2-D path
      formula: fn.expression,
      optimizer: run.optimizer,
      hyperparams: run.hyperparams,
      start,
      steps,
      path: run.path,
      diverged: run.diverged,
      divergedAt: run.divergedAt,
      ...(run.reason ? { reason: run.reason, reasonJa: DIVERGENCE_REASON_JA[run.reason] } : {}),
    };
  },
});
