/**
 * Running the TypeScript twin of an update rule (its `ts` text, exactly as
 * the sheet prints it) and comparing it with the engine's optimizer.
 */
import { randomRun, runOptimizer } from "../rule-check";
import { UPDATE_RULES, type UpdateRule } from "./update-rules";

/** The parameters after the twin's steps on `W0` with `grads` (state zero at the start). */
export function runTsTwin(rule: UpdateRule, W0: ArrayLike<number>, grads: ArrayLike<number>[]): Float64Array {
  const hyper = Object.keys(rule.hyper);
  const step = new Function("W", "grad", ...rule.state, "t", ...hyper, `${rule.ts}\nreturn t;`) as (...a: unknown[]) => number;
  const W = Float64Array.from(W0);
  const state = rule.state.map(() => new Float64Array(W.length));
  let t = 0;
  for (const g of grads) t = step(W, Float64Array.from(g), ...state, t, ...hyper.map((h) => rule.hyper[h].value));
  return W;
}

/** A type alias (not an interface) so that rows fit viz.table's Record<string, unknown>. */
export type TwinCheck = {
  手法: string;
  "エンジンとの最大誤差": number;
  一致: string;
};

/** For every rule: max |TS twin − engine| after 4 steps on random 3×4 parameters. */
export function twinChecks(seed = 67): TwinCheck[] {
  return UPDATE_RULES.map((rule) => {
    const run = randomRun(seed);
    const expected = runOptimizer(rule.engine(), run).data;
    const got = runTsTwin(rule, run.p0.data, run.grads.map((g) => g.data));
    const err = got.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i])), 0);
    return { 手法: rule.name, "エンジンとの最大誤差": err, 一致: err <= 1e-12 ? "〇" : "×" };
  });
}
