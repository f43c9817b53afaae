/**
 * The 6-3 Batch Normalization explorer in the page: a small mini-batch (up to
 * 8 samples × 3 features) edited in a table of number inputs, sliders for γ and
 * β per feature; μ_B, σ²_B, x̂ and y recomputed with the engine's own layer
 * (exploreBatchNorm → BatchNormalization.forward in train mode) on every change
 * and drawn as number lines (x → x̂ → y per feature, one line per sample).
 */
import {
  BATCHNORM_EXPLORER_LIMITS, checkBatchNormExplorerState, exploreBatchNorm,
  type BatchNormExplorerResult, type BatchNormExplorerState,
} from "../../../experiments/batchnorm/explorer-batchnorm";
import { checkedInitialState, computeOrRefuse, el, type ExplorerContext } from "./dom";

type State = Required<BatchNormExplorerState>;

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
/** 4 significant digits for the table, exponent form when tiny or huge. */
const fmt = (v: number): string => {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
};
const SUB = ["₁", "₂", "₃"];
const LEVELS = [{ y: 2, label: "入力 x" }, { y: 1, label: "正規化 x̂" }, { y: 0, label: "出力 y" }];

export function mountBatchNorm(ctx: ExplorerContext): void {
  const { root, save, plotly } = ctx;
  const L = BATCHNORM_EXPLORER_LIMITS;
  const defaults = checkBatchNormExplorerState({});
  let state: State = checkedInitialState(ctx, checkBatchNormExplorerState);

  const button = (label: string): HTMLButtonElement => el("button", { type: "button" }, label) as HTMLButtonElement;
  const addRow = button("データを追加"), delRow = button("データを減らす");
  const addCol = button("特徴を追加"), delCol = button("特徴を減らす");
  const undo = button("正規化を打ち消す（γ = √(σ²+ε), β = μ）");
  const reset = button("最初の例に戻す");
  const sliders = el("div", { class: "zx-controls" });
  const table = el("table", { class: "zx-bn-table", style: "border-collapse:collapse;font-size:11pt;margin:0.4em 0" }) as HTMLTableElement;
  const status = el("div", { class: "zx-status", "aria-live": "polite" });
  const plot = el("div", { class: "zx-plot", style: "width:100%;height:300px" });
  root.append(
    el("div", { class: "zx-controls" }, addRow, " ", delRow, " ", addCol, " ", delCol, " ", undo, " ", reset),
    sliders,
    el("div", { class: "zx-hint" }, "表の x の欄に数を入力すると（↑↓ キーでも増減できます）、μ_B・σ²_B・x̂・y がその場で計算し直されます。ε = 10e-7（= 1e-6、本書の値）。"),
    table, plot, status,
  );

  // --- the γ, β sliders (rebuilt when the number of features changes) ---
  let gammaIn: HTMLInputElement[] = [], betaIn: HTMLInputElement[] = [], gammaOut: HTMLElement[] = [], betaOut: HTMLElement[] = [];
  const range = (label: string, key: "gamma" | "beta", j: number): { input: HTMLInputElement; out: HTMLElement; wrap: HTMLElement } => {
    const input = el("input", { type: "range", step: "0.01", "aria-label": label }) as HTMLInputElement;
    const out = el("span", { class: "zx-value" });
    input.addEventListener("input", () => {
      const v = state[key].slice();
      v[j] = Number(input.value);
      update({ [key]: v });
    });
    return { input, out, wrap: el("label", { class: "zx-slider" }, label + " ", input, " ", out) };
  };
  const buildSliders = (d: number): void => {
    sliders.innerHTML = "";
    gammaIn = []; betaIn = []; gammaOut = []; betaOut = [];
    for (let j = 0; j < d; j++) {
      const g = range(`γ${SUB[j]}（スケール）`, "gamma", j), b = range(`β${SUB[j]}（シフト）`, "beta", j);
      gammaIn.push(g.input); gammaOut.push(g.out); betaIn.push(b.input); betaOut.push(b.out);
      sliders.append(el("div", {}, `特徴 ${j + 1}：`, g.wrap, " ", b.wrap));
    }
  };
  /** A slider's range grows to show a value set elsewhere (the undo button, a shared URL). */
  const setSlider = (input: HTMLInputElement, out: HTMLElement, v: number, span: number): void => {
    input.min = String(Math.min(-span, Math.floor(v)));
    input.max = String(Math.max(span, Math.ceil(v)));
    if (document.activeElement !== input) input.value = String(v);
    out.textContent = fmt(v);
  };

  // --- the table: editable x, computed x̂ and y, μ_B, σ²_B, √(σ²_B+ε) (rebuilt when the shape changes) ---
  let xIn: HTMLInputElement[][] = [], xhatOut: HTMLElement[][] = [], yOut: HTMLElement[][] = [], statOut: HTMLElement[][] = [];
  const cell = (tag: string, text = "", style = ""): HTMLElement => el(tag, { style: "border:1px solid #ccc;padding:0.15em 0.4em;text-align:right;" + style }, text);
  const buildTable = (m: number, d: number): void => {
    table.innerHTML = "";
    xIn = []; xhatOut = []; yOut = [];
    const head = el("tr", {}, cell("th", "データ", "text-align:center"));
    for (let j = 0; j < d; j++) head.append(cell("th", `x${SUB[j]}`, "text-align:center"), cell("th", `x̂${SUB[j]}`, "text-align:center"), cell("th", `y${SUB[j]}`, "text-align:center"));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (let i = 0; i < m; i++) {
      const tr = el("tr", {}, cell("th", String(i + 1), `color:${COLORS[i]};text-align:center`));
      xIn.push([]); xhatOut.push([]); yOut.push([]);
      for (let j = 0; j < d; j++) {
        const input = el("input", { type: "number", step: "any", style: "width:5.5em;font-size:inherit", "aria-label": `データ ${i + 1} の特徴 ${j + 1} の値 x` }) as HTMLInputElement;
        const edit = (final: boolean): void => {
          const v = input.valueAsNumber;
          if (input.value.trim() !== "" && Number.isFinite(v) && Math.abs(v) <= L.value) {
            const x = state.x.map((r) => r.slice());
            x[i][j] = v;
            update({ x });
          } else if (final) {
            status.className = "zx-status zx-error";
            status.textContent = `データ ${i + 1} の特徴 ${j + 1} には、${-L.value}〜${L.value} の有限の数を入れてください（空欄・NaN・Infinity は使えません）。前の値 ${fmt(state.x[i][j])} のまま計算しています。`;
          }
        };
        input.addEventListener("input", () => edit(false));
        input.addEventListener("change", () => edit(true));
        const xh = cell("td"), yy = cell("td"), xCell = cell("td", "", "padding:0.1em");
        xCell.append(input);
        xIn[i].push(input); xhatOut[i].push(xh); yOut[i].push(yy);
        tr.append(xCell, xh, yy);
      }
      body.append(tr);
    }
    table.append(body);
    const foot = el("tfoot");
    statOut = [];
    for (const label of ["μ_B", "σ²_B", "√(σ²_B+ε)"]) {
      const tr = el("tr", {}, cell("th", label, "text-align:center"));
      const outs: HTMLElement[] = [];
      for (let j = 0; j < d; j++) {
        const o = cell("td", "", "background:#f4f4f4");
        outs.push(o);
        tr.append(o, cell("td", "", "background:#f4f4f4"), cell("td", "", "background:#f4f4f4"));
      }
      statOut.push(outs);
      foot.append(tr);
    }
    table.append(foot);
  };

  let shape = "";
  let result: BatchNormExplorerResult | null = null;
  const sync = (): void => {
    const m = state.x.length, d = state.gamma.length;
    if (shape !== `${m}x${d}`) {
      if (!shape.endsWith(`x${d}`)) buildSliders(d);
      buildTable(m, d);
      shape = `${m}x${d}`;
    }
    for (let j = 0; j < d; j++) {
      setSlider(gammaIn[j], gammaOut[j], state.gamma[j], 5);
      setSlider(betaIn[j], betaOut[j], state.beta[j], 10);
    }
    state.x.forEach((row, i) => row.forEach((v, j) => {
      const input = xIn[i][j];
      if (document.activeElement !== input || input.valueAsNumber !== v) input.value = String(v);
    }));
    addRow.disabled = m >= L.rows;
    delRow.disabled = m <= 1;
    addCol.disabled = d >= L.features;
    delCol.disabled = d <= 1;
  };

  const draw = (r: BatchNormExplorerResult): void => {
    r.xhat.forEach((row, i) => row.forEach((v, j) => {
      xhatOut[i][j].textContent = fmt(v);
      yOut[i][j].textContent = fmt(r.y[i][j]);
    }));
    [r.mu, r.variance, r.std].forEach((v, k) => v.forEach((a, j) => (statOut[k][j].textContent = fmt(a))));

    // one panel per feature, side by side: each sample's x → x̂ → y on a number line
    const gap = 0.06, w = (1 - gap * (r.d - 1)) / r.d;
    const traces: object[] = [];
    const layout: Record<string, unknown> = {
      margin: { l: 70, r: 10, t: 30, b: 30 }, dragmode: false, showlegend: true,
      legend: { orientation: "h", y: -0.15 }, annotations: [] as object[],
    };
    for (let j = 0; j < r.d; j++) {
      const ax = j === 0 ? "" : String(j + 1);
      for (let i = 0; i < r.m; i++) {
        traces.push({
          type: "scatter", mode: "lines+markers", x: [r.x[i][j], r.xhat[i][j], r.y[i][j]], y: LEVELS.map((l) => l.y),
          xaxis: "x" + ax, yaxis: "y" + ax, name: `データ ${i + 1}`, legendgroup: `s${i}`, showlegend: j === 0,
          line: { color: COLORS[i], width: 1 }, marker: { color: COLORS[i], size: 9 },
          hovertemplate: `データ ${i + 1}・%{text}: %{x:.4g}<extra></extra>`, text: LEVELS.map((l) => l.label),
        });
      }
      traces.push({
        type: "scatter", mode: "markers", x: [r.mu[j], 0, r.beta[j]], y: LEVELS.map((l) => l.y), xaxis: "x" + ax, yaxis: "y" + ax,
        name: "中心（μ_B, 0, β）", legendgroup: "center", showlegend: j === 0, marker: { symbol: "line-ns-open", size: 22, color: "#333", line: { width: 2 } },
        hovertemplate: "%{text}<extra></extra>", text: [`μ_B = ${fmt(r.mu[j])}`, "0", `β = ${fmt(r.beta[j])}`],
      });
      layout["xaxis" + ax] = { domain: [j * (w + gap), j * (w + gap) + w], zeroline: true, zerolinecolor: "#bbb" };
      (layout.annotations as object[]).push({ xref: "x" + ax + " domain", yref: "paper", x: 0.5, y: 1.02, yanchor: "bottom", showarrow: false, text: `特徴 ${j + 1}（γ = ${fmt(r.gamma[j])}, β = ${fmt(r.beta[j])}）`, font: { size: 13 } });
      layout["yaxis" + ax] = {
        anchor: "x" + ax, range: [-0.5, 2.5], tickvals: LEVELS.map((l) => l.y), ticktext: LEVELS.map((l) => l.label),
        showticklabels: j === 0, fixedrange: true,
      };
    }
    void plotly.react(plot, traces, layout, { displayModeBar: false, responsive: true });

    status.className = "zx-status";
    if (r.batchOfOne) {
      status.className = "zx-status zx-error";
      status.textContent = "データが 1 個だけです。各特徴の μ_B はその値そのもので、x − μ_B = 0、σ²_B = 0 になります。" +
        "ε のおかげで 0 で割ることはありませんが、x̂ = 0 / √(0 + ε) = 0 なので、出力 y は入力によらずちょうど β です（x の勾配も 0 になります）。" +
        "学習モードの BN は 2 個以上のデータのミニバッチで使います。";
    } else if (r.constantFeatures.length > 0) {
      status.textContent = r.constantFeatures.map((j) => `特徴 ${j + 1}`).join("・") +
        " は全データが同じ値なので σ²_B = 0 です。ε があるので 0 で割ることはなく、x̂ = 0、y = β になります。";
    } else {
      status.textContent = Array.from({ length: r.d }, (_, j) =>
        `特徴 ${j + 1}: μ_B = ${fmt(r.mu[j])}、σ²_B = ${fmt(r.variance[j])} → x̂ は平均 0・分散 ≈ 1、y は平均 β = ${fmt(r.beta[j])}・標準偏差 ≈ |γ| = ${fmt(Math.abs(r.gamma[j]))}`).join(" ／ ");
    }
    save(state);
  };
  /** The new state (checked as a whole by the compute), or — when refused — the old one and the reason. */
  const replace = (next: unknown): void => {
    const r = computeOrRefuse(status, () => exploreBatchNorm(next));
    if (r === undefined) return;
    state = { x: r.x, gamma: r.gamma, beta: r.beta };
    result = r;
    sync();
    draw(r);
  };
  const update = (patch: Partial<State>): void => replace({ ...state, ...patch });

  addRow.addEventListener("click", () => {
    const last = state.x[state.x.length - 1];
    update({ x: [...state.x.map((r) => r.slice()), last.map((v) => v + 1)] });
  });
  delRow.addEventListener("click", () => update({ x: state.x.slice(0, -1) }));
  addCol.addEventListener("click", () => update({ x: state.x.map((r, i) => [...r, i]), gamma: [...state.gamma, 1], beta: [...state.beta, 0] }));
  delCol.addEventListener("click", () => update({ x: state.x.map((r) => r.slice(0, -1)), gamma: state.gamma.slice(0, -1), beta: state.beta.slice(0, -1) }));
  undo.addEventListener("click", () => result && update({ gamma: result.std.slice(), beta: result.mu.slice() }));
  reset.addEventListener("click", () => update(defaults));

  ctx.handle.compute = (s: unknown) => exploreBatchNorm(s);
  ctx.handle.state = () => ({ x: state.x.map((r) => r.slice()), gamma: state.gamma.slice(), beta: state.beta.slice() });
  ctx.handle.set = (s: BatchNormExplorerState) => replace(s);
  replace(state);
}
