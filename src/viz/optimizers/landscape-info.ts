/**
 * The landscape under the paths: contour values of f on a grid and the field
 * of −∇f as small arrows (Plotly has no quiver trace: arrows are line segments
 * separated by null gaps, heads included).
 *
 * Contours are drawn on log₁₀(1 + f − min f): f values span decades (x²/20 + y²
 * goes from 0 to 105 on the book's view; Rosenbrock to thousands), and evenly
 * spaced levels of the log put lines near the minimum, where the paths are.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import type { Box } from "./path-info";
import { checkBox } from "./path-info";

export interface Fn2 {
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
}

export interface ContourInfo {
  x: number[];
  y: number[];
  /** log₁₀(1 + f − min f) per row (y) and column (x); null where f is not finite. */
  z: (number | null)[][];
  /** f itself, for hover. */
  f: (number | null)[][];
  fMin: number;
  fMax: number;
}

const round4 = (v: number): number => Number(v.toPrecision(4));

const linspace = (lo: number, hi: number, n: number): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

export function contourInfo(fn: Fn2, box: Box, n = 81): ContourInfo {
  checkBox(box);
  assertInteger("n", n, 2, 2000);
  if (!fn || typeof fn.f !== "function") throw new ArgumentError("fn", "an object with f(x, y)", fn);
  const x = linspace(box.x[0], box.x[1], n);
  const y = linspace(box.y[0], box.y[1], n);
  let fMin = Infinity, fMax = -Infinity;
  const f = y.map((yv) =>
    x.map((xv) => {
      const v = fn.f(xv, yv);
      if (!Number.isFinite(v)) return null;
      if (v < fMin) fMin = v;
      if (v > fMax) fMax = v;
      return v;
    }),
  );
  if (!Number.isFinite(fMin)) throw new ArgumentError("fn", "a function with finite values somewhere in the view", "no finite value on the grid");
  // 4 significant digits: plenty for contour lines and hover, and keeps handouts small
  const z = f.map((row) => row.map((v) => (v === null ? null : round4(Math.log10(1 + v - fMin)))));
  return { x: x.map(round4), y: y.map(round4), z, f: f.map((row) => row.map((v) => (v === null ? null : round4(v)))), fMin, fMax };
}

export interface FieldInfo {
  /** Arrow shafts and heads as one polyline with null gaps. */
  x: (number | null)[];
  y: (number | null)[];
  /** Number of arrows drawn. */
  arrows: number;
}

/**
 * Arrows of −∇f (the direction SGD moves) on an n×n grid. Length grows with
 * |∇f| as a cube root (so both the flat and the steep parts stay visible),
 * at most 0.9 of a grid cell. Zero or non-finite gradients get no arrow.
 */
export function gradientFieldInfo(fn: Fn2, box: Box, n = 15): FieldInfo {
  checkBox(box);
  assertInteger("n", n, 2, 200);
  const xs = linspace(box.x[0], box.x[1], n + 2).slice(1, -1);
  const ys = linspace(box.y[0], box.y[1], n + 2).slice(1, -1);
  const cell = Math.min((box.x[1] - box.x[0]) / (n + 1), (box.y[1] - box.y[0]) / (n + 1));
  const g: { x: number; y: number; gx: number; gy: number; m: number }[] = [];
  let mMax = 0;
  for (const yv of ys) {
    for (const xv of xs) {
      const [gx, gy] = fn.grad(xv, yv);
      const m = Math.hypot(gx, gy);
      if (!Number.isFinite(m) || m === 0) continue;
      g.push({ x: xv, y: yv, gx, gy, m });
      if (m > mMax) mMax = m;
    }
  }
  const out: FieldInfo = { x: [], y: [], arrows: 0 };
  for (const a of g) {
    const len = 0.9 * cell * Math.cbrt(a.m / mMax);
    const ux = -a.gx / a.m, uy = -a.gy / a.m;
    const tx = a.x + ux * len, ty = a.y + uy * len;
    const h = Math.max(len * 0.35, cell * 0.12);
    // head: two short strokes back from the tip at ±25°
    const c = Math.cos(0.44), s = Math.sin(0.44);
    const b1: [number, number] = [tx - h * (ux * c - uy * s), ty - h * (uy * c + ux * s)];
    const b2: [number, number] = [tx - h * (ux * c + uy * s), ty - h * (uy * c - ux * s)];
    out.x.push(a.x, tx, null, b1[0], tx, b2[0], null);
    out.y.push(a.y, ty, null, b1[1], ty, b2[1], null);
    out.arrows++;
  }
  return out;
}
