/**
 * The 1-D teaching picture of Bayesian optimisation, one frame per iteration:
 * the true function (unknown to the algorithm), the GP posterior mean ± 2σ
 * given the points observed so far, the acquisition function, and the point it
 * chooses next. A Plotly slider / play button steps through the iterations.
 * Render only: the numbers (GP fits, acquisitions, objectives) come from
 * src/search/bo-1d.ts, re-exported here for the notebooks.
 */
import { ArgumentError } from "../../core/errors";
import type { PlotlyFigure, PlotlyFrame, PlotlyTrace } from "../figure";
import { ACQUISITION_NAMES, type AcquisitionName } from "../../search/acquisition";
import { acquisitionsAt, type Bo1dFrame, type Bo1dInfo } from "../../search/bo-1d";

export * from "../../search/bo-1d";

/** min–max normalise to [0, 1] for display (so every frame fills the panel). */
export function normalize01(v: number[]): number[] {
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return hi - lo > 0 ? v.map((a) => (a - lo) / (hi - lo)) : v.map(() => 0);
}

const ACQ_LABEL: Record<AcquisitionName, string> = { ei: "EI（期待改善量）", pi: "PI（改善確率）", ucb: "UCB（信頼上限）" };

function frameTraces(info: Bo1dInfo, fr: Bo1dFrame): PlotlyTrace[] {
  const j = info.t.indexOf(fr.next);
  const acqN = normalize01(fr.acquisition);
  return [
    { x: info.t, y: fr.upper },
    { x: info.t, y: fr.lower },
    { x: info.t, y: fr.mean },
    { x: fr.x, y: fr.y },
    { x: [fr.next, fr.next], y: [Math.min(...info.truth), Math.max(...info.truth)] },
    { x: info.t, y: acqN },
    { x: [fr.next], y: [acqN[j]] },
  ];
}

export function bo1dFigure(info: Bo1dInfo, title?: string): PlotlyFigure {
  if (info.frames.length === 0) throw new ArgumentError("info.frames", "at least one iteration", 0);
  const first = frameTraces(info, info.frames[0]);
  const ylo = Math.min(...info.truth);
  const yhi = Math.max(...info.truth);
  const pad = (yhi - ylo) * 0.6;
  const data: PlotlyTrace[] = [
    { type: "scatter", mode: "lines", name: "真の関数（未知）", x: info.t, y: info.truth, line: { color: "#7f7f7f", dash: "dash" } },
    { type: "scatter", mode: "lines", name: "μ + 2σ", ...first[0], line: { width: 0, color: "#1f77b4" }, showlegend: false, hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "μ ± 2σ", ...first[1], line: { width: 0, color: "#1f77b4" }, fill: "tonexty", fillcolor: "rgba(31,119,180,0.2)", hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "事後平均 μ(x)", ...first[2], line: { color: "#1f77b4", width: 2 } },
    { type: "scatter", mode: "markers", name: "観測点", ...first[3], marker: { color: "black", size: 9 } },
    { type: "scatter", mode: "lines", name: "次に試す点", ...first[4], line: { color: "#d62728", dash: "dot", width: 2 } },
    { type: "scatter", mode: "lines", name: ACQ_LABEL[info.acquisitionName], ...first[5], xaxis: "x2", yaxis: "y2", line: { color: "#2ca02c", width: 2 }, fill: "tozeroy", fillcolor: "rgba(44,160,44,0.15)" },
    { type: "scatter", mode: "markers", name: "獲得関数の最大", ...first[6], xaxis: "x2", yaxis: "y2", marker: { color: "#d62728", size: 12, symbol: "star" }, showlegend: false },
  ];
  const frames: PlotlyFrame[] = info.frames.map((fr) => ({
    name: String(fr.iteration),
    data: frameTraces(info, fr),
    traces: [1, 2, 3, 4, 5, 6, 7],
  }));
  const steps = info.frames.map((fr) => ({
    label: String(fr.iteration),
    method: "animate",
    args: [[String(fr.iteration)], { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } }],
  }));
  return {
    data,
    frames,
    layout: {
      title: { text: title ?? `ベイズ最適化の 1 反復ずつ（獲得関数: ${ACQ_LABEL[info.acquisitionName]}）` },
      height: 600,
      xaxis: { domain: [0, 1], anchor: "y", range: [0, 1], showticklabels: false },
      yaxis: { domain: [0.42, 1], range: [ylo - pad, yhi + pad], title: { text: "f(x)" } },
      xaxis2: { domain: [0, 1], anchor: "y2", range: [0, 1], matches: "x", title: { text: "x" } },
      yaxis2: { domain: [0, 0.32], range: [0, 1.08], title: { text: "獲得関数（正規化）" } },
      legend: { orientation: "h", y: 1.12 },
      margin: { t: 110, b: 110 },
      updatemenus: [
        {
          type: "buttons",
          direction: "left",
          x: 0,
          y: -0.18,
          xanchor: "left",
          yanchor: "top",
          showactive: false,
          buttons: [
            { label: "▶ 再生", method: "animate", args: [null, { frame: { duration: 1200, redraw: false }, transition: { duration: 300 }, fromcurrent: true, mode: "immediate" }] },
            { label: "❚❚ 停止", method: "animate", args: [[null], { frame: { duration: 0, redraw: false }, mode: "immediate" }] },
          ],
        },
      ],
      sliders: [{ active: 0, x: 0.18, len: 0.82, y: -0.12, yanchor: "top", currentvalue: { prefix: "反復 " }, steps }],
    },
  };
}

