/**
 * L1 vs L2 on the weights themselves: after training on the 300 images, how
 * are the weights distributed, how many are exactly 0, and where (per layer;
 * W1 rows of pixels that are 0 in every image vs the others)? Four runs with the same seed (same initial
 * weights, same mini-batches):
 *   none, L2 (the book's λ = 0.1), L1 proximal (soft-thresholding, ISTA),
 *   L1 subgradient (λ₁·sign(W) in the gradient).
 * Pixels that are 0 in every training image give their W1 row no data
 * gradient at all: only the regulariser moves those weights, which makes
 * the difference between L2 (shrinks by a factor) and L1 (reaches 0) stark.
 */
import { currentBudget, type Budget } from "../../core/budget";
import { overfitData, type OverfitConfig } from "./overfit";
import { memoOverfitRun } from "./overfit-seeds";
import { NEAR_ZERO } from "./weights";
import { regularizationSettings } from "./settings";

export interface LayerWeightStats {
  /** 1-based: W1 … W7. */
  layer: number;
  count: number;
  zeroFraction: number;
  nearZeroFraction: number;
  /** Root mean square of the weights. */
  rms: number;
}

export interface WeightPanel {
  key: "none" | "l2" | "l1" | "l1-subgradient";
  label: string;
  config: OverfitConfig;
  /** All final weights W1 … W7, in order (row-major per matrix). */
  weights: Float64Array;
  zeroFraction: number;
  nearZeroFraction: number;
  layers: LayerWeightStats[];
  trainAcc: number;
  testAcc: number;
  /** A sample of W1 entries (every `w1Stride`-th): initial value, final value, and whether its pixel is dead. */
  w1Sample: { initial: number[]; final: number[]; dead: boolean[] };
  /** max |final − deadWeightTheory(initial)| over ALL W1 weights of dead pixels (0 up to rounding). */
  deadRowMaxDeviation: number;
  /** Share of exact zeros among W1 weights of dead pixels, and of the other pixels. */
  deadRowZeroFraction: number;
  liveRowZeroFraction: number;
}

/**
 * What becomes of a weight that gets no data gradient (its pixel is 0 in every
 * training image) after `updates` SGD steps of learning rate lr:
 *   none   w₀                                  (nothing moves it)
 *   L2     w₀·(1 − ηλ)^T                       (shrunk by a factor)
 *   L1     sign(w₀)·max(|w₀| − T·ηλ₁, 0)      (proximal: moved toward 0 by a constant, then held at 0)
 * The subgradient form has no closed form (it overshoots 0 and oscillates); NaN.
 */
export function deadWeightTheory(key: WeightPanel["key"], w0: number, o: { lr: number; lambda: number; l1: number; updates: number }): number {
  switch (key) {
    case "none":
      return w0;
    case "l2":
      return w0 * (1 - o.lr * o.lambda) ** o.updates;
    case "l1":
      return Math.sign(w0) * Math.max(Math.abs(w0) - o.updates * o.lr * o.l1, 0);
    default:
      return NaN;
  }
}

export interface WeightComparison {
  budget: Budget;
  seed: number;
  epochs: number;
  lambda: number;
  l1: number;
  nearZeroThreshold: number;
  /** Pixels that are 0 in all training images (their W1 rows get no data gradient). */
  deadPixels: boolean[];
  deadPixelCount: number;
  /** Parameter updates done (3·epochs + 1) and the SGD learning rate, for deadWeightTheory. */
  updates: number;
  lr: number;
  w1Stride: number;
  panels: WeightPanel[];
}

/** Shapes of W1 … W_L for 784 → hidden… → 10. */
export function weightShapes(hiddenSizeList: readonly number[] = [100, 100, 100, 100, 100, 100]): [number, number][] {
  const sizes = [784, ...hiddenSizeList, 10];
  return sizes.slice(1).map((n, i) => [sizes[i], n]);
}

