/**
 * Settings of the book's hyperparameter search (ch06/hyperparameter_optimization.py)
 * per budget, and its data: the first 500 MNIST training images, shuffled
 * (the book's shuffle_dataset, here seeded with the study's seed, so studies
 * with different seeds also see different validation splits, as the book's
 * unseeded runs do), the first 20 % (100) as validation data and the other 400
 * for training. The test data is not touched by the search.
 *
 * FULL is the book: 6 hidden layers of 100, 50 epochs, batch 100, SGD,
 * lr = 10^U(−6, −2), weight decay = 10^U(−8, −4), 100 trials.
 * FAST keeps the data, the split, the search space and the number of SGD
 * updates (200) but trains a smaller net (2 × 40) for 8 epochs of mini-batches
 * of 16, measures the training accuracy curve on 100 samples, and runs 9
 * trials per study (a 3 × 3 grid) — so the notebook runs in well under a minute.
 */
import { RNG } from "../../core/rng";
import type { Matrix } from "../../core/matrix";
import { loadMnist, splitValidation } from "../../data/index";
import type { SearchSpace } from "../../search/space";
import { Budget, byBudget } from "../../core/budget";

/** The book's search space. */
export const BOOK_SPACE: SearchSpace = {
  lr: { low: 1e-6, high: 1e-2, log: true },
  weightDecay: { low: 1e-8, high: 1e-4, log: true },
};

export const HPO_PARAMS = ["lr", "weightDecay"] as const;
/** Values used for a parameter the search space leaves out. */
export const HPO_DEFAULTS: Record<string, number> = { lr: 0.01, weightDecay: 0 };

export interface HpoSettings {
  budget: Budget;
  /** MNIST training images used (the book: 500). */
  sampleNum: number;
  validationRate: number;
  hiddenSizeList: number[];
  epochs: number;
  miniBatchSize: number;
  /** Trainer's evaluate_sample_num_per_epoch for the training accuracy curve (null: all). */
  evaluateSampleNumPerEpoch: number | null;
  /** Trials of one study. */
  nTrials: number;
  /** Trials per study and seeds of the sampler comparison. */
  compareTrials: number;
  compareSeeds: number[];
}

export function hpoSettings(budget: Budget): HpoSettings {
  return {
    budget,
    sampleNum: 500,
    validationRate: 0.2,
    hiddenSizeList: byBudget(budget, [40, 40], [100, 100, 100, 100, 100, 100]),
    epochs: byBudget(budget, 8, 50),
    miniBatchSize: byBudget(budget, 16, 100),
    evaluateSampleNumPerEpoch: byBudget<number | null>(budget, 100, null),
    nTrials: byBudget(budget, 9, 100),
    compareTrials: byBudget(budget, 9, 100),
    compareSeeds: [0, 1, 2],
  };
}

/** What a study log must agree on to be resumed (the search space and sampler are checked separately). */
export function objectiveConfig(s: HpoSettings, splitSeed: number): Record<string, unknown> {
  return {
    budget: s.budget,
    sampleNum: s.sampleNum,
    validationRate: s.validationRate,
    splitSeed,
    hiddenSizeList: s.hiddenSizeList,
    epochs: s.epochs,
    miniBatchSize: s.miniBatchSize,
    evaluateSampleNumPerEpoch: s.evaluateSampleNumPerEpoch,
  };
}

export interface HpoData {
  xTrain: Matrix;
  tTrain: Int32Array;
  xVal: Matrix;
  tVal: Int32Array;
}

/**
 * The book's data: x_train[:500], shuffle_dataset, first 20 % → validation.
 * `splitSeed` seeds the shuffle; a study uses its own seed, so the spread over
 * seeds includes the choice of validation split.
 */
export function hpoData(s: HpoSettings, splitSeed = 0): HpoData {
  const m = loadMnist({ normalize: true, trainSize: s.sampleNum, testSize: 1 });
  const split = splitValidation(m.xTrain, m.tTrain as Int32Array, new RNG(splitSeed), s.validationRate);
  return { xTrain: split.xTrain, tTrain: split.tTrain, xVal: split.xVal, tVal: split.tVal };
}