/** EI, PI and UCB side by side on one posterior. */
export function acquisitionsFigure(t: number[], at: ReturnType<typeof acquisitionsAt>, x: number[], y: number[], truth?: number[]): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  if (truth) data.push({ type: "scatter", mode: "lines", name: "真の関数", x: t, y: truth, line: { color: "#7f7f7f", dash: "dash" } });
  data.push(
    { type: "scatter", mode: "lines", x: t, y: at.mean.map((m, i) => m + 2 * at.std[i]), line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "μ ± 2σ", x: t, y: at.mean.map((m, i) => m - 2 * at.std[i]), line: { width: 0 }, fill: "tonexty", fillcolor: "rgba(31,119,180,0.2)", hoverinfo: "skip" },
    { type: "scatter", mode: "lines", name: "事後平均 μ", x: t, y: at.mean, line: { color: "#1f77b4" } },
    { type: "scatter", mode: "markers", name: "観測点", x, y, marker: { color: "black", size: 8 } },
  );
  const colors: Record<AcquisitionName, string> = { ei: "#2ca02c", pi: "#9467bd", ucb: "#ff7f0e" };
  for (const n of ACQUISITION_NAMES) {
    const v = normalize01(at.values[n]);
    let j = 0;
    for (let i = 1; i < v.length; i++) if (v[i] > v[j]) j = i;
    data.push({ type: "scatter", mode: "lines", name: ACQ_LABEL[n], x: t, y: v, xaxis: "x2", yaxis: "y2", line: { color: colors[n] } });
    data.push({ type: "scatter", mode: "markers", x: [t[j]], y: [v[j]], xaxis: "x2", yaxis: "y2", marker: { color: colors[n], size: 12, symbol: "star" }, showlegend: false, hovertemplate: `${n.toUpperCase()} の最大: x = %{x:.3f}<extra></extra>` });
  }
  return {
    data,
    layout: {
      title: { text: "同じ事後分布に対する 3 つの獲得関数（★ が次に選ぶ点）" },
      height: 560,
      xaxis: { domain: [0, 1], anchor: "y", showticklabels: false, range: [0, 1] },
      yaxis: { domain: [0.45, 1], title: { text: "f(x)" } },
      xaxis2: { domain: [0, 1], anchor: "y2", matches: "x", title: { text: "x" }, range: [0, 1] },
      yaxis2: { domain: [0, 0.35], range: [0, 1.08], title: { text: "獲得関数（正規化）" } },
      legend: { orientation: "h", y: -0.15 },
    },
  };
}
