/**
 * What MultiLayerNet and MultiLayerNetExtend share: option checks, the
 * book's __init_weight, the activation table, input checks, weight decay
 * and accuracy. Each net's own file keeps the book's structure.
 */
import { ArgumentError, assertFinite, assertInteger } from "../core/errors";
import { Matrix, assertShape } from "../core/matrix";
import { argmaxRows, sumSquares } from "../core/ops";
import { readOptions } from "../core/options";
import { RNG } from "../core/rng";
import { Affine, type AffineOptions } from "./affine";
import { assertWeightInit, initWeight, type WeightInit } from "./init";
import { Relu } from "./relu";
import { Sigmoid } from "./sigmoid";
import { assertTargets, labelsOf } from "./targets";
import { Tanh } from "./tanh";
import type { Activation, Layer, Params, Targets } from "./types";

export interface MultiLayerNetOptions {
  /** 784 for MNIST. */
  inputSize: number;
  /** Neurons per hidden layer, e.g. [100, 100, 100]; [] gives one Affine layer. */
  hiddenSizeList: number[];
  /** 10 for MNIST. */
  outputSize: number;
  /** Default "relu". "tanh" is an addition to the book's relu/sigmoid. */
  activation?: Activation;
  /** A std (e.g. 0.01) or a name: "relu"/"he", "sigmoid"/"xavier", "glorot". Default "relu" like the book. */
  weightInitStd?: WeightInit;
  /** L2 strength λ: ½λΣ‖W‖² is added to the loss and λW to every dW. Default 0. */
  weightDecayLambda?: number;
  /**
   * L1 strength λ₁ (not in the book): λ₁Σ|W| is added to the loss and the
   * subgradient λ₁·sign(W) (0 where W is exactly 0) to every dW. Default 0.
   */
  weightDecayL1?: number;
  /** All randomness (weights, dropout masks) comes from here. */
  rng: RNG;
}

const ACTIVATIONS: Record<Activation, () => Layer> = {
  relu: () => new Relu(),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
};

export function activationLayer(name: Activation): Layer {
  return ACTIVATIONS[name]();
}

const NET_OPTION_KEYS = [
  "inputSize", "hiddenSizeList", "outputSize", "activation", "weightInitStd", "weightDecayLambda", "weightDecayL1", "rng",
] as const;
/** The book's snake_case spellings of the nets' options. */
const NET_OPTION_ALIASES: Readonly<Record<string, string>> = {
  input_size: "inputSize", hidden_size_list: "hiddenSizeList", output_size: "outputSize",
  weight_init_std: "weightInitStd", weight_decay_lambda: "weightDecayLambda",
};

/**
 * The options with the book's spellings renamed (input_size → inputSize, …, and
 * `aliases` for the owner's own); an unknown option is an error naming it and the
 * valid ones, never silently ignored.
 */
export function readNetOptions<T extends MultiLayerNetOptions>(
  owner: string, o: T, extraKeys: readonly string[] = [], aliases: Readonly<Record<string, string>> = {},
): T {
  if (o === null || typeof o !== "object") throw new ArgumentError("options", "an options object", o);
  return readOptions(owner, o, [...NET_OPTION_KEYS, ...extraKeys], { ...NET_OPTION_ALIASES, ...aliases });
}

/** Checks the options shared by both nets; returns them with defaults filled in. */
export function checkNetOptions(o: MultiLayerNetOptions): Required<MultiLayerNetOptions> {
  if (o === null || typeof o !== "object") throw new ArgumentError("options", "an options object", o);
  assertInteger("inputSize", o.inputSize, 1);
  assertInteger("outputSize", o.outputSize, 1);
  if (!Array.isArray(o.hiddenSizeList)) throw new ArgumentError("hiddenSizeList", "an array of layer sizes", o.hiddenSizeList);
  o.hiddenSizeList.forEach((n, i) => assertInteger(`hiddenSizeList[${i}]`, n, 1));
  const activation = o.activation ?? "relu";
  if (!(activation in ACTIVATIONS)) {
    throw new ArgumentError("activation", `one of ${Object.keys(ACTIVATIONS).join(", ")}`, activation);
  }
  const weightInitStd = o.weightInitStd ?? "relu";
  assertWeightInit(weightInitStd);
  const weightDecayLambda = o.weightDecayLambda ?? 0;
  assertFinite("weightDecayLambda", weightDecayLambda);
  if (weightDecayLambda < 0) throw new ArgumentError("weightDecayLambda", "a number >= 0", weightDecayLambda);
  const weightDecayL1 = o.weightDecayL1 ?? 0;
  assertFinite("weightDecayL1", weightDecayL1);
  if (weightDecayL1 < 0) throw new ArgumentError("weightDecayL1", "a number >= 0", weightDecayL1);
  if (!(o.rng instanceof RNG)) throw new ArgumentError("rng", "an RNG (no hidden randomness: pass new RNG(seed))", o.rng);
  return { ...o, hiddenSizeList: [...o.hiddenSizeList], activation, weightInitStd, weightDecayLambda, weightDecayL1 };
}

