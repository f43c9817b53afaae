/**
 * Figure 6-15 (MNIST, std=0.01 vs Xavier vs He) as data: smoothed loss per
 * initial value as the mean over seeds with a min–max band, the book's printed
 * losses, the "book vs ours" rows and the accuracy rows. Pure.
 */
import { ArgumentError } from "../../core/errors";
import type { InitMnistResult, MnistInitKey } from "../../experiments/init/mnist";
import type { LossCurves } from "../../data/reference";
import { type SeedBand, seedBand, smoothFinitePrefix } from "../seed-band";

/** The book's printed losses (bookWeightInitLosses() of src/data/reference.ts). */
export type BookLosses = LossCurves<string>;

/** One initial value's seeds as a mean line and a min–max band (SeedBand), with the book's points. */
export interface LossCurveInfo extends SeedBand {
  key: MnistInitKey;
  label: string;
  x: number[];
  seeds: number;
  /** Iterations at which a seed diverged (its curve stops there). */
  diverged: number[];
  /** The book's printed losses for this initial value (one unseeded run), within the run's length. */
  book: { x: number[]; y: number[] } | null;
}

/** The book's smooth_curve on the finite prefix of a run (a diverged run stops at its divergence). */
export const smoothRun = (loss: number[]): number[] => smoothFinitePrefix(loss);

export function lossCurveInfo(result: InitMnistResult, book?: BookLosses): LossCurveInfo[] {
  if (!result || typeof result !== "object" || !result.inits) throw new ArgumentError("result", "the result of initMnist", result);
  const N = result.iterations;
  return (Object.keys(result.inits) as MnistInitKey[]).map((key) => {
    const s = result.inits[key];
    const curves = s.runs.map((r) => smoothRun(r.loss));
    const { mean, lower, upper } = seedBand(curves, N);
    let bookPts: LossCurveInfo["book"] = null;
    const series = book?.loss[s.bookKey];
    if (book && series) {
      const idx = book.iterations.map((it, k) => [it, k]).filter(([it]) => it < N);
      bookPts = { x: idx.map(([it]) => it), y: idx.map(([, k]) => series[k]) };
    }
    return {
      key, label: s.label, x: Array.from({ length: N }, (_, i) => i), mean, lower, upper, seeds: s.runs.length,
      diverged: s.runs.filter((r) => r.divergedAt !== null).map((r) => r.divergedAt as number), book: bookPts,
    };
  });
}

/** The printed iterations (multiples of 100) to compare at: 1900 when reached, else the last one reached. */
export function comparisonIterations(result: InitMnistResult, book: BookLosses, wanted: number[] = [1900]): number[] {
  const reached = book.iterations.filter((it) => it < result.iterations);
  const hit = wanted.filter((it) => reached.includes(it));
  return hit.length ? hit : reached.slice(-1);
}

/** "Book vs ours" at the given printed iterations: the book's one run vs our seeds (raw batch loss, and smoothed mean). */
export function bookVsOursRows(result: InitMnistResult, book: BookLosses, iterations = comparisonIterations(result, book)) {
  const curves = lossCurveInfo(result);
  const rows: Record<string, string | number | null>[] = [];
  for (const it of iterations) {
    const k = book.iterations.indexOf(it);
    if (k < 0) throw new ArgumentError("iterations", `iterations the book printed (${book.iterations[0]}, ${book.iterations[1]}, …)`, it);
    if (it >= result.iterations) throw new ArgumentError("iterations", `< ${result.iterations} (the run's length)`, it);
    for (const c of curves) {
      const s = result.inits[c.key];
      const raw = s.runs.map((r) => r.loss[it]).filter(Number.isFinite);
      rows.push({
        初期値: s.label,
        iteration: it,
        "書籍（1 回）": book.loss[s.bookKey]?.[k] ?? null,
        "本実装 平均": raw.length ? raw.reduce((a, b) => a + b, 0) / raw.length : null,
        "本実装 最小": raw.length ? Math.min(...raw) : null,
        "本実装 最大": raw.length ? Math.max(...raw) : null,
        "本実装 平滑化後": c.mean[it],
      });
    }
  }
  return rows;
}

export function accuracyRows(result: InitMnistResult) {
  return (Object.keys(result.inits) as MnistInitKey[]).map((key) => {
    const s = result.inits[key];
    const tr = s.runs.map((r) => r.trainAcc), te = s.runs.map((r) => r.testAcc);
    const pct = (v: number) => 100 * v;
    return {
      初期値: s.label,
      "訓練精度 平均 (%)": pct(s.trainAcc),
      "訓練 範囲 (%)": `${pct(Math.min(...tr)).toFixed(1)}〜${pct(Math.max(...tr)).toFixed(1)}`,
      "テスト精度 平均 (%)": pct(s.testAcc),
      "テスト 範囲 (%)": `${pct(Math.min(...te)).toFixed(1)}〜${pct(Math.max(...te)).toFixed(1)}`,
      seed数: s.runs.length,
    };
  });
}

export interface AccuracyClaim {
  claim: string;
  key: MnistInitKey;
  threshold: number;
  reached: number;
  /** Lowest seed. */
  worst: number;
  verdict: "成り立つ" | "成り立たない";
}

/** The articles' "Xavier 90 %+ / He 98 %+" after training, against our mean test accuracy. */
export function accuracyClaims(result: InitMnistResult): AccuracyClaim[] {
  const claims: [MnistInitKey, number, string][] = [
    ["xavier", 0.9, "Xavier で 90 % 以上"],
    ["he", 0.98, "He で 98 % 以上"],
  ];
  return claims.map(([key, threshold, claim]) => {
    const s = result.inits[key];
    return {
      claim, key, threshold, reached: s.testAcc, worst: Math.min(...s.runs.map((r) => r.testAcc)),
      verdict: s.testAcc >= threshold ? "成り立つ" : "成り立たない",
    };
  });
}
