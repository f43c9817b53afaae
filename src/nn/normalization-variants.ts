/**
 * Batch / Layer / Instance / Group Normalization on an N×C×H×W block (images:
 * N samples, C channels, H×W pixels), the four of Wu & He, "Group
 * Normalization" (2018, arXiv:1803.08494), figure 2. Each computes
 *   x̂ = (x − μ) / √(σ² + ε)
 * where μ, σ² are the mean and variance over one SET of elements; the methods
 * differ only in the sets:
 *   Batch    one set per channel c:            all n, all h, w     (axes N, H, W)
 *   Layer    one set per sample n:             all c, all h, w     (axes C, H, W)
 *   Instance one set per (n, c):               all h, w            (axes H, W)
 *   Group    one set per (n, group of C/G channels): those c, all h, w
 * Forward only, without γ/β (y = γ·x̂ + β per channel is the same afterwards).
 * Each function has its own loops on purpose: the notebook checks them against
 * each other (GN with G = 1 is LN, with G = C it is IN, …), which would prove
 * nothing if they shared one implementation.
 */
import { ArgumentError, assertInteger, assertPositive } from "../core/errors";
import { BN_EPS } from "./batch-normalization";

/** A dense row-major N×C×H×W array: element (n, c, h, w) at ((n·C + c)·H + h)·W + w. */
export interface Tensor4 {
  shape: [number, number, number, number];
  data: Float64Array;
}

export type NormKind = "batch" | "layer" | "instance" | "group";
export const NORM_KINDS: readonly NormKind[] = ["batch", "layer", "instance", "group"];

export function tensor4(shape: readonly number[], data?: ArrayLike<number>): Tensor4 {
  if (!Array.isArray(shape) || shape.length !== 4) throw new ArgumentError("shape", "[N, C, H, W]", shape);
  shape.forEach((s, i) => assertInteger(`shape[${i}]`, s, 1));
  const size = shape[0] * shape[1] * shape[2] * shape[3];
  if (data !== undefined && data.length !== size) {
    throw new ArgumentError("data", `${size} numbers for shape [${shape.join(", ")}]`, data.length);
  }
  return { shape: [shape[0], shape[1], shape[2], shape[3]], data: data ? Float64Array.from(data) : new Float64Array(size) };
}

function checkTensor(x: Tensor4, name = "x"): [number, number, number, number] {
  if (x === null || typeof x !== "object" || !(x.data instanceof Float64Array) || !Array.isArray(x.shape) || x.shape.length !== 4) {
    throw new ArgumentError(name, "a Tensor4 { shape: [N, C, H, W], data }", x);
  }
  const [N, C, H, W] = x.shape;
  if (x.data.length !== N * C * H * W) throw new ArgumentError(`${name}.data`, `${N * C * H * W} numbers for shape [${x.shape.join(", ")}]`, x.data.length);
  return [N, C, H, W];
}

/** The set of element (n, c): which μ, σ² it is normalised with. */
export function normSetOf(kind: NormKind, n: number, c: number, channels: number, groups = 1): number {
  switch (kind) {
    case "batch": return c;
    case "layer": return n;
    case "instance": return n * channels + c;
    case "group": return n * groups + Math.floor(c / (channels / groups));
    default: throw new ArgumentError("kind", `one of ${NORM_KINDS.join(", ")}`, kind);
  }
}

/** How many sets (independent μ, σ² pairs) a method uses. */
export function normSetCount(kind: NormKind, shape: readonly number[], groups = 1): number {
  const [N, C] = shape;
  return { batch: C, layer: N, instance: N * C, group: N * groups }[kind];
}

export interface NormResult {
  y: Tensor4;
  /** μ and σ² of each set, in the order of normSetOf. */
  mean: Float64Array;
  variance: Float64Array;
}

const idx = (C: number, H: number, W: number, n: number, c: number, h: number, w: number): number => ((n * C + c) * H + h) * W + w;

