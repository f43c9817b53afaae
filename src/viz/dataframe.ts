/**
 * danfojs where a pandas user would reach for pandas: a study's trials as a
 * DataFrame (Optuna's `study.trials_dataframe()`), seed aggregation
 * (`df.groupby(...).agg({...: ["mean", "min", "max"]})`) and `describe()`.
 * The DataFrames render through `table()` (danfojs has no HTML output).
 *
 * danfojs-node is loaded on first use, with its TensorFlow.js banner silenced
 * (quietDanfo), so importing this module costs nothing.
 */
import { ArgumentError } from "../core/errors";
import type { FrozenTrial } from "../search/trial";
import { quietDanfo, type DataFrameLike } from "./table";

/** The parts of danfojs used here (structural: no danfojs types are loaded). */
export interface DanfoFrame extends DataFrameLike {
  groupby(columns: string[]): { agg(spec: Record<string, string[]>): DanfoFrame };
  describe(): DanfoFrame;
  sortValues(column: string, options?: { ascending?: boolean }): DanfoFrame;
}
interface Danfo {
  DataFrame: new (data: unknown, options?: { columns?: string[] }) => DanfoFrame;
  tensorflow?: { enableProdMode?: () => void };
}

let loaded: Danfo | null = null;

/** danfojs-node, quieted once. */
export function danfo(): Danfo {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const dfd = require("danfojs-node") as Danfo;
    quietDanfo(dfd);
    loaded = dfd;
  }
  return loaded;
}

/** A DataFrame of plain row objects (all rows with the same keys). */
export function dataFrame(rows: readonly Record<string, unknown>[]): DanfoFrame {
  if (!Array.isArray(rows) || rows.length === 0) throw new ArgumentError("rows", "a non-empty array of row objects", rows);
  return new (danfo().DataFrame)(rows);
}

/**
 * Like Optuna's `study.trials_dataframe()`: one row per trial, in trial order —
 * number, value (the score; null for a failed trial), params_<name> for each
 * parameter, state, duration_s and the trial's seed.
 */
export function trialsDataFrame(trials: readonly FrozenTrial[]): DanfoFrame {
  if (!Array.isArray(trials) || trials.length === 0) throw new ArgumentError("trials", "a non-empty array of trials (study.trials)", trials);
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.params)))];
  const rows = [...trials].sort((a, b) => a.number - b.number).map((t) => ({
    number: t.number,
    value: t.score,
    ...Object.fromEntries(names.map((n) => [`params_${n}`, t.params[n] ?? null])),
    state: t.state,
    duration_s: Math.round(t.durationMs) / 1000,
    seed: t.seed,
  }));
  return dataFrame(rows);
}

/**
 * Seed aggregation: `groupby(by).agg({ v: ["mean", "min", "max"] })` for each
 * value column; columns come out as `<v>_mean`, `<v>_min`, `<v>_max`.
 */
export function seedSummary(rows: readonly Record<string, unknown>[], by: string | string[], values: string[]): DanfoFrame {
  const keys = typeof by === "string" ? [by] : by;
  if (values.length === 0) throw new ArgumentError("values", "at least one column to aggregate", values);
  for (const c of [...keys, ...values]) {
    if (!rows.every((r) => c in r)) throw new ArgumentError("rows", `every row to have the column ${JSON.stringify(c)}`, Object.keys(rows[0] ?? {}));
  }
  return dataFrame(rows).groupby(keys).agg(Object.fromEntries(values.map((v) => [v, ["mean", "min", "max"]])));
}

/** `pd.DataFrame(columns).describe()`: count, mean, std, min, median, max, variance per column. */
export function describeColumns(columns: Record<string, ArrayLike<number>>): DanfoFrame {
  const names = Object.keys(columns);
  if (names.length === 0) throw new ArgumentError("columns", "at least one column of numbers", columns);
  const n = columns[names[0]].length;
  for (const k of names) {
    if (columns[k].length !== n || n === 0) throw new ArgumentError(`columns[${JSON.stringify(k)}]`, `${n || "some"} numbers like the first column`, columns[k].length);
  }
  return new (danfo().DataFrame)(Object.fromEntries(names.map((k) => [k, Array.from(columns[k])]))).describe();
}
