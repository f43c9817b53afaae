/**
 * The 6-5 Bayesian-optimisation explorer in the page: choose a 1-D objective,
 * click the plot to observe a point, or press 「次の点」 to let the chosen
 * acquisition pick it; the GP (length scale fitted by maximum likelihood or set
 * on a slider), mean ± 2σ, EI / PI / UCB and their argmax are recomputed with
 * the engine's own code (exploreBo1d) on every change.
 */
import { ACQUISITION_NAMES, type AcquisitionName } from "../../../search/acquisition";
import { BO1D_EXPLORER_LIMITS, BO1D_OBJECTIVES, checkBo1dExplorerState, exploreBo1d, type Bo1dExplorerResult, type Bo1dExplorerState } from "../../../search/explorer-bo1d";
import { normalize01 } from "../../search/bo-1d";
import { checkedInitialState, computeOrRefuse, el, type ExplorerContext } from "./dom";

const ACQ: Record<AcquisitionName, { label: string; color: string }> = {
  ei: { label: "EI（期待改善量）", color: "#2ca02c" },
  pi: { label: "PI（改善確率）", color: "#9467bd" },
  ucb: { label: "UCB（信頼上限）", color: "#ff7f0e" },
};
const fmt = (v: number): string => String(Number(v.toPrecision(3)));

