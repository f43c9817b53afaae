/**
 * Two equivalences of §6.4, checked with numbers on the book's network
 * (784 → 100 × 6 → 10, the 300 training images):
 *
 * 1. penaltyGradientCheck — the engine's test replayed: with the penalty in
 *    the loss, backprop returns exactly the plain gradient plus λW (L2) or
 *    plus λ₁·sign(W) (L1), the loss grows by ½λΣ‖W‖² (λ₁Σ|W|), and central
 *    differences of the penalised loss agree at a few sampled weights.
 *
 * 2. decoupledVsLossDecay — for SGD, λW in the gradient and the decoupled step
 *    W ← W − ηλW are the same update (up to rounding); for Adam they are not:
 *    Adam divides the λW it finds in the gradient by √v, so the decay of each
 *    weight depends on its gradient history. AdamW (Loshchilov & Hutter)
 *    applies W ← W − ηλW outside Adam. Both runs of a pair share initial
 *    weights and mini-batches; only the place of the decay differs.
 */
import { assertFinite, assertInteger, assertPositive } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { sliceRows } from "../../core/ops";
import { RNG } from "../../core/rng";
import { relativeError } from "../../nn/gradient";
import { MultiLayerNet } from "../../nn/multi-layer-net";
import type { Params } from "../../nn/types";
import { weightKeys } from "../../nn/weight-keys";
import { DecoupledWeightDecay } from "../../optim/decoupled-weight-decay";
import { createOptimizer } from "../../optim/registry";
import { TrainingLoop } from "../../train/loop";
import { MiniBatch } from "../../train/mini-batch";
import { byBudget, currentBudget, type Budget } from "../../core/budget";
import { overfitData } from "./overfit";
import { weightSumSquares } from "./weights";
import { regularizationSettings } from "./settings";

const NET = { inputSize: 784, hiddenSizeList: [100, 100, 100, 100, 100, 100], outputSize: 10 } as const;

function maxAbs(f: (k: string, i: number) => number, params: Params, keys: string[]): number {
  let m = 0;
  for (const k of keys) for (let i = 0; i < params[k].size; i++) m = Math.max(m, Math.abs(f(k, i)));
  return m;
}

function cloneAll(p: Params): Params {
  const out: Params = {};
  for (const k of Object.keys(p)) out[k] = p[k].clone();
  return out;
}

export interface PenaltyCheck {
  kind: "L2" | "L1";
  strength: number;
  /** loss(with penalty) − loss(without), and the penalty ½λΣ‖W‖² / λ₁Σ|W|. */
  lossDifference: number;
  penalty: number;
  /** max |∂L_pen/∂W − ∂L/∂W − λW| (or − λ₁·sign(W)) over every weight. */
  maxWeightGradError: number;
  /** Largest |λW| (or λ₁) — the size of what was added, for scale. */
  maxPenaltyGrad: number;
  /** max |∂L_pen/∂b − ∂L/∂b|: biases are not regularised. */
  maxBiasGradChange: number;
}

export interface SpotCheck {
  kind: "L2" | "L1";
  param: string;
  index: number;
  backprop: number;
  numerical: number;
  /** |a − b| / (|a| + |b|). */
  relativeError: number;
}

export interface PenaltyGradientCheckResult {
  seed: number;
  batchSize: number;
  checks: PenaltyCheck[];
  spots: SpotCheck[];
}

export function penaltyGradientCheck(options: { seed?: number; lambda?: number; l1?: number; batchSize?: number; spots?: number } = {}): PenaltyGradientCheckResult {
  const { seed = 0, lambda = 0.1, l1 = 0.01, batchSize = 100, spots = 6 } = options;
  assertInteger("seed", seed, 0);
  assertPositive("lambda", lambda);
  assertPositive("l1", l1);
  assertInteger("batchSize", batchSize, 1, 300);
  assertInteger("spots", spots, 0, 100);
  const data = overfitData(300, 500);
  const x = sliceRows(data.xTrain, 0, batchSize), t = data.tTrain.subarray(0, batchSize);
  const make = (o: { weightDecayLambda?: number; weightDecayL1?: number }) => new MultiLayerNet({ ...NET, hiddenSizeList: [...NET.hiddenSizeList], ...o, rng: new RNG(seed) });
  const plain = make({});
  const g0 = cloneAll(plain.gradient(x, t));
  const loss0 = plain.loss(x, t);
  const checks: PenaltyCheck[] = [];
  const spotList: SpotCheck[] = [];
  const pick = new RNG(seed + 1);
  for (const kind of ["L2", "L1"] as const) {
    const strength = kind === "L2" ? lambda : l1;
    const net = kind === "L2" ? make({ weightDecayLambda: lambda }) : make({ weightDecayL1: l1 });
    const g = cloneAll(net.gradient(x, t));
    const P = net.params;
    const wk = weightKeys(P), bk = Object.keys(P).filter((k) => k.startsWith("b"));
    const added = (k: string, i: number) => (kind === "L2" ? lambda * P[k].data[i] : l1 * Math.sign(P[k].data[i]));
    let penalty = 0;
    for (const k of wk) for (const w of P[k].data) penalty += kind === "L2" ? 0.5 * lambda * w * w : l1 * Math.abs(w);
    checks.push({
      kind, strength,
      lossDifference: net.loss(x, t) - loss0,
      penalty,
      maxWeightGradError: maxAbs((k, i) => g[k].data[i] - g0[k].data[i] - added(k, i), P, wk),
      maxPenaltyGrad: maxAbs(added, P, wk),
      maxBiasGradChange: maxAbs((k, i) => g[k].data[i] - g0[k].data[i], P, bk),
    });
    // Central differences of the penalised loss at a few weights (W1, the middle, the last layer).
    // h = 1e-5, smaller than the book's 1e-4: a step may move some unit of the batch across
    // ReLU's kink (and L1's at w = 0), where the difference quotient is not the derivative;
    // the chance shrinks with h, while rounding (≈ ε·|loss|/h ≈ 1e-9) stays far below the gradients.
    const h = 1e-5;
    for (let s = 0; s < spots; s++) {
      const param = wk[[0, 3, wk.length - 1][s % 3]];
      const m = P[param];
      let index = pick.integer(0, m.size);
      while (Math.abs(m.data[index]) <= h) index = pick.integer(0, m.size); // L1: stay off the kink
      const w = m.data[index];
      m.data[index] = w + h;
      const up = net.loss(x, t);
      m.data[index] = w - h;
      const down = net.loss(x, t);
      m.data[index] = w;
      const numerical = (up - down) / (2 * h);
      const backprop = g[param].data[index];
      spotList.push({
        kind, param, index, backprop, numerical,
        relativeError: relativeError(Matrix.from([[backprop]]), Matrix.from([[numerical]])),
      });
    }
  }
  return { seed, batchSize, checks, spots: spotList };
}

