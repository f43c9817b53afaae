/**
 * The settings of notebook 6.4 per budget, in one place (the notebook prints them).
 *
 *                     FAST                       FULL (the book's sizes)
 *   epochs            80 (241 updates)           200 (601 updates, overfit_weight_decay.py)
 *   test images       first 500                  all 10000
 *   seeds             1                          3
 *   λ sweep (L2)      0, 0.01, 0.1, 0.3          0, 0.001, 0.01, 0.1, 0.3
 *   dropout sweep     0, 0.2, 0.5                0, 0.1, 0.2, 0.3, 0.5
 *   patience          10 epochs                  20 epochs
 * Fixed: 300 training images, 6 × 100 ReLU, SGD lr 0.01, batch 100 (the book).
 */
import { byBudget, type Budget } from "../../core/budget";
import { overfitDefaults } from "./overfit";
import { defaultSeeds } from "./overfit-seeds";

export interface RegularizationSettings {
  budget: Budget;
  epochs: number;
  testSize: number;
  seeds: number;
  /** The book's λ (overfit_weight_decay.py). */
  bookLambda: number;
  lambdas: number[];
  /** L1 strength used beside L2 (chosen to cost about as much accuracy as λ = 0.1). */
  l1: number;
  /** The book's dropout ratio (overfit_dropout.py). */
  bookDropout: number;
  dropoutRatios: number[];
  patience: number;
  validationRate: number;
}

export function regularizationSettings(budget: Budget): RegularizationSettings {
  const d = overfitDefaults(budget);
  return {
    budget,
    epochs: d.epochs,
    testSize: d.testSize,
    seeds: defaultSeeds(budget),
    bookLambda: 0.1,
    lambdas: byBudget(budget, [0, 0.01, 0.1, 0.3], [0, 0.001, 0.01, 0.1, 0.3]),
    l1: 0.01,
    bookDropout: 0.2,
    dropoutRatios: byBudget(budget, [0, 0.2, 0.5], [0, 0.1, 0.2, 0.3, 0.5]),
    patience: byBudget(budget, 10, 20),
    validationRate: 0.2,
  };
}
