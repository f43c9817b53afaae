/**
 * The book's Trainer (common/trainer.py): mini-batch training for a number of
 * epochs with any optimizer, recording
 *   trainLossList  the mini-batch loss after every iteration,
 *   trainAccList / testAccList  once per epoch,
 * like the book. Differences, all additive:
 * - randomness comes from the required `rng` (mini-batches: rng.choice with
 *   replacement, like np.random.choice(train_size, batch_size));
 * - no printing unless verbose; `onProgress` receives every iteration and epoch;
 * - a loss that becomes NaN/±Inf stops the run: `diverged: true`, `divergedAt`
 *   (the 0-based iteration), `divergence` (that step, the first parameter that
 *   is not finite, a message); the bad loss is not added to trainLossList;
 * - the loop itself (mini-batch draw, epoch rule) is TrainingLoop (./loop.ts),
 *   the one loop every experiment uses;
 * - optional validation set with early stopping (patience, best weights restored).
 *
 * Epoch evaluations happen at iterations ⌊k · iterPerEpoch⌋, k = 0 … epochs−1,
 * after that iteration's update (TrainingLoop's rule: with an integer
 * iterPerEpoch, every setting of the book, the book's
 * `current_iter % iter_per_epoch == 0`).
 */
import { ArgumentError, ShapeError, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";
import { RNG } from "../core/rng";
import type { Targets } from "../nn/types";
import type { Optimizer } from "../optim/optimizer";
import { createOptimizer } from "../optim/registry";
import { EarlyStopping, EarlyStoppingMode } from "./early-stopping";
import { Divergence, TrainingLoop, checkDivergence, iterPerEpoch } from "./loop";
import { MiniBatch } from "./mini-batch";
import { Net, targetCount } from "./net";

export interface EarlyStoppingConfig {
  patience: number;
  /** "valAcc" (default, higher is better) or "valLoss". */
  monitor?: "valAcc" | "valLoss";
  minDelta?: number;
  /** Put the best epoch's weights back when stopping or finishing (default true). */
  restoreBest?: boolean;
}

export interface TrainerOptions {
  network: Net;
  xTrain: Matrix;
  tTrain: Targets;
  xTest: Matrix;
  tTest: Targets;
  /** Default 20. */
  epochs?: number;
  /** Default 100. */
  miniBatchSize?: number;
  /** A registry name ("sgd", "adam", …, case-insensitive) or an Optimizer instance. Default "sgd". */
  optimizer?: string | Optimizer;
  /** Hyperparameters when `optimizer` is a name. Default { lr: 0.01 } like the book. */
  optimizerParam?: Record<string, number>;
  /** Evaluate accuracies per epoch on the first n samples only (default: all). */
  evaluateSampleNumPerEpoch?: number | null;
  /** Print like the book (default false). */
  verbose?: boolean;
  /** Mini-batch sampling. Required: no hidden randomness. */
  rng: RNG;
  onProgress?: (event: TrainerEvent) => void;
  /** Validation set for early stopping (and valAccList / valLossList). */
  validation?: { x: Matrix; t: Targets };
  earlyStopping?: EarlyStoppingConfig;
}

export type TrainerEvent =
  | { kind: "iteration"; iter: number; maxIter: number; loss: number }
  | {
      kind: "epoch";
      /** 1-based like the book's current_epoch. */
      epoch: number;
      iter: number;
      trainAcc: number;
      testAcc: number;
      valAcc?: number;
      valLoss?: number;
    };

export interface TrainResult {
  trainLossList: number[];
  trainAccList: number[];
  testAccList: number[];
  /** Per epoch, only with a validation set. */
  valAccList: number[];
  valLossList: number[];
  /** Accuracy on the whole test set after training (the book prints it); null when diverged. */
  finalTestAcc: number | null;
  /** Iterations run (== maxIter unless stopped). */
  iterations: number;
  maxIter: number;
  iterPerEpoch: number;
  diverged: boolean;
  /** 0-based iteration whose loss was NaN/±Inf, or null. */
  divergedAt: number | null;
  /** That iteration, its loss, the first non-finite parameter and a message (null when finite). */
  divergence: Divergence | null;
  stoppedEarly: boolean;
  /** 1-based epoch of the best validation value, with early stopping; else null. */
  bestEpoch: number | null;
  bestValue: number | null;
  /** Whether the best weights were put back. */
  restoredBest: boolean;
}

function checkSet(xName: string, x: Matrix, tName: string, t: Targets): void {
  if (!(x instanceof Matrix)) throw new ArgumentError(xName, "a Matrix (one sample per row)", x);
  if (!(t instanceof Matrix) && !(t instanceof Int32Array)) {
    throw new ArgumentError(tName, "a one-hot Matrix or an Int32Array of labels", t);
  }
  const n = targetCount(t);
  if (n !== x.rows) throw new ShapeError(tName, `${x.rows} labels, one per row of ${xName}`, `${n}`);
}

export class Trainer {
  readonly network: Net;
  readonly optimizer: Optimizer;
  readonly epochs: number;
  readonly batchSize: number;
  readonly trainSize: number;
  /** The book's max(train_size / mini_batch_size, 1) — may be fractional. */
  readonly iterPerEpoch: number;
  readonly maxIter: number;
  readonly trainLossList: number[] = [];
  readonly trainAccList: number[] = [];
  readonly testAccList: number[] = [];
  readonly valAccList: number[] = [];
  readonly valLossList: number[] = [];
  diverged = false;
  divergedAt: number | null = null;
  /** Where and how the loss or the parameters stopped being finite (null while training is finite). */
  divergence: Divergence | null = null;
  readonly earlyStopping: EarlyStopping | null;

  private readonly o: TrainerOptions;
  private readonly evalN: number | null;
  private readonly monitor: "valAcc" | "valLoss";
  private readonly loop: TrainingLoop;
  private lastLoss = NaN;

  constructor(options: TrainerOptions) {
    if (options === null || typeof options !== "object") throw new ArgumentError("options", "a TrainerOptions object", options);
    const o = options;
    const net = o.network;
    if (net === null || typeof net !== "object" || typeof net.gradient !== "function" || typeof net.loss !== "function"
      || typeof net.accuracy !== "function" || net.params === null || typeof net.params !== "object") {
      throw new ArgumentError("network", "a net with params, loss, accuracy and gradient (MultiLayerNet…)", net);
    }
    checkSet("xTrain", o.xTrain, "tTrain", o.tTrain);
    checkSet("xTest", o.xTest, "tTest", o.tTest);
    if (o.xTrain.rows < 1) throw new ArgumentError("xTrain", "at least one sample", 0);
    const epochs = o.epochs ?? 20;
    const batch = o.miniBatchSize ?? 100;
    assertInteger("epochs", epochs, 1);
    assertInteger("miniBatchSize", batch, 1);
    if (!(o.rng instanceof RNG)) throw new ArgumentError("rng", "an RNG (new RNG(seed)) for the mini-batches", o.rng);
    const evalN = o.evaluateSampleNumPerEpoch ?? null;
    if (evalN !== null) assertInteger("evaluateSampleNumPerEpoch", evalN, 1);
    if (o.validation !== undefined) checkSet("validation.x", o.validation.x, "validation.t", o.validation.t);
    if (o.earlyStopping !== undefined && o.validation === undefined) {
      throw new ArgumentError("validation", "a validation set { x, t } when earlyStopping is set");
    }
    const monitor = o.earlyStopping?.monitor ?? "valAcc";
    if (monitor !== "valAcc" && monitor !== "valLoss") throw new ArgumentError("earlyStopping.monitor", '"valAcc" or "valLoss"', monitor);

    this.o = o;
    this.network = net;
    this.optimizer = resolveOptimizer(o.optimizer ?? "sgd", o.optimizerParam);
    this.epochs = epochs;
    this.batchSize = batch;
    this.trainSize = o.xTrain.rows;
    this.iterPerEpoch = iterPerEpoch(this.trainSize, batch);
    this.maxIter = Math.floor(epochs * this.iterPerEpoch);
    this.evalN = evalN;
    this.monitor = monitor;
    const mode: EarlyStoppingMode = monitor === "valAcc" ? "max" : "min";
    this.earlyStopping = o.earlyStopping
      ? new EarlyStopping({ patience: o.earlyStopping.patience, minDelta: o.earlyStopping.minDelta, mode })
      : null;
    // Epoch k is evaluated after iteration ⌊k · iterPerEpoch⌋, k = 0 … epochs − 1 (the last
    // one, ⌊epochs · iterPerEpoch⌋, is maxIter and never reached).
    this.loop = new TrainingLoop({
      batch: new MiniBatch(o.xTrain, o.tTrain, batch), rng: o.rng, iterPerEpoch: this.iterPerEpoch, maxIter: this.maxIter,
      step: (x, t, iter) => this.step(x, t, iter),
      onEpoch: () => this.evaluateEpoch(),
    });
  }

  /** Iterations done (the book's current_iter). */
  get currentIter(): number {
    return this.loop.iter;
  }

  /** Epochs evaluated (the book's current_epoch, 1-based after the first evaluation). */
  get currentEpoch(): number {
    return this.loop.epoch;
  }

  /** True when the run is over (all iterations, diverged, or stopped early). */
  get done(): boolean {
    return this.loop.done;
  }

  /** One iteration of the book's train_step. Returns the mini-batch loss after the update. */
  trainStep(): number {
    if (this.done) throw new Error("Trainer.trainStep: the run is finished (all iterations done, diverged or stopped early)");
    this.loop.next();
    return this.lastLoss;
  }

  private step(x: Matrix, t: Targets, iter: number): void {
    // grads = self.network.gradient(x_batch, t_batch)
    const grads = this.network.gradient(x, t);
    // self.optimizer.update(self.network.params, grads)
    this.optimizer.update(this.network.params, grads);
    // loss = self.network.loss(x_batch, t_batch)
    const loss = (this.lastLoss = this.network.loss(x, t));
    const divergence = checkDivergence(iter, loss, this.network.params);
    if (divergence !== null) {
      this.diverged = true;
      this.divergedAt = iter;
      this.divergence = divergence;
      this.loop.stop();
      if (this.o.verbose) console.log(divergence.message);
      return;
    }
    // self.train_loss_list.append(loss)
    this.trainLossList.push(loss);
    if (this.o.verbose) console.log("train loss:" + loss);
    this.o.onProgress?.({ kind: "iteration", iter, maxIter: this.maxIter, loss });
  }

  /** Run every remaining iteration (or until divergence / early stop) and return the record. */
  train(): TrainResult {
    while (!this.done) this.trainStep();
    const es = this.earlyStopping;
    let restored = false;
    if (es !== null && (this.o.earlyStopping?.restoreBest ?? true) && !this.diverged) {
      restored = es.restoreBest(this.network);
    }
    const finalTestAcc = this.diverged ? null : this.network.accuracy(this.o.xTest, this.o.tTest);
    if (this.o.verbose && finalTestAcc !== null) {
      console.log("=============== Final Test Accuracy ===============");
      console.log("test acc:" + finalTestAcc);
    }
    return {
      trainLossList: this.trainLossList,
      trainAccList: this.trainAccList,
      testAccList: this.testAccList,
      valAccList: this.valAccList,
      valLossList: this.valLossList,
      finalTestAcc,
      iterations: this.currentIter,
      maxIter: this.maxIter,
      iterPerEpoch: this.iterPerEpoch,
      diverged: this.diverged,
      divergedAt: this.divergedAt,
      divergence: this.divergence,
      stoppedEarly: es !== null && es.stopped,
      bestEpoch: es !== null && es.bestEpoch > 0 ? es.bestEpoch : null,
      bestValue: es !== null && es.bestEpoch > 0 ? es.best : null,
      restoredBest: restored,
    };
  }

  private evaluateEpoch(): void {
    const { xTrain, tTrain, xTest, tTest, validation } = this.o;
    const net = this.network;
    let xs = xTrain, ts = tTrain, xt = xTest, tt = tTest;
    if (this.evalN !== null) {
      const n = this.evalN; // x_train[:t] in the book (clamped to the set size like NumPy slicing)
      [xs, ts] = head(xTrain, tTrain, n);
      [xt, tt] = head(xTest, tTest, n);
    }
    const trainAcc = net.accuracy(xs, ts);
    const testAcc = net.accuracy(xt, tt);
    this.trainAccList.push(trainAcc);
    this.testAccList.push(testAcc);
    const event: TrainerEvent = { kind: "epoch", epoch: this.currentEpoch, iter: this.currentIter, trainAcc, testAcc };
    if (validation !== undefined) {
      event.valAcc = net.accuracy(validation.x, validation.t);
      event.valLoss = net.loss(validation.x, validation.t);
      this.valAccList.push(event.valAcc);
      this.valLossList.push(event.valLoss);
    }
    if (this.o.verbose) {
      console.log(`=== epoch:${this.currentEpoch}, train acc:${trainAcc}, test acc:${testAcc} ===`);
    }
    this.o.onProgress?.(event);
    if (this.earlyStopping !== null) {
      const value = this.monitor === "valAcc" ? event.valAcc! : event.valLoss!;
      if (this.earlyStopping.step(value, this.currentEpoch, net)) this.loop.stop();
    }
  }
}

function head(x: Matrix, t: Targets, n: number): [Matrix, Targets] {
  const m = Math.min(n, x.rows);
  if (m === x.rows) return [x, t];
  const xs = new Matrix(m, x.cols, x.data.subarray(0, m * x.cols));
  const ts = t instanceof Matrix ? new Matrix(m, t.cols, t.data.subarray(0, m * t.cols)) : t.subarray(0, m);
  return [xs, ts];
}

function resolveOptimizer(opt: string | Optimizer, param: Record<string, number> | undefined): Optimizer {
  if (typeof opt === "string") return createOptimizer(opt, param ?? { lr: 0.01 });
  if (opt === null || typeof opt !== "object" || typeof opt.update !== "function") {
    throw new ArgumentError("optimizer", "an optimizer name (sgd, momentum, …) or an Optimizer", opt);
  }
  if (param !== undefined) throw new ArgumentError("optimizerParam", "no value when optimizer is an instance (set them on it)", param);
  return opt;
}
