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
import { BatchNormalization } from "./batch-normalization";
import { DROPOUT_FORMS, Dropout, type DropoutForm } from "./dropout";
import { numericalGradient } from "./gradient";
import { LayeredNet } from "./layered-net";
import { activationLayer, assertInput, bindAffine, checkNetOptions, readNetOptions, type MultiLayerNetOptions } from "./net-common";
import type { Params, Targets } from "./types";

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

/** The sizes, params, layers, loss and accuracy are LayeredNet's (shared with MultiLayerNet). */
export class MultiLayerNetExtend extends LayeredNet {
  readonly useDropout: boolean;
  readonly useBatchnorm: boolean;
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
    super(o);
    this.useDropout = useDropout;
    this.useBatchnorm = useBatchnorm;

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
    this.backpropagate(x, t, train);
    const grads: Params = {};
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
