/**
 * L1 vs L2 on the weights themselves: after training on the 300 images, how
 * are the weights distributed, how many are exactly 0, and where (per layer,
 * and per input pixel for W1)? Four runs with the same seed (same initial
 * weights, same mini-batches):
 *   none, L2 (the book's λ = 0.1), L1 proximal (soft-thresholding, ISTA),
 *   L1 subgradient (λ₁·sign(W) in the gradient).
 * Pixels that are 0 in every training image give their W1 row no data
 * gradient at all: only the regulariser moves those weights, which makes
 * the difference between L2 (shrinks by a factor) and L1 (reaches 0) stark.
 */
import { currentBudget, type Budget } from "./budget";
import { overfitData, type OverfitConfig } from "./overfit";
import { memoOverfitRun } from "./overfit-seeds";
import { NEAR_ZERO } from "./regularization-weights";
import { regularizationSettings } from "./regularization-settings";

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
  /** Per input pixel (784, row-major 28 × 28): share of its 100 W1 weights that are exactly 0. */
  pixelZeroFraction: number[];
  /** Per input pixel: ‖W1 row‖ (how much the pixel can influence the first layer). */
  pixelNorm: number[];
  trainAcc: number;
  testAcc: number;
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

export function weightComparison(options: { budget?: Budget; seed?: number; lambda?: number; l1?: number } = {}): WeightComparison {
  const budget = options.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const { seed = 0, lambda = s.bookLambda, l1 = s.l1 } = options;
  const sizes = { budget, epochs: s.epochs, testSize: s.testSize };
  const defs: { key: WeightPanel["key"]; label: string; config: OverfitConfig }[] = [
    { key: "none", label: "正則化なし", config: {} },
    { key: "l2", label: `L2 (λ = ${lambda})`, config: { weightDecayLambda: lambda } },
    { key: "l1", label: `L1 近接勾配 (λ₁ = ${l1})`, config: { l1, l1Mode: "proximal" } },
    { key: "l1-subgradient", label: `L1 劣勾配 (λ₁ = ${l1})`, config: { l1, l1Mode: "subgradient" } },
  ];
  const shapes = weightShapes();
  const data = overfitData(300, s.testSize);
  const x = data.xTrain;
  const deadPixels = Array.from({ length: 784 }, (_, p) => {
    for (let i = 0; i < x.rows; i++) if (x.data[i * 784 + p] !== 0) return false;
    return true;
  });
  const panels = defs.map((d): WeightPanel => {
    const run = memoOverfitRun(d.config, seed, sizes);
    const w = run.weights!;
    const hidden = shapes[0][1];
    const pixelZeroFraction: number[] = [], pixelNorm: number[] = [];
    for (let p = 0; p < 784; p++) {
      let zero = 0, sq = 0;
      for (let j = 0; j < hidden; j++) {
        const v = w[p * hidden + j];
        if (v === 0) zero++;
        sq += v * v;
      }
      pixelZeroFraction.push(zero / hidden);
      pixelNorm.push(Math.sqrt(sq));
    }
    return {
      ...d, weights: w, zeroFraction: run.zeroWeightFraction, nearZeroFraction: run.nearZeroFraction,
      layers: layerWeightStats(w, shapes), pixelZeroFraction, pixelNorm,
      trainAcc: run.final.trainAcc, testAcc: run.final.testAcc,
    };
  });
  return {
    budget, seed, epochs: s.epochs, lambda, l1, nearZeroThreshold: NEAR_ZERO,
    deadPixels, deadPixelCount: deadPixels.filter(Boolean).length, panels,
  };
}
