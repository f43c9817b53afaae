/**
 * The one mini-batch draw of every training loop, the book's three lines:
 *   batch_mask = np.random.choice(train_size, batch_size)   (with replacement)
 *   x_batch = x_train[batch_mask]
 *   t_batch = t_train[batch_mask]
 * into buffers reused every iteration (x and t are overwritten by the next draw).
 */
import { ArgumentError, ShapeError, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";
import { gatherRows } from "../core/ops";
import type { RNG } from "../core/rng";
import type { Targets } from "../nn/types";
import { targetCount } from "./net";

export class MiniBatch {
  /** x_batch and t_batch of the last draw. */
  readonly x: Matrix;
  readonly t: Targets;
  readonly trainSize: number;

  constructor(readonly xTrain: Matrix, readonly tTrain: Targets, readonly batchSize: number) {
    if (!(xTrain instanceof Matrix)) throw new ArgumentError("xTrain", "a Matrix (one sample per row)", xTrain);
    if (!(tTrain instanceof Matrix) && !(tTrain instanceof Int32Array)) {
      throw new ArgumentError("tTrain", "a one-hot Matrix or an Int32Array of labels", tTrain);
    }
    if (targetCount(tTrain) !== xTrain.rows) throw new ShapeError("tTrain", `${xTrain.rows} labels, one per row of xTrain`, `${targetCount(tTrain)}`);
    if (xTrain.rows < 1) throw new ArgumentError("xTrain", "at least one sample", 0);
    assertInteger("batchSize", batchSize, 1);
    this.trainSize = xTrain.rows;
    this.x = new Matrix(batchSize, xTrain.cols);
    this.t = tTrain instanceof Matrix ? new Matrix(batchSize, tTrain.cols) : new Int32Array(batchSize);
  }

  /** Draw the next mini-batch with `rng`; returns batch_mask. */
  draw(rng: RNG): Int32Array {
    // batch_mask = np.random.choice(train_size, batch_size)
    const mask = rng.choice(this.trainSize, this.batchSize);
    // x_batch = x_train[batch_mask]
    gatherRows(this.xTrain, mask, this.x);
    // t_batch = t_train[batch_mask]
    if (this.tTrain instanceof Matrix) gatherRows(this.tTrain, mask, this.t as Matrix);
    else for (let i = 0; i < mask.length; i++) (this.t as Int32Array)[i] = this.tTrain[mask[i]];
    return mask;
  }
}