/** The book's __init_weight: W_i ~ std_i · randn(n_{i−1}, n_i), b_i = 0, keyed W1, b1, W2, … */
export function initWeights(sizes: number[], spec: WeightInit, rng: RNG): Params {
  const params: Params = {};
  for (let idx = 1; idx < sizes.length; idx++) {
    params["W" + idx] = initWeight(spec, sizes[idx - 1], sizes[idx], rng);
    params["b" + idx] = new Matrix(1, sizes[idx]);
  }
  return params;
}

/** Point each Affine at the current params (so replacing params.W1 by a same-shape Matrix works). */
export function bindAffine(affine: Affine, params: Params, idx: number): void {
  const W = params["W" + idx], b = params["b" + idx];
  assertShape("params.W" + idx, W, affine.dW.rows, affine.dW.cols);
  assertShape("params.b" + idx, b, 1, affine.dW.cols);
  affine.W = W;
  affine.b = b;
}

/**
 * x must be an (n ≥ 1) × inputSize Matrix. That it is finite is checked by the first
 * Affine (FIRST_AFFINE), on its output, before any other layer sees the data.
 */
export function assertInput(x: Matrix, inputSize: number): void {
  assertShape("x", x, -1, inputSize);
  if (x.rows === 0) throw new ArgumentError("x", "at least one row");
}

/**
 * Options of the first Affine, the one that receives the net's input x:
 * - computeDx: false — the input's gradient is not needed for learning; the book
 *   computes it anyway (in the MNIST net a 128×100·100×784 GEMM per iteration).
 *   numericalGradient is unaffected: it differentiates the loss by the parameters.
 * - checkFinite: true — NaN or ±Infinity in x throws an ArgumentError naming x,
 *   checked cheaply on x·W1 + b1 (see AffineOptions.checkFinite).
 */
export const FIRST_AFFINE: Readonly<AffineOptions> = { computeDx: false, checkFinite: true };

/** ½λ Σ_i ‖W_i‖² over W1 … W_count. */
export function weightDecay(params: Params, count: number, lambda: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (let idx = 1; idx <= count; idx++) s += sumSquares(params["W" + idx]);
  return 0.5 * lambda * s;
}

/** dW += λW for every Affine (in place in the layer's gradient buffer). */
export function addWeightDecayGrad(affine: Affine, lambda: number): void {
  if (lambda === 0) return;
  const g = affine.dW.data, w = affine.W.data;
  for (let i = 0; i < g.length; i++) g[i] += lambda * w[i];
}

/** λ₁ Σ_i Σ|W_i| over W1 … W_count (the L1 penalty). */
export function l1Penalty(params: Params, count: number, lambda: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (let idx = 1; idx <= count; idx++) {
    const w = params["W" + idx].data;
    for (let i = 0; i < w.length; i++) s += Math.abs(w[i]);
  }
  return lambda * s;
}

/** dW += λ₁·sign(W) for every Affine: the subgradient of λ₁|w|, taking 0 at w = 0. */
export function addL1Grad(affine: Affine, lambda: number): void {
  if (lambda === 0) return;
  const g = affine.dW.data, w = affine.W.data;
  for (let i = 0; i < g.length; i++) g[i] += lambda * Math.sign(w[i]);
}

/** Fraction of rows whose largest score is the label. */
export function accuracyOf(y: Matrix, t: Targets): number {
  assertTargets("t", t, y.rows, y.cols);
  const pred = argmaxRows(y), labels = labelsOf(t);
  let hits = 0;
  for (let i = 0; i < pred.length; i++) hits += +(pred[i] === labels[i]);
  return hits / y.rows;
}
