/**
 * The symmetry demo: how far apart the hidden units' weights are (0 = all
 * units identical) and the training loss, step by step, for all-zero,
 * all-0.5 and random initial weights.
 */
import type { SymmetryCase } from "../../experiments/init/symmetry";
import type { PlotlyFigure, PlotlyTrace } from "../figure";

const COLORS: Record<string, string> = { zeros: "#7f7f7f", constant: "#d62728", random: "#1f77b4" };

/** Rows: per case, the hidden activations of the first samples after training and the accuracy. */
export function symmetryRows(cases: SymmetryCase[]): Record<string, string | number>[] {
  return cases.map((c) => ({
    初期値: c.label,
    "ユニット間の最大差（学習後）": c.spread[c.spread.length - 1],
    "サンプル1 の隠れ層出力": c.hiddenFinal[0].map((v) => v.toFixed(3)).join(", "),
    "サンプル2 の隠れ層出力": c.hiddenFinal[1].map((v) => v.toFixed(3)).join(", "),
    "訓練精度 (%)": 100 * c.accuracy,
  }));
}

export function symmetryFigure(cases: SymmetryCase[]): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  cases.forEach((c) => {
    const x = c.spread.map((_, i) => i);
    const color = COLORS[c.key] ?? "#333";
    data.push({
      type: "scatter", mode: "lines", x, y: c.spread, name: c.label, legendgroup: c.key,
      line: { color, width: 2, dash: c.key === "zeros" ? "dot" : "solid" },
      hovertemplate: `${c.label}<br>step %{x}: 最大差 %{y:.3g}<extra></extra>`,
    });
    data.push({
      type: "scatter", mode: "lines", x, y: c.loss, name: c.label, legendgroup: c.key, showlegend: false,
      xaxis: "x2", yaxis: "y2", line: { color, width: 2, dash: c.key === "zeros" ? "dot" : "solid" },
      hovertemplate: `${c.label}<br>step %{x}: 損失 %{y:.3f}<extra></extra>`,
    });
  });
  return {
    data,
    layout: {
      title: { text: "重みを均一にすると隠れユニットはずっと同じまま（4 → 3 (sigmoid) → 2、SGD）" },
      height: 400,
      grid: { rows: 1, columns: 2, pattern: "independent", xgap: 0.1 },
      xaxis: { title: { text: "更新回数" } },
      yaxis: { title: { text: "W1 のユニット間の最大差" } },
      xaxis2: { title: { text: "更新回数" } },
      yaxis2: { title: { text: "損失" } },
      legend: { orientation: "h", y: -0.22 },
    },
  };
}
