/**
 * Batch / Layer / Instance / Group Normalization on N×C×H×W: each output has
 * mean 0 and variance σ²/(σ² + ε) ≈ 1 over exactly its own axes (computed here
 * with plain loops over the axes, independently of the implementations), not
 * over the others'; and the implementations agree where they must.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normVariants, normVariantsInput } from "../src/experiments/batchnorm/norm-variants";
import { BN_EPS } from "../src/nn";
import {
  batchNorm4d, groupNorm4d, instanceNorm4d, layerNorm4d, normSetCount, tensor4, type NormKind, type Tensor4,
} from "../src/nn/normalization-variants";

const SHAPE = [3, 6, 2, 4];
const G = 2;

/** Values of x at the elements whose (n, c) satisfy `pick`, all h, w. */
function values(x: Tensor4, pick: (n: number, c: number) => boolean): number[] {
  const [N, C, H, W] = x.shape, out: number[] = [];
  for (let n = 0; n < N; n++) for (let c = 0; c < C; c++) if (pick(n, c)) for (let k = 0; k < H * W; k++) out.push(x.data[(n * C + c) * H * W + k]);
  return out;
}

const meanOf = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
const varOf = (v: number[]) => meanOf(v.map((a) => (a - meanOf(v)) ** 2));

/** The sets of each method, spelt out as axes. */
function sets(kind: NormKind, N: number, C: number): ((n: number, c: number) => boolean)[] {
  const per = C / G;
  switch (kind) {
    case "batch": return Array.from({ length: C }, (_, c0) => (_n: number, c: number) => c === c0); // axes N, H, W
    case "layer": return Array.from({ length: N }, (_, n0) => (n: number) => n === n0); // axes C, H, W
    case "instance": return Array.from({ length: N * C }, (_, k) => (n: number, c: number) => n * C + c === k); // axes H, W
    case "group": return Array.from({ length: N * G }, (_, k) => (n: number, c: number) => n === Math.floor(k / G) && Math.floor(c / per) === k % G);
  }
}

const run: Record<NormKind, (x: Tensor4) => ReturnType<typeof batchNorm4d>> = {
  batch: (x) => batchNorm4d(x),
  layer: (x) => layerNorm4d(x),
  instance: (x) => instanceNorm4d(x),
  group: (x) => groupNorm4d(x, G),
};

describe("each normalisation: zero mean, unit variance over its own axes", () => {
  const x = normVariantsInput(SHAPE, 7);
  const [N, C] = x.shape;
  for (const kind of ["batch", "layer", "instance", "group"] as NormKind[]) {
    it(kind, () => {
      const r = run[kind](x);
      const own = sets(kind, N, C);
      assert.equal(own.length, normSetCount(kind, x.shape, G));
      own.forEach((pick, k) => {
        const v = values(x, pick), y = values(r.y, pick);
        const sigma2 = varOf(v);
        assert.ok(Math.abs(r.mean[k] - meanOf(v)) < 1e-12, "reported μ");
        assert.ok(Math.abs(r.variance[k] - sigma2) < 1e-12, "reported σ²");
        assert.ok(Math.abs(meanOf(y)) < 1e-12, `set ${k}: mean ${meanOf(y)}`);
        assert.ok(Math.abs(varOf(y) - sigma2 / (sigma2 + BN_EPS)) < 1e-12, `set ${k}: variance ${varOf(y)}`);
      });
    });
  }

  it("…and not over the axes of a method with coarser or crossing sets", () => {
    // BN's output is not normalised per sample; LN's is not per channel
    const bnY = batchNorm4d(x).y, lnY = layerNorm4d(x).y;
    const perSample = sets("layer", N, C).map((p) => Math.abs(meanOf(values(bnY, p))));
    const perChannel = sets("batch", N, C).map((p) => Math.abs(meanOf(values(lnY, p))));
    assert.ok(Math.max(...perSample) > 0.1);
    assert.ok(Math.max(...perChannel) > 0.1);
  });
});

describe("the implementations agree where they must", () => {
  it("GN(G=1) = LN, GN(G=C) = IN, IN = BN per sample, and BN/LN = the engine's 2-D layers", () => {
    const r = normVariants({ shape: SHAPE, groups: G, seed: 7 });
    assert.equal(r.checks.length, 5);
    for (const c of r.checks) assert.ok(c.maxAbsDiff < 1e-12, `${c.name}: ${c.maxAbsDiff}`);
    const own = Object.fromEntries(r.methods.map((m) => [m.kind, m.over[m.kind]]));
    for (const k of Object.keys(own)) assert.ok(own[k].maxAbsMean < 1e-12 && own[k].maxAbsVarMinus1 < 1e-5, k);
  });

  it("with H = W = 1, BN4d is the book's 2-D BN over the batch and IN degenerates to 0", () => {
    const x = normVariantsInput([5, 4, 1, 1], 2);
    assert.ok(instanceNorm4d(x).y.data.every((v) => v === 0), "one pixel per (n, c): x − μ = 0");
  });

  it("names bad arguments", () => {
    assert.throws(() => tensor4([2, 3, 4]), /shape/);
    assert.throws(() => tensor4([2, 3, 1, 1], [1, 2]), /data/);
    assert.throws(() => groupNorm4d(tensor4([1, 6, 1, 1]), 4), /groups/);
    assert.throws(() => batchNorm4d(tensor4([1, 2, 1, 1]), 0), /eps/);
    assert.throws(() => normVariants({ groups: 5 }), /groups/);
  });
});
