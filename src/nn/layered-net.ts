/**
 * What MultiLayerNet and MultiLayerNetExtend (the book's common/multi_layer_net.py and
 * multi_layer_net_extend.py) share: the sizes, the weights W1, b1, …, the Affine layers, the loss
 * with weight decay, accuracy, and the backward pass. Each class builds its own layer sequence and
 * collects its own grads, like the book's two files.
 */
import type { Matrix } from "../core/matrix";
import { Affine } from "./affine";
import {
  FIRST_AFFINE, accuracyOf, addL1Grad, addWeightDecayGrad, initWeights, l1Penalty, weightDecay,
  type MultiLayerNetOptions,
} from "./net-common";
import { SoftmaxWithLoss } from "./softmax-with-loss";
import type { Activation, Layer, Params, Targets } from "./types";

export abstract class LayeredNet {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly hiddenSizeList: readonly number[];
  readonly hiddenLayerNum: number;
  readonly activation: Activation;
  readonly weightDecayLambda: number;
  /** L1 strength λ₁ (0: off). */
  readonly weightDecayL1: number;
  /** W1, b1, W2, b2, … (then gamma1, beta1, … with BatchNorm). Optimizers update these in place. */
  readonly params: Params;
  /** In the order the data flows through them (names as the book's OrderedDict). */
  readonly layers = new Map<string, Layer>();
  /** nonFinite "nan": the input was checked by the first Affine, so NaN scores mean diverged weights (the loss is NaN). */
  readonly lastLayer = new SoftmaxWithLoss({ nonFinite: "nan" });
  protected readonly affines: Affine[] = [];

  /** `o`: the options as checkNetOptions returns them. */
  protected constructor(o: Required<MultiLayerNetOptions>) {
    this.inputSize = o.inputSize;
    this.outputSize = o.outputSize;
    this.hiddenSizeList = o.hiddenSizeList;
    this.hiddenLayerNum = o.hiddenSizeList.length;
    this.activation = o.activation;
    this.weightDecayLambda = o.weightDecayLambda;
    this.weightDecayL1 = o.weightDecayL1;
    this.params = initWeights([o.inputSize, ...o.hiddenSizeList, o.outputSize], o.weightInitStd, o.rng);
  }

  /** Scores before softmax. */
  abstract predict(x: Matrix, train?: boolean): Matrix;

  /** Appends Affine{idx} over params W{idx}, b{idx}. */
  protected addAffine(idx: number): void {
    // The first Affine gets x: it checks x is finite and does not compute dx (the
    // input's gradient is not needed for learning; the book computes it anyway).
    const affine = new Affine(this.params["W" + idx], this.params["b" + idx], idx === 1 ? FIRST_AFFINE : {});
    this.affines.push(affine);
    this.layers.set("Affine" + idx, affine);
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

  /**
   * Forward, then backward through the layers in reverse; each Affine's dW then also holds the
   * weight decay's λW (and λ₁·sign(W)). The layers keep their gradients (dW, db, dgamma, …).
   */
  protected backpropagate(x: Matrix, t: Targets, train: boolean): void {
    this.loss(x, t, train);
    let dout = this.lastLayer.backward(1);
    const layers = [...this.layers.values()].reverse();
    for (const layer of layers) dout = layer.backward(dout);
    for (const affine of this.affines) {
      addWeightDecayGrad(affine, this.weightDecayLambda);
      addL1Grad(affine, this.weightDecayL1);
    }
  }
}
