/**
 * Which traces a dropdown × slider figure shows. A sweep holds runs[i][j]
 * (outer value i — optimizer or β₂ — and inner value j — lr, α or β₁). All
 * runs are traces; a slider step shows exactly one run, and choosing another
 * outer value in the dropdown swaps in that value's slider (Plotly cannot
 * combine two independent controls without code, so the dropdown replaces the slider).
 */
import { ArgumentError } from "../../core/errors";

export interface SweepShape {
  runs: unknown[][];
  defaults: number[];
}

export interface SweepInfo {
  /** (outer, inner) of each run trace, in trace order (outer-major). */
  order: [number, number][];
  /** Trace index of runs[i][j], counting `background` fixed traces first. */
  index: number[][];
  /** Total traces = background + runs. */
  total: number;
  /** visible[i][j]: the visibility array that shows run (i, j) and the background. */
  visible: boolean[][][];
}

export function sweepInfo(sweep: SweepShape, background: number): SweepInfo {
  if (!sweep || !Array.isArray(sweep.runs) || sweep.runs.length === 0 || sweep.runs.some((r) => !Array.isArray(r) || r.length === 0)) {
    throw new ArgumentError("sweep.runs", "a non-empty array of non-empty arrays of runs", sweep?.runs);
  }
  if (!Array.isArray(sweep.defaults) || sweep.defaults.length !== sweep.runs.length) {
    throw new ArgumentError("sweep.defaults", `one slider position per outer value (${sweep.runs.length})`, sweep?.defaults);
  }
  sweep.defaults.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d >= sweep.runs[i].length) {
      throw new ArgumentError(`sweep.defaults[${i}]`, `an index in [0, ${sweep.runs[i].length - 1}]`, d);
    }
  });
  const order: [number, number][] = [];
  const index: number[][] = sweep.runs.map((row, i) =>
    row.map((_, j) => {
      order.push([i, j]);
      return background + order.length - 1;
    }),
  );
  const total = background + order.length;
  const visible = index.map((row) =>
    row.map((t) => Array.from({ length: total }, (_, k) => k < background || k === t)),
  );
  return { order, index, total, visible };
}
