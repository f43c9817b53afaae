/**
 * MultiLayerNetExtend: the book's extended net (common/multi_layer_net_extend.py)
 * with weight decay, Dropout and Batch Normalization. Per hidden layer:
 *   Affine{i} → [BatchNorm{i}] → Activation_function{i} → [Dropout{i}]
 * then Affine{L} → SoftmaxWithLoss. gamma{i} = 1, beta{i} = 0 at the start.
 *
 * Buffers: as MultiLayerNet — predict's output and gradient's grads are
 * overwritten by the next call with the same batch size.
 */
import { ArgumentError, assertInRange } from "../core/errors";
import { Matrix, assertShape } from "../core/matrix";
import { Affine } from "./affine";
import { BatchNormalization } from "./batch-normalization";
import { DROPOUT_FORMS, Dropout, type DropoutForm } from "./dropout";
import { numericalGradient } from "./gradient";
import {
  FIRST_AFFINE, accuracyOf, activationLayer, addL1Grad, addWeightDecayGrad, assertInput, bindAffine, checkNetOptions,
  readNetOptions,
  initWeights, l1Penalty, weightDecay, type MultiLayerNetOptions,
} from "./net-common";
import { SoftmaxWithLoss } from "./softmax-with-loss";
import type { Activation, Layer, Params, Targets } from "./types";

export interface MultiLayerNetExtendOptions extends MultiLayerNetOptions {
  useDropout?: boolean;
  /** Default 0.5, in [0, 1). (The book spells it dropout_ration; that spelling and dropoutRation are accepted.) */
  dropoutRatio?: number;
  /** The book's spelling of dropoutRatio (its keyword is dropout_ration). */
  dropout_ration?: number;
  /** The book's spelling of dropoutRatio, in camelCase. */
  dropoutRation?: number;
  /** "book" (default: scale by 1 − ratio at test time) or "inverted" (scale by 1/(1 − ratio) in training). */
  dropoutForm?: DropoutForm;
  useBatchnorm?: boolean;
}

/**
 * The book's spellings: use_dropout, dropout_ration (sic, the book's keyword; also
 * dropoutRation), use_batchnorm.
 */
const EXTEND_ALIASES: Readonly<Record<string, string>> = {
  use_dropout: "useDropout", dropout_ration: "dropoutRatio", dropoutRation: "dropoutRatio", dropout_ratio: "dropoutRatio",
  use_batchnorm: "useBatchnorm",
};

export class MultiLayerNetExtend {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly hiddenSizeList: readonly number[];
  readonly hiddenLayerNum: number;
  readonly activation: Activation;
  readonly weightDecayLambda: number;
  /** L1 strength λ₁ (0: off). */
  readonly weightDecayL1: number;
  readonly useDropout: boolean;
  readonly useBatchnorm: boolean;
  /** W1, b1, …, W{L}, b{L}, then gamma1, beta1, … with BatchNorm. Updated in place by optimizers. */
  readonly params: Params;
  /** In the order the data flows through them (names as the book's OrderedDict). */
  readonly layers = new Map<string, Layer>();
  /** nonFinite "nan": the input was checked by the first Affine, so NaN scores mean diverged weights (the loss is NaN). */
  readonly lastLayer = new SoftmaxWithLoss({ nonFinite: "nan" });
  private readonly affines: Affine[] = [];
  private readonly batchNorms: BatchNormalization[] = [];

