/**
 * Rows for the notebook's tables (plain objects with Japanese column names),
 * so that the notebook cells stay short and the tables are tested.
 */
import type { Regime, SgdAnalysis } from "../../experiments/optimizers/sgd-analysis";
import { hyperparamText } from "./figures-2d";
import type { BookVsOursRow } from "./mnist-info";

export const REGIME_JA: Record<Regime, string> = {
  "converges": "単調に収束",
  "oscillates-converges": "振動しながら収束（ジグザグ）",
  "oscillates-forever": "振動し続ける",
  "diverges": "発散",
};

const steps1e3 = (rate: number): number | string => {
  if (!(rate < 1)) return "∞";
  return rate === 0 ? 1 : Math.ceil(Math.log(1e-3) / Math.log(rate));
};

/** One row per learning rate: the per-axis factors of SGD on a quadratic. */
export function sgdFactorRows(a: SgdAnalysis): Record<string, unknown>[] {
  return a.rows.map((r) => ({
    "学習係数 η": r.lr,
    "備考": r.note,
    [`λ=${a.eigen.values[0]} 方向の倍率`]: r.factors[0],
    [`λ=${a.eigen.values[1]} 方向の倍率`]: r.factors[1],
    "遅い方の |倍率|": r.rate,
    "誤差を 1/1000 にする更新回数": steps1e3(r.rate),
    "挙動": REGIME_JA[r.regime],
  }));
}

/** Per-step rates: the book's 2-D settings of SGD / Momentum / Nesterov, and the best SGD and heavy ball. */
export function rateRows(a: SgdAnalysis): Record<string, unknown>[] {
  const row = (method: string, hp: Record<string, number>, source: string, rate: number) => ({
    "手法": method, "設定": hyperparamText(hp), "由来": source, "収束率": rate, "誤差を 1/1000 にする更新回数": steps1e3(rate),
  });
  return [
    ...a.bookRates.map((r) => row(r.optimizer, r.momentum === undefined ? { lr: r.lr } : { lr: r.lr, momentum: r.momentum }, "本書の図の設定", r.rate)),
    row("SGD", { lr: a.bestLr }, "最適な η", a.bestRate),
    row("Momentum", { lr: a.bestMomentum.lr, momentum: a.bestMomentum.momentum }, "最適な η, α", a.bestMomentum.rate),
  ];
}

export interface RunEnd {
  optimizer: string;
  hyperparams: Record<string, number>;
  path: [number, number][];
  f: number[];
  diverged: boolean;
  divergedAt: number | null;
}

/** Where each run ended: last position, f there, and divergence. */
export function endRows(runs: RunEnd[]): Record<string, unknown>[] {
  return runs.map((r) => {
    const last = r.path[r.path.length - 1];
    return {
      "手法": r.optimizer,
      "設定": hyperparamText(r.hyperparams),
      "更新回数": r.path.length - 1,
      "x": last[0],
      "y": last[1],
      "f(x, y)": r.f[r.f.length - 1],
      "状態": r.diverged ? `発散（${r.divergedAt} 回目の更新）` : "",
    };
  });
}

/** The "book vs ours" loss table at one printed iteration. */
export function bookVsOursTable(rows: BookVsOursRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    "手法": r.optimizer,
    "iteration": r.iteration,
    "本書（1 回の実行）": r.book ?? "（本書になし）",
    "ours 平均": r.oursMean,
    "ours 範囲（シード間）": `${r.oursMin.toFixed(3)} 〜 ${r.oursMax.toFixed(3)}`,
    "ours 平滑化後の平均": r.oursSmoothed,
  }));
}

/** Final accuracies with each optimizer's setting. */
export function accuracyTable(rows: BookVsOursRow[], settings: Record<string, Record<string, number>>): Record<string, unknown>[] {
  return rows.map((r) => ({
    "手法": r.optimizer,
    "設定": settings[r.optimizer] ? hyperparamText(settings[r.optimizer]) : "",
    "訓練データの正解率": r.trainAcc,
    "テストデータの正解率": r.testAcc,
  }));
}

/** "AdaGrad (0.151) < Adam (0.236) < …": optimizers by their mean loss over the last `last` iterations. */
export function lossRanking(series: { name: string; loss: number[] }[], last = 50): string {
  const tail = (xs: number[]): number => {
    const t = xs.slice(-last).filter(Number.isFinite);
    return t.length ? t.reduce((a, b) => a + b, 0) / t.length : Infinity;
  };
  return series
    .map((s) => ({ name: s.name, loss: tail(s.loss) }))
    .sort((a, b) => a.loss - b.loss)
    .map((r) => `${r.name} (${Number.isFinite(r.loss) ? r.loss.toFixed(3) : "発散"})`)
    .join(" < ");
}
