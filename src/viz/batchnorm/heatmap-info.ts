/**
 * The summary heat map: weight scale (rows, 1 at the top) × epoch (columns),
 * train accuracy without BN, with BN, and the difference, for our seed mean
 * or for the book's single run.
 */
import type { BatchNormGrid } from "../../data/reference";
import type { GridLike } from "./grid-info";
import { scaleLabel } from "./colors";

export interface HeatmapData {
  source: "ours" | "book";
  /** Row labels, one per scale, in the given order (the book's: 1 → 0.0001). */
  scales: string[];
  epochs: number[];
  withoutBN: number[][];
  withBN: number[][];
  /** withBN − withoutBN. */
  diff: number[][];
  /** Per row: how many epochs BN is ahead by more than 0.05 / behind by more than 0.05. */
  bnAhead: number[];
  bnBehind: number[];
}

const minus = (a: number[][], b: number[][]): number[][] => a.map((r, i) => r.map((v, j) => v - b[i][j]));

function build(source: "ours" | "book", scales: number[], epochs: number[], withBN: number[][], withoutBN: number[][]): HeatmapData {
  const diff = minus(withBN, withoutBN);
  return {
    source, scales: scales.map(scaleLabel), epochs: [...epochs], withoutBN, withBN, diff,
    bnAhead: diff.map((r) => r.filter((d) => d > 0.05).length),
    bnBehind: diff.map((r) => r.filter((d) => d < -0.05).length),
  };
}

export function heatmapInfo(grid: GridLike): HeatmapData {
  return build("ours", grid.scales, grid.epochs, grid.withBN.map((r) => [...r]), grid.withoutBN.map((r) => [...r]));
}

export function bookHeatmapInfo(book: BatchNormGrid): HeatmapData {
  return build("book", book.weightScales, book.epochs, book.batchNorm, book.normal);
}
