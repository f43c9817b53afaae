/**
 * The claims that the book and the seed articles make about the activation
 * histograms, each checked against the measured numbers. Every verdict is
 * computed from the results with the criterion written next to it, so a
 * different seed (or a changed engine) can turn a verdict over.
 */
import type { GradientNormResult } from "../../experiments/init/gradients";
import type { HistogramResult } from "../../experiments/init/histogram";
import type { LayerStats } from "../../experiments/init/layer-stats";
import { percent, short } from "./colors";

export type Verdict = "成り立つ" | "成り立たない";

export interface ClaimCheck {
  /** "sigmoid × std=1" */
  setting: string;
  claim: string;
  /** Who says it. */
  source: string;
  /** The test applied, in words. */
  criterion: string;
  /** The measured numbers, layer 1 → 5. */
  evidence: string;
  verdict: Verdict;
}

const seq = (ls: LayerStats[], f: (l: LayerStats) => number | null, fmt: (v: number | null) => string): string =>
  ls.map((l) => fmt(f(l))).join(" → ");
const num = (v: number | null): string => (v === null ? "–" : short(v));
const pc = (v: number | null): string => percent(v, 0);

interface Spec {
  activation: string;
  init: string;
  claim: string;
  source: string;
  criterion: string;
  evidence: (ls: LayerStats[]) => string;
  holds: (ls: LayerStats[], grads?: GradientNormResult) => boolean | null;
}

const BOOK = "本書 6.2.2";
const BOOK_RELU = "本書 6.2.3";
const BLOGS = "解説記事";
const SPECS: Spec[] = [
  {
    activation: "sigmoid", init: "std=1", claim: "アクティベーションが 0 と 1 に偏る", source: `${BOOK}（図6-10）、${BLOGS}`,
    criterion: "全層で 40 % 以上が 0 か 1 から 0.01 以内",
    evidence: (ls) => "飽和 " + seq(ls, (l) => l.saturated, pc),
    holds: (ls) => ls.every((l) => (l.saturated ?? 0) >= 0.4),
  },
  {
    activation: "sigmoid", init: "std=1", claim: "勾配消失が起こる", source: `${BOOK}、${BLOGS}`,
    criterion: "全層で f′(a) の平均 ≤ 0.1（最大値 0.25 の 4 割以下）かつ ‖∂L/∂W₁‖ が出力層の半分未満",
    evidence: (ls) => "f′ の平均 " + seq(ls, (l) => l.meanDerivative, num),
    holds: (ls, g) => ls.every((l) => l.meanDerivative <= 0.1) && (g === undefined || g.gradNorms[0] < 0.5 * g.gradNorms[g.gradNorms.length - 1]),
  },
  {
    activation: "sigmoid", init: "std=0.01", claim: "0.5 付近に集中する", source: `${BOOK}（図6-11）、${BLOGS}`,
    criterion: "全層で 95 % 以上が 0.5±0.05",
    evidence: (ls) => "0.5±0.05 " + seq(ls, (l) => l.nearCenter, pc),
    holds: (ls) => ls.every((l) => (l.nearCenter ?? 0) >= 0.95),
  },
  {
    activation: "sigmoid", init: "std=0.01", claim: "どのニューロンもほぼ同じ値を出し、表現力が制限される", source: `${BOOK}、${BLOGS}`,
    criterion: "5 層目で 入力による変動 < 0.001（出力が入力にほとんど依存しない）",
    evidence: (ls) => "入力による変動 " + seq(ls, (l) => l.sampleStd, num),
    holds: (ls) => ls[ls.length - 1].sampleStd < 1e-3,
  },
  {
    activation: "sigmoid", init: "xavier", claim: "広がりのある分布になる（飽和しない）", source: `${BOOK}（図6-13）、${BLOGS}`,
    criterion: "全層で 標準偏差 ≥ 0.1 かつ 飽和 < 1 %",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls.every((l) => l.std >= 0.1 && (l.saturated ?? 1) < 0.01),
  },
  {
    activation: "sigmoid", init: "xavier", claim: "表現力も制限されない（広がり＝入力ごとに違う出力）", source: BLOGS,
    criterion: "5 層目で 入力による変動 ≥ 標準偏差 の 1/2",
    evidence: (ls) => "入力による変動 " + seq(ls, (l) => l.sampleStd, num),
    holds: (ls) => ls[ls.length - 1].sampleStd >= 0.5 * ls[ls.length - 1].std,
  },
  {
    activation: "tanh", init: "xavier", claim: "tanh でも広がりのある分布になる", source: `${BOOK}（注）、${BLOGS}`,
    criterion: "全層で 標準偏差 ≥ 0.2、飽和 < 1 %、入力による変動 ≥ 標準偏差の 9 割",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls.every((l) => l.std >= 0.2 && (l.saturated ?? 1) < 0.01 && l.sampleStd >= 0.9 * l.std),
  },
  {
    activation: "relu", init: "std=0.01", claim: "アクティベーションが 0 に集中し、学習がほとんど進まない", source: `${BOOK_RELU}（図6-14）、${BLOGS}`,
    criterion: "5 層目の標準偏差 < 1e-4",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls[ls.length - 1].std < 1e-4,
  },
  {
    activation: "relu", init: "xavier", claim: "層が深くなるにつれて偏りが大きくなる（0 に寄る）", source: `${BOOK_RELU}（図6-14）、${BLOGS}`,
    criterion: "5 層目の標準偏差 < 1 層目の 1/2",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls[ls.length - 1].std < 0.5 * ls[0].std,
  },
  {
    activation: "relu", init: "he", claim: "どの層も同じ広がりを保つ", source: `${BOOK_RELU}（図6-14）、${BLOGS}`,
    criterion: "全層で 標準偏差 が 1 層目の 1/2 〜 2 倍",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls.every((l) => l.std >= 0.5 * ls[0].std && l.std <= 2 * ls[0].std),
  },
  {
    activation: "relu", init: "std=1", claim: "重みが大きすぎると活性化値が非常に大きくなる（爆発）", source: BLOGS,
    criterion: "5 層目の標準偏差 > 1 層目の 100 倍",
    evidence: (ls) => "標準偏差 " + seq(ls, (l) => l.std, num),
    holds: (ls) => ls[ls.length - 1].std > 100 * ls[0].std,
  },
];

/** The checks whose setting is present in `results` (and gradient norms, when given, for the vanishing claim). */
export function claimChecks(results: HistogramResult[], grads: GradientNormResult[] = []): ClaimCheck[] {
  const out: ClaimCheck[] = [];
  for (const s of SPECS) {
    const r = results.find((x) => x.activation === s.activation && x.initKey === s.init);
    if (!r) continue;
    const g = grads.find((x) => x.activation === s.activation && x.initKey === s.init);
    const holds = s.holds(r.layers, g);
    out.push({
      setting: `${s.activation} × ${r.initLabel}`,
      claim: s.claim,
      source: s.source,
      criterion: s.criterion,
      evidence: s.evidence(r.layers) + (g && s.claim === "勾配消失が起こる"
        ? `；‖∂L/∂W‖ 1層 ${short(g.gradNorms[0])}、出力層 ${short(g.gradNorms[g.gradNorms.length - 1])}` : ""),
      verdict: holds ? "成り立つ" : "成り立たない",
    });
  }
  return out;
}

/** Rows for viz/table. */
export function claimRows(checks: ClaimCheck[]): Record<string, string>[] {
  return checks.map((c) => ({ 設定: c.setting, 主張: c.claim, 出典: c.source, 判定基準: c.criterion, 測定値: c.evidence, 判定: c.verdict }));
}
