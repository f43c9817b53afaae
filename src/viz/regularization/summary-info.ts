/**
 * The summary table of notebook 6.4 (pure rows) and a bar chart of it:
 * ours as mean ± std over seeds, the book's single run at the same number of
 * updates beside it (blank where the book recorded none).
 */
import type { RegularizationSummary } from "../../experiments/regularization/summary";
import type { PlotlyFigure } from "../figure";
import { pct, pctPm } from "./colors";

export function summaryRows(s: RegularizationSummary): Record<string, string>[] {
  return s.rows.map((r) => ({
    手法: r.label,
    "訓練精度 (%)": pctPm(r.trainAcc, r.seeds),
    "テスト精度 (%)": pctPm(r.testAcc, r.seeds),
    "差 (pt)": pctPm(r.gap, r.seeds),
    "重みがちょうど 0": pct(r.zeroWeightFraction.mean),
    "本書 訓練 (%)": r.book ? (100 * r.book.trainAcc).toFixed(1) : "—",
    "本書 テスト (%)": r.book ? (100 * r.book.testAcc).toFixed(1) : "—",
    "本書 差 (pt)": r.book ? (100 * r.book.gap).toFixed(1) : "—",
  }));
}

export function summaryFigure(s: RegularizationSummary): PlotlyFigure {
  const x = s.rows.map((r) => r.label);
  const many = s.seeds.length > 1;
  const err = (k: "trainAcc" | "testAcc") => (many ? { type: "data", array: s.rows.map((r) => r[k].std), visible: true } : undefined);
  return {
    data: [
      { type: "bar", name: "訓練", x, y: s.rows.map((r) => r.trainAcc.mean), error_y: err("trainAcc"), marker: { color: "#1f77b4" }, hovertemplate: "%{x}<br>訓練 %{y:.1%}<extra></extra>" },
      { type: "bar", name: "テスト", x, y: s.rows.map((r) => r.testAcc.mean), error_y: err("testAcc"), marker: { color: "#aec7e8" }, hovertemplate: "%{x}<br>テスト %{y:.1%}<extra></extra>" },
      {
        type: "scatter", mode: "markers", name: "本書（訓練 ○ / テスト □）", x: [...x, ...x],
        y: [...s.rows.map((r) => r.book?.trainAcc ?? null), ...s.rows.map((r) => r.book?.testAcc ?? null)],
        marker: { color: "#d62728", size: 10, symbol: [...s.rows.map(() => "circle-open"), ...s.rows.map(() => "square-open")], line: { width: 2 } },
        hovertemplate: "%{x}<br>本書 %{y:.1%}<extra></extra>",
      },
    ],
    layout: {
      title: { text: `epoch ${s.epochs}（更新 ${s.updates} 回）の認識精度${many ? `（${s.seeds.length} seed の平均 ±1σ）` : ""}` },
      barmode: "group",
      yaxis: { title: { text: "accuracy" }, range: [0, 1.05], tickformat: ".0%" },
      xaxis: { tickangle: -20 },
      legend: { orientation: "h", y: -0.35 },
      height: 480,
      margin: { b: 130 },
    },
  };
}
