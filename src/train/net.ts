/**
 * What the Trainer needs from a network: the book's MultiLayerNet and
 * MultiLayerNetExtend both fit (src/nn). `loss` is called with two arguments
 * (train = false, as the book's Trainer does); `gradient` with two (the nets'
 * own default: train = true).
 */
import type { Matrix } from "../core/matrix";
import type { Params, Targets } from "../nn/types";

export interface Net {
  params: Params;
  loss(x: Matrix, t: Targets): number;
  accuracy(x: Matrix, t: Targets): number;
  gradient(x: Matrix, t: Targets): Params;
}

/** Number of samples in t (rows of a one-hot Matrix or length of an index array). */
export function targetCount(t: Targets): number {
  return ArrayBuffer.isView(t) ? (t as Int32Array).length : (t as Matrix).rows;
}
