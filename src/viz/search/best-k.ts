/**
 * The book's result view of hyperparameter_optimization.py: the trials sorted
 * by final validation accuracy, printed as "Best-1(val acc:…) | lr:…, weight
 * decay:…", and the validation (solid) / training (dashed) accuracy curves of
 * the top 20 in a 4 × 5 grid.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { FrozenTrial, isComplete } from "../../search/trial";
import { checkTrials, sci } from "./common";

export interface BestKEntry {
  rank: number;
  number: number;
  score: number;
  params: Record<string, number>;
  valAcc: number[];
  trainAcc: number[];
}

export interface BestKInfo {
  entries: BestKEntry[];
  columns: number;
}

/** The k best complete trials (ties keep trial order, like the book's stable sort). */
export function bestKInfo(trials: readonly FrozenTrial[], k = 20, columns = 5): BestKInfo {
  checkTrials(trials);
  assertInteger("k", k, 1);
  assertInteger("columns", columns, 1);
  const ranked = [...trials]
    .sort((a, b) => a.number - b.number)
    .filter(isComplete)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
  return {
    columns,
    entries: ranked.map((t, i) => ({
      rank: i + 1,
      number: t.number,
      score: t.score,
      params: t.params,
      valAcc: t.curves?.valAcc ?? [],
      trainAcc: t.curves?.trainAcc ?? [],
    })),
  };
}

/** The book's printed lines: "Best-1(val acc:0.84) | lr:0.0094, weight decay:2.8e-06". */
export function bestKLines(info: BestKInfo): string[] {
  return info.entries.map(
    (e) => `Best-${e.rank}(val acc:${e.score}) | lr:${sci(e.params.lr, 3)}, weight decay:${sci(e.params.weightDecay, 3)}  [試行 ${e.number}]`,
  );
}

export function bestKFigure(info: BestKInfo, title?: string): PlotlyFigure {
  if (info.entries.length === 0) throw new ArgumentError("info.entries", "at least one complete trial", 0);
  const cols = info.columns;
  const rows = Math.ceil(info.entries.length / cols);
  const gx = 0.025;
  const gy = 0.07;
  const w = (1 - gx * (cols - 1)) / cols;
  const h = (1 - gy * (rows - 1)) / rows;
  const text = title ?? `検証精度の上位 ${info.entries.length} 試行（実線: 検証データ, 破線: 訓練データ）`;
  const layout: PlotlyLayout = { title: { text }, height: 160 * rows + 100, showlegend: false, annotations: [], margin: { t: 80 } };
  const data: PlotlyTrace[] = [];
  info.entries.forEach((e, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const ax = i === 0 ? "" : String(i + 1);
    const x0 = c * (w + gx);
    const y1 = 1 - r * (h + gy);
    layout[`xaxis${ax}`] = { domain: [x0, x0 + w], anchor: `y${ax}`, showticklabels: false };
    layout[`yaxis${ax}`] = { domain: [y1 - h, y1], anchor: `x${ax}`, range: [0, 1], showticklabels: c === 0 };
    (layout.annotations as unknown[]).push({
      text: `Best-${e.rank} (${e.score.toFixed(2)})`,
      x: x0 + w / 2,
      y: y1,
      xref: "paper",
      yref: "paper",
      xanchor: "center",
      yanchor: "bottom",
      showarrow: false,
      font: { size: 11 },
    });
    const epochs = e.valAcc.map((_, k) => k);
    const hover = `試行 ${e.number}<br>lr = ${sci(e.params.lr)}<br>λ = ${sci(e.params.weightDecay)}<br>%{y:.2f}<extra></extra>`;
    data.push({ type: "scatter", mode: "lines", x: epochs, y: e.valAcc, xaxis: `x${ax}`, yaxis: `y${ax}`, line: { color: "#1f77b4", width: 1.5 }, hovertemplate: hover });
    data.push({ type: "scatter", mode: "lines", x: epochs, y: e.trainAcc, xaxis: `x${ax}`, yaxis: `y${ax}`, line: { color: "#ff7f0e", width: 1.2, dash: "dash" }, hovertemplate: hover });
  });
  return { data, layout };
}
