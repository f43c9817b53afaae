/**
 * MultiLayerNet: the book's fully connected net (common/multi_layer_net.py).
 * Affine → activation, repeated for each hidden layer, then Affine → SoftmaxWithLoss,
 * with optional weight decay. No BatchNorm or Dropout: see MultiLayerNetExtend.
 *
 * Buffers: the Matrix from `predict` and the grads from `gradient` are the
 * layers' own buffers, overwritten by the next call with the same batch size.
 * Optimizers use them at once, which is fine; clone() anything you keep.
 */
import type { Matrix } from "../core/matrix";
import { Affine } from "./affine";
import { numericalGradient } from "./gradient";
import {
  FIRST_AFFINE, accuracyOf, activationLayer, addL1Grad, addWeightDecayGrad, assertInput, bindAffine, checkNetOptions,
  readNetOptions,
  initWeights, l1Penalty, weightDecay, type MultiLayerNetOptions,
} from "./net-common";
import { SoftmaxWithLoss } from "./softmax-with-loss";
import type { Activation, Layer, Params, Targets } from "./types";

export type { MultiLayerNetOptions };

export class MultiLayerNet {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly hiddenSizeList: readonly number[];
  readonly hiddenLayerNum: number;
  readonly activation: Activation;
  readonly weightDecayLambda: number;
  /** L1 strength λ₁ (0: off). */
  readonly weightDecayL1: number;
  /** W1, b1, W2, b2, … Optimizers update these in place. */
  readonly params: Params;
  /** In order: Affine1, Activation_function1, …, Affine{L}. */
  readonly layers = new Map<string, Layer>();
  /** nonFinite "nan": the input was checked by the first Affine, so NaN scores mean diverged weights (the loss is NaN). */
  readonly lastLayer = new SoftmaxWithLoss({ nonFinite: "nan" });
  private readonly affines: Affine[] = [];

  constructor(options: MultiLayerNetOptions) {
    const o = checkNetOptions(readNetOptions("new MultiLayerNet", options));
    this.inputSize = o.inputSize;
    this.outputSize = o.outputSize;
    this.hiddenSizeList = o.hiddenSizeList;
    this.hiddenLayerNum = o.hiddenSizeList.length;
    this.activation = o.activation;
    this.weightDecayLambda = o.weightDecayLambda;
    this.weightDecayL1 = o.weightDecayL1;
    this.params = initWeights([o.inputSize, ...o.hiddenSizeList, o.outputSize], o.weightInitStd, o.rng);

    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      // The first Affine gets x: it checks x is finite and does not compute dx (the
      // input's gradient is not needed for learning; the book computes it anyway).
      const affine = new Affine(this.params["W" + idx], this.params["b" + idx], idx === 1 ? FIRST_AFFINE : {});
      this.affines.push(affine);
      this.layers.set("Affine" + idx, affine);
      if (idx <= this.hiddenLayerNum) this.layers.set("Activation_function" + idx, activationLayer(o.activation));
    }
  }

  /** Scores before softmax. `train` is accepted for symmetry with MultiLayerNetExtend; no layer here uses it. */
  predict(x: Matrix, train = false): Matrix {
    assertInput(x, this.inputSize);
    this.affines.forEach((a, i) => bindAffine(a, this.params, i + 1));
    for (const layer of this.layers.values()) x = layer.forward(x, train);
    return x;
  }

  /** Cross-entropy loss plus ½λΣ‖W‖² (and λ₁Σ|W| with weightDecayL1). */
  loss(x: Matrix, t: Targets, train = false): number {
    const y = this.predict(x, train);
    const count = this.hiddenLayerNum + 1;
    return this.lastLayer.forward(y, t) + weightDecay(this.params, count, this.weightDecayLambda)
      + l1Penalty(this.params, count, this.weightDecayL1);
  }

  accuracy(x: Matrix, t: Targets): number {
    return accuracyOf(this.predict(x, false), t);
  }

  /** Central differences of `loss` for every parameter (slow: for checks on small nets). */
  numericalGradient(x: Matrix, t: Targets): Params {
    return numericalGradient(() => this.loss(x, t), this.params);
  }

  /** Backpropagation: forward, then backward through the layers in reverse. */
  gradient(x: Matrix, t: Targets): Params {
    this.loss(x, t);
    let dout = this.lastLayer.backward(1);
    const layers = [...this.layers.values()].reverse();
    for (const layer of layers) dout = layer.backward(dout);

    const grads: Params = {};
    this.affines.forEach((affine, i) => {
      addWeightDecayGrad(affine, this.weightDecayLambda);
      addL1Grad(affine, this.weightDecayL1);
      grads["W" + (i + 1)] = affine.dW;
      grads["b" + (i + 1)] = affine.db;
    });
    return grads;
  }
}
