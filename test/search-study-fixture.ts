/** The study shared by test/search-study.test.ts and its child process. */
import { BayesSampler } from "../src/search/bayes-sampler";
import type { Objective } from "../src/search/study";
import type { Params, SearchSpace } from "../src/search/space";

export const fixtureSpace: SearchSpace = {
  lr: { low: 1e-6, high: 1e-2, log: true },
  weightDecay: { low: 1e-8, high: 1e-4, log: true },
};

/** A cheap deterministic score peaking at lr = 1e-3, weight decay = 1e-6 (+ a seed-dependent wobble). */
export function fakeScore(p: Params, seed: number): number {
  const a = Math.log10(p.lr) + 3;
  const b = Math.log10(p.weightDecay) + 6;
  return 0.9 - 0.05 * a * a - 0.01 * b * b + ((seed % 1000) / 1000) * 0.01;
}

export function studyFixture() {
  return {
    space: fixtureSpace,
    sampler: new BayesSampler({ nInitial: 3 }),
    nTrials: 12,
    seed: 42,
    onMessage: () => {},
    objective: ((p, t) => fakeScore(p, t.seed)) as Objective,
    slowObjective(delayMs: number): Objective {
      return (p, t) => new Promise((resolve) => setTimeout(() => resolve(fakeScore(p, t.seed)), delayMs));
    },
  };
}
