/**
 * The 6-1 optimizer explorer in the page: contour of f, the path(s) from a
 * start point the reader clicks or drags (or moves with the arrow keys), the
 * optimizer and its hyperparameters on sliders, a formula box. Every input
 * recomputes with the engine's own code (explore2D), and the state goes to
 * the URL hash.
 */
import { FormulaError } from "../../../functions/formula-error";
import { DIVERGENCE_REASON_JA } from "../../../functions/optimize-path";
import { Function2D } from "../../../functions/function-2d";
import { explore2D, checkExplorer2DState, type Explorer2DResult, type Explorer2DState } from "../../../experiments/optimizers/explorer-2d";
import { OPTIMIZERS_2D, BOOK_2D_SETTINGS, toFunction2D } from "../../../experiments/optimizers/paths-2d";
import { el, errorText, refuseUrlState, type ExplorerContext } from "./dom";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

export function mountOptimizers2D(ctx: ExplorerContext): void {
  const { root, initial, save, plotly } = ctx;
  let state: Explorer2DState = { optimizer: "all", steps: 30, formula: "book" };
  try {
    state = { ...state, ...checkExplorer2DState({ ...state, ...initial }) };
    for (const k of Object.keys(state) as (keyof Explorer2DState)[]) if (state[k] === undefined || Number.isNaN(state[k])) delete state[k];
  } catch (e) {
    refuseUrlState(ctx, e);
  }
  let fnCache: { formula: string; fn: Function2D } | undefined;

  const optSel = el("select", { "aria-label": "最適化手法" }) as HTMLSelectElement;
  optSel.append(el("option", { value: "all" }, "6 つすべて（本書の設定）"));
  for (const n of OPTIMIZERS_2D) optSel.append(el("option", { value: n }, n));
  const formulaIn = el("input", { type: "text", size: "36", "aria-label": "関数 f(x, y)" }) as HTMLInputElement;
  const apply = el("button", { type: "button" }, "関数を適用");
  const sliders: Record<string, { input: HTMLInputElement; out: HTMLElement; wrap: HTMLElement }> = {};
  const slider = (key: string, label: string, min: number, max: number, step: number): void => {
    const input = el("input", { type: "range", min: String(min), max: String(max), step: String(step), "aria-label": label }) as HTMLInputElement;
    const out = el("span", { class: "zx-value" });
    const wrap = el("label", { class: "zx-slider" }, label + " ", input, " ", out);
    sliders[key] = { input, out, wrap };
  };
  slider("lr", "学習係数 lr（対数）", -3, 1, 0.01);
  slider("momentum", "モーメンタム α", 0, 0.99, 0.01);
  slider("beta1", "β1", 0, 0.99, 0.01);
  slider("beta2", "β2", 0.9, 0.9999, 0.0001);
  slider("rho", "ρ（RMSprop）", 0.5, 0.999, 0.001);
  slider("steps", "更新回数", 1, 300, 1);
  const status = el("div", { class: "zx-status", "aria-live": "polite" });
  const plot = el("div", { class: "zx-plot", tabindex: "0", "aria-label": "等高線図。クリック・ドラッグまたは矢印キーで出発点を動かせます", style: "width:100%;height:520px" });
  root.append(
    el("div", { class: "zx-controls" }, el("label", {}, "手法 ", optSel), " f(x, y) = ", formulaIn, " ", apply),
    el("div", { class: "zx-controls" }, ...Object.values(sliders).map((s) => s.wrap)),
    el("div", { class: "zx-hint" }, "図をクリックまたはドラッグすると出発点が変わります（図を選んで矢印キーでも動かせます）。"),
    plot, status,
  );

  const own = (): Record<string, number> => (state.optimizer && state.optimizer !== "all" ? BOOK_2D_SETTINGS[state.optimizer as keyof typeof BOOK_2D_SETTINGS] : {});
  const value = (k: string): number | undefined => {
    const s = state as Record<string, number | undefined>;
    return s[k] ?? own()[k === "rho" ? "decayRate" : k];
  };
  const syncControls = (): void => {
    optSel.value = state.optimizer ?? "all";
    if (document.activeElement !== formulaIn) formulaIn.value = state.formula === "book" || !state.formula ? "x^2/20 + y^2" : state.formula;
    for (const [k, s] of Object.entries(sliders)) {
      const v = k === "steps" ? state.steps ?? 30 : value(k);
      s.wrap.style.display = k === "steps" || (v !== undefined && state.optimizer !== "all") ? "" : "none";
      if (v === undefined) continue;
      s.input.value = String(k === "lr" ? Math.log10(v) : v);
      s.out.textContent = k === "steps" ? String(v) : String(Number(v.toPrecision(3)));
    }
  };

  let result: Explorer2DResult | null = null;
  const draw = (): void => {
    let r: Explorer2DResult;
    try {
      if (!fnCache || fnCache.formula !== (state.formula ?? "book")) fnCache = { formula: state.formula ?? "book", fn: toFunction2D(state.formula ?? "book") };
      r = explore2D(state, fnCache);
    } catch (e) {
      status.textContent = e instanceof FormulaError ? e.messageJa : `設定を使えません：${errorText(e)}`;
      status.className = "zx-status zx-error";
      return;
    }
    result = r;
    const c = r.contour;
    const z = c.z.map((row) => row.map((v) => (Number.isFinite(v) ? v : null)));
    const traces: object[] = [{ type: "contour", x: c.x, y: c.y, z, ncontours: 25, colorscale: "Greys", reversescale: true, showscale: false, contours: { coloring: "lines" }, hoverinfo: "skip" }];
    const notes: string[] = [];
    r.paths.forEach((p, i) => {
      const color = COLORS[OPTIMIZERS_2D.indexOf(p.optimizer as (typeof OPTIMIZERS_2D)[number])] ?? COLORS[i % 6];
      const end = p.path.length - 1;
      traces.push({
        type: "scatter", mode: "lines+markers", name: p.optimizer, x: p.path.map((q) => q[0]), y: p.path.map((q) => q[1]),
        line: { color, width: 2 }, marker: { color, size: p.path.map((_, k) => (k === end && p.diverged ? 14 : 5)), symbol: p.path.map((_, k) => (k === end && p.diverged ? "x" : "circle")) },
      });
      if (p.diverged) notes.push(`${p.optimizer}: 発散（${p.divergedAt} 回目の更新：${DIVERGENCE_REASON_JA[p.reason ?? "not-finite"]}）`);
    });
    const s0 = r.paths[0]?.path[0];
    if (s0) traces.push({ type: "scatter", mode: "markers", name: "出発点", x: [s0[0]], y: [s0[1]], marker: { size: 12, color: "black", symbol: "circle-open" } });
    void plotly.react(plot, traces, {
      margin: { l: 50, r: 10, t: 30, b: 40 }, dragmode: false, showlegend: true,
      xaxis: { range: r.xRange, title: { text: "x" } }, yaxis: { range: r.yRange, title: { text: "y" } },
      title: { text: `f(x, y) = ${r.formula === "book" ? "x^2/20 + y^2" : r.formula}`, font: { size: 14 } },
    }, { displayModeBar: false, responsive: true });
    status.className = "zx-status";
    status.textContent = notes.length ? notes.join(" ／ ") : r.paths.map((p) => `${p.optimizer}: ${p.path.length - 1} 回更新後 f = ${p.f[p.f.length - 1].toPrecision(3)}`).join(" ／ ");
    save(state);
  };
  const update = (patch: Partial<Explorer2DState>): void => {
    state = { ...state, ...patch };
    syncControls();
    draw();
  };

  optSel.addEventListener("change", () => {
    const { lr: _l, momentum: _m, beta1: _b1, beta2: _b2, rho: _r, ...rest } = state;
    state = { ...rest, optimizer: optSel.value };
    update({});
  });
  const applyFormula = (): void => {
    const text = formulaIn.value.trim();
    try {
      new Function2D(text);
    } catch (e) {
      status.textContent = e instanceof FormulaError ? e.messageJa : errorText(e);
      status.className = "zx-status zx-error";
      return;
    }
    const { x0: _x, y0: _y, ...rest } = state;
    state = { ...rest, formula: text === "x^2/20 + y^2" ? "book" : text };
    update({});
  };
  apply.addEventListener("click", applyFormula);
  formulaIn.addEventListener("keydown", (ev) => {
    if ((ev as KeyboardEvent).key === "Enter") applyFormula();
  });
  for (const [k, s] of Object.entries(sliders)) {
    s.input.addEventListener("input", () => {
      const v = Number(s.input.value);
      update({ [k]: k === "lr" ? Number((10 ** v).toPrecision(3)) : v } as Partial<Explorer2DState>);
    });
  }
  // start point: click / drag on the plot area, arrow keys
  const toData = (ev: MouseEvent): [number, number] | null => {
    const full = (plot as unknown as { _fullLayout?: { xaxis: { p2l(p: number): number; _offset: number }; yaxis: { p2l(p: number): number; _offset: number } } })._fullLayout;
    if (!full) return null;
    const box = plot.getBoundingClientRect();
    const x = full.xaxis.p2l(ev.clientX - box.left - full.xaxis._offset);
    const y = full.yaxis.p2l(ev.clientY - box.top - full.yaxis._offset);
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  };
  let dragging = false;
  const moveTo = (ev: MouseEvent): void => {
    const p = toData(ev);
    if (p && result && p[0] >= result.xRange[0] && p[0] <= result.xRange[1] && p[1] >= result.yRange[0] && p[1] <= result.yRange[1]) {
      update({ x0: Number(p[0].toFixed(3)), y0: Number(p[1].toFixed(3)) });
    }
  };
  plot.addEventListener("mousedown", (ev) => {
    dragging = true;
    moveTo(ev as MouseEvent);
  });
  plot.addEventListener("mousemove", (ev) => {
    if (dragging) moveTo(ev as MouseEvent);
  });
  window.addEventListener("mouseup", () => {
    dragging = false;
  });
  plot.addEventListener("keydown", (ev) => {
    const k = (ev as KeyboardEvent).key;
    const d: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (!d[k] || !result) return;
    ev.preventDefault();
    const s0 = result.paths[0].path[0];
    const stepX = (result.xRange[1] - result.xRange[0]) / 40, stepY = (result.yRange[1] - result.yRange[0]) / 40;
    update({ x0: Number((s0[0] + d[k][0] * stepX).toFixed(3)), y0: Number((s0[1] + d[k][1] * stepY).toFixed(3)) });
  });

  ctx.handle.compute = (s: unknown) => explore2D(s);
  ctx.handle.state = () => ({ ...state });
  ctx.handle.set = (s: Explorer2DState) => update(s);
  syncControls();
  draw();
}
