/**
 * The 6-2 activation-histogram explorer in the page: activation, weight scale
 * (a continuous log slider plus Xavier and He), layers, nodes, samples and
 * seed; per-layer histograms and statistics recomputed with the engine's own
 * code (exploreHistograms → activationHistogram, the seeded RNG) and drawn
 * with the same panel data as the static figures (histogramPanel).
 */
import { checkHistogramExplorerState, exploreHistograms, HISTOGRAM_EXPLORER_LIMITS, type HistogramExplorerState } from "../../../experiments/init/explorer-histogram";
import { ForwardWorkspace } from "../../../experiments/init/forward-workspace";
import type { HistogramResult } from "../../../experiments/init/histogram";
import { histogramPanel } from "../../init/histogram-info";
import { percent, short } from "../../init/colors";
import { checkedInitialState, computeOrRefuse, el, type ExplorerContext } from "./dom";
import { pageGemmNote } from "./gemm-page";

const LABEL: Record<string, string> = { sigmoid: "sigmoid", tanh: "tanh", relu: "ReLU" };

export function mountActivationHistogram(ctx: ExplorerContext): void {
  const { root, save, plotly } = ctx;
  let state: HistogramExplorerState = checkedInitialState(ctx, checkHistogramExplorerState);
  const gemmNote = pageGemmNote(); // the 1000 × 100 · 100 × 100 products: say when they run without wasm SIMD
  if (gemmNote !== null) ctx.message(gemmNote);
  const L = HISTOGRAM_EXPLORER_LIMITS;
  const workspace = new ForwardWorkspace(); // the draws and buffers a slider move reuses
  const actSel = el("select", { "aria-label": "活性化関数" }) as HTMLSelectElement;
  for (const a of ["sigmoid", "tanh", "relu"]) actSel.append(el("option", { value: a }, LABEL[a]));
  const range = (label: string, min: number, max: number, step: number): { input: HTMLInputElement; out: HTMLElement; wrap: HTMLElement } => {
    const input = el("input", { type: "range", min: String(min), max: String(max), step: String(step), "aria-label": label }) as HTMLInputElement;
    const out = el("span", { class: "zx-value" });
    return { input, out, wrap: el("label", { class: "zx-slider" }, label + " ", input, " ", out) };
  };
  const scale = range("重みの標準偏差（対数）", Math.log10(L.stdMin), Math.log10(L.stdMax), 0.01);
  const xavier = el("button", { type: "button" }, "Xavier √(1/n)");
  const he = el("button", { type: "button" }, "He √(2/n)");
  const layers = range("層の数", 1, L.hiddenLayerSize, 1);
  const nodes = range("ノード数 n", 2, L.nodeNum, 1);
  const samples = range("データ数", 10, L.dataCount, 10);
  const seedIn = el("input", { type: "number", min: "0", max: String(L.seed), step: "1", style: "width:6em", "aria-label": "seed" }) as HTMLInputElement;
  const status = el("div", { class: "zx-status", "aria-live": "polite" });
  const plot = el("div", { class: "zx-plot", style: "width:100%;height:330px" });
  root.append(
    el("div", { class: "zx-controls" }, el("label", {}, "活性化関数 ", actSel), " ", scale.wrap, " ", xavier, " ", he),
    el("div", { class: "zx-controls" }, layers.wrap, " ", nodes.wrap, " ", samples.wrap, " ", el("label", {}, "seed ", seedIn)),
    plot, status,
  );

  const sync = (): void => {
    const s = checkHistogramExplorerState(state);
    actSel.value = s.activation;
    if (typeof s.init === "number") scale.input.value = String(Math.log10(s.init));
    scale.out.textContent = typeof s.init === "number" ? short(s.init) : s.init === "xavier" ? "Xavier" : "He";
    layers.input.value = String(s.hiddenLayerSize);
    layers.out.textContent = String(s.hiddenLayerSize);
    nodes.input.value = String(s.nodeNum);
    nodes.out.textContent = String(s.nodeNum);
    samples.input.value = String(s.dataCount);
    samples.out.textContent = String(s.dataCount);
    if (document.activeElement !== seedIn) seedIn.value = String(s.seed);
  };

  const draw = (): void => {
    const r = computeOrRefuse(status, () => exploreHistograms(state, workspace));
    if (r === undefined) return;
    const n = r.layers.length, gap = 0.03, w = (1 - gap * (n - 1)) / n;
    const traces: object[] = [];
    const layout: Record<string, unknown> = {
      margin: { l: 50, r: 10, t: 50, b: 40 }, showlegend: false, bargap: 0,
      title: { text: `${LABEL[r.activation]} ・ 重みの標準偏差 ${short(r.weightStd)}（${r.initLabel}）・ ${r.layers[0].counts.length} 本の棒`, font: { size: 14 } },
      annotations: [] as object[],
    };
    const fmax = Math.max(1, ...r.layers.map((l) => histogramPanel(r, l)).flatMap((p) => p.share));
    r.layers.forEach((layer, i) => {
      const p = histogramPanel(r, layer);
      const ax = i === 0 ? "" : String(i + 1);
      traces.push({ type: "bar", x: p.x, y: p.share, width: p.width, xaxis: "x" + ax, yaxis: "y" + ax, marker: { color: "#4c72b0" }, hovertemplate: "%{x:.3g}: %{y:.2f} %<extra></extra>" });
      layout["xaxis" + ax] = { domain: [i * (w + gap), i * (w + gap) + w], range: p.range, title: { text: `${layer.layer} 層目`, font: { size: 12 } } };
      layout["yaxis" + ax] = { anchor: "x" + ax, range: [0, fmax * 1.05], showticklabels: i === 0, ...(i === 0 ? { title: { text: "割合 (%)" } } : {}) };
      (layout.annotations as object[]).push({ xref: "x" + ax + " domain", yref: "y" + ax + " domain", x: 0.98, y: 0.98, xanchor: "right", yanchor: "top", showarrow: false, align: "right", text: p.label, font: { size: 11 } });
    });
    void plotly.react(plot, traces, layout, { displayModeBar: false, responsive: true });
    const bad = r.layers.find((l) => !Number.isFinite(l.std));
    status.className = bad ? "zx-status zx-error" : "zx-status";
    status.textContent = bad
      ? `${bad.layer} 層目で値が有限でなくなりました（標準偏差が大きすぎます）。`
      : r.layers.map((l) => `${l.layer} 層目: σ=${short(l.std)}` + (l.saturated !== null ? `・飽和 ${percent(l.saturated, 0)}` : `・0 の割合 ${percent(l.exactZero, 0)}`) + `・f′ の平均 ${short(l.meanDerivative)}`).join(" ／ ");
    save(state);
  };
  const update = (patch: Partial<HistogramExplorerState>): void => {
    state = { ...state, ...patch };
    sync();
    draw();
  };
  actSel.addEventListener("change", () => update({ activation: actSel.value }));
  scale.input.addEventListener("input", () => update({ init: Number((10 ** Number(scale.input.value)).toPrecision(3)) }));
  xavier.addEventListener("click", () => update({ init: "xavier" }));
  he.addEventListener("click", () => update({ init: "he" }));
  layers.input.addEventListener("input", () => update({ hiddenLayerSize: Number(layers.input.value) }));
  nodes.input.addEventListener("input", () => update({ nodeNum: Number(nodes.input.value) }));
  samples.input.addEventListener("input", () => update({ dataCount: Number(samples.input.value) }));
  seedIn.addEventListener("change", () => {
    const v = Number(seedIn.value);
    if (Number.isInteger(v) && v >= 0 && v <= L.seed) update({ seed: v });
    else {
      status.textContent = `seed は 0〜${L.seed} の整数にしてください。`;
      status.className = "zx-status zx-error";
    }
  });

  ctx.handle.compute = (s: unknown) => exploreHistograms(s, workspace);
  ctx.handle.state = () => ({ ...state });
  ctx.handle.set = (s: HistogramExplorerState) => update(s);
  sync();
  draw();
}
