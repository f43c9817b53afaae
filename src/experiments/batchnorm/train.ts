/**
 * The training loop of ch06/batch_norm_test.py (`__train`), reproduced step by step:
 *
 *   bn_network (use_batchnorm=True) is built first, then network (no BN), both
 *   from the same random stream, with weight_init_std = the run's weight scale;
 *   for i = 0, 1, 2, …:
 *     batch_mask = np.random.choice(train_size, batch_size)   (with replacement)
 *     for each of (bn_network, network): grads = gradient(x_batch, t_batch); SGD update
 *     if i % iter_per_epoch == 0: train accuracy of both nets on ALL training samples
 *       (BN in test mode) → one "epoch" point; stop after max_epochs points.
 *
 * So epoch e is measured after 10e + 1 updates (1, 11, 21, …, 191 for the book's
 * 20 epochs of 10 iterations). Only the seed is ours: one RNG(seed) replaces
 * np.random, so a run is repeatable. Optionally the test accuracy is measured
 * at the same moments (the book does not; 6.3's 過学習 discussion needs it).
 *
 * Divergence: a mini-batch loss that is NaN/±∞ marks the net as diverged at that
 * epoch. Training continues like the book's (the book's numbers keep printing);
 * a net whose weights became NaN predicts class 0 for every sample (argmax of
 * NaN scores is 0, as in NumPy), so its accuracy is the share of 0s in the data.
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";
import { Matrix, assertShape } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { assertWeightInit, type WeightInit } from "../../nn/init";
import { MultiLayerNetExtend } from "../../nn/multi-layer-net-extend";
import { SGD } from "../../optim/sgd";
import { TrainingLoop } from "../../train/loop";
import { MiniBatch } from "../../train/mini-batch";

/** hidden_size_list=[100, 100, 100, 100, 100] of batch_norm_test.py. */
export const BOOK_HIDDEN_SIZES: readonly number[] = [100, 100, 100, 100, 100];

export interface BookTrainSettings {
  /** Default 20 (max_epochs). */
  maxEpochs?: number;
  /** Default 100 (batch_size). */
  batchSize?: number;
  /** Default 0.01 (learning_rate, SGD). */
  learningRate?: number;
  /** Default BOOK_HIDDEN_SIZES. */
  hiddenSizeList?: readonly number[];
}

export interface BookPairOptions extends BookTrainSettings {
  /** weight_init_std of both nets: W ~ scale · N(0, 1), or a rule like "he". */
  weightScale: WeightInit;
  /** Seed of the weights and the mini-batches (default 0). */
  seed?: number;
}

export interface PairData {
  /** The training samples (the book: the first 1000 of MNIST, normalised). */
  xTrain: Matrix;
  tTrain: Int32Array;
  /** Optional: also measure the test accuracy at each epoch point. */
  xTest?: Matrix;
  tTest?: Int32Array;
}

export interface NetCurve {
  /** Train accuracy on all training samples, one per epoch point. */
  trainAcc: number[];
  /** Test accuracy at the same points, when test data was given. */
  testAcc: number[] | null;
  /** The mini-batch loss of the update just before each epoch point (train mode). */
  loss: number[];
  /** The first epoch during which the loss was NaN/±∞, or null. */
  divergedAt: number | null;
}

export interface PairRun {
  weightScale: WeightInit;
  seed: number;
  /** Updates done when each epoch point was measured: 1, 11, 21, … */
  updates: number[];
  withBN: NetCurve;
  withoutBN: NetCurve;
}

/** The settings with the book's defaults filled in, checked. */
export function bookTrainSettings(s: BookTrainSettings = {}): Required<BookTrainSettings> {
  const { maxEpochs = 20, batchSize = 100, learningRate = 0.01, hiddenSizeList = BOOK_HIDDEN_SIZES } = s;
  assertInteger("maxEpochs", maxEpochs, 1);
  assertInteger("batchSize", batchSize, 1);
  assertPositive("learningRate", learningRate);
  if (!Array.isArray(hiddenSizeList)) throw new ArgumentError("hiddenSizeList", "an array of layer sizes", hiddenSizeList);
  hiddenSizeList.forEach((n, i) => assertInteger(`hiddenSizeList[${i}]`, n, 1));
  return { maxEpochs, batchSize, learningRate, hiddenSizeList: [...hiddenSizeList] };
}