export function mountBo1d(ctx: ExplorerContext): void {
  const { root, save, plotly } = ctx;
  let state: Bo1dExplorerState = checkedInitialState(ctx, checkBo1dExplorerState);
  const startX = (state.x ?? [0.1, 0.35]).slice();
  const objSel = el("select", { "aria-label": "目的関数" }) as HTMLSelectElement;
  for (const [k, o] of Object.entries(BO1D_OBJECTIVES)) objSel.append(el("option", { value: k }, o.label));
  const acqSel = el("select", { "aria-label": "獲得関数" }) as HTMLSelectElement;
  for (const n of ACQUISITION_NAMES) acqSel.append(el("option", { value: n }, ACQ[n].label));
  const next = el("button", { type: "button", class: "zx-next" }, "次の点");
  const reset = el("button", { type: "button" }, "観測をやり直す");
  const ml = el("input", { type: "checkbox", "aria-label": "長さスケールを最尤推定で決める" }) as HTMLInputElement;
  const L = BO1D_EXPLORER_LIMITS;
  const ls = el("input", { type: "range", min: String(Math.log10(L.lengthScaleMin)), max: String(Math.log10(L.lengthScaleMax)), step: "0.01", "aria-label": "長さスケール（対数）" }) as HTMLInputElement;
  const lsOut = el("span", { class: "zx-value" });
  const status = el("div", { class: "zx-status", "aria-live": "polite" });
  const plot = el("div", { class: "zx-plot", style: "width:100%;height:520px" });
  root.append(
    el("div", { class: "zx-controls" }, el("label", {}, "目的関数 ", objSel), " ", el("label", {}, "獲得関数 ", acqSel), " ", next, " ", reset),
    el("div", { class: "zx-controls" }, el("label", {}, ml, " 長さスケールを最尤推定で決める"), " ", el("label", { class: "zx-slider" }, "長さスケール ℓ（対数） ", ls, " ", lsOut)),
    el("div", { class: "zx-hint" }, "上の図をクリックすると、その x を観測点に加えます。「次の点」は獲得関数が最大の x を加えます。"),
    plot, status,
  );

  let result: Bo1dExplorerResult | null = null;
  const sync = (): void => {
    const s = checkBo1dExplorerState(state);
    objSel.value = s.objective;
    acqSel.value = s.acquisition;
    ml.checked = s.lengthScale === null;
    ls.disabled = s.lengthScale === null;
    const shown = s.lengthScale ?? result?.hyperparameters.lengthScales[0];
    if (shown !== undefined) {
      ls.value = String(Math.log10(shown));
      lsOut.textContent = fmt(shown) + (s.lengthScale === null ? "（推定値）" : "");
    }
    next.toggleAttribute("disabled", s.x.length >= L.observations);
  };
  const draw = (): void => {
    const r = computeOrRefuse(status, () => exploreBo1d(state));
    if (r === undefined) return;
    result = r;
    const lo = Math.min(...r.truth, ...r.lower), hi = Math.max(...r.truth, ...r.upper);
    const traces: object[] = [
      { type: "scatter", mode: "lines", name: "真の関数（未知）", x: r.t, y: r.truth, line: { color: "#7f7f7f", dash: "dash" } },
      { type: "scatter", mode: "lines", x: r.t, y: r.upper, line: { width: 0, color: "#1f77b4" }, showlegend: false, hoverinfo: "skip" },
      { type: "scatter", mode: "lines", name: "μ ± 2σ", x: r.t, y: r.lower, line: { width: 0, color: "#1f77b4" }, fill: "tonexty", fillcolor: "rgba(31,119,180,0.2)", hoverinfo: "skip" },
      { type: "scatter", mode: "lines", name: "事後平均 μ(x)", x: r.t, y: r.mean, line: { color: "#1f77b4", width: 2 } },
      { type: "scatter", mode: "markers", name: "観測点", x: r.x, y: r.y, marker: { color: "black", size: 9 } },
      { type: "scatter", mode: "lines", name: "次の点", x: [r.next, r.next], y: [lo, hi], line: { color: "#d62728", dash: "dot", width: 2 }, hoverinfo: "skip" },
    ];
    for (const n of ACQUISITION_NAMES) {
      const v = normalize01(r.acquisitions[n]);
      const j = r.t.indexOf(r.argmax[n]);
      const chosen = n === r.acquisition;
      traces.push({ type: "scatter", mode: "lines", name: ACQ[n].label, x: r.t, y: v, xaxis: "x2", yaxis: "y2", line: { color: ACQ[n].color, width: chosen ? 3 : 1.5, dash: chosen ? "solid" : "dot" } });
      traces.push({ type: "scatter", mode: "markers", x: [r.t[j]], y: [v[j]], xaxis: "x2", yaxis: "y2", showlegend: false, marker: { color: ACQ[n].color, size: chosen ? 14 : 10, symbol: "star" }, hovertemplate: `${n.toUpperCase()} の最大: x = %{x:.3f}<extra></extra>` });
    }
    void plotly.react(plot, traces, {
      margin: { l: 55, r: 10, t: 40, b: 40 }, dragmode: false, legend: { orientation: "h", y: -0.12 },
      title: { text: `${r.x.length} 点を観測・最良値 f⁺ = ${fmt(r.best)}`, font: { size: 14 } },
      xaxis: { domain: [0, 1], anchor: "y", range: [0, 1], showticklabels: false },
      yaxis: { domain: [0.42, 1], range: [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)], title: { text: "f(x)" } },
      xaxis2: { domain: [0, 1], anchor: "y2", range: [0, 1], matches: "x", title: { text: "x" } },
      yaxis2: { domain: [0, 0.32], range: [0, 1.1], title: { text: "獲得関数（正規化）" } },
    }, { displayModeBar: false, responsive: true });
    const hp = r.hyperparameters;
    status.className = "zx-status";
    status.textContent = `長さスケール ℓ = ${fmt(hp.lengthScales[0])}（${r.fitted ? "最尤推定" : "固定"}）・信号分散 ${fmt(hp.signalVariance)}・ノイズ分散 ${hp.noiseVariance.toExponential(1)}` +
      ` ／ 次の点（${r.acquisition.toUpperCase()}）x = ${fmt(r.next)} ／ EI: ${fmt(r.argmax.ei)}・PI: ${fmt(r.argmax.pi)}・UCB: ${fmt(r.argmax.ucb)}` +
      (r.x.length >= L.observations ? ` ／ 観測点は ${L.observations} 個までです。` : "");
    sync();
    save(state);
  };
  const update = (patch: Partial<Bo1dExplorerState>): void => {
    state = { ...state, ...patch };
    sync();
    draw();
  };
  const observe = (x: number): void => {
    const xs = state.x ?? startX;
    if (xs.length >= L.observations) return;
    update({ x: [...xs, Number(x.toFixed(4))] });
  };
  objSel.addEventListener("change", () => update({ objective: objSel.value }));
  acqSel.addEventListener("change", () => update({ acquisition: acqSel.value }));
  next.addEventListener("click", () => result && observe(result.next));
  reset.addEventListener("click", () => update({ x: startX.slice() }));
  ml.addEventListener("change", () => update({ lengthScale: ml.checked ? null : result?.hyperparameters.lengthScales[0] ?? 0.1 }));
  ls.addEventListener("input", () => update({ lengthScale: Number((10 ** Number(ls.value)).toPrecision(3)) }));
  plot.addEventListener("click", (ev) => {
    const full = (plot as unknown as { _fullLayout?: { xaxis: { p2l(p: number): number; _offset: number; _length: number }; yaxis: { _offset: number; _length: number } } })._fullLayout;
    if (!full) return;
    const box = plot.getBoundingClientRect();
    const px = (ev as MouseEvent).clientX - box.left - full.xaxis._offset;
    const py = (ev as MouseEvent).clientY - box.top - full.yaxis._offset;
    if (px < 0 || px > full.xaxis._length || py < 0 || py > full.yaxis._length) return; // only the upper panel
    const x = full.xaxis.p2l(px);
    if (x >= 0 && x <= 1) observe(x);
  });

  ctx.handle.compute = (s: unknown) => exploreBo1d(s);
  ctx.handle.state = () => ({ ...state });
  ctx.handle.set = (s: Bo1dExplorerState) => update(s);
  sync();
  draw();
}
