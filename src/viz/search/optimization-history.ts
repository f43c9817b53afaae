/**
 * Optimisation history (Optuna's plot_optimization_history): the score of
 * every complete trial against its number, and the best-so-far line. Failed
 * trials are marked separately with their reason.
 */
import type { PlotlyFigure } from "../figure";
import { bestSoFar, FrozenTrial, isComplete } from "../../search/trial";
import { checkTrials } from "./common";

export interface OptimizationHistoryInfo {
  targetName: string;
  /** Complete trials. */
  trialNumbers: number[];
  values: number[];
  /** Best-so-far after each trial number 0…N−1 (NaN before the first complete one). */
  bestNumbers: number[];
  bestValues: number[];
  failed: { numbers: number[]; reasons: string[] };
}

export function optimizationHistoryInfo(trials: readonly FrozenTrial[], targetName = "検証精度"): OptimizationHistoryInfo {
  checkTrials(trials);
  const sorted = [...trials].sort((a, b) => a.number - b.number);
  const complete = sorted.filter(isComplete);
  const failed = sorted.filter((t) => !isComplete(t));
  return {
    targetName,
    trialNumbers: complete.map((t) => t.number),
    values: complete.map((t) => t.score),
    bestNumbers: sorted.map((t) => t.number),
    bestValues: bestSoFar(sorted),
    failed: { numbers: failed.map((t) => t.number), reasons: failed.map((t) => t.reason ?? "failed") },
  };
}

export function optimizationHistoryFigure(info: OptimizationHistoryInfo, title = "最適化の履歴 (Optimization History)"): PlotlyFigure {
  const data: PlotlyFigure["data"] = [
    { type: "scatter", mode: "markers", name: info.targetName, x: info.trialNumbers, y: info.values, marker: { color: "#1f77b4" } },
    { type: "scatter", mode: "lines", name: "それまでの最良値", x: info.bestNumbers, y: info.bestValues, line: { color: "#d62728", shape: "hv" } },
  ];
  if (info.failed.numbers.length) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "失敗（発散）",
      x: info.failed.numbers,
      y: info.failed.numbers.map(() => 0),
      text: info.failed.reasons,
      hovertemplate: "試行 %{x}<br>%{text}<extra></extra>",
      marker: { symbol: "x", color: "#7f7f7f", size: 9 },
    });
  }
  return {
    data,
    layout: {
      title: { text: title },
      xaxis: { title: { text: "試行番号 (#Trials)" } },
      yaxis: { title: { text: info.targetName } },
      height: 400,
    },
  };
}
