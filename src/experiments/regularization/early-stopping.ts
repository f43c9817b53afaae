/**
 * Early stopping (not in the book; an E資格 keyword) against the
 * unregularised run: 20 % of the 300 training images become the validation
 * set, validation accuracy is measured every epoch, training stops after
 * `patience` epochs without a new best, and the best epoch's weights are put
 * back (src/train/early-stopping.ts). The other 240 images are trained on.
 */
import { currentBudget, type Budget } from "../../core/budget";
import { overfitSeries, type OverfitSeedOptions, type OverfitSeries } from "./overfit-seeds";
import { regularizationSettings } from "./settings";

export interface EarlyStoppingComparison {
  budget: Budget;
  patience: number;
  validationRate: number;
  epochs: number;
  none: OverfitSeries;
  early: OverfitSeries;
}

export function earlyStoppingComparison(options: OverfitSeedOptions & { patience?: number } = {}): EarlyStoppingComparison {
  const budget = options.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const patience = options.patience ?? s.patience;
  const opts = { ...options, budget, seeds: options.seeds ?? s.seeds, epochs: options.epochs ?? s.epochs, testSize: options.testSize ?? s.testSize };
  return {
    budget, patience, validationRate: s.validationRate, epochs: opts.epochs,
    none: overfitSeries("none", "正則化なし", {}, opts),
    early: overfitSeries("early-stopping", `Early stopping（patience ${patience}）`, { earlyStopping: patience, validationRate: s.validationRate }, opts),
  };
}
