/**
 * Figures 6-10 … 6-14 in one: rows = initial values, columns = the 5 layers,
 * and a dropdown for the activation (every combination is precomputed; the
 * dropdown only switches which 20 bar traces are visible and the axis ranges).
 */
import type { HistogramResult } from "../../experiments/init/histogram";
import type { PlotlyFigure, PlotlyLayout, PlotlyTrace } from "../figure";
import { ACTIVATION_LABELS, initColor } from "./colors";
import { histogramGridInfo, type HistogramGridInfo } from "./histogram-info";

const axisId = (k: number): string => (k === 1 ? "" : String(k));

function titleOf(info: HistogramGridInfo, a: string): string {
  const zeros = info.excludeZeros[a] ? "（ちょうど 0 の値は棒から除外し、割合を表示）" : "";
  return `隠れ層のアクティベーション分布：活性化関数 ${ACTIVATION_LABELS[a] ?? a}${zeros}`;
}

/** Per-activation layout changes: panel labels and x ranges. */
function layoutFor(info: HistogramGridInfo, a: string, columnTitles: unknown[]): PlotlyLayout {
  const L = info.layers;
  const changes: PlotlyLayout = { "title.text": titleOf(info, a) };
  const labels: unknown[] = [];
  info.panels[a].forEach((row, r) =>
    row.forEach((p, c) => {
      const id = axisId(r * L + c + 1);
      changes[`xaxis${id}.range`] = p.range;
      changes[`yaxis${id}.autorange`] = true;
      labels.push({
        text: p.label, xref: `x${id} domain`, yref: `y${id} domain`, x: 0.98, y: 0.96,
        xanchor: "right", yanchor: "top", showarrow: false, align: "right",
        font: { size: 10 }, bgcolor: "rgba(255,255,255,0.7)",
      });
    }),
  );
  changes.annotations = [...columnTitles, ...labels];
  return changes;
}

export function histogramGridFigure(results: HistogramResult[], initial = "sigmoid"): PlotlyFigure {
  const info = histogramGridInfo(results);
  const R = info.inits.length, L = info.layers;
  const start = info.activations.includes(initial as never) ? initial : info.activations[0];
  const data: PlotlyTrace[] = [];
  const owner: string[] = [];
  for (const a of info.activations) {
    info.panels[a].forEach((row, r) =>
      row.forEach((p, c) => {
        const id = axisId(r * L + c + 1);
        data.push({
          type: "bar", x: p.x, y: p.y, width: p.width, customdata: p.share,
          xaxis: `x${id}`, yaxis: `y${id}`, visible: a === start, showlegend: false,
          marker: { color: initColor(p.initKey, r), line: { width: 0 } },
          name: `${info.inits[r].label} ${p.layer}-layer`,
          hovertemplate: `%{x:.3g}：%{y} 個（%{customdata:.1f} %）<extra>${info.inits[r].label}, ${p.layer}-layer</extra>`,
        });
        owner.push(a);
      }),
    );
  }
  const gap = 0.012, left = 0.0, vgap = 0.035;
  const layout: PlotlyLayout = {
    height: 170 * R + 150, margin: { l: 120, r: 20, t: 110, b: 40 }, bargap: 0,
    title: { text: titleOf(info, start), font: { size: 15 }, x: 0.99, xanchor: "right" },
  };
  const columnTitles: unknown[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < L; c++) {
      const k = r * L + c + 1, id = axisId(k);
      const x0 = left + (c / L) * (1 - left) + gap, x1 = left + ((c + 1) / L) * (1 - left) - gap;
      const y1 = 1 - r / R - vgap / 2, y0 = 1 - (r + 1) / R + vgap / 2;
      layout[`xaxis${id}`] = { domain: [x0, x1], anchor: `y${id}`, tickfont: { size: 9 }, nticks: 4 };
      layout[`yaxis${id}`] = {
        domain: [y0, y1], anchor: `x${id}`, tickfont: { size: 9 }, nticks: 4,
        ...(c === 0 ? { title: { text: info.inits[r].label, font: { size: 11, color: initColor(info.inits[r].key, r) } } } : {}),
      };
    }
  }
  for (let c = 0; c < L; c++) {
    columnTitles.push({
      text: `${c + 1}-layer`, xref: `x${axisId(c + 1)} domain`, yref: "paper", x: 0.5, y: 1,
      yanchor: "bottom", showarrow: false, font: { size: 12 },
    });
  }
  applyFlat(layout, layoutFor(info, start, columnTitles));
  if (info.activations.length > 1) {
    layout.updatemenus = [{
      type: "dropdown", x: 0, xanchor: "left", y: 1.0, yanchor: "bottom", pad: { b: 30 },
      active: info.activations.indexOf(start as never), showactive: true,
      buttons: info.activations.map((a) => ({
        label: `活性化関数：${ACTIVATION_LABELS[a] ?? a}`, method: "update",
        args: [{ visible: owner.map((o) => o === a) }, layoutFor(info, a, columnTitles)],
      })),
    }];
  }
  return { data, layout };
}

/** Apply {"xaxis2.range": r, …} (Plotly's relayout paths) to a nested layout object in place. */
export function applyFlat(layout: PlotlyLayout, flat: PlotlyLayout): PlotlyLayout {
  for (const [path, v] of Object.entries(flat)) {
    const parts = path.split(".");
    let o = layout as Record<string, unknown>;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = o[parts[i]];
      if (next === null || typeof next !== "object") o[parts[i]] = {};
      o = o[parts[i]] as Record<string, unknown>;
    }
    o[parts[parts.length - 1]] = v;
  }
  return layout;
}
