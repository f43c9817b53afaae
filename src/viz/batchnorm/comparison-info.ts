/**
 * Book vs ours, like with like: for every weight scale both have, the train
 * accuracy WITH BN and WITHOUT BN at the same epoch point (same number of
 * updates), the book's single run beside our seed mean and range.
 */
import type { BatchNormGrid } from "../../data/reference";
import { gridInfo, type GridLike } from "./grid-info";
import { scaleLabel } from "./colors";

export interface ComparisonRow {
  scale: string;
  epoch: number;
  bookWithBN: number;
  oursWithBN: number;
  oursWithBNRange: [number, number];
  bookWithoutBN: number;
  oursWithoutBN: number;
  oursWithoutBNRange: [number, number];
  /** Does BN win (by > 0.05) in the book and in ours? */
  bookBNWins: boolean;
  oursBNWins: boolean;
}

/** Rows at `epoch` (default: our last epoch point) for the scales present in both. */
export function comparisonRows(grid: GridLike, book: BatchNormGrid, epoch = grid.epochs[grid.epochs.length - 1]): ComparisonRow[] {
  const e = grid.epochs.indexOf(epoch);
  if (e < 0 || book.epochs.indexOf(epoch) < 0) return [];
  return gridInfo(grid, book).panels.filter((p) => p.book !== null).map((p) => ({
    scale: scaleLabel(p.scale),
    epoch,
    bookWithBN: p.book!.withBN[e],
    oursWithBN: p.withBN.mean[e],
    oursWithBNRange: [p.withBN.lo[e], p.withBN.hi[e]],
    bookWithoutBN: p.book!.withoutBN[e],
    oursWithoutBN: p.withoutBN.mean[e],
    oursWithoutBNRange: [p.withoutBN.lo[e], p.withoutBN.hi[e]],
    bookBNWins: p.book!.withBN[e] - p.book!.withoutBN[e] > 0.05,
    oursBNWins: p.withBN.mean[e] - p.withoutBN.mean[e] > 0.05,
  }));
}
