/**
 * The 4×4 panels of 図6-19 from a batchNormGrid result: per weight scale the
 * seed mean and min–max band of both nets, where a run diverged, and the book's
 * one run of the same scale (matched by value) for comparison.
 */
import { ArgumentError } from "../../core/errors";
import type { BatchNormGridResult } from "../../experiments/batchnorm/grid";
import type { BatchNormGrid } from "../../data/reference";
import { scaleLabel } from "./colors";

export type GridLike = Pick<BatchNormGridResult, "scales" | "epochs" | "withBN" | "withoutBN" | "runs" | "seeds">;

export interface Band {
  mean: number[];
  /** Smallest and largest value over seeds (equal to mean for one seed). */
  lo: number[];
  hi: number[];
}

export interface DivergenceMark {
  /** The first epoch in which some seed's loss was NaN/±∞. */
  epoch: number;
  /** Mean accuracy at that epoch (where the mark is drawn). */
  accuracy: number;
  seeds: number[];
}

export interface GridPanel {
  scale: number;
  title: string;
  row: number;
  col: number;
  withBN: Band;
  withoutBN: Band;
  divergedBN: DivergenceMark | null;
  divergedWithoutBN: DivergenceMark | null;
  /** The book's single run at this scale, cut to our epochs; null when the scale is not one of the book's. */
  book: { withBN: number[]; withoutBN: number[] } | null;
}

export interface GridInfo {
  rows: number;
  cols: number;
  epochs: number[];
  seedCount: number;
  panels: GridPanel[];
}

/** Same scale: equal to 12 significant digits (the book's values are NumPy's float64s). */
export function sameScale(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function band(runs: number[][], mean: number[]): Band {
  return {
    mean,
    lo: mean.map((_, e) => Math.min(...runs.map((r) => r[e]))),
    hi: mean.map((_, e) => Math.max(...runs.map((r) => r[e]))),
  };
}

function divergence(runs: GridLike["runs"], key: "divergedWithBN" | "divergedWithoutBN", mean: number[]): DivergenceMark | null {
  const hit = runs.filter((r) => r[key] !== null);
  if (hit.length === 0) return null;
  const epoch = Math.min(...hit.map((r) => r[key] as number));
  return { epoch, accuracy: mean[Math.min(epoch, mean.length - 1)], seeds: hit.map((r) => r.seed) };
}

export function gridInfo(grid: GridLike, book?: BatchNormGrid, columns = 4): GridInfo {
  if (!grid || !Array.isArray(grid.scales) || grid.scales.length === 0) throw new ArgumentError("grid", "a batchNormGrid result with at least one scale", grid);
  if (grid.withBN.length !== grid.scales.length || grid.withoutBN.length !== grid.scales.length) {
    throw new ArgumentError("grid", "withBN and withoutBN with one row per scale");
  }
  const cols = Math.min(columns, grid.scales.length);
  const panels = grid.scales.map((scale, s): GridPanel => {
    const runs = grid.runs.filter((r) => sameScale(r.scale, scale));
    const k = book ? book.weightScales.findIndex((w) => sameScale(w, scale)) : -1;
    const n = grid.epochs.length;
    return {
      scale,
      title: `W = ${scaleLabel(scale)}`,
      row: Math.floor(s / cols),
      col: s % cols,
      withBN: band(runs.map((r) => r.withBN), grid.withBN[s]),
      withoutBN: band(runs.map((r) => r.withoutBN), grid.withoutBN[s]),
      divergedBN: divergence(runs, "divergedWithBN", grid.withBN[s]),
      divergedWithoutBN: divergence(runs, "divergedWithoutBN", grid.withoutBN[s]),
      book: book && k >= 0 ? { withBN: book.batchNorm[k].slice(0, n), withoutBN: book.normal[k].slice(0, n) } : null,
    };
  });
  return { rows: Math.ceil(grid.scales.length / cols), cols, epochs: [...grid.epochs], seedCount: grid.seeds.length, panels };
}
