/**
 * Per-layer gradient norms ‖∂L/∂W_l‖ after one backward pass at the initial
 * weights, one panel per activation, one line per initial value, log scale.
 */
import type { GradientNormResult } from "../../experiments/init/gradients";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { ACTIVATION_LABELS, initColor } from "./colors";

export interface GradientPanelInfo {
  activation: string;
  lines: { initKey: string; initLabel: string; x: number[]; y: number[]; ratio: number }[];
}

/** Grouped by activation; `ratio` = ‖∂L/∂W₁‖ / ‖∂L/∂W_out‖ (≪ 1 vanishing towards the input, ≫ 1 exploding). */
export function gradientInfo(results: GradientNormResult[]): GradientPanelInfo[] {
  const acts = [...new Set(results.map((r) => r.activation))];
  return acts.map((activation) => ({
    activation,
    lines: results.filter((r) => r.activation === activation).map((r) => ({
      initKey: r.initKey,
      initLabel: r.initLabel,
      x: r.gradNorms.map((_, l) => l + 1),
      y: r.gradNorms,
      ratio: r.gradNorms[0] / r.gradNorms[r.gradNorms.length - 1],
    })),
  }));
}

export function gradientRows(results: GradientNormResult[]): Record<string, string | number>[] {
  return results.map((r) => {
    const row: Record<string, string | number> = { 活性化関数: ACTIVATION_LABELS[r.activation] ?? r.activation, 初期値: r.initLabel, 損失: r.loss };
    r.gradNorms.forEach((g, l) => (row[l === r.gradNorms.length - 1 ? "出力層" : `${l + 1}層`] = g));
    row["1層/出力層"] = r.gradNorms[0] / r.gradNorms[r.gradNorms.length - 1];
    return row;
  });
}

export function gradientFigure(results: GradientNormResult[]): PlotlyFigure {
  const panels = gradientInfo(results);
  const data: PlotlyTrace[] = [];
  const layout: PlotlyLayout = {
    title: { text: "初期値での勾配の大きさ ‖∂L/∂W‖（各層、1 回の逆伝播）" },
    height: 430, grid: { rows: 1, columns: panels.length, pattern: "independent", xgap: 0.08 },
    legend: { orientation: "h", y: -0.2 }, annotations: [],
  };
  panels.forEach((p, i) => {
    const id = i === 0 ? "" : String(i + 1);
    p.lines.forEach((line, j) => {
      data.push({
        type: "scatter", mode: "lines+markers", x: line.x, y: line.y, xaxis: `x${id}`, yaxis: `y${id}`,
        name: line.initLabel, legendgroup: line.initKey, showlegend: i === 0,
        line: { color: initColor(line.initKey, j), width: 2 }, marker: { size: 7 },
        hovertemplate: `${ACTIVATION_LABELS[p.activation] ?? p.activation} × ${line.initLabel}<br>層 %{x}: %{y:.3g}<extra></extra>`,
      });
    });
    const L = p.lines[0]?.x.length ?? 0;
    layout[`xaxis${id}`] = {
      title: { text: "層（最後は出力層）" }, tickvals: p.lines[0]?.x ?? [],
      ticktext: (p.lines[0]?.x ?? []).map((x) => (x === L ? "出力" : String(x))),
    };
    layout[`yaxis${id}`] = { type: "log", exponentformat: "power", ...(i === 0 ? { title: { text: "‖∂L/∂W‖（対数）" } } : {}) };
    (layout.annotations as unknown[]).push({
      text: `<b>${ACTIVATION_LABELS[p.activation] ?? p.activation}</b>`, xref: `x${id} domain`, yref: `y${id} domain`,
      x: 0.5, y: 1.02, yanchor: "bottom", showarrow: false,
    });
  });
  return { data, layout };
}
