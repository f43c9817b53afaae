/**
 * §6.4 過学習, the book's ch06/overfit_weight_decay.py loop reproduced:
 * the first 300 MNIST training images, MultiLayerNet 784 → 100 × 6 (ReLU, He)
 * → 10, SGD lr 0.01, mini-batches of 100 drawn WITH replacement
 * (np.random.choice(300, 100)), iter_per_epoch = max(300 / 100, 1) = 3. The loop
 * is the engine's one TrainingLoop (src/train/loop.ts) with the book's epoch rule:
 * after update i, when i % 3 == 0, train accuracy (all training samples) and test
 * accuracy are measured: "epoch e" = after 3e + 1 updates, e = 0 … epochs (the book: 0 … 200).
 *
 * One loop serves every regulariser of the notebook (the book needs two
 * scripts; overfit_dropout.py's Trainer evaluates at the same updates):
 *   weightDecayLambda  L2 ½λΣ‖W‖² in the loss (the book), or with weightDecayMode
 *                      "decoupled" W ← W − ηλW before each step (DecoupledWeightDecay, src/optim)
 *   l1                 λ₁Σ|W|: "proximal" (default: SGD step, then soft-thresholding, ISTA:
 *                      ProximalL1, src/optim) or "subgradient" (λ₁·sign(W) in dW, the net's weightDecayL1)
 *   dropoutRatio       MultiLayerNetExtend with Dropout (the book's form by default)
 *   earlyStopping      patience in epochs: validationRate of the training samples are set
 *                      aside, validation accuracy is watched, the best weights are restored
 * A step whose update leaves a parameter NaN/±∞ ends the run: diverged, divergedAt
 * (that 0-based iteration, as in Trainer and the MNIST comparisons); the curves stop
 * at the last finite evaluation.
 * Seeds: one seed fixes the initial weights, the mini-batch sequence and the
 * dropout masks through separate streams, so two configurations with the same
 * seed start from the same weights and see the same mini-batches.
 *
 *   FULL  200 epochs (601 updates), test accuracy on all 10000 test images
 *   FAST   80 epochs (241 updates), test accuracy on the first 500 test images
 *
 *   npm run -s exp -- overfit --json [--weight-decay 0.1] [--l1 0.003] [--dropout 0.2]
 *       [--early-stopping 20] [--epochs 200] [--seed 0]
 */
