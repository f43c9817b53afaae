/** Final train accuracy against the learning rate, with and without BN (thin builder; bnSweepInfo is the pure part). */
import type { PlotlyFigure, PlotlyTrace } from "../figure";

export interface SweepPointLike { lr: number; withBN: number[]; withoutBN: number[]; divergedWithBN: number; divergedWithoutBN: number }

export interface SweepLine { name: string; lr: number[]; mean: number[]; min: number[]; max: number[]; diverged: number[] }

export function bnSweepInfo(points: readonly SweepPointLike[]): SweepLine[] {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return (["withBN", "withoutBN"] as const).map((k) => ({
    name: k === "withBN" ? "Batch Norm あり" : "Batch Norm なし",
    lr: points.map((p) => p.lr),
    mean: points.map((p) => mean(p[k])),
    min: points.map((p) => Math.min(...p[k])),
    max: points.map((p) => Math.max(...p[k])),
    diverged: points.map((p) => (k === "withBN" ? p.divergedWithBN : p.divergedWithoutBN)),
  }));
}

export function bnSweepFigure(lines: readonly SweepLine[], updates: number, seeds: number): PlotlyFigure {
  const colors = ["#d62728", "#1f77b4"];
  const data: PlotlyTrace[] = lines.map((l, i) => ({
    type: "scatter", mode: "lines+markers", x: l.lr, y: l.mean, name: l.name, line: { color: colors[i], width: 2 }, marker: { size: 9, symbol: l.diverged.map((d) => (d > 0 ? "x" : "circle")) },
    error_y: { type: "data", symmetric: false, array: l.max.map((v, j) => v - l.mean[j]), arrayminus: l.mean.map((v, j) => v - l.min[j]), visible: seeds > 1 },
    hovertemplate: `lr = %{x}: 訓練の認識精度 %{y:.3f}<extra>${l.name}</extra>`,
  }));
  return {
    data,
    layout: {
      title: { text: `学習係数を変えたときの最終的な訓練の認識精度（${updates} 回の更新、${seeds} シード${seeds > 1 ? "の平均と範囲" : ""}、× は損失が NaN になった実行）` }, height: 420,
      xaxis: { type: "log", title: { text: "学習係数 lr（SGD）" } }, yaxis: { range: [0, 1.05], title: { text: "訓練データの認識精度" } },
      legend: { x: 0.02, y: 0.1 },
    },
  };
}
