/**
 * The book's ch06/weight_init_activation_histogram.py as a function:
 *
 *   x = np.random.randn(1000, 100)                 # 1000個のデータ
 *   for i in range(5):                             # 隠れ層が5層
 *       w = np.random.randn(100, 100) * std        # 重みの初期値
 *       a = np.dot(x, w)                           # no bias
 *       z = sigmoid(a)   # or ReLU, tanh
 *       x = z
 *
 * Unlike the book, the input and the standard-normal draws of every W come
 * from one seed and are the SAME for every (init, activation): W = std · N,
 * so two settings differ only in what the setting changes (common random numbers).
 */
import { Matrix } from "../../core/matrix";
import { matmul } from "../../core/ops";
import { weightInitStd, type WeightInit } from "../../nn/init";
import { Relu } from "../../nn/relu";
import { Sigmoid } from "../../nn/sigmoid";
import { Tanh } from "../../nn/tanh";
import type { Layer } from "../../nn/types";
import { assertInitActivation, parseInit, type InitActivation } from "./common";
import { ForwardWorkspace } from "./forward-workspace";

export interface ForwardOptions {
  init: WeightInit | string;
  activation: InitActivation;
  seed?: number;
  /** Rows of the Gaussian input (the book: 1000). */
  dataCount?: number;
  /** Units per layer (the book: 100). */
  nodeNum?: number;
  /** Hidden layers (the book: 5). */
  hiddenLayerSize?: number;
}

export interface ForwardResult {
  init: WeightInit;
  activation: InitActivation;
  seed: number;
  nodeNum: number;
  /** The std actually used for W (the same for every layer: all are nodeNum × nodeNum). */
  weightStd: number;
  input: Matrix;
  /** a = x·W of each layer (before the activation). */
  pre: Matrix[];
  /** z = f(a) of each layer: the book's `activations`. */
  post: Matrix[];
}

class Identity implements Layer {
  forward(x: Matrix): Matrix {
    return x;
  }
  backward(dout: Matrix): Matrix {
    return dout;
  }
}

export function activationLayerOf(name: InitActivation): Layer {
  assertInitActivation(name);
  if (name === "sigmoid") return new Sigmoid();
  if (name === "tanh") return new Tanh();
  if (name === "relu") return new Relu();
  return new Identity();
}

/**
 * The book's loop. With a `workspace`, the draws and matrices of the previous run
 * with the same seed and sizes are reused (forward-workspace.ts): the same numbers,
 * faster when only the weight scale or the activation changed.
 */
export function forwardActivations(options: ForwardOptions, workspace = new ForwardWorkspace()): ForwardResult {
  const { activation, seed = 0, dataCount = 1000, nodeNum = 100, hiddenLayerSize = 5 } = options;
  const init = parseInit(options.init);
  assertInitActivation(activation);
  const input = workspace.input({ seed, dataCount, nodeNum, hiddenLayerSize }); // np.random.randn(1000, 100), then the W draws
  const std = weightInitStd(init, nodeNum, nodeNum);
  const pre: Matrix[] = [];
  const post: Matrix[] = [];
  let x = input;
  for (let i = 0; i < hiddenLayerSize; i++) {
    const w = workspace.weight(i, std); // np.random.randn(100, 100) * std
    const a = matmul(x, w, { out: workspace.preActivation(i, x.rows, nodeNum) }); // np.dot(x, w)
    // a layer per depth: each keeps its own output buffer
    const z = activation === "linear" ? a : workspace.layer(activation, i, () => activationLayerOf(activation)).forward(a, false);
    pre.push(a);
    post.push(z);
    x = z;
  }
  return { init, activation, seed, nodeNum, weightStd: std, input, pre, post };
}