/** Batch Normalization: per channel c, over n, h, w (CNN form; H = W = 1 is the book's 2-D BN). */
export function batchNorm4d(x: Tensor4, eps = BN_EPS): NormResult {
  const [N, C, H, W] = checkTensor(x);
  assertPositive("eps", eps);
  const y = tensor4(x.shape), mean = new Float64Array(C), variance = new Float64Array(C);
  const count = N * H * W;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) s += x.data[idx(C, H, W, n, c, h, w)];
    const mu = s / count;
    let v = 0;
    for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) v += (x.data[idx(C, H, W, n, c, h, w)] - mu) ** 2;
    v /= count;
    const std = Math.sqrt(v + eps);
    for (let n = 0; n < N; n++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) {
      const i = idx(C, H, W, n, c, h, w);
      y.data[i] = (x.data[i] - mu) / std;
    }
    mean[c] = mu;
    variance[c] = v;
  }
  return { y, mean, variance };
}

/** Layer Normalization: per sample n, over c, h, w. */
export function layerNorm4d(x: Tensor4, eps = BN_EPS): NormResult {
  const [N, C, H, W] = checkTensor(x);
  assertPositive("eps", eps);
  const y = tensor4(x.shape), mean = new Float64Array(N), variance = new Float64Array(N);
  const count = C * H * W;
  for (let n = 0; n < N; n++) {
    let s = 0;
    for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) s += x.data[idx(C, H, W, n, c, h, w)];
    const mu = s / count;
    let v = 0;
    for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) v += (x.data[idx(C, H, W, n, c, h, w)] - mu) ** 2;
    v /= count;
    const std = Math.sqrt(v + eps);
    for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) {
      const i = idx(C, H, W, n, c, h, w);
      y.data[i] = (x.data[i] - mu) / std;
    }
    mean[n] = mu;
    variance[n] = v;
  }
  return { y, mean, variance };
}

/** Instance Normalization: per sample n and channel c, over h, w. */
export function instanceNorm4d(x: Tensor4, eps = BN_EPS): NormResult {
  const [N, C, H, W] = checkTensor(x);
  assertPositive("eps", eps);
  const y = tensor4(x.shape), mean = new Float64Array(N * C), variance = new Float64Array(N * C);
  const count = H * W;
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) s += x.data[idx(C, H, W, n, c, h, w)];
      const mu = s / count;
      let v = 0;
      for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) v += (x.data[idx(C, H, W, n, c, h, w)] - mu) ** 2;
      v /= count;
      const std = Math.sqrt(v + eps);
      for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) {
        const i = idx(C, H, W, n, c, h, w);
        y.data[i] = (x.data[i] - mu) / std;
      }
      mean[n * C + c] = mu;
      variance[n * C + c] = v;
    }
  }
  return { y, mean, variance };
}

/** Group Normalization: per sample n and group g of C/G consecutive channels, over those c, h, w. */
export function groupNorm4d(x: Tensor4, groups: number, eps = BN_EPS): NormResult {
  const [N, C, H, W] = checkTensor(x);
  assertInteger("groups", groups, 1, C);
  if (C % groups !== 0) throw new ArgumentError("groups", `a divisor of the channel count C = ${C}`, groups);
  assertPositive("eps", eps);
  const per = C / groups;
  const y = tensor4(x.shape), mean = new Float64Array(N * groups), variance = new Float64Array(N * groups);
  const count = per * H * W;
  for (let n = 0; n < N; n++) {
    for (let g = 0; g < groups; g++) {
      const c0 = g * per, c1 = c0 + per;
      let s = 0;
      for (let c = c0; c < c1; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) s += x.data[idx(C, H, W, n, c, h, w)];
      const mu = s / count;
      let v = 0;
      for (let c = c0; c < c1; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) v += (x.data[idx(C, H, W, n, c, h, w)] - mu) ** 2;
      v /= count;
      const std = Math.sqrt(v + eps);
      for (let c = c0; c < c1; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) {
        const i = idx(C, H, W, n, c, h, w);
        y.data[i] = (x.data[i] - mu) / std;
      }
      mean[n * groups + g] = mu;
      variance[n * groups + g] = v;
    }
  }
  return { y, mean, variance };
}

/** One of the four by name (groups only for "group"). */
export function normalize4d(x: Tensor4, kind: NormKind, options: { groups?: number; eps?: number } = {}): NormResult {
  const { groups = 1, eps = BN_EPS } = options;
  switch (kind) {
    case "batch": return batchNorm4d(x, eps);
    case "layer": return layerNorm4d(x, eps);
    case "instance": return instanceNorm4d(x, eps);
    case "group": return groupNorm4d(x, groups, eps);
    default: throw new ArgumentError("kind", `one of ${NORM_KINDS.join(", ")}`, kind);
  }
}
