/**
 * A 2-D optimizer path made drawable: clipped to the view box, with its end
 * marked. A run that leaves the view or diverges is never handed to Plotly
 * as 1e300-sized coordinates (a "broken plot"): segments are cut at the box
 * (Liang–Barsky), the part outside is a gap, and the last drawn point says
 * what happened (発散 / 表示範囲の外へ).
 */
import { ArgumentError } from "../../core/errors";
import type { Run2D } from "../../experiments/optimizers/paths-2d";
import { DIVERGENCE_REASON_JA } from "../../functions/optimize-path";

export type Point = [number, number];

export interface Box {
  x: [number, number];
  y: [number, number];
}

/** What pathInfo reads of a run of src/experiments/optimizers/paths-2d.ts (f: for hover text; reason: why it diverged). */
export type PathRun = Pick<Run2D, "path" | "diverged" | "divergedAt"> & Partial<Pick<Run2D, "f" | "reason">>;

export type PathStatus = "in-view" | "left-view" | "diverged";

export interface PathInfo {
  /** Polyline with null gaps where the path is outside the box. */
  x: (number | null)[];
  y: (number | null)[];
  /** Update number k of each vertex; null for points where a segment meets the box edge, and for gaps. */
  step: (number | null)[];
  /** Per-point marker size, symbol and hover text (edge points get size 0). */
  size: number[];
  symbol: string[];
  text: string[];
  status: PathStatus;
  /** Japanese one-liner for titles / legends, e.g. "発散（13 回目の更新）". */
  statusText: string;
  /** Index (in x/y) of the point that carries the end marker, or −1 when nothing is drawn. */
  endIndex: number;
}

const VERTEX_SIZE = 6;
const END_SIZE = 13;

/** Parameter interval [t0, t1] ⊂ [0, 1] of the segment a→b inside the box, or null. */
export function clipSegment(a: Point, b: Point, box: Box): [number, number] | null {
  let t0 = 0, t1 = 1;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const checks: [number, number][] = [
    [-dx, a[0] - box.x[0]],
    [dx, box.x[1] - a[0]],
    [-dy, a[1] - box.y[0]],
    [dy, box.y[1] - a[1]],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

export function inBox(p: Point, box: Box): boolean {
  return p[0] >= box.x[0] && p[0] <= box.x[1] && p[1] >= box.y[0] && p[1] <= box.y[1];
}

export function checkBox(box: Box): void {
  const ok = (r: unknown): boolean => Array.isArray(r) && r.length === 2 && r.every(Number.isFinite) && r[0] < r[1];
  if (!box || !ok(box.x) || !ok(box.y)) throw new ArgumentError("box", "{ x: [lo, hi], y: [lo, hi] } with finite lo < hi", box);
}

const num = (v: number): string => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3));

/**
 * Clip `run.path` (optionally only its first `upTo` updates, for animation
 * frames) to `box` and mark its end.
 */
