/** The Dropout expectation check: per unit, mean training output against the test output, for both forms. */
import type { DropoutExpectationCheck } from "../../experiments/regularization/dropout";
import type { PlotlyFigure, PlotlyTrace } from "../figure";

const FORM_LABELS = { book: "本書の形（テスト時に ×(1 − p)）", inverted: "inverted（訓練時に ÷(1 − p)）" } as const;
const FORM_COLORS = { book: "#2ca02c", inverted: "#9467bd" } as const;

export function dropoutExpectationRows(c: DropoutExpectationCheck): Record<string, string | number>[] {
  return c.forms.map((f) => ({
    形: FORM_LABELS[f.form],
    "訓練時：残したユニットに掛ける値": Number(f.keepScale.toFixed(4)),
    "テスト時：全ユニットに掛ける値": Number(f.testScale.toFixed(4)),
    "残った割合": Number(f.keptFraction.toFixed(4)),
    "Σ E[訓練出力] / Σ テスト出力": Number(f.ratio.toFixed(4)),
    "最大 |z|（平均 − テスト出力）/ 標準誤差": Number(f.maxZ.toFixed(2)),
  }));
}

export function dropoutExpectationFigure(c: DropoutExpectationCheck): PlotlyFigure {
  const top = Math.max(...c.forms.flatMap((f) => [...f.test, ...f.trainMean])) * 1.05;
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name: "y = x", x: [0, top], y: [0, top], line: { color: "#999", dash: "dot" }, hoverinfo: "skip" },
  ];
  for (const f of c.forms) {
    data.push({
      type: "scatter", mode: "markers", name: FORM_LABELS[f.form], x: f.test, y: f.trainMean,
      marker: { color: FORM_COLORS[f.form], size: 6, opacity: 0.75, symbol: f.form === "book" ? "circle" : "diamond" },
      hovertemplate: "テスト時の出力 %{x:.4f}<br>訓練時の出力の平均 %{y:.4f}<extra></extra>",
    });
  }
  return {
    data,
    layout: {
      title: { text: `Dropout（p = ${c.ratio}）：${c.units} ユニット × ${c.samples} 個のマスクで、訓練時の出力の平均 vs テスト時の出力` },
      xaxis: { title: { text: "テスト時の出力" }, range: [0, top], constrain: "domain" },
      yaxis: { title: { text: "訓練時の出力の平均（マスクについて）" }, range: [0, top], scaleanchor: "x", constrain: "domain" },
      legend: { orientation: "h", y: -0.2 },
      height: 520,
    },
  };
}
