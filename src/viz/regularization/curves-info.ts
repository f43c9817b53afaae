/**
 * Drawable data of the accuracy curves (pure): mean lines, ±1 std bands as
 * closed polygons, and the book's recorded run on our epoch axis.
 */
import { ArgumentError } from "../../core/errors";
import type { OverfitSeries } from "../../experiments/regularization/overfit-seeds";
import type { OverfitData } from "../../data/reference";

export interface Band {
  /** x forward then backward: one closed polygon for fill "toself". */
  x: number[];
  y: number[];
}

/** mean ± std as a polygon, clipped to [lo, hi]; points with a non-finite mean or std are left out. */
export function bandPolygon(x: readonly number[], mean: readonly number[], std: readonly number[], lo = 0, hi = 1): Band {
  if (x.length !== mean.length || x.length !== std.length) {
    throw new ArgumentError("mean/std", `arrays as long as x (${x.length})`, `${mean.length}/${std.length}`);
  }
  const keep = x.map((_, i) => i).filter((i) => Number.isFinite(mean[i]) && Number.isFinite(std[i]));
  const clip = (v: number) => Math.min(hi, Math.max(lo, v));
  const up = keep.map((i) => clip(mean[i] + std[i]));
  const down = keep.map((i) => clip(mean[i] - std[i])).reverse();
  return { x: [...keep.map((i) => x[i]), ...keep.map((i) => x[i]).reverse()], y: [...up, ...down] };
}

export interface CurveInfo {
  key: string;
  label: string;
  epochs: number[];
  train: number[];
  test: number[];
  trainBand: Band;
  testBand: Band;
  seeds: number;
  /** Final mean train − test gap. */
  gap: number;
}

export function curveInfo(series: OverfitSeries): CurveInfo {
  if (!series || !Array.isArray(series.epochs) || series.epochs.length === 0) {
    throw new ArgumentError("series", "an OverfitSeries with at least one epoch", series);
  }
  return {
    key: series.key,
    label: series.label,
    epochs: series.epochs,
    train: series.trainMean,
    test: series.testMean,
    trainBand: bandPolygon(series.epochs, series.trainMean, series.trainStd),
    testBand: bandPolygon(series.epochs, series.testMean, series.testStd),
    seeds: series.runs.length,
    gap: series.gap.mean,
  };
}

export interface BookCurve {
  /** Our 0-based epoch with the same number of updates (3e + 1). */
  epochs: number[];
  train: number[];
  test: number[];
}

/** The book's run on our epoch axis (aligned by updates), up to `lastEpoch`, every `every` epochs. */
export function bookCurve(data: OverfitData, lastEpoch: number, every = 1): BookCurve {
  if (!Number.isInteger(every) || every < 1) throw new ArgumentError("every", "an integer >= 1", every);
  const out: BookCurve = { epochs: [], train: [], test: [] };
  data.updates.forEach((u, k) => {
    const e = (u - 1) / 3;
    if (!Number.isInteger(e) || e > lastEpoch || e % every !== 0) return;
    out.epochs.push(e);
    out.train.push(data.trainAcc[k]);
    out.test.push(data.testAcc[k]);
  });
  return out;
}

/** Rows "epoch / 本書 訓練・テスト / 本実装 訓練・テスト" at the given epochs (book values aligned by updates). */
export function bookVsOursRows(series: OverfitSeries, book: OverfitData, epochs: number[]): Record<string, string | number>[] {
  const b = bookCurve(book, Math.max(...epochs));
  const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "–" : (100 * v).toFixed(1));
  const seeds = series.runs.length;
  return epochs.map((e) => {
    const k = b.epochs.indexOf(e);
    return {
      epoch: e,
      "更新回数": 3 * e + 1,
      "本書 訓練 (%)": f(k >= 0 ? b.train[k] : undefined),
      "本書 テスト (%)": f(k >= 0 ? b.test[k] : undefined),
      [`本実装 訓練 (%)${seeds > 1 ? ` ${seeds} seed 平均` : ""}`]: f(series.trainMean[e]),
      [`本実装 テスト (%)${seeds > 1 ? ` ${seeds} seed 平均` : ""}`]: f(series.testMean[e]),
    };
  });
}
