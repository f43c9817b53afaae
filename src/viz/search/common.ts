/** Shared bits of the search plots: sampler colours, Japanese labels, number text. */
import { ArgumentError } from "../../core/errors";
import type { FrozenTrial } from "../../search/trial";

export const SAMPLER_COLORS: Record<string, string> = {
  random: "#1f77b4",
  grid: "#ff7f0e",
  bayes: "#2ca02c",
};

export const SAMPLER_LABELS: Record<string, string> = {
  random: "ランダムサーチ",
  grid: "グリッドサーチ",
  bayes: "ベイズ最適化 (GP+EI)",
};

export const PARAM_LABELS: Record<string, string> = {
  lr: "学習係数 lr",
  weightDecay: "重み減衰 λ",
};

export const paramLabel = (name: string): string => PARAM_LABELS[name] ?? name;
export const samplerColor = (name: string, i = 0): string =>
  SAMPLER_COLORS[name] ?? ["#9467bd", "#8c564b", "#e377c2", "#7f7f7f"][i % 4];
export const samplerLabel = (name: string): string => SAMPLER_LABELS[name] ?? name;

/** 1.2e-5 style text for hover labels and tick text. */
export function sci(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String(v);
  return v === 0 ? "0" : v.toExponential(digits - 1).replace("e-", "e−");
}

/** Throws unless `trials` is an array of trials (the plots accept study.trials as is). */
export function checkTrials(trials: unknown, name = "trials"): asserts trials is FrozenTrial[] {
  if (!Array.isArray(trials)) throw new ArgumentError(name, "an array of finished trials (study.trials)", trials);
  trials.forEach((t, i) => {
    if (t === null || typeof t !== "object" || typeof (t as FrozenTrial).number !== "number" || typeof (t as FrozenTrial).params !== "object") {
      throw new ArgumentError(`${name}[${i}]`, "a trial { number, params, state, score }", t);
    }
  });
}