export function pathInfo(run: PathRun, box: Box, upTo?: number): PathInfo {
  checkBox(box);
  if (!run || !Array.isArray(run.path) || run.path.length === 0) throw new ArgumentError("run.path", "a non-empty array of [x, y] points", run?.path);
  const n = upTo === undefined ? run.path.length : Math.min(run.path.length, Math.max(1, upTo + 1));
  const pts = run.path.slice(0, n);
  const out: PathInfo = { x: [], y: [], step: [], size: [], symbol: [], text: [], status: "in-view", statusText: "", endIndex: -1 };
  const fAt = (k: number): string => (run.f && run.f[k] !== undefined ? `<br>f = ${num(run.f[k])}` : "");
  const vertex = (p: Point, k: number): void => {
    out.x.push(p[0]);
    out.y.push(p[1]);
    out.step.push(k);
    out.size.push(VERTEX_SIZE);
    out.symbol.push("circle");
    out.text.push(`k = ${k}<br>(x, y) = (${num(p[0])}, ${num(p[1])})${fAt(k)}`);
  };
  const edge = (p: Point): void => {
    out.x.push(p[0]);
    out.y.push(p[1]);
    out.step.push(null);
    out.size.push(0);
    out.symbol.push("circle");
    out.text.push("表示範囲の端");
  };
  const gap = (): void => {
    if (out.x.length === 0 || out.x[out.x.length - 1] === null) return;
    out.x.push(null);
    out.y.push(null);
    out.step.push(null);
    out.size.push(0);
    out.symbol.push("circle");
    out.text.push("");
  };
  // clamped: rounding in a + t·(b − a) must not put an edge point a hair outside the box
  const clamp = (v: number, r: [number, number]): number => Math.min(r[1], Math.max(r[0], v));
  const lerp = (a: Point, b: Point, t: number): Point => [
    clamp(a[0] + t * (b[0] - a[0]), box.x),
    clamp(a[1] + t * (b[1] - a[1]), box.y),
  ];

  let left = false;
  if (inBox(pts[0], box)) vertex(pts[0], 0);
  else left = true;
  for (let k = 1; k < pts.length; k++) {
    const a = pts[k - 1], b = pts[k];
    const aIn = inBox(a, box), bIn = inBox(b, box);
    if (aIn && bIn) {
      vertex(b, k);
      continue;
    }
    left = true;
    const t = clipSegment(a, b, box);
    if (aIn) {
      if (t) edge(lerp(a, b, t[1]));
      gap();
    } else if (bIn) {
      gap();
      if (t) edge(lerp(a, b, t[0]));
      vertex(b, k);
    } else if (t && t[1] > t[0]) {
      gap();
      edge(lerp(a, b, t[0]));
      edge(lerp(a, b, t[1]));
      gap();
    }
  }
  while (out.x.length > 0 && out.x[out.x.length - 1] === null) {
    for (const arr of [out.x, out.y, out.step, out.size, out.symbol, out.text] as unknown[][]) arr.pop();
  }

  const complete = n === run.path.length;
  const lastIn = inBox(pts[pts.length - 1], box);
  if (run.diverged && complete) {
    out.status = "diverged";
    out.statusText = run.reason
      ? `発散（${run.divergedAt ?? "?"} 回目の更新：${DIVERGENCE_REASON_JA[run.reason]}）`
      : `発散（${run.divergedAt ?? "?"} 回目の更新で値が爆発）`;
  } else if (!lastIn) {
    out.status = "left-view";
    out.statusText = left ? "表示範囲の外へ" : "";
  } else {
    out.status = "in-view";
    const k = pts.length - 1;
    out.statusText = `${k} 回更新後 (${num(pts[k][0])}, ${num(pts[k][1])})`;
  }
  out.endIndex = out.x.length - 1;
  if (out.endIndex >= 0 && out.status !== "in-view") {
    out.size[out.endIndex] = END_SIZE;
    out.symbol[out.endIndex] = out.status === "diverged" ? "x" : "triangle-up";
    out.text[out.endIndex] = (out.text[out.endIndex] === "表示範囲の端" ? "" : out.text[out.endIndex] + "<br>") + out.statusText;
  }
  return out;
}

/**
 * At most about `maxPoints` points of a long path, for drawing: every k-th
 * vertex, plus the first and last points, every gap and the points next to
 * it (edge points), and the end marker. The path's shape at plotting
 * resolution is kept; hover then shows only the kept updates.
 */
export function thinInfo(info: PathInfo, maxPoints: number): PathInfo {
  const n = info.x.length;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new ArgumentError("maxPoints", "an integer >= 2", maxPoints);
  if (n <= maxPoints) return info;
  const stride = Math.ceil(n / maxPoints);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const nearGap = info.x[i] === null || (i > 0 && info.x[i - 1] === null) || (i + 1 < n && info.x[i + 1] === null);
    if (i % stride === 0 || i === n - 1 || i === info.endIndex || nearGap) keep.push(i);
  }
  const pick = <T>(a: T[]): T[] => keep.map((i) => a[i]);
  return {
    ...info,
    x: pick(info.x), y: pick(info.y), step: pick(info.step), size: pick(info.size), symbol: pick(info.symbol), text: pick(info.text),
    endIndex: info.endIndex < 0 ? -1 : keep.indexOf(info.endIndex),
  };
}