import { ArgumentError, assertFinite, assertInRange, assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { mnistSubset, type MnistSubset } from "../../data/mnist-subset";
import { sliceRows } from "../../core/ops";
import { RNG } from "../../core/rng";
import { splitValidation } from "../../data/shuffle-dataset";
import type { DropoutForm } from "../../nn/dropout";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import { MultiLayerNetExtend } from "../../nn/multi-layer-net-extend";
import { accuracyOf } from "../../nn/net-common";
import type { Params, Targets } from "../../nn/types";
import { DecoupledWeightDecay } from "../../optim/decoupled-weight-decay";
import type { Optimizer } from "../../optim/optimizer";
import { ProximalL1 } from "../../optim/proximal-l1";
import { createOptimizer } from "../../optim/registry";
import { EarlyStopping } from "../../train/early-stopping";
import { TrainingLoop, firstNonFiniteParam, iterPerEpoch } from "../../train/loop";
import { MiniBatch } from "../../train/mini-batch";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { defineCli } from "../../cli/experiment";
import { NEAR_ZERO, flattenWeights, weightStats, weightSumSquares } from "./weights";

export type WeightDecayMode = "loss" | "decoupled";
export type L1Mode = "proximal" | "subgradient";

/** What is regularised and how (every field optional: the default is the book's λ = 0 run). */
export interface OverfitConfig {
  /** L2 strength λ (default 0; the book's run: 0.1). */
  weightDecayLambda?: number;
  /** "loss" (default, the book): ½λΣ‖W‖² in the loss; "decoupled": W ← W − ηλW before each step. */
  weightDecayMode?: WeightDecayMode;
  /** L1 strength λ₁ (default 0). */
  l1?: number;
  /** "proximal" (default, SGD only) or "subgradient". */
  l1Mode?: L1Mode;
  /** Dropout ratio (default 0: no Dropout layers; the book's run: 0.2). */
  dropoutRatio?: number;
  /** "book" (default) or "inverted". */
  dropoutForm?: DropoutForm;
  /** Early stopping patience in epochs (default null: off). */
  earlyStopping?: number | null;
  /** Share of the training samples held out for early stopping (default 0.2). */
  validationRate?: number;
  /** Optimizer name (default "sgd"). */
  optimizer?: string;
  /** Learning rate η (default 0.01, the book's). */
  lr?: number;
}

export interface OverfitOptions extends OverfitConfig {
  budget?: Budget;
  seed?: number;
  /** Last epoch label: epochs + 1 evaluations, 3·epochs + 1 updates (FAST 80, FULL 200). */
  epochs?: number;
  /** The first n training images (default 300). */
  trainSize?: number;
  /** The first n test images used for the per-epoch test accuracy (FAST 500, FULL 10000). */
  testSize?: number;
  batchSize?: number;
  hiddenSizeList?: number[];
  /** Return all final weights (for histograms). */
  keepWeights?: boolean;
  onEpoch?: (epoch: number, trainAcc: number, testAcc: number) => void;
}

export interface ResolvedOverfitConfig {
  weightDecayLambda: number;
  weightDecayMode: WeightDecayMode;
  l1: number;
  l1Mode: L1Mode;
  dropoutRatio: number;
  dropoutForm: DropoutForm;
  earlyStopping: number | null;
  validationRate: number;
  optimizer: string;
  lr: number;
}

export interface OverfitRun {
  budget: Budget;
  seed: number;
  config: ResolvedOverfitConfig;
  /** Epoch labels 0, 1, … (0-based like overfit_weight_decay.py). */
  epochs: number[];
  /** Parameter updates done at each evaluation (3e + 1): aligns with data/reference `updates`. */
  updates: number[];
  trainAcc: number[];
  testAcc: number[];
  /** Validation accuracy per epoch (early stopping only, else empty). */
  valAcc: number[];
  /** Σ‖W‖² per epoch. */
  weightNorm2: number[];
  /** Accuracies of the returned weights (with early stopping: the restored best epoch's). */
  final: { trainAcc: number; testAcc: number; gap: number };
  /** Fraction of the final weights W1 … W7 that are EXACTLY 0 (biases not counted). */
  zeroWeightFraction: number;
  /** Fraction with |w| < nearZeroThreshold (exact zeros included). */
  nearZeroFraction: number;
  nearZeroThreshold: number;
  weightCount: number;
  earlyStopping: { patience: number; bestEpoch: number; stoppedEpoch: number | null; restored: boolean } | null;
  /** Weights became NaN/Inf: the curves stop there. */
  diverged: boolean;
  /** 0-based iteration whose update made a parameter NaN/±∞ (or Σ‖W‖² overflow), or null. */
  divergedAt: number | null;
  trainSize: number;
  validationSize: number;
  testSize: number;
  batchSize: number;
  /** All final weights, when keepWeights. */
  weights?: Float64Array;
  /** All initial weights (same order), when keepWeights. */
  initialWeights?: Float64Array;
}

export function overfitDefaults(budget: Budget) {
  return {
    epochs: byBudget(budget, 80, 200),
    testSize: byBudget(budget, 500, 10_000),
    trainSize: 300,
    batchSize: 100,
    hiddenSizeList: [100, 100, 100, 100, 100, 100],
  };
}

export function resolveConfig(c: OverfitConfig = {}): ResolvedOverfitConfig {
  const r: ResolvedOverfitConfig = {
    weightDecayLambda: c.weightDecayLambda ?? 0,
    weightDecayMode: c.weightDecayMode ?? "loss",
    l1: c.l1 ?? 0,
    l1Mode: c.l1Mode ?? "proximal",
    dropoutRatio: c.dropoutRatio ?? 0,
    dropoutForm: c.dropoutForm ?? "book",
    earlyStopping: c.earlyStopping ?? null,
    validationRate: c.validationRate ?? 0.2,
    optimizer: (c.optimizer ?? "sgd").toLowerCase(),
    lr: c.lr ?? 0.01,
  };
  for (const k of ["weightDecayLambda", "l1"] as const) {
    assertFinite(k, r[k]);
    if (r[k] < 0) throw new ArgumentError(k, "a number >= 0", r[k]);
  }
  if (r.weightDecayMode !== "loss" && r.weightDecayMode !== "decoupled") {
    throw new ArgumentError("weightDecayMode", '"loss" or "decoupled"', r.weightDecayMode);
  }
  if (r.l1Mode !== "proximal" && r.l1Mode !== "subgradient") throw new ArgumentError("l1Mode", '"proximal" or "subgradient"', r.l1Mode);
  if (r.l1 > 0 && r.l1Mode === "proximal" && r.optimizer !== "sgd") {
    throw new ArgumentError("l1Mode", '"subgradient" with optimizer ' + r.optimizer + " (the proximal step here is ISTA: SGD only)", r.l1Mode);
  }
  assertInRange("dropoutRatio", r.dropoutRatio, 0, 1);
  if (r.earlyStopping !== null) assertInteger("earlyStopping", r.earlyStopping, 1);
  assertInRange("validationRate", r.validationRate, 0, 1);
  assertPositive("lr", r.lr);
  createOptimizer(r.optimizer, { lr: r.lr }); // checks the name
  return r;
}

/** MNIST, first trainSize / testSize images, read once per process (src/data/mnist-subset.ts). */
export function overfitData(trainSize: number, testSize: number): MnistSubset {
  return mnistSubset(trainSize, testSize);
}

/**
 * The optimizer of a configuration: the named optimizer (SGD by default), wrapped in
 * DecoupledWeightDecay for weightDecayMode "decoupled" (W ← W − ηλW before each step)
 * and in ProximalL1 for a proximal L1 (soft-thresholding after each SGD step).
 */
export function regularizedOptimizer(config: ResolvedOverfitConfig): Optimizer {
  let optimizer = createOptimizer(config.optimizer, { lr: config.lr });
  if (config.weightDecayMode === "decoupled" && config.weightDecayLambda > 0) {
    optimizer = new DecoupledWeightDecay(optimizer, { weightDecay: config.weightDecayLambda });
  }
  if (config.l1Mode === "proximal" && config.l1 > 0) optimizer = new ProximalL1(optimizer, { l1: config.l1 });
  return optimizer;
}

interface Net {
  params: Params;
  gradient(x: Matrix, t: Targets): Params;
  predict(x: Matrix, train: boolean): Matrix;
}

export function overfitRun(options: OverfitOptions = {}): OverfitRun {
  const budget = options.budget ?? currentBudget();
  const d = overfitDefaults(budget);
  const {
    seed = 0, epochs = d.epochs, trainSize = d.trainSize, testSize = d.testSize,
    batchSize = d.batchSize, hiddenSizeList = d.hiddenSizeList, keepWeights = false, onEpoch,
  } = options;
  assertInteger("seed", seed, 0);
  assertInteger("epochs", epochs, 0);
  assertInteger("trainSize", trainSize, 2, 60_000);
  assertInteger("testSize", testSize, 1, 10_000);
  assertInteger("batchSize", batchSize, 1);
  const config = resolveConfig(options);

  const data = overfitData(trainSize, testSize);
  const root = new RNG(seed);
  const weightRng = root.fork(), batchRng = root.fork(), splitRng = root.fork();

  let xTrain = data.xTrain, tTrain = data.tTrain;
  let val: { x: Matrix; t: Int32Array } | null = null;
  if (config.earlyStopping !== null) {
    const s = splitValidation(xTrain, tTrain, splitRng, config.validationRate);
    xTrain = s.xTrain;
    tTrain = s.tTrain;
    val = { x: s.xVal, t: s.tVal };
  }
  const n = xTrain.rows;

  const common = {
    inputSize: 784, hiddenSizeList, outputSize: 10, activation: "relu" as const, weightInitStd: "relu" as const,
    weightDecayLambda: config.weightDecayMode === "loss" ? config.weightDecayLambda : 0,
    weightDecayL1: config.l1Mode === "subgradient" ? config.l1 : 0,
  };
  const makeNet = (rng: RNG): Net => config.dropoutRatio > 0
    ? new MultiLayerNetExtend({ ...common, rng, useDropout: true, dropoutRatio: config.dropoutRatio, dropoutForm: config.dropoutForm })
    : new MultiLayerNet({ ...common, rng });
  const net = makeNet(weightRng); // initial weights first, then (with Dropout) the masks
  const initialWeights = keepWeights ? flattenWeights(net.params) : undefined;
  // Evaluation goes through a second net that SHARES the parameter matrices: its layer
  // buffers stay sized for the evaluation set and the training net's for the mini-batch
  // (one net would reallocate every buffer twice per epoch). Same numbers, ~2× faster.
  const evalNet = makeNet(new RNG(0));
  for (const k of Object.keys(net.params)) evalNet.params[k] = net.params[k];
  const evalSet = stackRows([xTrain, ...(val ? [val.x] : []), data.xTest]);
  const evalLabels = concatLabels([tTrain, ...(val ? [val.t] : []), data.tTest]);
  const nVal = val ? val.x.rows : 0;
  const slices = { train: [0, n], val: [n, n + nVal], test: [n + nVal, evalSet.rows] } as const;

  const optimizer = regularizedOptimizer(config);
  const stopper = config.earlyStopping !== null ? new EarlyStopping({ patience: config.earlyStopping, mode: "max" }) : null;

  const run: OverfitRun = {
    budget, seed, config, epochs: [], updates: [], trainAcc: [], testAcc: [], valAcc: [], weightNorm2: [],
    final: { trainAcc: NaN, testAcc: NaN, gap: NaN },
    zeroWeightFraction: NaN, nearZeroFraction: NaN, nearZeroThreshold: NEAR_ZERO, weightCount: 0,
    earlyStopping: null, diverged: false, divergedAt: null,
    trainSize: n, validationSize: nVal, testSize, batchSize,
  };
  const evaluate = () => {
    const y = evalNet.predict(evalSet, false);
    const acc = ([from, to]: readonly [number, number]): number => accuracyOf(sliceRows(y, from, to), evalLabels.subarray(from, to));
    return { train: acc(slices.train), val: nVal > 0 ? acc(slices.val) : NaN, test: acc(slices.test) };
  };

  const diverge = (i: number) => {
    run.diverged = true;
    run.divergedAt = i;
    loop.stop();
  };
  const loop = new TrainingLoop({
    batch: new MiniBatch(xTrain, tTrain, batchSize), rng: batchRng,
    // The book's max(300 / 100, 1) = 3, taken from trainSize before any validation split, so
    // every run is evaluated after the same updates and the curves share the x axis.
    iterPerEpoch: iterPerEpoch(trainSize, batchSize),
    maxEpochs: epochs + 1,
    step: (x, t, i) => {
      // grads = network.gradient(x_batch, t_batch); optimizer.update(network.params, grads)
      optimizer.update(net.params, net.gradient(x, t));
      if (firstNonFiniteParam(net.params) !== null) diverge(i);
    },
    onEpoch: (epoch, i) => {
      const norm2 = weightSumSquares(net.params);
      if (!Number.isFinite(norm2)) { // finite weights so large that Σ‖W‖² overflows
        diverge(i);
        return;
      }
      const acc = evaluate();
      run.epochs.push(epoch);
      run.updates.push(i + 1);
      run.trainAcc.push(acc.train);
      run.testAcc.push(acc.test);
      run.weightNorm2.push(norm2);
      onEpoch?.(epoch, acc.train, acc.test);
      if (stopper) {
        run.valAcc.push(acc.val);
        // EarlyStopping counts epochs from 1; ours are 0-based.
        if (stopper.step(acc.val, epoch + 1, net)) loop.stop();
      }
    },
  });
  loop.run();

  if (stopper) {
    const restored = stopper.restoreBest(net);
    const last = run.epochs[run.epochs.length - 1];
    run.earlyStopping = {
      patience: stopper.patience, bestEpoch: stopper.bestEpoch - 1,
      stoppedEpoch: stopper.stopped ? last : null, restored,
    };
    const acc = evaluate();
    run.final.trainAcc = acc.train;
    run.final.testAcc = acc.test;
  } else {
    run.final.trainAcc = run.trainAcc[run.trainAcc.length - 1] ?? NaN;
    run.final.testAcc = run.testAcc[run.testAcc.length - 1] ?? NaN;
  }
  run.final.gap = run.final.trainAcc - run.final.testAcc;
  if (!run.diverged) {
    const s = weightStats(net.params);
    run.zeroWeightFraction = s.zeroFraction;
    run.nearZeroFraction = s.nearZeroFraction;
    run.weightCount = s.count;
    if (keepWeights) {
      run.weights = flattenWeights(net.params);
      run.initialWeights = initialWeights;
    }
  }
  return run;
}

/** Rows of several matrices (same width) stacked into one. */
function stackRows(ms: Matrix[]): Matrix {
  const cols = ms[0].cols;
  const out = new Matrix(ms.reduce((r, m) => r + m.rows, 0), cols);
  let at = 0;
  for (const m of ms) {
    out.data.set(m.data, at);
    at += m.data.length;
  }
  return out;
}

function concatLabels(ts: Int32Array[]): Int32Array {
  const out = new Int32Array(ts.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const t of ts) {
    out.set(t, at);
    at += t.length;
  }
  return out;
}

/** What `overfit` takes on the command line (the CLI's short names for weightDecayLambda and dropoutRatio). */
export interface OverfitCliOptions extends Pick<OverfitOptions, "l1" | "l1Mode" | "dropoutForm" | "epochs" | "testSize" | "seed"> {
  weightDecay?: number;
  dropout?: number;
  earlyStopping?: number;
}

export const cli = defineCli<OverfitCliOptions>({
  name: "overfit",
  description: "6.4 overfitting on 300 MNIST images (6×100 ReLU, SGD 0.01): train/test accuracy per epoch with L2 / L1 / dropout / early stopping",
  options: {
    weightDecay: { kind: "number", description: "L2 weight decay λ (½λΣ‖W‖² in the loss; the book: 0.1; default 0)" },
    l1: { kind: "number", description: "L1 strength λ₁ (λ₁Σ|W|; default 0)" },
    l1Mode: { kind: "string", description: "proximal (soft-thresholding after each SGD step, default) or subgradient", choices: ["proximal", "subgradient"] },
    dropout: { kind: "number", description: "dropout ratio (the book: 0.2; default 0 = no dropout)" },
    dropoutForm: { kind: "string", description: "book (default) or inverted", choices: ["book", "inverted"] },
    earlyStopping: { kind: "number", description: "early stopping patience in epochs (20 % of the training samples become the validation set)" },
    epochs: { kind: "number", description: "last epoch (FULL: 200 like the book)" },
    testSize: { kind: "number", description: "test images used" },
    seed: { kind: "number", description: "seed" },
  },
  internalNames: { dropoutRatio: "dropout", weightDecayLambda: "weightDecay" },
  defaults: (budget) => {
    const { epochs, testSize } = overfitDefaults(budget);
    return { weightDecay: 0, l1: 0, l1Mode: "proximal", dropout: 0, dropoutForm: "book", epochs, testSize, seed: 0 };
  },
  run(o) {
    const r = overfitRun({
      weightDecayLambda: o.weightDecay,
      l1: o.l1,
      l1Mode: o.l1Mode,
      dropoutRatio: o.dropout,
      dropoutForm: o.dropoutForm,
      earlyStopping: o.earlyStopping,
      epochs: o.epochs,
      testSize: o.testSize,
      seed: o.seed,
    });
    return {
      budget: r.budget,
      seed: r.seed,
      config: r.config,
      epochs: r.epochs,
      trainAcc: r.trainAcc,
      testAcc: r.testAcc,
      valAcc: r.valAcc,
      final: r.final,
      zeroWeightFraction: r.zeroWeightFraction,
      zeroWeightFractionDefinition: "share of the final weights W1…W7 (biases excluded) that are exactly 0",
      nearZeroFraction: r.nearZeroFraction,
      nearZeroThreshold: r.nearZeroThreshold,
      earlyStopping: r.earlyStopping,
      diverged: r.diverged,
      trainSize: r.trainSize,
      validationSize: r.validationSize,
      testSize: r.testSize,
    };
  },
});