  constructor(options: MultiLayerNetExtendOptions) {
    const read = readNetOptions("new MultiLayerNetExtend", options, ["useDropout", "dropoutRatio", "dropoutForm", "useBatchnorm"], EXTEND_ALIASES);
    const o = checkNetOptions(read);
    const { useDropout = false, dropoutRatio = 0.5, dropoutForm = "book", useBatchnorm = false } = read;
    if (typeof useDropout !== "boolean") throw new ArgumentError("useDropout", "a boolean", useDropout);
    if (typeof useBatchnorm !== "boolean") throw new ArgumentError("useBatchnorm", "a boolean", useBatchnorm);
    assertInRange("dropoutRatio", dropoutRatio, 0, 1);
    if (!DROPOUT_FORMS.includes(dropoutForm)) {
      throw new ArgumentError("dropoutForm", `one of ${DROPOUT_FORMS.join(", ")}`, dropoutForm);
    }
    this.inputSize = o.inputSize;
    this.outputSize = o.outputSize;
    this.hiddenSizeList = o.hiddenSizeList;
    this.hiddenLayerNum = o.hiddenSizeList.length;
    this.activation = o.activation;
    this.weightDecayLambda = o.weightDecayLambda;
    this.weightDecayL1 = o.weightDecayL1;
    this.useDropout = useDropout;
    this.useBatchnorm = useBatchnorm;
    this.params = initWeights([o.inputSize, ...o.hiddenSizeList, o.outputSize], o.weightInitStd, o.rng);

    for (let idx = 1; idx <= this.hiddenLayerNum; idx++) {
      this.addAffine(idx);
      if (useBatchnorm) {
        const size = o.hiddenSizeList[idx - 1];
        const gamma = (this.params["gamma" + idx] = Matrix.full(1, size, 1));
        const beta = (this.params["beta" + idx] = new Matrix(1, size));
        const bn = new BatchNormalization(gamma, beta);
        this.batchNorms.push(bn);
        this.layers.set("BatchNorm" + idx, bn);
      }
      this.layers.set("Activation_function" + idx, activationLayer(o.activation));
      if (useDropout) this.layers.set("Dropout" + idx, new Dropout({ dropoutRatio, form: dropoutForm, rng: o.rng }));
    }
    this.addAffine(this.hiddenLayerNum + 1);
  }

  private addAffine(idx: number): void {
    // The first Affine gets x: it checks x is finite and does not compute dx (the
    // input's gradient is not needed for learning; the book computes it anyway).
    const affine = new Affine(this.params["W" + idx], this.params["b" + idx], idx === 1 ? FIRST_AFFINE : {});
    this.affines.push(affine);
    this.layers.set("Affine" + idx, affine);
  }

  /** Scores before softmax; `train` switches BatchNorm and Dropout to training behaviour. */
  predict(x: Matrix, train = false): Matrix {
    assertInput(x, this.inputSize);
    this.affines.forEach((a, i) => bindAffine(a, this.params, i + 1));
    this.batchNorms.forEach((bn, i) => {
      const gamma = this.params["gamma" + (i + 1)], beta = this.params["beta" + (i + 1)];
      assertShape("params.gamma" + (i + 1), gamma, 1, bn.dgamma.cols);
      assertShape("params.beta" + (i + 1), beta, 1, bn.dbeta.cols);
      bn.gamma = gamma;
      bn.beta = beta;
    });
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

  /**
   * Central differences of `loss(x, t, train)`; train = true like the book.
   * With dropout in train mode every loss call draws a new mask, so the
   * result is noise: check dropout nets with train = false.
   */
  numericalGradient(x: Matrix, t: Targets, train = true): Params {
    const numeric = numericalGradient(() => this.loss(x, t, train), this.params);
    return this.ordered(numeric);
  }

  /** Backpropagation; train = true like the book (false gives the exact gradient of the test-mode loss). */
  gradient(x: Matrix, t: Targets, train = true): Params {
    this.loss(x, t, train);
    let dout = this.lastLayer.backward(1);
    const layers = [...this.layers.values()].reverse();
    for (const layer of layers) dout = layer.backward(dout);

    const grads: Params = {};
    this.affines.forEach((affine) => {
      addWeightDecayGrad(affine, this.weightDecayLambda);
      addL1Grad(affine, this.weightDecayL1);
    });
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      grads["W" + idx] = this.affines[idx - 1].dW;
      grads["b" + idx] = this.affines[idx - 1].db;
      if (this.useBatchnorm && idx <= this.hiddenLayerNum) {
        grads["gamma" + idx] = this.batchNorms[idx - 1].dgamma;
        grads["beta" + idx] = this.batchNorms[idx - 1].dbeta;
      }
    }
    return grads;
  }

  /** The book's grads order: W1, b1, gamma1, beta1, W2, … */
  private ordered(g: Params): Params {
    const out: Params = {};
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      for (const k of ["W", "b", "gamma", "beta"]) if (g[k + idx]) out[k + idx] = g[k + idx];
    }
    return out;
  }
}
