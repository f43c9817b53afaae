/**
 * よくある誤解 (6.3): "BN を使えば初期値に依存しない". The book's own run of
 * ch06/batch_norm_test.py (data/reference/batch_norm_test.json, one unseeded
 * run, 20 epochs): train accuracy at the last epoch for each weight scale,
 * with and without BN. BN makes the useful range much wider, but the ends
 * (W = 1, W = 1e-4) still learn slowly.
 */
import { bookReference } from "../../data/reference";

export interface BookFinalAccuracy {
  weightScale: number;
  withoutBn: number;
  withBn: number;
}

export function bookBnFinalAccuracies(): BookFinalAccuracy[] {
  return bookReference("batch_norm_test").data.runs.map((r) => ({
    weightScale: r.weightScale,
    withoutBn: r.normal[r.normal.length - 1],
    withBn: r.batchNorm[r.batchNorm.length - 1],
  }));
}

/** How many scales reach `threshold` (train accuracy) at the last epoch, with and without BN. */
export function scalesReaching(rows: readonly BookFinalAccuracy[], threshold: number): { withoutBn: number; withBn: number } {
  return {
    withoutBn: rows.filter((r) => r.withoutBn >= threshold).length,
    withBn: rows.filter((r) => r.withBn >= threshold).length,
  };
}
