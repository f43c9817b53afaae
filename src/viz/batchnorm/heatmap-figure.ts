/**
 * Summary heat map: weight scale × epoch, train accuracy without BN | with BN |
 * difference. Buttons switch between our seed mean and the book's single run.
 */
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { WITHOUT_BN, WITH_BN } from "./colors";
import type { HeatmapData } from "./heatmap-info";

const PANELS = [
  { key: "withoutBN", title: WITHOUT_BN },
  { key: "withBN", title: WITH_BN },
  { key: "diff", title: "差（BN あり − なし）" },
] as const;

function sourceLabel(h: HeatmapData): string {
  return h.source === "book" ? "本（1 回の実行）" : "本プロジェクト（seed 平均）";
}

function traces(h: HeatmapData, visible: boolean): PlotlyTrace[] {
  return PANELS.map((p, i) => ({
    type: "heatmap", x: h.epochs, y: h.scales.map((_, r) => r), z: h[p.key], customdata: h[p.key].map((row, r) => row.map(() => h.scales[r])),
    xaxis: `x${i === 0 ? "" : i + 1}`, yaxis: `y${i === 0 ? "" : i + 1}`,
    coloraxis: p.key === "diff" ? "coloraxis2" : "coloraxis", visible,
    name: `${sourceLabel(h)}：${p.title}`, xgap: 1, ygap: 1,
    hovertemplate: `W = %{customdata}, epoch %{x}<br>${p.title}: %{z:.3f}<extra>${sourceLabel(h)}</extra>`,
  }));
}

/** Rows are numbered 0 … S−1 (first scale at the top) and labelled with the scales. */
function rowAxis(h: HeatmapData): Record<string, unknown> {
  const r = h.scales.map((_, i) => i);
  return { tickmode: "array", tickvals: r, ticktext: h.scales, range: [h.scales.length - 0.5, -0.5], zeroline: false };
}

/** `sources`: the first is shown; each gets a button (e.g. [ours, book]). */
export function batchNormHeatmapFigure(sources: HeatmapData[]): PlotlyFigure {
  const data = sources.flatMap((h, k) => traces(h, k === 0));
  const w = 1 / 3, gap = 0.035;
  const axes: Record<string, unknown> = {};
  PANELS.forEach((p, i) => {
    const id = i === 0 ? "" : String(i + 1);
    axes[`xaxis${id}`] = { domain: [i * w + (i ? gap : 0), (i + 1) * w - (i < 2 ? gap : 0)], anchor: `y${id}`, title: { text: "epoch" }, dtick: 5 };
    axes[`yaxis${id}`] = { anchor: `x${id}`, showticklabels: i === 0, title: i === 0 ? { text: "重みの初期値のスケール W" } : undefined, ...rowAxis(sources[0]) };
  });
  const buttons = sources.map((h, k) => ({
    label: sourceLabel(h), method: "update",
    args: [
      { visible: sources.flatMap((_, j) => PANELS.map(() => j === k)) },
      Object.fromEntries(PANELS.flatMap((_, i) => Object.entries(rowAxis(h)).map(([a, v]) => [`yaxis${i === 0 ? "" : i + 1}.${a}`, v]))),
    ],
  }));
  return {
    data,
    layout: {
      height: 460,
      margin: { t: 120, l: 80, r: 30, b: 50 },
      title: { text: "訓練精度のまとめ：重みのスケール × epoch", font: { size: 15 }, x: 0.01, xanchor: "left", y: 0.97, yanchor: "top" },
      ...axes,
      coloraxis: { colorscale: "Viridis", cmin: 0, cmax: 1, colorbar: { title: { text: "精度" }, x: 1.0, len: 0.45, y: 0.75 } },
      // Plotly's RdBu runs blue → red; reversed, BN ahead (> 0) is blue like the BN curves
      coloraxis2: { colorscale: "RdBu", reversescale: true, cmid: 0, cmin: -1, cmax: 1, colorbar: { title: { text: "差" }, x: 1.0, len: 0.45, y: 0.2 } },
      annotations: PANELS.map((p, i) => ({
        text: p.title, xref: `x${i === 0 ? "" : i + 1} domain`, yref: "paper", x: 0.5, y: 1.0, yanchor: "bottom",
        showarrow: false, font: { size: 13 },
      })),
      updatemenus: sources.length > 1 ? [{ type: "buttons", direction: "right", x: 0, y: 1.1, xanchor: "left", yanchor: "bottom", buttons, showactive: true }] : [],
    },
  };
}
