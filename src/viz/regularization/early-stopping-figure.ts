/**
 * Early stopping against the unregularised run: the first seed's curves,
 * validation accuracy, and lines at the best and the stopping epoch.
 */
import type { EarlyStoppingComparison } from "../../experiments/regularization/early-stopping";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { pct, regColor } from "./colors";

export interface EarlyStoppingInfo {
  bestEpoch: number;
  stoppedEpoch: number | null;
  /** Mean over seeds. */
  meanBestEpoch: number;
  stoppedRuns: number;
  runs: number;
}

export function earlyStoppingInfo(c: EarlyStoppingComparison): EarlyStoppingInfo {
  const es = c.early.runs.map((r) => r.earlyStopping!);
  return {
    bestEpoch: es[0].bestEpoch,
    stoppedEpoch: es[0].stoppedEpoch,
    meanBestEpoch: es.reduce((a, e) => a + e.bestEpoch, 0) / es.length,
    stoppedRuns: es.filter((e) => e.stoppedEpoch !== null).length,
    runs: es.length,
  };
}

export function earlyStoppingFigure(c: EarlyStoppingComparison): PlotlyFigure {
  const none = c.none.runs[0], early = c.early.runs[0];
  const info = earlyStoppingInfo(c);
  const grey = regColor("none"), color = regColor("early");
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name: "正則化なし：訓練", x: none.epochs, y: none.trainAcc, line: { color: grey, width: 1.5 } },
    { type: "scatter", mode: "lines", name: "正則化なし：テスト", x: none.epochs, y: none.testAcc, line: { color: grey, width: 1.5, dash: "dash" } },
    { type: "scatter", mode: "lines", name: `Early stopping：訓練（${early.trainSize} 枚）`, x: early.epochs, y: early.trainAcc, line: { color, width: 2.5 } },
    { type: "scatter", mode: "lines", name: "Early stopping：テスト", x: early.epochs, y: early.testAcc, line: { color, width: 2.5, dash: "dash" } },
    { type: "scatter", mode: "lines", name: `検証データ（${early.validationSize} 枚）`, x: early.epochs, y: early.valAcc, line: { color: "#e377c2", width: 1.5, dash: "dot" } },
    {
      type: "scatter", mode: "markers", name: "戻した重み（最良 epoch）", x: [info.bestEpoch, info.bestEpoch], y: [early.final.trainAcc, early.final.testAcc],
      marker: { color, size: 11, symbol: "star" }, hovertemplate: "epoch %{x}: %{y:.1%}<extra></extra>",
    },
  ];
  const shapes: Record<string, unknown>[] = [
    { type: "line", x0: info.bestEpoch, x1: info.bestEpoch, y0: 0, y1: 1, line: { color, width: 1, dash: "dot" } },
  ];
  const annotations: Record<string, unknown>[] = [
    { x: info.bestEpoch, y: 0.04, text: `最良 epoch ${info.bestEpoch}`, showarrow: false, xanchor: "right", font: { color } },
  ];
  if (info.stoppedEpoch !== null) {
    shapes.push({ type: "line", x0: info.stoppedEpoch, x1: info.stoppedEpoch, y0: 0, y1: 1, line: { color: "#d62728", width: 1, dash: "dot" } });
    annotations.push({ x: info.stoppedEpoch, y: 0.1, text: `停止 epoch ${info.stoppedEpoch}（patience ${c.patience}）`, showarrow: false, xanchor: "left", font: { color: "#d62728" } });
  }
  return {
    data,
    layout: {
      title: { text: `Early stopping（seed ${early.seed}）：最良 epoch の訓練 ${pct(early.final.trainAcc)}・テスト ${pct(early.final.testAcc)}、正則化なしの最後 ${pct(none.final.trainAcc)}・${pct(none.final.testAcc)}` },
      xaxis: { title: { text: "epochs" }, range: [0, c.epochs * 1.02] },
      yaxis: { title: { text: "accuracy" }, range: [0, 1.02], tickformat: ".0%" },
      shapes, annotations, legend: { orientation: "h", y: -0.2 }, height: 500,
    },
  };
}
