/**
 * "Book vs ours" on the book's printed losses without reading one mini-batch.
 *
 * The book's ch06 scripts print the loss of ONE mini-batch every 100
 * iterations of ONE unseeded run: a single printed value can be far from the
 * curve. Averaging its last `last` printed values (1500 … 1900 for 2000
 * iterations) and our losses at the very same iterations, per seed, compares
 * like with like. Only meaningful when our runs reach those iterations (FULL).
 */
import { ArgumentError } from "../core/errors";

export interface BookTailRow {
  name: string;
  iterations: number[];
  /** Mean of the book's printed losses at `iterations` (null: the book did not print this series). */
  book: number | null;
  /** Mean over seeds of each seed's mean loss at `iterations`. */
  ours: number;
  /** Lowest and highest per-seed mean: the spread one unseeded run can show. */
  oursMin: number;
  oursMax: number;
  seeds: number;
}

export interface BookLossCurves {
  iterations: number[];
  loss: Record<string, number[]>;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function bookTailRows(series: { name: string; runs: { loss: number[] }[] }[], book: BookLossCurves, last = 5): BookTailRow[] {
  if (!Number.isInteger(last) || last < 1 || last > book.iterations.length) {
    throw new ArgumentError("last", `an integer 1…${book.iterations.length} (printed losses to average)`, last);
  }
  const iterations = book.iterations.slice(-last);
  return series.map((s) => {
    const short = s.runs.find((r) => r.loss.length <= iterations[iterations.length - 1]);
    if (short) {
      throw new ArgumentError("series", `runs of at least ${iterations[iterations.length - 1] + 1} iterations (the book's; a FAST run is too short to compare)`, short.loss.length);
    }
    const perSeed = s.runs.map((r) => mean(iterations.map((i) => r.loss[i])));
    const finite = perSeed.filter(Number.isFinite);
    const printed = book.loss[s.name];
    return {
      name: s.name,
      iterations,
      book: printed ? mean(printed.slice(-last)) : null,
      ours: finite.length ? mean(finite) : NaN,
      oursMin: finite.length ? Math.min(...finite) : NaN,
      oursMax: finite.length ? Math.max(...finite) : NaN,
      seeds: finite.length,
    };
  });
}

/** Rows with Japanese column names for table(). */
export function bookTailTable(rows: BookTailRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    "手法": r.name,
    "平均した iteration": `${r.iterations[0]}〜${r.iterations[r.iterations.length - 1]}（${r.iterations.length} 点）`,
    "本書（1 回の実行）": r.book ?? "（本書になし）",
    [`ours（${r.seeds} シードの平均）`]: r.ours,
    "ours のシード間の範囲": `${r.oursMin.toFixed(3)} 〜 ${r.oursMax.toFixed(3)}`,
    "本書は範囲内か": r.book === null ? "" : r.book >= r.oursMin && r.book <= r.oursMax ? "範囲内" : r.book < r.oursMin ? "範囲より小さい" : "範囲より大きい",
  }));
}
