/**
 * Why the initial weights must not all be equal (the book's 「重みを均一な値に
 * 設定すると…すべての重みの値が均一に更新されてしまう」): a tiny net
 * 4 → 3 (sigmoid) → 2 trained with SGD from (a) all zeros, (b) all 0.5,
 * (c) random Xavier weights. In (a) and (b) the three hidden units receive the
 * same gradient at every step and stay copies of each other for ever.
 */
import { assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import { SGD } from "../../optim/sgd";

export interface SymmetryCase {
  key: "zeros" | "constant" | "random";
  label: string;
  /** W1 (4 × 3): column j holds the input weights of hidden unit j. */
  W1Initial: number[][];
  W1Final: number[][];
  /** Hidden activations of the first 3 samples after training (3 × 3). */
  hiddenFinal: number[][];
  /** Per step (0 = before training): max over inputs of (max − min over hidden units) of W1. 0 = all units identical. */
  spread: number[];
  /** Training loss per step (0 = before training). */
  loss: number[];
  /** Training accuracy after the last step. */
  accuracy: number;
}

export interface SymmetryOptions {
  seed?: number;
  steps?: number;
  lr?: number;
  /** Samples of the toy problem (label = 1 when x₀·x₁ > 0, an XOR that one hidden unit cannot separate). */
  samples?: number;
}

function columnSpread(W: Matrix): number {
  let worst = 0;
  for (let i = 0; i < W.rows; i++) {
    const row = W.rowView(i);
    worst = Math.max(worst, Math.max(...row) - Math.min(...row));
  }
  return worst;
}

function hiddenOf(net: MultiLayerNet, x: Matrix, rows: number): number[][] {
  const W1 = net.params.W1, b1 = net.params.b1;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const h: number[] = [];
    for (let j = 0; j < W1.cols; j++) {
      let a = b1.data[j];
      for (let k = 0; k < W1.rows; k++) a += x.get(i, k) * W1.get(k, j);
      h.push(1 / (1 + Math.exp(-a)));
    }
    out.push(h);
  }
  return out;
}

export function symmetryDemo(options: SymmetryOptions = {}): SymmetryCase[] {
  const { seed = 0, steps = 1000, lr = 1, samples = 64 } = options;
  assertInteger("seed", seed, 0);
  assertInteger("steps", steps, 0);
  assertPositive("lr", lr);
  assertInteger("samples", samples, 3);

  const rng = new RNG(seed);
  const x = Matrix.randn(samples, 4, rng);
  const t = new Int32Array(samples);
  for (let i = 0; i < samples; i++) t[i] = +(x.get(i, 0) * x.get(i, 1) > 0);

  const cases: [SymmetryCase["key"], string, number | null][] = [
    ["zeros", "すべて 0", 0],
    ["constant", "すべて 0.5", 0.5],
    ["random", "ランダム (Xavier)", null],
  ];
  return cases.map(([key, label, value]) => {
    const net = new MultiLayerNet({
      inputSize: 4, hiddenSizeList: [3], outputSize: 2, activation: "sigmoid", weightInitStd: "xavier", rng: new RNG(seed + 1),
    });
    if (value !== null) {
      net.params.W1.data.fill(value);
      net.params.W2.data.fill(value);
    }
    const W1Initial = net.params.W1.toArray();
    const opt = new SGD({ lr });
    const spread = [columnSpread(net.params.W1)];
    const loss = [net.loss(x, t)];
    for (let s = 0; s < steps; s++) {
      opt.update(net.params, net.gradient(x, t));
      spread.push(columnSpread(net.params.W1));
      loss.push(net.loss(x, t));
    }
    return {
      key, label, W1Initial, W1Final: net.params.W1.toArray(), hiddenFinal: hiddenOf(net, x, 3), spread, loss,
      accuracy: net.accuracy(x, t),
    };
  });
}
