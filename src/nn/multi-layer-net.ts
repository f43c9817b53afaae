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
import { numericalGradient } from "./gradient";
import { LayeredNet } from "./layered-net";
import { activationLayer, assertInput, bindAffine, checkNetOptions, readNetOptions, type MultiLayerNetOptions } from "./net-common";
import type { Params, Targets } from "./types";

export type { MultiLayerNetOptions };

/** The sizes, params, layers, loss and accuracy are LayeredNet's (shared with MultiLayerNetExtend). */
export class MultiLayerNet extends LayeredNet {
  constructor(options: MultiLayerNetOptions) {
    const o = checkNetOptions(readNetOptions("new MultiLayerNet", options));
    super(o);
    // layers, in order: Affine1, Activation_function1, …, Affine{L}
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      this.addAffine(idx);
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

  /** Central differences of `loss` for every parameter (slow: for checks on small nets). */
  numericalGradient(x: Matrix, t: Targets): Params {
    return numericalGradient(() => this.loss(x, t), this.params);
  }

  /** Backpropagation: forward, then backward through the layers in reverse. */
  gradient(x: Matrix, t: Targets): Params {
    this.backpropagate(x, t, false);
    const grads: Params = {};
    this.affines.forEach((affine, i) => {
      grads["W" + (i + 1)] = affine.dW;
      grads["b" + (i + 1)] = affine.db;
    });
    return grads;
  }
}
