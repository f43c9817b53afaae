/**
 * Batch / Layer / Instance / Group Normalization on one shared N×C×H×W input:
 * per method, how far each set's output is from mean 0 and variance 1 (over
 * the method's own axes, and — to show the axes matter — over the others'),
 * and the numerical cross-checks between the four implementations and the
 * engine's 2-D layers.
 *
 * The input has a different offset and scale per sample AND per channel
 * (x = a_n · b_c · z + o_n + p_c, z ~ N(0, 1)), so no method normalises
 * another method's sets by accident.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { BN_EPS, BatchNormalization } from "../../nn/batch-normalization";
import { LayerNormalization } from "../../nn/layer-normalization";
import {
  NORM_KINDS, normSetCount, normSetOf, normalize4d, tensor4, batchNorm4d, groupNorm4d, instanceNorm4d, layerNorm4d,
  type NormKind, type Tensor4,
} from "../../nn/normalization-variants";
import { defineCli } from "../../cli/experiment";

export interface NormVariantsOptions {
  /** [N, C, H, W], default [4, 6, 3, 3]. */
  shape?: number[];
  /** Groups of Group Norm, default 3 (a divisor of C). */
  groups?: number;
  seed?: number;
}

/** max over sets of |mean| and |variance − 1| of the output, grouping by `over`'s sets. */
export interface SetStats {
  maxAbsMean: number;
  maxAbsVarMinus1: number;
}

export interface NormVariantsResult {
  shape: number[];
  groups: number;
  seed: number;
  eps: number;
  /** For each method: its number of sets and the stats of its output over every method's sets. */
  methods: { kind: NormKind; sets: number; over: Record<NormKind, SetStats> }[];
  /** max |difference| of pairs that must agree. */
  checks: { name: string; maxAbsDiff: number }[];
}

/** A shared input with per-sample and per-channel offsets and scales. */
export function normVariantsInput(shape: number[] = [4, 6, 3, 3], seed = 0): Tensor4 {
  const x = tensor4(shape);
  assertInteger("seed", seed, 0);
  const [N, C, H, W] = x.shape;
  const rng = new RNG(seed);
  const a = Array.from({ length: N }, () => rng.uniform(0.5, 3)), o = Array.from({ length: N }, () => rng.uniform(-4, 4));
  const b = Array.from({ length: C }, () => rng.uniform(0.5, 3)), p = Array.from({ length: C }, () => rng.uniform(-4, 4));
  let i = 0;
  for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) for (let k = 0; k < H * W; k++) x.data[i++] = a[n] * b[c] * rng.normal() + o[n] + p[c];
  return x;
}

/** Mean and variance of y within each set of `kind` (computed here, independently of the methods). */
export function setStats(y: Tensor4, kind: NormKind, groups: number): SetStats {
  const [N, C, H, W] = y.shape;
  const count = normSetCount(kind, y.shape, groups);
  const s = new Float64Array(count), s2 = new Float64Array(count), m = new Float64Array(count);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const set = normSetOf(kind, n, c, C, groups);
      const off = (n * C + c) * H * W;
      for (let k = 0; k < H * W; k++) {
        s[set] += y.data[off + k];
        s2[set] += y.data[off + k] ** 2;
        m[set]++;
      }
    }
  }
  let maxAbsMean = 0, maxAbsVarMinus1 = 0;
  for (let j = 0; j < count; j++) {
    const mean = s[j] / m[j];
    maxAbsMean = Math.max(maxAbsMean, Math.abs(mean));
    maxAbsVarMinus1 = Math.max(maxAbsVarMinus1, Math.abs(s2[j] / m[j] - mean * mean - 1));
  }
  return { maxAbsMean, maxAbsVarMinus1 };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new ArgumentError("b", `${a.length} numbers like a`, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Sample n alone as a 1×C×H×W block. */
function sampleOf(x: Tensor4, n: number): Tensor4 {
  const [, C, H, W] = x.shape;
  const size = C * H * W;
  return tensor4([1, C, H, W], x.data.subarray(n * size, (n + 1) * size));
}

export function normVariants(options: NormVariantsOptions = {}): NormVariantsResult {
  const { shape = [4, 6, 3, 3], groups = 3, seed = 0 } = options;
  const x = normVariantsInput(shape, seed);
  const [N, C, H, W] = x.shape;
  assertInteger("groups", groups, 1, C);
  if (C % groups !== 0) throw new ArgumentError("groups", `a divisor of the channel count C = ${C}`, groups);

  const methods = NORM_KINDS.map((kind) => {
    const y = normalize4d(x, kind, { groups }).y;
    const over = {} as Record<NormKind, SetStats>;
    for (const k of NORM_KINDS) over[k] = setStats(y, k, groups);
    return { kind, sets: normSetCount(kind, x.shape, groups), over };
  });

  const checks: { name: string; maxAbsDiff: number }[] = [];
  const add = (name: string, a: Tensor4 | Matrix, b: Tensor4 | Matrix) => checks.push({ name, maxAbsDiff: maxAbsDiff(a.data, b.data) });
  add("Group Norm（G = 1）＝ Layer Norm", groupNorm4d(x, 1).y, layerNorm4d(x).y);
  add("Group Norm（G = C）＝ Instance Norm", groupNorm4d(x, C).y, instanceNorm4d(x).y);
  // InstanceNorm of sample n = BatchNorm of a batch holding only sample n
  const alone = tensor4(x.shape);
  for (let n = 0; n < N; n++) alone.data.set(batchNorm4d(sampleOf(x, n)).y.data, n * C * H * W);
  add("Instance Norm ＝ サンプル 1 つずつの Batch Norm", instanceNorm4d(x).y, alone);
  // the engine's 2-D layers on (N, C·H·W) and (N·H·W, C) views
  const gamma = (d: number) => Matrix.full(1, d, 1), beta = (d: number) => new Matrix(1, d);
  const rows = new Matrix(N, C * H * W, Float64Array.from(x.data));
  add("layerNorm4d ＝ エンジンの LayerNormalization（N × C·H·W 行列）", layerNorm4d(x).y, new LayerNormalization(gamma(C * H * W), beta(C * H * W)).forward(rows, true));
  const pixels = new Matrix(N * H * W, C); // one row per (n, h, w), one column per channel
  for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) for (let k = 0; k < H * W; k++) pixels.set(n * H * W + k, c, x.data[(n * C + c) * H * W + k]);
  const bn = new BatchNormalization(gamma(C), beta(C)).forward(pixels, true);
  const back = tensor4(x.shape);
  for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) for (let k = 0; k < H * W; k++) back.data[(n * C + c) * H * W + k] = bn.get(n * H * W + k, c);
  add("batchNorm4d ＝ エンジンの BatchNormalization（N·H·W × C 行列）", batchNorm4d(x).y, back);
  return { shape: [...x.shape], groups, seed, eps: BN_EPS, methods, checks };
}

export const cli = defineCli<NormVariantsOptions>({
  name: "norm-variants",
  description: "6.3 Batch/Layer/Instance/Group Norm on one N×C×H×W input: mean/variance per set and cross-checks",
  options: {
    shape: { kind: "number[]", description: "N,C,H,W (default 4,6,3,3)" },
    groups: { kind: "number", description: "Group Norm groups, a divisor of C (default 3)" },
    seed: { kind: "number", description: "seed of the input (default 0)" },
  },
  run: (o) => normVariants(o),
});
