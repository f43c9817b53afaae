import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError, RNG, sumSquares } from "../src/core";
import { WEIGHT_INIT_NAMES, initWeight, weightInitStd } from "../src/nn";

describe("weightInitStd", () => {
  it("the book's names (any case), Glorot's, and a plain number", () => {
    assert.equal(weightInitStd("xavier", 100, 50), Math.sqrt(1 / 100));
    assert.equal(weightInitStd("Sigmoid", 100, 50), Math.sqrt(1 / 100));
    assert.equal(weightInitStd("he", 100, 50), Math.sqrt(2 / 100));
    assert.equal(weightInitStd("ReLU", 100, 50), Math.sqrt(2 / 100));
    assert.equal(weightInitStd("GLOROT", 100, 50), Math.sqrt(2 / 150));
    assert.equal(weightInitStd(0.01, 100, 50), 0.01);
    assert.deepEqual(WEIGHT_INIT_NAMES, ["xavier", "sigmoid", "glorot", "he", "relu"]);
  });

  it("an unknown name lists the valid ones; a std must be finite and > 0", () => {
    assert.throws(() => weightInitStd("lecun", 3, 3), (e: Error) =>
      e instanceof ArgumentError && e.message === 'weightInitStd: expected a number > 0 or one of xavier, sigmoid, glorot, he, relu, got "lecun"');
    for (const bad of [0, -0.01, NaN, Infinity]) {
      assert.throws(() => weightInitStd(bad, 3, 3), /^ArgumentError: weightInitStd: expected a finite standard deviation > 0/);
    }
    assert.throws(() => weightInitStd("he", 0, 3), /nIn: expected an integer >= 1, got 0/);
  });
});

describe("initWeight", () => {
  it("nIn × nOut samples of N(0, std²) from the RNG, reproducible by seed", () => {
    const W = initWeight("he", 300, 200, new RNG(1));
    assert.deepEqual(W.shape, [300, 200]);
    assert.deepEqual(initWeight("he", 300, 200, new RNG(1)).data, W.data);
    // 60 000 samples: the sample std has relative s.e. 1/√(2N) ≈ 0.3 %, the mean s.e. σ/√N.
    const std = Math.sqrt(2 / 300);
    let mean = 0;
    for (const v of W.data) mean += v;
    mean /= W.size;
    assert.ok(Math.abs(mean) < 4 * std / Math.sqrt(W.size), `mean ${mean}`);
    assert.ok(Math.abs(Math.sqrt(sumSquares(W) / W.size) / std - 1) < 4 * 0.003);
  });

  it("needs an RNG", () => {
    assert.throws(() => initWeight("he", 2, 2, undefined as never), /rng: expected an RNG/);
  });
});
