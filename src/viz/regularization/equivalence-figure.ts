/**
 * Tables and a figure for the two equivalences: the penalty's gradient
 * (replay of the engine's test), and decay in the loss vs decoupled decay
 * under SGD and Adam.
 */
import type { DecoupledVsLossDecayResult, PenaltyGradientCheckResult } from "../../experiments/regularization/equivalence";
import type { PlotlyFigure, PlotlyTrace } from "../figure";
import { pct } from "./colors";

const sci = (v: number): string => (v === 0 ? "0" : v.toExponential(2));

export function penaltyCheckRows(r: PenaltyGradientCheckResult): Record<string, string>[] {
  return r.checks.map((c) => ({
    ペナルティ: c.kind === "L2" ? `L2：½λΣ‖W‖²（λ = ${c.strength}）` : `L1：λ₁Σ|W|（λ₁ = ${c.strength}）`,
    "損失の増え方": c.lossDifference.toFixed(6),
    "ペナルティの値": c.penalty.toFixed(6),
    [c.kind === "L2" ? "max |∂L′/∂W − ∂L/∂W − λW|" : "max |∂L′/∂W − ∂L/∂W − λ₁sign(W)|"]: sci(c.maxWeightGradError),
    "足された項の最大値": sci(c.maxPenaltyGrad),
    "max |∂L′/∂b − ∂L/∂b|": sci(c.maxBiasGradChange),
  }));
}

export function spotCheckRows(r: PenaltyGradientCheckResult): Record<string, string>[] {
  return r.spots.map((s) => ({
    ペナルティ: s.kind,
    重み: `${s.param}[${s.index}]`,
    誤差逆伝播: s.backprop.toExponential(6),
    数値微分: s.numerical.toExponential(6),
    相対誤差: sci(s.relativeError),
  }));
}

export function decayPairRows(r: DecoupledVsLossDecayResult): Record<string, string | number>[] {
  return r.runs.map((x) => ({
    設定: x.label,
    "Σ‖W‖²（最後）": Number(x.weightNorm2[x.weightNorm2.length - 1].toPrecision(5)),
    "‖W1‖": Number(x.layerNorms[0].toFixed(3)),
    "‖W4‖": Number(x.layerNorms[3].toFixed(3)),
    "‖W7‖": Number(x.layerNorms[x.layerNorms.length - 1].toFixed(3)),
    訓練精度: pct(x.trainAcc),
    テスト精度: pct(x.testAcc),
  }));
}

const COLORS = { sgd: "#1f77b4", adam: "#ff7f0e" } as const;

export function decayPairFigure(r: DecoupledVsLossDecayResult): PlotlyFigure {
  const data: PlotlyTrace[] = r.runs.map((x) => ({
    type: "scatter", mode: "lines", name: x.label, x: r.updates, y: x.weightNorm2, xaxis: "x", yaxis: "y",
    line: { color: COLORS[x.optimizer], dash: x.mode === "loss" ? "solid" : "dot", width: x.mode === "loss" ? 3 : 2 },
    hovertemplate: `${x.label}<br>更新 %{x} 回<br>Σ‖W‖² = %{y:.1f}<extra></extra>`,
  }));
  for (const opt of ["sgd", "adam"] as const) {
    data.push({
      type: "scatter", mode: "lines+markers", name: `${opt === "sgd" ? "SGD" : "Adam"}：2 つの重みの相対的な差`,
      x: r.updates, y: r.relativeDifference[opt].map((v) => Math.max(v, 1e-18)), xaxis: "x2", yaxis: "y2",
      line: { color: COLORS[opt] }, marker: { size: 4 }, hovertemplate: "更新 %{x} 回<br>‖ΔW‖/‖W‖ = %{y:.2e}<extra></extra>",
    });
  }
  return {
    data,
    layout: {
      title: { text: `同じ λ = ${r.lambda}：損失に ½λ‖W‖² を入れる vs 重みを直接 ηλ 減らす（SGD η = ${r.lr.sgd}、Adam η = ${r.lr.adam}）` },
      xaxis: { domain: [0, 0.46], title: { text: "パラメータの更新回数" } },
      yaxis: { title: { text: "Σ‖W‖²" } },
      xaxis2: { domain: [0.56, 1], anchor: "y2", title: { text: "パラメータの更新回数" } },
      yaxis2: { anchor: "x2", type: "log", title: { text: "‖W(損失) − W(分離)‖ / ‖W(損失)‖" }, exponentformat: "power" },
      legend: { orientation: "h", y: -0.25 },
      height: 480,
    },
  };
}