export function layerWeightStats(weights: Float64Array, shapes: [number, number][]): LayerWeightStats[] {
  let at = 0;
  return shapes.map(([r, c], i) => {
    let zero = 0, near = 0, sq = 0;
    for (let k = at; k < at + r * c; k++) {
      const w = weights[k];
      if (w === 0) zero++;
      if (Math.abs(w) < NEAR_ZERO) near++;
      sq += w * w;
    }
    at += r * c;
    const count = r * c;
    return { layer: i + 1, count, zeroFraction: zero / count, nearZeroFraction: near / count, rms: Math.sqrt(sq / count) };
  });
}

export function weightComparison(options: { budget?: Budget; seed?: number; lambda?: number; l1?: number; w1Stride?: number; epochs?: number; testSize?: number } = {}): WeightComparison {
  const budget = options.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const { seed = 0, lambda = s.bookLambda, l1 = s.l1, w1Stride = 17, epochs = s.epochs, testSize = s.testSize } = options;
  const updates = 3 * epochs + 1, lr = 0.01;
  const sizes = { budget, epochs, testSize };
  const defs: { key: WeightPanel["key"]; label: string; config: OverfitConfig }[] = [
    { key: "none", label: "正則化なし", config: {} },
    { key: "l2", label: `L2 (λ = ${lambda})`, config: { weightDecayLambda: lambda } },
    { key: "l1", label: `L1 近接勾配 (λ₁ = ${l1})`, config: { l1, l1Mode: "proximal" } },
    { key: "l1-subgradient", label: `L1 劣勾配 (λ₁ = ${l1})`, config: { l1, l1Mode: "subgradient" } },
  ];
  const shapes = weightShapes();
  const data = overfitData(300, testSize);
  const x = data.xTrain;
  const deadPixels = Array.from({ length: 784 }, (_, p) => {
    for (let i = 0; i < x.rows; i++) if (x.data[i * 784 + p] !== 0) return false;
    return true;
  });
  const panels = defs.map((d): WeightPanel => {
    const run = memoOverfitRun(d.config, seed, sizes);
    const w = run.weights!, w0 = run.initialWeights!;
    const hidden = shapes[0][1];
    const sample = { initial: [] as number[], final: [] as number[], dead: [] as boolean[] };
    let deviation = 0;
    const zeros = { dead: 0, deadN: 0, live: 0, liveN: 0 };
    for (let k = 0; k < 784 * hidden; k++) {
      const dead = deadPixels[Math.floor(k / hidden)];
      if (k % w1Stride === 0) {
        sample.initial.push(w0[k]);
        sample.final.push(w[k]);
        sample.dead.push(dead);
      }
      if (dead) {
        zeros.deadN++;
        zeros.dead += +(w[k] === 0);
        const theory = deadWeightTheory(d.key, w0[k], { lr, lambda, l1, updates });
        if (!Number.isNaN(theory)) deviation = Math.max(deviation, Math.abs(w[k] - theory));
      } else {
        zeros.liveN++;
        zeros.live += +(w[k] === 0);
      }
    }
    return {
      ...d, weights: w, zeroFraction: run.zeroWeightFraction, nearZeroFraction: run.nearZeroFraction,
      layers: layerWeightStats(w, shapes),
      trainAcc: run.final.trainAcc, testAcc: run.final.testAcc,
      w1Sample: sample,
      deadRowMaxDeviation: d.key === "l1-subgradient" ? NaN : deviation,
      deadRowZeroFraction: zeros.dead / Math.max(zeros.deadN, 1),
      liveRowZeroFraction: zeros.live / Math.max(zeros.liveN, 1),
    };
  });
  return {
    budget, seed, epochs, lambda, l1, nearZeroThreshold: NEAR_ZERO,
    deadPixels, deadPixelCount: deadPixels.filter(Boolean).length, updates, lr, w1Stride, panels,
  };
}
