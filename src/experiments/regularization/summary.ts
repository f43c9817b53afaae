/**
 * The summary table of notebook 6.4: final train / test accuracy and their gap
 * for no regularisation, L2, L1, Dropout, early stopping and combinations
 * (L2 + Dropout; FULL also L2 + early stopping),
 * mean ± std over seeds, beside the book's recorded single run where there is
 * one (λ = 0.1: overfit_weight_decay.py, ratio 0.2: overfit_dropout.py), read
 * at the same number of parameter updates as ours (data/reference `updates`).
 * Runs are memoised: after the sweeps, only the new configurations train.
 */
import { currentBudget, type Budget } from "../../core/budget";
import type { OverfitConfig } from "./overfit";
import { overfitSeries, type MeanStd, type OverfitSeedOptions } from "./overfit-seeds";
import { bookOverfit, type OverfitData } from "../../data/reference";
import { SEED_ROWS, defineCli } from "../../cli/experiment";
import { regularizationSettings } from "./settings";

export interface SummaryRow {
  key: string;
  label: string;
  config: OverfitConfig;
  seeds: number;
  trainAcc: MeanStd;
  testAcc: MeanStd;
  gap: MeanStd;
  zeroWeightFraction: MeanStd;
  /** Early stopping: mean best epoch (the restored weights), else null. */
  bestEpoch: number | null;
  /** The book's run for this row at the same update count, or null when the book recorded none. */
  book: { trainAcc: number; testAcc: number; gap: number; epochLabel: number; updates: number; script: string } | null;
}

export interface RegularizationSummary {
  budget: Budget;
  epochs: number;
  /** Parameter updates at the last evaluation (3·epochs + 1). */
  updates: number;
  testSize: number;
  seeds: number[];
  rows: SummaryRow[];
}

/** The book's accuracies after `updates` updates, or null if it never evaluated there. */
export function bookAt(data: OverfitData, updates: number, script: string): SummaryRow["book"] {
  const k = data.updates.indexOf(updates);
  if (k < 0) return null;
  return { trainAcc: data.trainAcc[k], testAcc: data.testAcc[k], gap: data.trainAcc[k] - data.testAcc[k], epochLabel: data.epochs[k], updates, script };
}

export function summaryConfigs(budget: Budget): { key: string; label: string; config: OverfitConfig; book: "weight_decay" | "dropout" | null }[] {
  const s = regularizationSettings(budget);
  const es = { earlyStopping: s.patience, validationRate: s.validationRate };
  const rows: ReturnType<typeof summaryConfigs> = [
    { key: "none", label: "正則化なし", config: {}, book: null },
    { key: "l2", label: `L2（Weight decay λ = ${s.bookLambda}）`, config: { weightDecayLambda: s.bookLambda }, book: "weight_decay" },
    { key: "l1", label: `L1（λ₁ = ${s.l1}、近接勾配）`, config: { l1: s.l1 }, book: null },
    { key: "dropout", label: `Dropout（ratio ${s.bookDropout}）`, config: { dropoutRatio: s.bookDropout }, book: "dropout" },
    { key: "early", label: `Early stopping（patience ${s.patience}）`, config: es, book: null },
    { key: "l2+dropout", label: `L2 λ = ${s.bookLambda} + Dropout ${s.bookDropout}`, config: { weightDecayLambda: s.bookLambda, dropoutRatio: s.bookDropout }, book: null },
    { key: "l2+early", label: `L2 λ = ${s.bookLambda} + Early stopping`, config: { weightDecayLambda: s.bookLambda, ...es }, book: null },
  ];
  // FAST keeps one combination (the notebook's time budget); FULL has both.
  return budget === "full" ? rows : rows.filter((r) => r.key !== "l2+early");
}

export function regularizationSummary(options: OverfitSeedOptions = {}): RegularizationSummary {
  const budget = options.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const opts = { ...options, budget, seeds: options.seeds ?? s.seeds, epochs: options.epochs ?? s.epochs, testSize: options.testSize ?? s.testSize };
  const updates = 3 * opts.epochs + 1;
  const rows = summaryConfigs(budget).map((c): SummaryRow => {
    const x = overfitSeries(c.key, c.label, c.config, opts);
    const best = x.runs.map((r) => r.earlyStopping?.bestEpoch).filter((v): v is number => v !== undefined);
    return {
      key: c.key, label: c.label, config: c.config, seeds: x.runs.length,
      trainAcc: x.trainAcc, testAcc: x.testAcc, gap: x.gap, zeroWeightFraction: x.zeroWeightFraction,
      bestEpoch: best.length ? best.reduce((a, b) => a + b, 0) / best.length : null,
      book: c.book === null ? null : bookAt(bookOverfit(c.book), updates, `ch06/overfit_${c.book}.py`),
    };
  });
  return { budget, epochs: opts.epochs, updates, testSize: opts.testSize, seeds: rows[0] ? Array.from({ length: opts.seeds }, (_, k) => (opts.seed ?? 0) + k) : [], rows };
}

export const cli = defineCli<Pick<OverfitSeedOptions, "seed" | "seeds" | "epochs">>({
  name: "regularization-summary",
  description: "6.4 summary: final train/test accuracy and gap for none / L2 / L1 / dropout / early stopping / combinations, mean over seeds, with the book's numbers",
  options: {
    ...SEED_ROWS,
    epochs: { kind: "number", description: "last epoch" },
  },
  defaults: (budget) => {
    const { seeds, epochs } = regularizationSettings(budget);
    return { seed: 0, seeds, epochs };
  },
  run(o) {
    const r = regularizationSummary(o);
    return { ...r, seed: o.seed ?? 0 };
  },
});
