/**
 * Gradient clipping rescues training from exploding gradients (beyond the book):
 *
 * - 2-D: f(x, y) = x⁴/4 + y² from (5, 2) with SGD η = 0.1. Far from the
 *   minimum the gradient x³ = 125 throws x to −7.5, where it is −422 …:
 *   plain SGD diverges in a few updates; clipped (by norm or by value) it walks
 *   down at most η·c per update and then converges like plain SGD.
 * - MNIST: a deep ReLU net (784 → 100 × 5 → 10) with weights of std 0.3, about
 *   twice He's √(2/100) ≈ 0.14, so the forward variance grows ×4.5 per layer
 *   (6.2): the logits are huge, one SGD step (η = 0.1) overshoots and the loss
 *   becomes NaN; with clipping by norm the same network learns.
 *
 *   FAST / FULL: MNIST 1000 / 10000 training images, 10 epochs of 100, 1 seed, 1000 / 10000 test images
 */
import { assertInteger, assertPositive } from "../../core/errors";
import { sliceRows } from "../../core/ops";
import { RNG } from "../../core/rng";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { loadMnist } from "../../data/mnist";
import { Function2D, optimizePath, type Point2D } from "../../functions/index";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import { SGD } from "../../optim/sgd";
import { GradClip, gradNorm as gradNormOf } from "../../optim/grad-clip";
import type { Optimizer } from "../../optim/optimizer";
import { Trainer } from "../../train/trainer";

/** The steep function of the 2-D case, with its view box. */
export function steepFunction(): Function2D {
  return new Function2D("x^4/4 + y^2", { xRange: [-8, 8], yRange: [-3, 3], start: [5, 2], minima: [[0, 0]] });
}

export type ClipMode = "none" | "norm" | "value";

export interface ClipSettings {
  /** Threshold c of clipping by norm (default 5). */
  maxNorm?: number;
  /** Threshold c of clipping by value (default 5 in 2-D, 0.1 on MNIST). */
  clipValue?: number;
}

function wrap(mode: ClipMode, base: Optimizer, maxNorm: number, clipValue: number): Optimizer {
  if (mode === "none") return base;
  return mode === "norm" ? new GradClip(base, { maxNorm }) : new GradClip(base, { clipValue });
}

const label = (mode: ClipMode, maxNorm: number, clipValue: number): string =>
  mode === "none" ? "クリッピングなし" : mode === "norm" ? `ノルムで（c = ${maxNorm}）` : `値で（c = ${clipValue}）`;

export interface ClipRun2D {
  mode: ClipMode;
  label: string;
  path: Point2D[];
  f: number[];
  diverged: boolean;
  divergedAt: number | null;
}

export function clipPaths2D({ lr = 0.1, steps = 60, maxNorm = 5, clipValue = 5 }: ClipSettings & { lr?: number; steps?: number } = {}): ClipRun2D[] {
  assertPositive("lr", lr);
  assertInteger("steps", steps, 1, 100000);
  const fn = steepFunction();
  return (["none", "norm", "value"] as ClipMode[]).map((mode) => {
    const r = optimizePath(fn, wrap(mode, new SGD({ lr }), maxNorm, clipValue), fn.start, steps);
    return { mode, label: label(mode, maxNorm, clipValue), path: r.points, f: r.f, diverged: r.diverged, divergedAt: r.divergedAt };
  });
}

export interface ClipMnistRun {
  mode: ClipMode;
  label: string;
  loss: number[];
  /** ‖g‖ before clipping at each update (NaN/∞ once the gradients are no longer finite). */
  gradNorm: number[];
  diverged: boolean;
  divergedAt: number | null;
  finalTestAcc: number | null;
}

export interface ClipMnistResult {
  budget: Budget;
  seed: number;
  lr: number;
  weightInitStd: number;
  network: string;
  trainSize: number;
  testSize: number;
  iterations: number;
  maxNorm: number;
  clipValue: number;
  runs: ClipMnistRun[];
  seconds: number;
}

export interface ClipMnistOptions extends ClipSettings {
  budget?: Budget;
  seed?: number;
  lr?: number;
  weightInitStd?: number;
  epochs?: number;
  trainSize?: number;
  testSize?: number;
}

export function clipMnist(options: ClipMnistOptions = {}): ClipMnistResult {
  const started = Date.now();
  const budget = options.budget ?? currentBudget();
  const {
    seed = 0, lr = 0.1, weightInitStd = 0.3, epochs = 10, maxNorm = 5, clipValue = 0.1,
    trainSize = byBudget(budget, 1000, 10000), testSize = byBudget(budget, 1000, 10000),
  } = options;
  assertInteger("seed", seed, 0);
  assertPositive("lr", lr);
  assertPositive("weightInitStd", weightInitStd);
  assertInteger("epochs", epochs, 1);
  assertPositive("maxNorm", maxNorm);
  assertPositive("clipValue", clipValue);
  assertInteger("trainSize", trainSize, 100, 60000);
  assertInteger("testSize", testSize, 1, 10000);
  const m = loadMnist({ normalize: true, testSize });
  const xTrain = sliceRows(m.xTrain, 0, trainSize), tTrain = (m.tTrain as Int32Array).subarray(0, trainSize);
  const runs = (["none", "norm", "value"] as ClipMode[]).map((mode): ClipMnistRun => {
    const rng = new RNG(seed);
    const network = new MultiLayerNet({
      inputSize: 784, hiddenSizeList: [100, 100, 100, 100, 100], outputSize: 10, activation: "relu", weightInitStd, rng: new RNG(rng.fork().seed),
    });
    const gradNorm: number[] = [];
    const opt = wrap(mode, new SGD({ lr }), maxNorm, clipValue);
    // ‖g‖ before clipping, read from the gradients the Trainer hands to update()
    const observed: Optimizer = {
      name: opt.name, get lr() { return opt.lr; }, reset: () => opt.reset(), hyperparams: () => opt.hyperparams(),
      update(params, grads) {
        gradNorm.push(gradNormOf(grads));
        opt.update(params, grads);
      },
    };
    const trainer = new Trainer({
      network, xTrain, tTrain, xTest: m.xTest, tTest: m.tTest as Int32Array, epochs, miniBatchSize: 100, optimizer: observed, rng,
      evaluateSampleNumPerEpoch: 200,
    });
    const r = trainer.train();
    return {
      mode, label: label(mode, maxNorm, clipValue), loss: r.trainLossList, gradNorm, diverged: r.diverged, divergedAt: r.divergedAt, finalTestAcc: r.finalTestAcc,
    };
  });
  return {
    budget, seed, lr, weightInitStd, network: "784-100×5-10 ReLU", trainSize, testSize: m.xTest.rows,
    iterations: Math.floor(epochs * Math.max(trainSize / 100, 1)), maxNorm, clipValue, runs, seconds: (Date.now() - started) / 1000,
  };
}
