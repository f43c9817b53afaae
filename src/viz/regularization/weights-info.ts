/**
 * Weight histograms for L1 vs L2 (pure): bars of the NONZERO weights and,
 * separately, the count of weights that are exactly 0 — an exact zero is a
 * different thing from a small weight, and a bar around 0 would hide it.
 */
import { ArgumentError } from "../../core/errors";
import type { WeightComparison } from "../../experiments/regularization/l1";
import { pct } from "./colors";

export interface WeightHistogram {
  /** Bin centres and counts of nonzero weights in [−range, range]. */
  x: number[];
  counts: number[];
  width: number;
  exactZeros: number;
  /** Nonzero weights outside [−range, range]. */
  outside: number;
  total: number;
}

export function weightHistogram(weights: ArrayLike<number>, range: number, bins: number): WeightHistogram {
  if (!(range > 0) || !Number.isFinite(range)) throw new ArgumentError("range", "a finite number > 0", range);
  if (!Number.isInteger(bins) || bins < 1) throw new ArgumentError("bins", "an integer >= 1", bins);
  const width = (2 * range) / bins;
  const counts = new Array<number>(bins).fill(0);
  let exactZeros = 0, outside = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) exactZeros++;
    else if (w < -range || w > range) outside++;
    else counts[Math.min(bins - 1, Math.floor((w + range) / width))]++;
  }
  return { x: counts.map((_, k) => -range + (k + 0.5) * width), counts, width, exactZeros, outside, total: weights.length };
}

/** One row per layer and regulariser: how many weights are exactly 0 / near 0, and their RMS. */
export function layerZeroRows(c: WeightComparison): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const layers = c.panels[0].layers.length;
  for (let l = 0; l < layers; l++) {
    const row: Record<string, string | number> = { 層: `W${l + 1} (${c.panels[0].layers[l].count})` };
    for (const p of c.panels) {
      const s = p.layers[l];
      row[`${p.label}：ちょうど 0`] = pct(s.zeroFraction);
      row[`${p.label}：RMS`] = Number(s.rms.toPrecision(3));
    }
    rows.push(row);
  }
  return rows;
}

/** Per regulariser: exact-zero share, near-zero share, accuracies. */
export function weightSummaryRows(c: WeightComparison): Record<string, string | number>[] {
  return c.panels.map((p) => ({
    正則化: p.label,
    "ちょうど 0 (w === 0)": pct(p.zeroFraction),
    [`ほぼ 0 (|w| < ${c.nearZeroThreshold})`]: pct(p.nearZeroFraction),
    [`W1 のちょうど 0：常に 0 の画素 (${c.deadPixelCount} 個) の行`]: pct(p.deadRowZeroFraction),
    "W1 のちょうど 0：その他の画素の行": pct(p.liveRowZeroFraction),
    訓練精度: pct(p.trainAcc),
    テスト精度: pct(p.testAcc),
  }));
}
