/**
 * The N×C×H×W block of Wu & He's Group Normalization figure, drawn in oblique
 * projection: C to the right, H·W (the pixels, flattened) up, N into the depth.
 * Only the three visible faces are drawn, cell by cell; a cell belongs to the
 * element (n, c, pixel) it shows. For a chosen (n, c), `highlight` says which
 * visible cells share that element's μ and σ² under each method.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import { NORM_KINDS, normSetCount, normSetOf, type NormKind } from "../../nn/normalization-variants";

export interface BlockDims {
  N: number;
  C: number;
  /** H·W, drawn as one axis. */
  HW: number;
}

export interface FaceCell {
  face: "front" | "top" | "side";
  n: number;
  c: number;
  s: number;
  /** Closed polygon (5 points) in the projected plane, panel-local. */
  xs: number[];
  ys: number[];
}

export const DEPTH_X = 0.55;
export const DEPTH_Y = 0.45;

/** (c, s, n) → projected point. */
export function project(c: number, s: number, n: number): [number, number] {
  return [c + n * DEPTH_X, s + n * DEPTH_Y];
}

function quad(points: [number, number, number][]): { xs: number[]; ys: number[] } {
  const p = [...points, points[0]].map(([c, s, n]) => project(c, s, n));
  return { xs: p.map((q) => q[0]), ys: p.map((q) => q[1]) };
}

export function checkDims(d: BlockDims, groups: number): void {
  if (d === null || typeof d !== "object") throw new ArgumentError("dims", "{ N, C, HW }", d);
  assertInteger("dims.N", d.N, 1, 32);
  assertInteger("dims.C", d.C, 1, 64);
  assertInteger("dims.HW", d.HW, 1, 64);
  assertInteger("groups", groups, 1, d.C);
  if (d.C % groups !== 0) throw new ArgumentError("groups", `a divisor of C = ${d.C}`, groups);
}

/** Every cell of the front (n = 0), top (last pixel row) and side (last channel) faces. */
export function faceCells(d: BlockDims): FaceCell[] {
  const cells: FaceCell[] = [];
  for (let c = 0; c < d.C; c++) for (let s = 0; s < d.HW; s++) {
    cells.push({ face: "front", n: 0, c, s, ...quad([[c, s, 0], [c + 1, s, 0], [c + 1, s + 1, 0], [c, s + 1, 0]]) });
  }
  for (let c = 0; c < d.C; c++) for (let n = 0; n < d.N; n++) {
    cells.push({ face: "top", n, c, s: d.HW - 1, ...quad([[c, d.HW, n], [c + 1, d.HW, n], [c + 1, d.HW, n + 1], [c, d.HW, n + 1]]) });
  }
  for (let n = 0; n < d.N; n++) for (let s = 0; s < d.HW; s++) {
    cells.push({ face: "side", n, c: d.C - 1, s, ...quad([[d.C, s, n], [d.C, s, n + 1], [d.C, s + 1, n + 1], [d.C, s + 1, n]]) });
  }
  return cells;
}

/** Which cells are normalised together with element (n, c) under `kind`. */
export function highlight(kind: NormKind, d: BlockDims, groups: number, n: number, c: number): boolean[] {
  checkDims(d, groups);
  assertInteger("n", n, 0, d.N - 1);
  assertInteger("c", c, 0, d.C - 1);
  const set = normSetOf(kind, n, c, d.C, groups);
  return faceCells(d).map((cell) => normSetOf(kind, cell.n, cell.c, d.C, groups) === set);
}

export interface MethodInfo {
  kind: NormKind;
  title: string;
  /** The axes averaged over. */
  axes: string;
  /** Independent (μ, σ²) pairs for this block. */
  sets: number;
  /** Elements per set. */
  setSize: number;
}

export function methodsInfo(d: BlockDims, groups: number): MethodInfo[] {
  checkDims(d, groups);
  const shape = [d.N, d.C, d.HW, 1];
  const titles: Record<NormKind, [string, string]> = {
    batch: ["Batch Norm", "N, H, W"],
    layer: ["Layer Norm", "C, H, W"],
    instance: ["Instance Norm", "H, W"],
    group: [`Group Norm（G = ${groups}）`, "C/G, H, W"],
  };
  const total = d.N * d.C * d.HW;
  return NORM_KINDS.map((kind) => {
    const sets = normSetCount(kind, shape, groups);
    return { kind, title: titles[kind][0], axes: titles[kind][1], sets, setSize: total / sets };
  });
}