export interface DecayPairRun {
  optimizer: "sgd" | "adam";
  mode: "loss" | "decoupled";
  label: string;
  /** Σ‖W‖² after each recorded update. */
  weightNorm2: number[];
  /** Per layer ‖W_l‖ at the end. */
  layerNorms: number[];
  trainAcc: number;
  testAcc: number;
}

export interface DecoupledVsLossDecayResult {
  budget: Budget;
  seed: number;
  lambda: number;
  lr: { sgd: number; adam: number };
  /** Updates after which weights were compared (every 3rd, i.e. per epoch). */
  updates: number[];
  runs: DecayPairRun[];
  /** ‖W_loss − W_decoupled‖ / ‖W_loss‖ over all weights, per recorded update, per optimizer. */
  relativeDifference: { sgd: number[]; adam: number[] };
}

export function decoupledVsLossDecay(options: { budget?: Budget; seed?: number; lambda?: number; updates?: number; sgdLr?: number; adamLr?: number } = {}): DecoupledVsLossDecayResult {
  const budget = options.budget ?? currentBudget();
  const s = regularizationSettings(budget);
  const { seed = 0, lambda = s.bookLambda, updates = byBudget(budget, 30, 600), sgdLr = 0.01, adamLr = 0.001 } = options;
  assertInteger("seed", seed, 0);
  assertFinite("lambda", lambda);
  assertPositive("lambda", lambda);
  assertInteger("updates", updates, 1);
  assertPositive("sgdLr", sgdLr);
  assertPositive("adamLr", adamLr);
  const data = overfitData(300, s.testSize);
  const runs: DecayPairRun[] = [];
  const rel = { sgd: [] as number[], adam: [] as number[] };
  const recorded: number[] = [];
  for (const opt of ["sgd", "adam"] as const) {
    const lr = opt === "sgd" ? sgdLr : adamLr;
    const nets = (["loss", "decoupled"] as const).map((mode) => ({
      mode,
      net: new MultiLayerNet({ ...NET, hiddenSizeList: [...NET.hiddenSizeList], weightDecayLambda: mode === "loss" ? lambda : 0, rng: new RNG(seed) }),
      // decoupled: AdamW's W ← W − ηλW before the step (PyTorch order)
      optimizer: mode === "loss" ? createOptimizer(opt, { lr }) : new DecoupledWeightDecay(createOptimizer(opt, { lr }), { weightDecay: lambda }),
      norms: [] as number[],
    }));
    const record = (update: number) => {
      if (opt === "sgd") recorded.push(update);
      for (const r of nets) r.norms.push(weightSumSquares(r.net.params));
      const [a, b] = nets.map((r) => r.net.params);
      let diff = 0;
      for (const k of weightKeys(a)) for (let j = 0; j < a[k].size; j++) diff += (a[k].data[j] - b[k].data[j]) ** 2;
      rel[opt].push(Math.sqrt(diff / weightSumSquares(a)));
    };
    // Compared once per epoch of 3 updates (after updates 1, 4, 7, …) and after the last update.
    let last = 0;
    new TrainingLoop({
      batch: new MiniBatch(data.xTrain, data.tTrain, 100), rng: new RNG(seed).fork(), maxIter: updates,
      step: (x, t) => {
        for (const r of nets) r.optimizer.update(r.net.params, r.net.gradient(x, t));
      },
      onEpoch: (_epoch, i) => record((last = i + 1)),
    }).run();
    if (last !== updates) record(updates);
    for (const r of nets) {
      runs.push({
        optimizer: opt, mode: r.mode,
        label: `${opt === "sgd" ? "SGD" : "Adam"} + ${r.mode === "loss" ? "損失に ½λ‖W‖²" : "分離した減衰 (W ← W − ηλW)"}`,
        weightNorm2: r.norms,
        layerNorms: weightKeys(r.net.params).map((k) => Math.sqrt(r.net.params[k].data.reduce((a2, w) => a2 + w * w, 0))),
        trainAcc: r.net.accuracy(data.xTrain, data.tTrain),
        testAcc: r.net.accuracy(data.xTest, data.tTest),
      });
    }
  }
  return { budget, seed, lambda, lr: { sgd: sgdLr, adam: adamLr }, updates: recorded, runs, relativeDifference: rel };
}
