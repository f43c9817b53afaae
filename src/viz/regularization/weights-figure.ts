/**
 * L1 vs L2 weights: histograms (one row per regulariser, log counts, exact
 * zeros as a separate red bar) and 28 × 28 maps of ‖W1 row‖ per input pixel.
 */
import type { WeightComparison } from "../../experiments/regularization-l1";
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

/** 28 × 28 image rows top to bottom (Plotly heatmaps draw row 0 at the bottom unless the axis is reversed). */
export function pixelGrid(values: number[]): number[][] {
  return Array.from({ length: 28 }, (_, r) => values.slice(28 * r, 28 * r + 28));
}

export function pixelNormFigure(c: WeightComparison): PlotlyFigure {
  const n = c.panels.length;
  const zmax = Math.max(...c.panels.flatMap((p) => p.pixelNorm));
  const data: PlotlyTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const gap = 0.03, w = (1 - gap * (n - 1)) / n;
  c.panels.forEach((p, i) => {
    const ax = i === 0 ? "" : String(i + 1);
    const left = i * (w + gap);
    layout[`xaxis${ax}`] = { domain: [left, left + w], showticklabels: false, anchor: `y${ax}`, constrain: "domain" };
    layout[`yaxis${ax}`] = { autorange: "reversed", showticklabels: false, anchor: `x${ax}`, scaleanchor: `x${ax}` };
    const zeroRows = p.pixelZeroFraction.filter((f) => f === 1).length;
    data.push({
      type: "heatmap", z: pixelGrid(p.pixelNorm), xaxis: `x${ax}`, yaxis: `y${ax}`, zmin: 0, zmax, colorscale: "Viridis",
      showscale: i === n - 1, colorbar: { title: { text: "‖W1 の行‖" }, len: 0.8 }, name: p.label,
      hovertemplate: `${p.label}<br>画素 (%{y}, %{x})<br>‖W1 の行‖ = %{z:.3f}<extra></extra>`,
    });
    annotations.push({
      xref: `x${ax} domain`, yref: "paper", x: 0.5, y: 1.0, yanchor: "bottom", showarrow: false,
      text: `${p.label}<br>行がすべて 0 の画素: ${zeroRows}`, font: { size: 11 },
    });
  });
  return {
    data,
    layout: {
      ...layout, annotations, height: 330, margin: { t: 100, b: 20, l: 20, r: 20 },
      title: { text: `入力画素ごとの W1 の行のノルム（MNIST 300 枚で常に 0 の画素: ${c.deadPixelCount} / 784）`, y: 0.97 },
    },
  };
}
