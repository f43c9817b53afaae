/**
 * The numeric check of Var[a] = n·Var[w]·E[x²]: measured variance of a = x·W
 * per layer against the formula and, where there is one, the closed form.
 * Log scale: (nσ²)^l for std=1 spans ten orders of magnitude.
 */
import type { VarianceCase } from "../../experiments/init/variance";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { ACTIVATION_LABELS, initColor, short } from "./colors";

const CASE_COLORS = ["#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"];

export function caseName(c: VarianceCase): string {
  return `${ACTIVATION_LABELS[c.activation] ?? c.activation} × ${c.initLabel}`;
}

/** Table rows: one per (case, layer). */
export function varianceRows(cases: VarianceCase[]): Record<string, string | number | null>[] {
  return cases.flatMap((c) =>
    c.layers.map((l) => ({
      設定: caseName(c),
      層: l.layer,
      "Var[a] 測定": l.measured,
      "n·σ²·E[x²]": l.formula,
      "測定/式": l.measured / l.formula,
      "閉じた式": l.theory,
    })),
  );
}

/** Cases whose variance leaves [1/20, 20] go to the left panel (own scale), the rest to the right. */
export function variancePanels(cases: VarianceCase[]): [VarianceCase[], VarianceCase[]] {
  const wild = (c: VarianceCase) => c.layers.some((l) => l.measured > 20 || l.measured < 0.05 ** 2);
  return [cases.filter(wild), cases.filter((c) => !wild(c))];
}

export function varianceFigure(cases: VarianceCase[]): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  const [left, right] = variancePanels(cases);
  const panels = left.length > 0 && right.length > 0 ? [left, right] : [cases];
  panels.forEach((group, p) => {
    const axes = p === 0 ? {} : { xaxis: "x2", yaxis: "y2" };
    group.forEach((c) => {
      const i = cases.indexOf(c);
      const color = CASE_COLORS[i % CASE_COLORS.length] ?? initColor(c.initKey, i);
      const x = c.layers.map((l) => l.layer);
      const name = caseName(c);
      data.push({
        type: "scatter", mode: "lines+markers", x, y: c.layers.map((l) => l.measured), name, legendgroup: name, ...axes,
        line: { color, width: 2 }, marker: { color, size: 8 },
        hovertemplate: `${name}<br>%{x}-layer 測定 Var[a]=%{y:.4g}<extra></extra>`,
      });
      data.push({
        type: "scatter", mode: "markers", x, y: c.layers.map((l) => l.formula), name: `${name}：n·σ²·E[x²]`, ...axes,
        legendgroup: name, showlegend: false, marker: { color, size: 13, symbol: "circle-open", line: { width: 2 } },
        hovertemplate: `${name}<br>%{x}-layer n·σ²·E[x²]=%{y:.4g}<extra></extra>`,
      });
      if (c.layers.every((l) => l.theory !== null)) {
        data.push({
          type: "scatter", mode: "lines", x, y: c.layers.map((l) => l.theory), name: `${name}：閉じた式`, ...axes,
          legendgroup: name, showlegend: false, line: { color, dash: "dot", width: 1.5 },
          hovertemplate: `${name}<br>%{x}-layer 閉じた式 ${c.activation === "relu" ? "nσ²(nσ²/2)^(l−1)" : "(nσ²)^l"}=%{y:.4g}<extra></extra>`,
        });
      }
    });
  });
  const runs = cases[0]?.runs ?? 1;
  const two = panels.length === 2;
  return {
    data,
    layout: {
      title: { text: `各層の Var[a]：測定（●、${runs} 回平均）、n·σ²·E[x²]（○）、閉じた式（点線）` },
      height: 480,
      xaxis: { title: { text: "層" }, dtick: 1, ...(two ? { domain: [0, 0.3] } : {}) },
      yaxis: { title: { text: "Var[a]（対数）" }, type: "log", exponentformat: "power" },
      ...(two ? {
        xaxis2: { title: { text: "層" }, dtick: 1, domain: [0.42, 1], anchor: "y2" },
        yaxis2: { type: "log", exponentformat: "power", anchor: "x2" },
      } : {}),
      legend: { orientation: "h", y: -0.2, font: { size: 11 } },
    },
  };
}
