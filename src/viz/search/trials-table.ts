/**
 * The table of all trials, best first (Optuna's study.trials_dataframe()).
 * `trialRows` gives plain rows for a danfojs DataFrame / the project's table();
 * `trialsTableFigure` draws them as a Plotly table whose dropdown re-sorts it
 * in the browser (works in exported handouts: no kernel needed).
 */
import type { PlotlyFigure } from "../figure";
import { FrozenTrial, isComplete, trialSeconds } from "../../search/trial";
import { checkTrials, sci } from "./common";

export interface TrialRow {
  rank: number | null;
  number: number;
  lr: number;
  weightDecay: number;
  score: number | null;
  state: string;
  seconds: number;
  [key: string]: unknown;
}

/** Rows sorted by score (best first; failed trials last, by number); rank is 1-based among complete trials. */
export function trialRows(trials: readonly FrozenTrial[]): TrialRow[] {
  checkTrials(trials);
  const byNumber = [...trials].sort((a, b) => a.number - b.number);
  const complete = byNumber.filter(isComplete).sort((a, b) => b.score - a.score);
  const failed = byNumber.filter((t) => !isComplete(t));
  return [...complete, ...failed].map((t, i) => ({
    rank: isComplete(t) ? i + 1 : null,
    number: t.number,
    lr: t.params.lr,
    weightDecay: t.params.weightDecay,
    score: t.score,
    state: t.state === "complete" ? "完了" : `失敗: ${t.reason ?? ""}`,
    seconds: Math.round(trialSeconds(t) * 100) / 100,
  }));
}

export const TRIAL_COLUMN_LABELS: Record<string, string> = {
  rank: "順位",
  number: "試行",
  lr: "学習係数 lr",
  weightDecay: "重み減衰 λ",
  score: "検証精度",
  state: "状態",
  seconds: "時間 [s]",
};

const SORTS: { label: string; key: keyof TrialRow; desc: boolean }[] = [
  { label: "検証精度の高い順", key: "score", desc: true },
  { label: "試行番号順", key: "number", desc: false },
  { label: "学習係数の大きい順", key: "lr", desc: true },
  { label: "重み減衰の大きい順", key: "weightDecay", desc: true },
];

function sortedColumns(rows: TrialRow[], key: keyof TrialRow, desc: boolean): string[][] {
  const v = (r: TrialRow): number => (typeof r[key] === "number" ? (r[key] as number) : -Infinity);
  const s = [...rows].sort((a, b) => (desc ? v(b) - v(a) : v(a) - v(b)) || a.number - b.number);
  return [
    s.map((r) => (r.rank === null ? "–" : String(r.rank))),
    s.map((r) => String(r.number)),
    s.map((r) => sci(r.lr, 3)),
    s.map((r) => sci(r.weightDecay, 3)),
    s.map((r) => (r.score === null ? "–" : r.score.toFixed(3))),
    s.map((r) => r.state),
    s.map((r) => r.seconds.toFixed(2)),
  ];
}

export function trialsTableFigure(rows: TrialRow[], title = "全試行の一覧（メニューで並べ替え）"): PlotlyFigure {
  const header = ["rank", "number", "lr", "weightDecay", "score", "state", "seconds"].map((k) => TRIAL_COLUMN_LABELS[k]);
  const first = sortedColumns(rows, "score", true);
  return {
    data: [
      {
        type: "table",
        columnwidth: [50, 50, 100, 100, 80, 160, 70],
        header: { values: header, fill: { color: "#1f77b4" }, font: { color: "white" }, align: "center" },
        cells: { values: first, align: ["right", "right", "right", "right", "right", "left", "right"], height: 24 },
      },
    ],
    layout: {
      title: { text: title },
      height: Math.min(640, 170 + 25 * (rows.length + 1)),
      margin: { t: 120, b: 20 },
      updatemenus: [
        {
          x: 0,
          y: 1,
          yanchor: "bottom",
          pad: { b: 8 },
          xanchor: "left",
          buttons: SORTS.map((s) => ({ label: s.label, method: "restyle", args: [{ "cells.values": [sortedColumns(rows, s.key, s.desc)] }] })),
        },
      ],
    },
  };
}
