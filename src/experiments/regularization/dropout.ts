/**
 * Dropout's expectation argument, checked numerically on the engine's Dropout
 * layer. With drop probability p and a unit's input x:
 *   book form      train: x·m, m ~ Bernoulli(1 − p)      E = (1 − p)x;  test: (1 − p)x
 *   inverted form  train: x·m/(1 − p)                    E = x;         test: x
 * In both forms the expected training output equals the test output. For each
 * form, `samples` masks are drawn for one fixed input row; the mean training
 * output per unit is compared with the test output in units of its standard
 * error √(Var/samples) (|z| stays below ~4 for 200 units when the claim holds).
 */
import { assertInRange, assertInteger } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { Dropout, DROPOUT_FORMS, type DropoutForm } from "../../nn/dropout";

export interface DropoutFormCheck {
  form: DropoutForm;
  /** The constant the test-time forward multiplies by: 1 − p (book) or 1 (inverted). */
  testScale: number;
  /** The constant a kept unit is multiplied by in training: 1 (book) or 1/(1 − p) (inverted). */
  keepScale: number;
  /** Per unit: mean over the masks of the training output, and the test output. */
  trainMean: number[];
  test: number[];
  /** Largest |trainMean − test| / standard error over the units. */
  maxZ: number;
  /** Σ trainMean / Σ test (1 when the expectations agree). */
  ratio: number;
  /** Share of units kept, over all masks (≈ 1 − p). */
  keptFraction: number;
}

export interface DropoutExpectationCheck {
  ratio: number;
  samples: number;
  units: number;
  seed: number;
  /** The input row (ReLU of a standard normal, like a hidden layer's output). */
  x: number[];
  forms: DropoutFormCheck[];
}

export function dropoutExpectationCheck(options: { ratio?: number; samples?: number; units?: number; seed?: number } = {}): DropoutExpectationCheck {
  const { ratio = 0.2, samples = 10_000, units = 200, seed = 0 } = options;
  assertInRange("ratio", ratio, 0, 1);
  assertInteger("samples", samples, 2);
  assertInteger("units", units, 1);
  assertInteger("seed", seed, 0);
  const rng = new RNG(seed);
  const xRow = new Matrix(1, units);
  for (let j = 0; j < units; j++) xRow.data[j] = Math.max(0, rng.normal()) + 0.1; // positive activations
  const forms = DROPOUT_FORMS.map((form): DropoutFormCheck => {
    const layer = new Dropout({ dropoutRatio: ratio, form, rng: rng.fork() });
    // All masks at once: `samples` copies of the row, one forward in training mode.
    const xs = new Matrix(samples, units);
    for (let i = 0; i < samples; i++) xs.data.set(xRow.data, i * units);
    const out = layer.forward(xs, true);
    let kept = 0;
    const sum = new Float64Array(units), sq = new Float64Array(units);
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < units; j++) {
        const v = out.data[i * units + j];
        sum[j] += v;
        sq[j] += v * v;
        kept += +(layer.mask[i * units + j] !== 0);
      }
    }
    const test = Array.from(layer.forward(xRow, false).data);
    const trainMean = Array.from(sum, (s) => s / samples);
    let maxZ = 0;
    for (let j = 0; j < units; j++) {
      const variance = sq[j] / samples - trainMean[j] ** 2;
      const se = Math.sqrt(Math.max(variance, 0) / samples);
      const diff = Math.abs(trainMean[j] - test[j]);
      maxZ = Math.max(maxZ, se > 0 ? diff / se : diff === 0 ? 0 : Infinity);
    }
    const total = (a: number[]): number => a.reduce((acc, v) => acc + v, 0);
    return {
      form, testScale: layer.testScale, keepScale: form === "book" ? 1 : 1 / (1 - ratio),
      trainMean, test, maxZ, ratio: total(trainMean) / total(test), keptFraction: kept / (samples * units),
    };
  });
  return { ratio, samples, units, seed, x: Array.from(xRow.data), forms };
}
