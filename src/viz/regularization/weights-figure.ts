/**
 * L1 vs L2 weights: histograms (one row per regulariser, log counts, exact
 * zeros as a separate red bar) and W1 before vs after training.
 */
import { deadWeightTheory, type WeightComparison, type WeightPanel } from "../../experiments/regularization/l1";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { pct, regColor } from "./colors";
import { weightHistogram } from "./weights-info";

export function weightHistogramFigure(c: WeightComparison, range = 0.3, bins = 120): PlotlyFigure {
  const n = c.panels.length;
  const data: PlotlyTrace[] = [];
  const annotations: Record<string, unknown>[] = [];
  const layout: Record<string, unknown> = {};
  const gap = 0.06, h = (1 - gap * (n - 1)) / n;
  c.panels.forEach((p, i) => {
    const hist = weightHistogram(p.weights, range, bins);
    const ax = i === 0 ? "" : String(i + 1);
    const top = 1 - i * (h + gap);
    layout[`xaxis${ax}`] = { range: [-range, range], anchor: `y${ax}`, ...(i < n - 1 ? { showticklabels: false } : { title: { text: "重みの値 w" } }), matches: i === 0 ? undefined : "x" };
    layout[`yaxis${ax}`] = { type: "log", domain: [top - h, top], anchor: `x${ax}`, title: { text: "個数", font: { size: 10 } }, range: [-0.3, 5.3] };
    data.push({
      type: "bar", name: p.label, x: hist.x, y: hist.counts, width: hist.width, xaxis: `x${ax}`, yaxis: `y${ax}`,
      marker: { color: regColor(p.key) }, showlegend: false, hovertemplate: "w ≈ %{x:.3f}<br>%{y} 個<extra></extra>",
    });
    data.push({
      type: "bar", name: "ちょうど 0", x: [0], y: [hist.exactZeros], width: hist.width, xaxis: `x${ax}`, yaxis: `y${ax}`,
      marker: { color: "#d62728" }, showlegend: i === 0, hovertemplate: `ちょうど 0: ${hist.exactZeros} 個<extra></extra>`,
    });
    annotations.push({
      xref: `x${ax} domain`, yref: `y${ax} domain`, x: 0.01, y: 0.98, xanchor: "left", yanchor: "top", showarrow: false, align: "left",
      text: `<b>${p.label}</b><br>ちょうど 0: ${pct(p.zeroFraction)}、|w| < ${c.nearZeroThreshold}: ${pct(p.nearZeroFraction)}`,
      font: { size: 11 }, bgcolor: "rgba(255,255,255,0.75)",
    });
  });
  return {
    data,
    layout: {
      ...layout, annotations, barmode: "overlay", height: 170 * n + 80,
      title: { text: `学習後の重み W1〜W7 の分布（seed ${c.seed}、epoch ${c.epochs}、縦軸は対数）` },
      legend: { x: 1, xanchor: "right", y: 1.04, orientation: "h" }, margin: { t: 60 },
    },
  };
}

/** Points of the theory curve for weights without data gradient, over [−range, range]. */
export function theoryCurve(key: WeightPanel["key"], c: WeightComparison, range: number, points = 201): { x: number[]; y: number[] } {
  const x = Array.from({ length: points }, (_, k) => -range + (2 * range * k) / (points - 1));
  const y = x.map((w0) => deadWeightTheory(key, w0, { lr: c.lr, lambda: c.lambda, l1: c.l1, updates: c.updates }));
  return y.some(Number.isNaN) ? { x: [], y: [] } : { x, y };
}

/**
 * W1 before vs after training, one panel per regulariser: weights of pixels
 * that are 0 in every training image (no data gradient) in red, the others in
 * grey, and the formula for the red ones (none: unchanged, L2: ×(1 − ηλ)^T,
 * L1: soft-thresholding by T·ηλ₁).
 */
export function weightTrajectoryFigure(c: WeightComparison, range = 0.2): PlotlyFigure {
  const n = c.panels.length;
  const data: PlotlyTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const gap = 0.035, w = (1 - gap * (n - 1)) / n;
  c.panels.forEach((p, i) => {
    const ax = i === 0 ? "" : String(i + 1);
    const left = i * (w + gap);
    layout[`xaxis${ax}`] = { domain: [left, left + w], range: [-range, range], anchor: `y${ax}`, title: { text: "学習前の w", font: { size: 11 } } };
    layout[`yaxis${ax}`] = { range: [-range, range], anchor: `x${ax}`, ...(i === 0 ? { title: { text: "学習後の w" } } : { showticklabels: false }) };
    const s = p.w1Sample;
    const pick = (dead: boolean) => s.initial.map((_, k) => k).filter((k) => s.dead[k] === dead);
    for (const dead of [false, true]) {
      const ks = pick(dead);
      data.push({
        type: "scatter", mode: "markers", x: ks.map((k) => s.initial[k]), y: ks.map((k) => s.final[k]), xaxis: `x${ax}`, yaxis: `y${ax}`,
        name: dead ? "常に 0 の画素の重み（データの勾配なし）" : "その他の画素の重み", legendgroup: dead ? "dead" : "live", showlegend: i === 0,
        marker: { size: 3, color: dead ? "rgba(214,39,40,0.7)" : "rgba(120,120,120,0.35)" }, hoverinfo: "skip",
      });
    }
    const t = theoryCurve(p.key, c, range);
    data.push({
      type: "scatter", mode: "lines", x: t.x, y: t.y, xaxis: `x${ax}`, yaxis: `y${ax}`, name: "式（データの勾配がない重み）",
      legendgroup: "theory", showlegend: i === 0, line: { color: "#000", width: 1.5, dash: "dot" }, hoverinfo: "skip",
    });
    annotations.push({
      xref: `x${ax} domain`, yref: "paper", x: 0.5, y: 1.0, yanchor: "bottom", showarrow: false, font: { size: 11 },
      text: `${p.label}<br>W1 のちょうど 0: ${pct(p.layers[0].zeroFraction)}`,
    });
  });
  return {
    data,
    layout: {
      ...layout, annotations, height: 420, margin: { t: 110 },
      title: { text: `W1 の重み：学習前 → 学習後（${c.updates} 回更新、${c.w1Stride} 個に 1 個を表示）`, y: 0.97 },
      legend: { orientation: "h", y: -0.22 },
    },
  };
}
