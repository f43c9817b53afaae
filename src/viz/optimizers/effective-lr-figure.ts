/**
 * AdaGrad's effective learning rate η_eff = η/(√h + 1e-7) per coordinate,
 * measured from the updates (src/experiments/optimizers/effective-lr.ts),
 * on log–log axes, beside RMSprop's; with noisy gradients the reference line
 * η/(σ√t) shows AdaGrad's decay to 0. `effectiveLrInfo` is the pure part.
 */
import { ArgumentError, assertPositive } from "../../core/errors";
import type { EffectiveLrSeries } from "../../experiments/optimizers/effective-lr";
import type { PlotlyFigure } from "../figure";
import { rowFigure } from "../panel-row";

/** What the figure reads of an effectiveLr() run. */
export type EffectiveLrLike = Pick<EffectiveLrSeries, "optimizer" | "lr" | "t" | "x" | "y">;

export interface EffectiveLrLine {
  name: string;
  optimizer: string;
  coord: "x" | "y" | "ref";
  t: number[];
  value: (number | null)[];
}

/** Lines per optimizer and coordinate; with noise > 0 also AdaGrad's η/(σ√t). */
export function effectiveLrInfo(runs: readonly EffectiveLrLike[], noise = 0): EffectiveLrLine[] {
  if (!Array.isArray(runs as unknown) || runs.length === 0) throw new ArgumentError("runs", "a non-empty array of effectiveLr() results", runs);
  const lines: EffectiveLrLine[] = [];
  for (const r of runs) {
    for (const coord of ["x", "y"] as const) {
      lines.push({
        name: `${r.optimizer}（${coord}）`, optimizer: r.optimizer, coord, t: r.t,
        value: r[coord].map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : null)),
      });
    }
  }
  const ada = runs.find((r) => r.optimizer === "AdaGrad");
  if (noise > 0 && ada) {
    assertPositive("noise", noise);
    lines.push({ name: `η/(σ√t)（σ = ${noise}）`, optimizer: "AdaGrad", coord: "ref", t: ada.t, value: ada.t.map((t) => ada.lr / (noise * Math.sqrt(t))) });
  }
  return lines;
}

const COLORS: Record<string, string> = { AdaGrad: "#2ca02c", RMSprop: "#9467bd" };

/** One panel per scenario (e.g. without and with gradient noise), log–log. */
export function effectiveLrFigure(panels: { title: string; lines: EffectiveLrLine[] }[]): PlotlyFigure {
  const layout = {
    title: { text: "実効的な学習係数 η_eff = η/(√h + 10⁻⁷)（更新量 ÷ 勾配で測定）" }, height: 440,
    legend: { orientation: "h", y: -0.22 },
  };
  return rowFigure(layout, panels, { left: 0.05, right: 0.03, titleY: 1.07 }, (p, k, { xa, ya }) => ({
    traces: p.lines.map((l) => ({
      type: "scatter", mode: "lines", x: l.t, y: l.value, xaxis: xa, yaxis: ya, name: l.name, legendgroup: l.name, showlegend: k === 0 || l.coord === "ref",
      line: { color: l.coord === "ref" ? "black" : COLORS[l.optimizer] ?? "#1f77b4", width: l.coord === "ref" ? 1.5 : 2, dash: l.coord === "y" ? "dot" : l.coord === "ref" ? "dash" : "solid" },
      hovertemplate: `t = %{x}: η_eff = %{y:.3g}<extra>${l.name}</extra>`,
    })),
    x: { type: "log", title: { text: "更新回数 t" } },
    y: { type: "log", exponentformat: "power", title: { text: k === 0 ? "η_eff" : "" } },
    title: p.title,
  }));
}
