/**
 * Shared types of the network engine (the book's `common/` conventions).
 *
 * Buffers: a layer keeps its output and gradient matrices and reuses them
 * while the input shape is unchanged, so a Matrix returned by `forward` or
 * `backward` is overwritten by that layer's next call. Copy it (`clone()`)
 * to keep it; never mutate it (the layer may read it again in `backward`).
 */
import type { Matrix } from "../core/matrix";

/** Parameters by the book's names: W1, b1, gamma1, beta1, … (biases are 1×n rows). */
export type Params = Record<string, Matrix>;

/** Labels: one-hot rows (n × C Matrix) or class indices (length n). */
export type Targets = Matrix | Int32Array;

/** A layer of the book: forward then backward with the upstream gradient. */
export interface Layer {
  /** `train` matters only for BatchNormalization and Dropout (others ignore it). */
  forward(x: Matrix, train: boolean): Matrix;
  /** Gradient of the loss w.r.t. the input of the last `forward`, given dL/d(output). */
  backward(dout: Matrix): Matrix;
}

export type Activation = "relu" | "sigmoid" | "tanh";
