/**
 * Gradients, not just activations: the histogram network (1000 × 100 Gaussian
 * input, 5 hidden layers of 100) with an output layer of 10 classes and
 * SoftmaxWithLoss on random labels, one forward + backward pass at the initial
 * weights, and the norm ‖∂L/∂W_l‖ of every layer. Vanishing gradients show as
 * norms that shrink towards layer 1, exploding ones as norms that grow.
 *
 * The network is the engine's MultiLayerNet (biases start at 0, so the forward
 * pass is the book's histogram loop). The same seed gives every setting the same
 * input, labels and standard-normal weight draws.
 */
import { assertInteger } from "../../core/errors";
import { sumSquares } from "../../core/ops";
import { RNG } from "../../core/rng";
import { weightInitStd, type WeightInit } from "../../nn/init";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import type { Activation } from "../../nn/types";
import { BOOK_ACTIVATIONS, BOOK_INITS, assertInitActivation, histogramInput, initKey, initLabel, parseInit } from "./common";

export interface GradientNormResult {
  initKey: string;
  initLabel: string;
  activation: Activation;
  weightStd: number;
  /** Loss at the initial weights (ln 10 ≈ 2.30 is "no preference"). */
  loss: number;
  /** ‖∂L/∂W_l‖ (Frobenius) for l = 1 … hiddenLayerSize + 1 (the last is the output layer). */
  gradNorms: number[];
  /** ‖W_l‖ for the same layers. */
  weightNorms: number[];
}

export interface GradientNormOptions {
  seed?: number;
  inits?: readonly (WeightInit | string)[];
  activations?: readonly Activation[];
  dataCount?: number;
  nodeNum?: number;
  hiddenLayerSize?: number;
  outputSize?: number;
}

export function gradientNorms(options: GradientNormOptions = {}): GradientNormResult[] {
  const {
    seed = 0, inits = BOOK_INITS, activations = BOOK_ACTIVATIONS, dataCount = 1000, nodeNum = 100,
    hiddenLayerSize = 5, outputSize = 10,
  } = options;
  assertInteger("outputSize", outputSize, 2);
  const { rng: data, x } = histogramInput({ seed, dataCount, nodeNum, hiddenLayerSize });
  const t = new Int32Array(dataCount);
  for (let i = 0; i < dataCount; i++) t[i] = data.integer(0, outputSize);

  const out: GradientNormResult[] = [];
  for (const activation of activations) {
    assertInitActivation(activation, "activations[]");
    for (const raw of inits) {
      const init = parseInit(raw, "inits[]");
      const net = new MultiLayerNet({
        inputSize: nodeNum, hiddenSizeList: Array(hiddenLayerSize).fill(nodeNum), outputSize,
        activation, weightInitStd: init, rng: new RNG(seed + 1),
      });
      const grads = net.gradient(x, t);
      const layers = hiddenLayerSize + 1;
      out.push({
        initKey: initKey(init),
        initLabel: initLabel(init),
        activation,
        weightStd: weightInitStd(init, nodeNum, nodeNum),
        loss: net.lastLayer.loss,
        gradNorms: Array.from({ length: layers }, (_, l) => Math.sqrt(sumSquares(grads["W" + (l + 1)]))),
        weightNorms: Array.from({ length: layers }, (_, l) => Math.sqrt(sumSquares(net.params["W" + (l + 1)]))),
      });
    }
  }
  return out;
}
