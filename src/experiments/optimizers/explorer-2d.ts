/**
 * What the live optimizer explorer (6-1) computes for one state, in Node and
 * in the page alike: the path of one optimizer (or of all six with the book's
 * settings) from (x0, y0), and f on a grid for the contour.
 *
 * The state uses the CLI's option names (optimizer, lr, momentum, beta1,
 * beta2, rho = RMSprop's decayRate, x0, y0, steps, formula). It may come from a
 * shared URL, so every field is checked and capped (checkExplorer2DState).
 */
import { ArgumentError } from "../../core/errors";
import { Function2D, type DivergenceReason } from "../../functions/index";
import { BOOK_2D_SETTINGS, OPTIMIZERS_2D, bookOptimizerName, optimizerPath2D, toFunction2D, type Hyperparams } from "./paths-2d";

export const EXPLORER_2D_LIMITS = { steps: 1000, formulaLength: 500, coordinate: 1e6, lr: 100 } as const;

export interface Explorer2DState {
  /** One of the six (case-insensitive) or "all" (each with the book's 2-D setting). */
  optimizer?: string;
  lr?: number;
  momentum?: number;
  beta1?: number;
  beta2?: number;
  rho?: number;
  x0?: number;
  y0?: number;
  steps?: number;
  /** mathjs formula or a preset name; default the book's x²/20 + y². */
  formula?: string;
}

export interface Explorer2DPath {
  optimizer: string;
  hyperparams: Hyperparams;
  /** [[x, y], …], start first. */
  path: [number, number][];
  f: number[];
  diverged: boolean;
  divergedAt: number | null;
  reason?: DivergenceReason;
}

export interface Explorer2DResult {
  formula: string;
  xRange: [number, number];
  yRange: [number, number];
  paths: Explorer2DPath[];
  /** f on a grid (z[j][i] = f(x[i], y[j])), for the contour. */
  contour: { x: number[]; y: number[]; z: number[][] };
}

const KEYS = ["optimizer", "lr", "momentum", "beta1", "beta2", "rho", "x0", "y0", "steps", "formula"];

/** The state with defaults filled in; throws an ArgumentError naming the field for anything refused. */
export function checkExplorer2DState(raw: unknown): Required<Omit<Explorer2DState, "lr" | "momentum" | "beta1" | "beta2" | "rho">> & Explorer2DState {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ArgumentError("state", "an object", raw);
  const s = raw as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!KEYS.includes(k)) throw new ArgumentError(k, `not a setting of the optimizer explorer (settings: ${KEYS.join(", ")})`);
  const num = (k: string, lo: number, hi: number, loOpen = false): number | undefined => {
    const v = s[k];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v > hi || (loOpen ? v <= lo : v < lo)) {
      throw new ArgumentError(k, `a number in ${loOpen ? "(" : "["}${lo}, ${hi}]`, v);
    }
    return v;
  };
  const optimizer = s.optimizer === undefined ? "all" : String(s.optimizer);
  if (optimizer.toLowerCase() !== "all") bookOptimizerName(optimizer);
  const formula = s.formula === undefined ? "book" : s.formula;
  if (typeof formula !== "string" || formula.length > EXPLORER_2D_LIMITS.formulaLength) {
    throw new ArgumentError("formula", `a formula of at most ${EXPLORER_2D_LIMITS.formulaLength} characters`, formula);
  }
  const steps = num("steps", 0, EXPLORER_2D_LIMITS.steps) ?? 30;
  if (!Number.isInteger(steps)) throw new ArgumentError("steps", `an integer in [0, ${EXPLORER_2D_LIMITS.steps}]`, steps);
  const c = EXPLORER_2D_LIMITS.coordinate;
  return {
    optimizer, formula, steps,
    x0: num("x0", -c, c) ?? NaN, y0: num("y0", -c, c) ?? NaN,
    lr: num("lr", 0, EXPLORER_2D_LIMITS.lr, true), momentum: num("momentum", 0, 0.9999), beta1: num("beta1", 0, 0.9999),
    beta2: num("beta2", 0, 0.9999999), rho: num("rho", 0, 0.9999999),
  };
}

/** f on a res × res grid over the view. */
export function contourGrid(fn: Function2D, res = 81): Explorer2DResult["contour"] {
  const [x0, x1] = fn.xRange, [y0, y1] = fn.yRange;
  const x = Array.from({ length: res }, (_, i) => x0 + ((x1 - x0) * i) / (res - 1));
  const y = Array.from({ length: res }, (_, j) => y0 + ((y1 - y0) * j) / (res - 1));
  const z = y.map((yv) => x.map((xv) => fn.f(xv, yv)));
  return { x, y, z };
}

/**
 * The last formula's Function2D and contour grid: a slider move or a new start
 * point changes neither, so they are not parsed, differentiated, compiled or
 * evaluated on the 81 × 81 grid again (the grid is read-only for callers).
 */
let memo: { formula: string; fn: Function2D; contour?: Explorer2DResult["contour"] } | null = null;

function memoFunction(formula: string, given?: { formula: string; fn: Function2D }): NonNullable<typeof memo> {
  if (given && given.formula === formula && memo?.fn !== given.fn) memo = { formula, fn: given.fn };
  if (!memo || memo.formula !== formula) memo = { formula, fn: toFunction2D(formula) };
  return memo;
}

export function explore2D(rawState: unknown, fnCache?: { formula: string; fn: Function2D }): Explorer2DResult {
  const s = checkExplorer2DState(rawState);
  const m = memoFunction(s.formula, fnCache);
  const fn = m.fn;
  const start: [number, number] = [Number.isNaN(s.x0) ? fn.start[0] : s.x0, Number.isNaN(s.y0) ? fn.start[1] : s.y0];
  const names = s.optimizer.toLowerCase() === "all" ? [...OPTIMIZERS_2D] : [bookOptimizerName(s.optimizer)];
  const paths = names.map((name) => {
    const hp: Hyperparams = {};
    if (names.length === 1) {
      const own = BOOK_2D_SETTINGS[name];
      const given: Record<string, number | undefined> = { lr: s.lr, momentum: s.momentum, beta1: s.beta1, beta2: s.beta2, decayRate: s.rho };
      for (const [k, v] of Object.entries(given)) if (v !== undefined && k in own) hp[k] = v;
    }
    const r = optimizerPath2D({ optimizer: name, hyperparams: hp, fn, start, steps: s.steps });
    return { optimizer: r.optimizer, hyperparams: r.hyperparams, path: r.path as [number, number][], f: r.f, diverged: r.diverged, divergedAt: r.divergedAt, ...(r.reason ? { reason: r.reason } : {}) };
  });
  m.contour ??= contourGrid(fn);
  return { formula: fn.formula, xRange: fn.xRange, yRange: fn.yRange, paths, contour: m.contour };
}