function checkData(d: PairData): void {
  if (d === null || typeof d !== "object") throw new ArgumentError("data", "{ xTrain, tTrain, xTest?, tTest? }", d);
  assertShape("data.xTrain", d.xTrain, -1, -1);
  if (!(d.tTrain instanceof Int32Array) || d.tTrain.length !== d.xTrain.rows) {
    throw new ArgumentError("data.tTrain", `an Int32Array of ${d.xTrain.rows} labels`, d.tTrain);
  }
  if ((d.xTest === undefined) !== (d.tTest === undefined)) throw new ArgumentError("data", "both xTest and tTest, or neither");
  if (d.xTest !== undefined) {
    assertShape("data.xTest", d.xTest, -1, d.xTrain.cols);
    if (!(d.tTest instanceof Int32Array) || d.tTest.length !== d.xTest.rows) {
      throw new ArgumentError("data.tTest", `an Int32Array of ${d.xTest.rows} labels`, d.tTest);
    }
  }
}

function emptyCurve(test: boolean): NetCurve {
  return { trainAcc: [], testAcc: test ? [] : null, loss: [], divergedAt: null };
}

/** One weight scale: the BN net and the plain net trained side by side on the same mini-batches. */
export function trainBookPair(data: PairData, options: BookPairOptions): PairRun {
  checkData(data);
  if (options === null || typeof options !== "object") throw new ArgumentError("options", "{ weightScale, … }", options);
  const { weightScale, seed = 0 } = options;
  assertWeightInit(weightScale, "weightScale");
  assertInteger("seed", seed, 0);
  const s = bookTrainSettings(options);
  const { xTrain, tTrain, xTest, tTest } = data;
  const trainSize = xTrain.rows;
  const rng = new RNG(seed);
  const make = (useBatchnorm: boolean) =>
    new MultiLayerNetExtend({
      inputSize: xTrain.cols, hiddenSizeList: [...s.hiddenSizeList], outputSize: 10,
      weightInitStd: weightScale, useBatchnorm, rng,
    });
  const bnNetwork = make(true); // built first, as in the book
  const network = make(false);
  const optimizer = new SGD({ lr: s.learningRate });
  const curves = [emptyCurve(xTest !== undefined), emptyCurve(xTest !== undefined)];
  const nets = [bnNetwork, network];
  const updates: number[] = [];
  // for i in range(1000000000): … if i % iter_per_epoch == 0: … if epoch_cnt >= max_epochs: break
  const loop = new TrainingLoop({
    batch: new MiniBatch(xTrain, tTrain, s.batchSize), rng, maxEpochs: s.maxEpochs,
    step: (x, t) => {
      nets.forEach((net, k) => {
        // grads = _network.gradient(x_batch, t_batch); optimizer.update(_network.params, grads)
        const grads = net.gradient(x, t);
        if (!Number.isFinite(net.lastLayer.loss) && curves[k].divergedAt === null) curves[k].divergedAt = loop.epoch;
        optimizer.update(net.params, grads);
      });
    },
    onEpoch: (_epoch, i) => {
      updates.push(i + 1);
      nets.forEach((net, k) => {
        const c = curves[k];
        c.loss.push(net.lastLayer.loss);
        c.trainAcc.push(net.accuracy(xTrain, tTrain));
        if (c.testAcc && xTest && tTest) c.testAcc.push(net.accuracy(xTest, tTest));
      });
    },
  });
  loop.run();
  return { weightScale, seed, updates, withBN: curves[0], withoutBN: curves[1] };
}
