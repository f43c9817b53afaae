/**
 * What the 6.2 (重みの初期値) experiments share: the initial values the book
 * compares, the activation functions, and the parsing of `--init`.
 *
 * An initial value is the engine's WeightInit (src/nn/init.ts): a standard
 * deviation (1, 0.01, …) or a name ("xavier" √(1/n), "he" √(2/n), "glorot").
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { WEIGHT_INIT_NAMES, assertWeightInit, type WeightInit } from "../../nn/init";
import type { Activation } from "../../nn/types";

/** The activations of the histogram experiment; "linear" (identity) is for the variance derivation. */
export type InitActivation = Activation | "linear";
export const INIT_ACTIVATIONS: readonly InitActivation[] = ["sigmoid", "tanh", "relu", "linear"];
/** The three the book draws (figures 6-10 … 6-14). */
export const BOOK_ACTIVATIONS: readonly Activation[] = ["sigmoid", "tanh", "relu"];

/** The four lines of ch06/weight_init_activation_histogram.py, in its order. */
export const BOOK_INITS: readonly WeightInit[] = [1, 0.01, "xavier", "he"];

/** A short stable key: "std=1", "std=0.01", "xavier", "he", "glorot". */
export function initKey(init: WeightInit): string {
  if (typeof init === "number") return `std=${init}`;
  const name = init.toLowerCase();
  if (name === "sigmoid") return "xavier";
  if (name === "relu") return "he";
  return name;
}

/** A label for figures and tables: "std=0.01", "Xavier √(1/n)", "He √(2/n)". */
export function initLabel(init: WeightInit): string {
  const key = initKey(init);
  if (key === "xavier") return "Xavier √(1/n)";
  if (key === "he") return "He √(2/n)";
  if (key === "glorot") return "Glorot √(2/(n_in+n_out))";
  return key;
}

/**
 * `--init` as the CLI and notebooks spell it: "std" (the book's `* 1`),
 * "std=0.01" or "0.01" (that std), or a name (xavier/sigmoid, he/relu, glorot).
 */
export function parseInit(raw: unknown, argument = "init"): WeightInit {
  const expected = `"std" (=1), a std > 0 like 0.01 or "std=0.01", or one of ${WEIGHT_INIT_NAMES.join(", ")}`;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw <= 0) throw new ArgumentError(argument, expected, raw);
    return raw;
  }
  if (typeof raw !== "string") throw new ArgumentError(argument, expected, raw);
  const s = raw.trim().toLowerCase();
  if (s === "std") return 1;
  const num = s.startsWith("std=") ? s.slice(4) : s;
  if (num !== "" && /^[0-9.e+-]+$/.test(num)) {
    const v = Number(num);
    if (!Number.isFinite(v) || v <= 0) throw new ArgumentError(argument, expected, raw);
    return v;
  }
  try {
    assertWeightInit(s, argument);
  } catch {
    throw new ArgumentError(argument, expected, raw);
  }
  return initKey(s as WeightInit) as WeightInit;
}

export function assertInitActivation(a: unknown, argument = "activation"): asserts a is InitActivation {
  if (typeof a !== "string" || !(INIT_ACTIVATIONS as readonly string[]).includes(a)) {
    throw new ArgumentError(argument, `one of ${INIT_ACTIVATIONS.join(", ")}`, a);
  }
}

/** The sizes of the book's histogram network (weight_init_activation_histogram.py). */
export interface HistogramSizes {
  seed: number;
  dataCount: number;
  nodeNum: number;
  hiddenLayerSize: number;
}

/**
 * Checks the sizes (naming the bad one) and draws the network's input: dataCount × nodeNum
 * standard-normal values, the first draws of `new RNG(seed)`, which is returned for what follows.
 * `into`, when it has that shape, receives the draws instead of a new Matrix.
 */
export function histogramInput(o: HistogramSizes, into?: Matrix): { rng: RNG; x: Matrix } {
  assertInteger("seed", o.seed, 0);
  assertInteger("dataCount", o.dataCount, 1);
  assertInteger("nodeNum", o.nodeNum, 1);
  assertInteger("hiddenLayerSize", o.hiddenLayerSize, 1);
  const rng = new RNG(o.seed);
  const x = into !== undefined && into.rows === o.dataCount && into.cols === o.nodeNum ? into : new Matrix(o.dataCount, o.nodeNum);
  rng.fillNormal(x.data); // Matrix.randn(dataCount, nodeNum, rng)
  return { rng, x };
}
