/**
 * Tables of the sampler comparison (random vs grid vs BO), for the live run
 * and for the FULL record: best validation accuracy after a quarter, half and
 * all of the trials, its spread over seeds, and the time per trial.
 */
import { bestSoFarByTrialInfo, type SamplerRuns } from "./compare";
import { samplerLabel } from "./common";
import { bestTrial } from "../../search/trial";

const meanAt = (mean: number[], q: number): number => mean[Math.max(0, Math.ceil(q * mean.length) - 1)];

export function compareTableRows(groups: SamplerRuns[]): Record<string, unknown>[] {
  const bands = bestSoFarByTrialInfo(groups);
  return groups.map((g, i) => {
    const b = bands[i];
    const n = b.x.length;
    const trials = g.runs.flat();
    const samplerS = trials.reduce((s, t) => s + (t.samplerMs ?? 0), 0) / 1000;
    const objS = trials.reduce((s, t) => s + t.durationMs, 0) / 1000;
    return {
      手法: samplerLabel(g.sampler),
      [`${Math.ceil(n / 4)} 試行後`]: meanAt(b.mean, 0.25),
      [`${Math.ceil(n / 2)} 試行後`]: meanAt(b.mean, 0.5),
      [`${n} 試行後`]: meanAt(b.mean, 1),
      "最終の最小〜最大": `${b.lower[n - 1].toFixed(2)}〜${b.upper[n - 1].toFixed(2)}`,
      "点を選ぶ時間 [s/試行]": samplerS / trials.length,
      "学習の時間 [s/試行]": objS / trials.length,
    };
  });
}

export interface BestPerSeed {
  sampler: string;
  /** Best validation accuracy of each seed's study (each seed has its own validation split). */
  bests: number[];
  mean: number;
  min: number;
  max: number;
}

/** Each study's best score, per sampler: the spread one unseeded search like the book's can land in. */
export function bestPerSeed(groups: SamplerRuns[]): BestPerSeed[] {
  return groups.map((g) => {
    const bests = g.runs.map((r) => bestTrial(r)?.score ?? NaN);
    return {
      sampler: g.sampler,
      bests,
      mean: bests.reduce((a, b) => a + b, 0) / bests.length,
      min: Math.min(...bests),
      max: Math.max(...bests),
    };
  });
}
