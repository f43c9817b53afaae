/**
 * 図6-19 as a Plotly grid: one panel per weight scale, train accuracy per
 * epoch with BN (solid) and without (dashed), seed min–max band, ✕ where a
 * run's loss became NaN, and the book's one run (thin, faded) where the scale
 * is one of the book's 16. Legend clicks hide a series in every panel.
 */
import type { BatchNormGrid } from "../../data/reference";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { BN_COLOR, BOOK_OPACITY, PLAIN_COLOR, WITHOUT_BN, WITH_BN, axisId, withAlpha } from "./colors";
import { gridInfo, type Band, type DivergenceMark, type GridLike } from "./grid-info";

interface Series {
  key: "withBN" | "withoutBN";
  name: string;
  color: string;
  dash: string;
}

const SERIES: Series[] = [
  { key: "withBN", name: WITH_BN, color: BN_COLOR, dash: "solid" },
  { key: "withoutBN", name: WITHOUT_BN, color: PLAIN_COLOR, dash: "dash" },
];

function bandTraces(epochs: number[], b: Band, s: Series, axes: object, first: boolean): PlotlyTrace[] {
  return [
    { type: "scatter", mode: "lines", x: epochs, y: b.lo, ...axes, line: { width: 0 }, hoverinfo: "skip", showlegend: false, legendgroup: `band-${s.key}` },
    {
      type: "scatter", mode: "lines", x: epochs, y: b.hi, ...axes, line: { width: 0 }, fill: "tonexty",
      fillcolor: withAlpha(s.color, 0.18), hoverinfo: "skip", name: `${s.name}（seed の最小〜最大）`,
      showlegend: first, legendgroup: `band-${s.key}`,
    },
  ];
}

function divergenceTrace(m: DivergenceMark, s: Series, axes: object, first: boolean): PlotlyTrace {
  return {
    type: "scatter", mode: "markers", x: [m.epoch], y: [m.accuracy], ...axes,
    marker: { symbol: "x", size: 11, color: "#d62728", line: { width: 1 } },
    name: "発散（loss が NaN）", legendgroup: "diverged", showlegend: first,
    hovertemplate: `${s.name}: epoch %{x} に loss が NaN（seed ${m.seeds.join(", ")}）<br>以後は全サンプルをクラス 0 と予測<extra></extra>`,
  };
}

export function batchNormGridFigure(grid: GridLike, book?: BatchNormGrid): PlotlyFigure {
  const info = gridInfo(grid, book);
  const { rows, cols, epochs } = info;
  const data: PlotlyTrace[] = [];
  const layout: PlotlyLayout = {
    height: 190 * rows + 160,
    margin: { t: 70, l: 60, r: 20, b: 90 },
    title: { text: `Batch Normalization の効果：重みの初期値のスケール別（訓練データ 1000 枚の認識精度${info.seedCount > 1 ? `、${info.seedCount} seed の平均` : ""}）`, font: { size: 15 } },
    // below the "epochs" titles: 45 px under the plot area, in paper units
    legend: { orientation: "h", y: -45 / (190 * rows), yanchor: "top", x: 0 },
    annotations: [],
    hovermode: "x unified",
  };
  const gapX = 0.03, gapY = 0.09 / Math.max(rows, 1) + 0.03;
  const seen = new Set<string>();
  const firstOf = (k: string) => (seen.has(k) ? false : (seen.add(k), true));
  info.panels.forEach((p, i) => {
    const id = axisId(i + 1);
    const axes = { xaxis: `x${id}`, yaxis: `y${id}` };
    const x0 = p.col / cols + (p.col > 0 ? gapX / 2 : 0), x1 = (p.col + 1) / cols - (p.col < cols - 1 ? gapX / 2 : 0);
    const y1 = 1 - p.row / rows - (p.row > 0 ? gapY / 2 : 0), y0 = 1 - (p.row + 1) / rows + (p.row < rows - 1 ? gapY / 2 : 0);
    layout[`xaxis${id}`] = {
      domain: [x0, x1], anchor: `y${id}`, range: [-0.5, epochs[epochs.length - 1] + 0.5],
      showticklabels: p.row === rows - 1, title: p.row === rows - 1 ? { text: "epochs", font: { size: 11 } } : undefined,
      zeroline: false,
    };
    layout[`yaxis${id}`] = {
      domain: [y0, y1], anchor: `x${id}`, range: [0, 1.02], dtick: 0.5,
      showticklabels: p.col === 0, title: p.col === 0 ? { text: "accuracy", font: { size: 11 } } : undefined,
    };
    (layout.annotations as unknown[]).push({
      text: p.title, xref: `x${id} domain`, yref: `y${id} domain`, x: 0.02, y: 0.98,
      xanchor: "left", yanchor: "top", showarrow: false, font: { size: 11 }, bgcolor: "rgba(255,255,255,0.75)",
    });
    for (const s of SERIES) {
      const b = p[s.key];
      if (info.seedCount > 1) data.push(...bandTraces(epochs, b, s, axes, firstOf(`band-${s.key}`)));
      data.push({
        type: "scatter", mode: "lines", x: epochs, y: b.mean, ...axes,
        line: { color: s.color, dash: s.dash, width: 2 }, name: s.name, legendgroup: s.key, showlegend: firstOf(s.key),
        hovertemplate: `${s.name}: %{y:.3f}<extra>${p.title}</extra>`,
      });
      if (p.book) {
        data.push({
          type: "scatter", mode: "lines", x: epochs, y: p.book[s.key], ...axes, opacity: BOOK_OPACITY,
          line: { color: s.color, dash: "dot", width: 1.5 }, name: `本の 1 回の実行：${s.name}`,
          legendgroup: `book-${s.key}`, showlegend: firstOf(`book-${s.key}`), visible: "legendonly",
          hovertemplate: `本：${s.name} %{y:.3f}<extra>${p.title}</extra>`,
        });
      }
      const d = s.key === "withBN" ? p.divergedBN : p.divergedWithoutBN;
      if (d) data.push(divergenceTrace(d, s, axes, firstOf("diverged")));
    }
  });
  return { data, layout };
}
