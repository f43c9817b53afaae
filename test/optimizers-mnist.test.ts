/**
 * 6.1 on MNIST (book figure 6-9): the FAST comparison on a fixed seed ranks the
 * adaptive methods below SGD in final loss, the run is deterministic, and the
 * CLI output carries budget, seed, iterations and per-optimizer loss/accuracies.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cli, compareOptimizersMnist, optimizersMnistDefaults } from "../src/experiments/optimizers/mnist";

const tail = (xs: number[], n = 20) => xs.slice(-n).reduce((a, b) => a + b, 0) / n;

describe("optimizers-mnist (FAST, seed 0)", () => {
  const r = compareOptimizersMnist({ budget: "fast", seed: 0, seeds: 1 });

  it("uses the FAST budget and records one loss per iteration for each of the six optimizers", () => {
    const d = optimizersMnistDefaults("fast");
    assert.equal(r.iterations, d.iterations);
    assert.deepEqual(Object.keys(r.optimizers), ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"]);
    for (const s of Object.values(r.optimizers)) {
      assert.equal(s!.loss.length, r.iterations);
      assert.ok(s!.loss.every(Number.isFinite));
      assert.ok(s!.trainAcc > 0.1 && s!.trainAcc <= 1 && s!.testAcc > 0.1 && s!.testAcc <= 1);
    }
    assert.deepEqual(r.optimizers.Adam!.hyperparams, { lr: 0.001, beta1: 0.9, beta2: 0.999 });
  });

  it("AdaGrad, RMSprop and Adam end with a lower loss than SGD (mean of the last 20 iterations)", () => {
    const sgd = tail(r.optimizers.SGD!.loss);
    for (const name of ["AdaGrad", "RMSprop", "Adam"] as const) {
      assert.ok(tail(r.optimizers[name]!.loss) < sgd, `${name} ${tail(r.optimizers[name]!.loss)} < SGD ${sgd}`);
    }
    assert.ok(r.optimizers.Adam!.testAcc > r.optimizers.SGD!.testAcc);
  });
});

describe("optimizers-mnist: determinism and CLI", () => {
  it("the same seed gives the same losses; another seed does not", () => {
    const o = { budget: "fast" as const, iterations: 3, optimizers: ["SGD", "adam"], trainAccSize: 50, testSize: 50, seeds: 1 };
    const a = compareOptimizersMnist({ ...o, seed: 7 });
    const b = compareOptimizersMnist({ ...o, seed: 7 });
    const c = compareOptimizersMnist({ ...o, seed: 8 });
    assert.deepEqual(a.optimizers.Adam!.loss, b.optimizers.Adam!.loss);
    assert.notDeepEqual(a.optimizers.Adam!.loss, c.optimizers.Adam!.loss);
  });

  it("the CLI prints budget, seed, iterations and optimizers.<name>.{loss, trainAcc, testAcc}", async () => {
    const out = (await cli.run({ seed: 3, seeds: 2, iterations: 2, optimizers: ["SGD", "Momentum"], trainAccSize: 20, testSize: 20 })) as {
      budget: string; seed: number; seeds: number[]; iterations: number; optimizers: Record<string, { loss: number[]; trainAcc: number; testAcc: number; runs: { loss: number[] }[] }>;
    };
    assert.ok(out.budget === "fast" || out.budget === "full");
    assert.equal(out.seed, 3);
    assert.deepEqual(out.seeds, [3, 4]);
    assert.equal(out.iterations, 2);
    const sgd = out.optimizers.SGD;
    assert.equal(sgd.loss.length, 2);
    assert.equal(sgd.loss[1], (sgd.runs[0].loss[1] + sgd.runs[1].loss[1]) / 2);
    assert.ok(typeof sgd.trainAcc === "number" && typeof sgd.testAcc === "number");
    assert.throws(() => compareOptimizersMnist({ iterations: 1, optimizers: ["Adadelta"] }), /optimizer: expected one of/);
  });
});
