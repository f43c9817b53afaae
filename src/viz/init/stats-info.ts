/**
 * The statistics tables of 6.2: per layer for one setting, and one line per
 * (activation, initial value) for all twelve. Rows are plain objects with
 * Japanese column names, ready for viz/table (numbers kept as numbers).
 */
import type { HistogramResult } from "../../experiments/init/histogram";
import { ACTIVATION_LABELS } from "./colors";

type Row = Record<string, string | number | null>;

const pct = (v: number | null): number | null => (v === null ? null : 100 * v);

/** One row per layer: the numbers behind one row of the histogram figure. */
export function layerStatsRows(result: HistogramResult): Row[] {
  const a = result.activation;
  return result.layers.map((l) => {
    const row: Row = { 層: `${l.layer}-layer`, 平均: l.mean, 標準偏差: l.std, "入力による変動": l.sampleStd };
    if (a === "sigmoid" || a === "tanh") {
      row[a === "sigmoid" ? "飽和 0付近 (%)" : "飽和 −1付近 (%)"] = pct(l.saturatedLow);
      row[a === "sigmoid" ? "飽和 1付近 (%)" : "飽和 +1付近 (%)"] = pct(l.saturatedHigh);
      row[a === "sigmoid" ? "0.5±0.05 (%)" : "0±0.05 (%)"] = pct(l.nearCenter);
    }
    if (a === "relu") row["ちょうど 0 (%)"] = pct(l.exactZero);
    row["|z|<0.01 (%)"] = pct(l.nearZero);
    row["f′(a) の平均"] = l.meanDerivative;
    return row;
  });
}

/** One row per setting: the first and last layer side by side. */
export function settingsSummaryRows(results: HistogramResult[]): Row[] {
  return results.map((r) => {
    const first = r.layers[0], last = r.layers[r.layers.length - 1];
    const bounded = r.activation === "sigmoid" || r.activation === "tanh";
    return {
      活性化関数: ACTIVATION_LABELS[r.activation] ?? r.activation,
      初期値: r.initLabel,
      "重みの σ": r.weightStd,
      "標準偏差 1層": first.std,
      "標準偏差 5層": last.std,
      "入力による変動 5層": last.sampleStd,
      "飽和 5層 (%)": bounded ? pct(last.saturated) : null,
      "ちょうど0 5層 (%)": r.activation === "relu" ? pct(last.exactZero) : null,
      "f′ の平均 5層": last.meanDerivative,
    };
  });
}
