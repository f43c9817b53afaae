/**
 * The numeric check of the derivation Var[a] = n · Var[w] · E[x²]
 * (a = Σᵢ wᵢ xᵢ, n inputs, w zero-mean and independent of x):
 *
 *   measured   np.var(a) of each layer in the histogram network
 *   formula    n · σ² · E[x²] with E[x²] measured on that layer's input
 *   theory     the closed form from the Gaussian input alone (Var[x] = 1):
 *                linear   Var[a_l] = (nσ²)^l
 *                ReLU     Var[a_l] = nσ² · (nσ²/2)^(l−1)   since E[ReLU(a)²] = Var[a]/2
 *              (none for sigmoid / tanh: their E[z²] has no simple closed form)
 *
 * Xavier (σ² = 1/n) makes nσ² = 1: linear layers keep the variance. He
 * (σ² = 2/n) makes nσ²/2 = 1: ReLU layers keep it.
 */
import { assertInteger } from "../../core/errors";
import type { WeightInit } from "../../nn/init";
import { forwardActivations } from "./activations";
import { initKey, initLabel, type InitActivation } from "./common";
import { forwardStats } from "./layer-stats";

export interface VarianceLayer {
  layer: number;
  measured: number;
  formula: number;
  theory: number | null;
}

export interface VarianceCase {
  activation: InitActivation;
  initKey: string;
  initLabel: string;
  weightStd: number;
  /** How many seeds `measured` and `formula` are the mean of. */
  runs: number;
  layers: VarianceLayer[];
}

export const VARIANCE_CASES: readonly { activation: InitActivation; init: WeightInit }[] = [
  { activation: "linear", init: 1 },
  { activation: "linear", init: "xavier" },
  { activation: "relu", init: "xavier" },
  { activation: "relu", init: "he" },
  { activation: "tanh", init: "xavier" },
  { activation: "sigmoid", init: "xavier" },
];

/** Closed-form Var[a_l] for a unit-variance Gaussian input, or null. */
export function theoreticalPreVar(activation: InitActivation, n: number, std: number, layer: number): number | null {
  const g = n * std * std;
  if (activation === "linear") return g ** layer;
  if (activation === "relu") return g * (g / 2) ** (layer - 1);
  return null;
}

export interface VarianceOptions {
  seed?: number;
  /**
   * Runs averaged (seeds seed, seed+1, …; default 1). The formula holds in
   * expectation over the weights; one draw of 100 × 100 weights scatters
   * the measured variance by roughly ±10 % per layer.
   */
  runs?: number;
  cases?: readonly { activation: InitActivation; init: WeightInit | string }[];
  nodeNum?: number;
}

export function varianceCheck(options: VarianceOptions = {}): VarianceCase[] {
  const { seed = 0, runs = 1, cases = VARIANCE_CASES, nodeNum = 100 } = options;
  assertInteger("seed", seed, 0);
  assertInteger("runs", runs, 1);
  return cases.map(({ activation, init }) => {
    const all = Array.from({ length: runs }, (_, r) => forwardActivations({ init, activation, seed: seed + r, nodeNum }));
    const stats = all.map(forwardStats);
    const mean = (f: (r: number) => number): number => stats.reduce((s, _, r) => s + f(r), 0) / runs;
    const run = all[0];
    return {
      activation,
      initKey: initKey(run.init),
      initLabel: initLabel(run.init),
      weightStd: run.weightStd,
      runs,
      layers: stats[0].map((s, l) => ({
        layer: s.layer,
        measured: mean((r) => stats[r][l].preVar),
        formula: mean((r) => stats[r][l].predictedPreVar),
        theory: theoreticalPreVar(activation, nodeNum, run.weightStd, s.layer),
      })),
    };
  });
}
