/**
 * The one training loop of the engine: Trainer and every experiment that trains
 * on mini-batches run through it. Per iteration i = 0, 1, 2, …:
 *   draw the mini-batch (MiniBatch: np.random.choice, x_train[batch_mask], …);
 *   step(x_batch, t_batch, i)  — the caller's gradient + optimizer updates;
 *   if i ends an epoch: onEpoch(epoch, i)  — the caller's evaluation.
 *
 * The epoch rule is the book's: iter_per_epoch = max(train_size / batch_size, 1),
 * and epoch k (0-based) is evaluated after the update of iteration ⌊k · iter_per_epoch⌋.
 * With an integer iter_per_epoch (every setting of the book: 60000/100, 1000/100,
 * 300/100) that is exactly the book's `if i % iter_per_epoch == 0`. With a
 * fractional one the book's float test would fire only at the few multiples that
 * happen to be integers; here there is still one evaluation per epoch.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import type { Matrix } from "../core/matrix";
import { RNG } from "../core/rng";
import type { Params, Targets } from "../nn/types";
import type { MiniBatch } from "./mini-batch";

/** The book's iter_per_epoch = max(train_size / batch_size, 1) (a float, as in the book). */
export function iterPerEpoch(trainSize: number, batchSize: number): number {
  return Math.max(trainSize / batchSize, 1);
}

/** The 0-based iteration after whose update epoch k (0-based) is evaluated: ⌊k · iter_per_epoch⌋. */
export function epochIteration(k: number, perEpoch: number): number {
  return Math.floor(k * perEpoch);
}

export interface TrainingLoopOptions {
  batch: MiniBatch;
  /** Draws the mini-batches (required: no hidden randomness). */
  rng: RNG;
  /** The updates of one iteration on x_batch, t_batch. */
  step: (x: Matrix, t: Targets, iter: number) => void;
  /** Evaluation at the end of epoch `epoch` (0-based), after iteration `iter`'s update. */
  onEpoch?: (epoch: number, iter: number) => void;
  /** Default: the book's max(train_size / batch_size, 1) from the batch. */
  iterPerEpoch?: number;
  /** Stop after this many iterations (default: no limit, then maxEpochs is required). */
  maxIter?: number;
  /** Stop after this many epoch evaluations. */
  maxEpochs?: number;
}

export class TrainingLoop {
  /** Iterations done. */
  iter = 0;
  /** Epoch evaluations done. */
  epoch = 0;
  readonly iterPerEpoch: number;
  readonly maxIter: number;
  readonly maxEpochs: number;
  private stopped = false;

  constructor(private readonly o: TrainingLoopOptions) {
    if (!(o.rng instanceof RNG)) throw new ArgumentError("rng", "an RNG (new RNG(seed)) for the mini-batches", o.rng);
    this.iterPerEpoch = o.iterPerEpoch ?? iterPerEpoch(o.batch.trainSize, o.batch.batchSize);
    if (!(this.iterPerEpoch >= 1)) throw new ArgumentError("iterPerEpoch", "a number >= 1", this.iterPerEpoch);
    if (o.maxIter === undefined && o.maxEpochs === undefined) throw new ArgumentError("maxIter", "maxIter or maxEpochs (the loop must end)");
    if (o.maxIter !== undefined) assertInteger("maxIter", o.maxIter, 0);
    if (o.maxEpochs !== undefined) assertInteger("maxEpochs", o.maxEpochs, 0);
    this.maxIter = o.maxIter ?? Infinity;
    this.maxEpochs = o.maxEpochs ?? Infinity;
  }

  /** All iterations done, all epochs evaluated, or stop() called. */
  get done(): boolean {
    return this.stopped || this.iter >= this.maxIter || this.epoch >= this.maxEpochs;
  }

  /** End the run after the current iteration (divergence, early stopping). */
  stop(): void {
    this.stopped = true;
  }

  /** One iteration: draw, step, and the epoch evaluation when this iteration ends an epoch. */
  next(): void {
    if (this.done) throw new Error("TrainingLoop.next: the run is finished");
    const i = this.iter;
    this.o.batch.draw(this.o.rng);
    this.o.step(this.o.batch.x, this.o.batch.t, i);
    if (!this.stopped && i === epochIteration(this.epoch, this.iterPerEpoch) && this.epoch < this.maxEpochs) {
      const epoch = this.epoch++;
      this.o.onEpoch?.(epoch, i);
    }
    this.iter = i + 1;
  }

  /** Run until done; returns the loop (iter, epoch). */
  run(): this {
    while (!this.done) this.next();
    return this;
  }
}

/** Where training stopped being finite: the step, the loss there, and the first parameter that is not finite. */
export interface Divergence {
  /** 0-based iteration whose update made the loss (or the parameters) non-finite. */
  iter: number;
  loss: number;
  /** First parameter key holding NaN/±∞ after that update, or null when only the loss overflowed. */
  param: string | null;
  message: string;
}

/** The first key of `params` holding a NaN or ±∞ (null when all are finite). */
export function firstNonFiniteParam(params: Params): string | null {
  for (const key of Object.keys(params)) {
    const d = params[key].data;
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return key;
  }
  return null;
}

/**
 * null while `loss` (computed with the parameters after iteration `iter`'s update)
 * and the parameters are finite; otherwise where and what. Cheap when all is well:
 * the parameters are scanned only once the loss is not finite (non-finite
 * parameters make the loss NaN, so the loss catches them at the same step).
 */
export function checkDivergence(iter: number, loss: number, params: Params): Divergence | null {
  if (Number.isFinite(loss)) return null;
  const param = firstNonFiniteParam(params);
  const message = param !== null
    ? `training diverged at iteration ${iter}: after its update params.${param} holds NaN or ±∞ (a NaN/∞ gradient or a step too large for lr), and the loss is ${loss}`
    : `training diverged at iteration ${iter}: the loss is ${loss} while the parameters are still finite (the scores overflowed)`;
  return { iter, loss, param, message };
}
