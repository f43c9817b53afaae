/**
 * 6.3 gradient check of MultiLayerNetExtend with BN on MNIST samples.
 *
 * Stated tolerance (batchnorm-gradcheck.ts): relative error ≤ 1e-5 + δ/min y_t
 * per parameter (max|a − b| / max(|a| + |b|)), for every parameter that reaches
 * the loss, at the book's h = 1e-4; δ = 1e-7 is the loss's log(y + δ), which
 * backprop leaves out. Batch 2 is ill-conditioned along W1 (BN maps two samples
 * to ±1 up to ε): there W1 is exempt and the reason itself is tested.
 * Seeds 0, 1, 2 each; hidden sizes [10, 10] keep it fast.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Matrix, RNG } from "../src/core";
import { GRADCHECK_TOLERANCE, batchNormGradcheck, cli } from "../src/experiments/batchnorm/gradcheck";
import { BN_EPS, BatchNormalization } from "../src/nn";

const HIDDEN = [10, 10];
const KEYS = ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"];

describe("BN gradient check done right (batch ≥ 2)", () => {
  for (const batch of [3, 10]) {
    it(`batch ${batch}, h = 1e-4: every parameter within 1e-5 + δ/min y_t, or exactly unused`, () => {
      for (const seed of [0, 1, 2]) {
        const r = batchNormGradcheck({ batch, seed, hiddenSizeList: HIDDEN, budget: "fast" });
        assert.deepEqual(Object.keys(r.relativeError), KEYS);
        assert.equal(r.tolerance, GRADCHECK_TOLERANCE + 1e-7 / r.minLabelProbability);
        assert.equal(r.passed, true, `seed ${seed}: ${JSON.stringify(r.relativeError)}`);
        assert.equal(r.degenerate, false);
        for (const k of KEYS) {
          if (r.zeroGradient[k]) continue;
          assert.ok(r.relativeError[k] <= r.tolerance, `seed ${seed} ${k}: ${r.relativeError[k]}`);
          assert.ok(r.maxAbsGradient[k] > 1e-7, `${k} really reaches the loss`);
        }
      }
    });
  }

  it("the biases before BN have zero gradient (BN subtracts the batch mean): flagged, not failed", () => {
    const r = batchNormGradcheck({ batch: 4, seed: 2, hiddenSizeList: HIDDEN, budget: "fast" });
    assert.equal(r.zeroGradient.b1, true);
    assert.equal(r.zeroGradient.b2, true);
    assert.ok(r.maxAbsGradient.b1 < 1e-12);
    for (const k of ["W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "b3"]) assert.equal(r.zeroGradient[k], false, k);
  });

  it("batch 2: every parameter but W1 within the tolerance", () => {
    for (const seed of [0, 1, 2]) {
      const r = batchNormGradcheck({ batch: 2, seed, hiddenSizeList: HIDDEN, budget: "fast" });
      for (const k of KEYS) {
        if (k === "W1" || r.zeroGradient[k]) continue;
        assert.ok(r.relativeError[k] <= r.tolerance, `seed ${seed} ${k}: ${r.relativeError[k]}`);
      }
    }
  });

  it("batch 2: why W1 is exempt — BN maps two samples to x̂ = ±d/√(d² + ε), ±1 up to ε", () => {
    const bn = new BatchNormalization(Matrix.full(1, 50, 1), new Matrix(1, 50));
    const x = Matrix.randn(2, 50, new RNG(9));
    const y = bn.forward(x, true);
    for (let j = 0; j < 50; j++) {
      const d = (x.get(0, j) - x.get(1, j)) / 2;
      assert.ok(Math.abs(y.get(0, j) + y.get(1, j)) < 1e-12, "x̂₁ = −x̂₂");
      assert.ok(Math.abs(Math.abs(y.get(0, j)) - Math.abs(d) / Math.sqrt(d * d + BN_EPS)) < 1e-12);
    }
  });
});

describe("the book's check on ONE sample is degenerate", () => {
  it("every gradient before the last BN is exactly 0 by backprop; only b3 (and beta2's kink) are non-zero", () => {
    const r = batchNormGradcheck({ batch: 1, seed: 0, hiddenSizeList: HIDDEN, budget: "fast" });
    assert.equal(r.degenerate, true);
    for (const k of ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3"]) {
      assert.equal(r.maxAbsGradient[k], 0, `backprop d${k}`);
    }
    assert.ok(r.maxAbsGradient.b3 > 0);
    // the book prints mean|diff| ≈ 0 for all of these: they agree because both are 0
    for (const k of ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "W3"]) assert.equal(r.meanAbsDiff[k], 0, k);
  });
});

describe("batchnorm-gradcheck CLI", () => {
  it("prints budget, seed, batch and relativeError; checks its options", async () => {
    const r = (await cli.run({ batch: 3, hiddenSizeList: [4] })) as Record<string, unknown>;
    for (const k of ["budget", "seed", "batch", "relativeError"]) assert.ok(k in r, k);
    assert.throws(() => batchNormGradcheck({ batch: 0 }), /batch/);
    assert.throws(() => batchNormGradcheck({ h: -1 }), /\bh\b/);
  });
});
