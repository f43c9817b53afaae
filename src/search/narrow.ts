/**
 * Coarse-to-fine search (粗い探索から細かい探索へ): after a first random search
 * over a wide range, keep the range the best trials span (plus a margin) and
 * search again inside it. The book's advice in 6.5.3: start wide, look at
 * the results, narrow the range, repeat.
 *
 * narrowSpace works per parameter on the unit axis (log10 for log-scale
 * parameters, see space.ts): [min, max] of the top-k trials, widened by
 * `margin` (a fraction of the ORIGINAL axis length) on both sides, clipped to
 * the original range.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { type SearchSpace, unitToValue, validateSearchSpace, valueToUnit } from "./space";
import { type FrozenTrial, isComplete } from "./trial";

export interface NarrowOptions {
  /** How many of the best complete trials define the new range (default 5). */
  top?: number;
  /** Extra room on each side, as a fraction of the original axis (default 0.05). */
  margin?: number;
}

export function narrowSpace(space: SearchSpace, trials: readonly FrozenTrial[], { top = 5, margin = 0.05 }: NarrowOptions = {}): SearchSpace {
  const s = validateSearchSpace(space);
  assertInteger("top", top, 1);
  if (!(margin >= 0 && margin < 1)) throw new ArgumentError("margin", "a fraction in [0, 1)", margin);
  const done = trials.filter(isComplete).sort((a, b) => b.score - a.score);
  if (done.length < top) throw new ArgumentError("trials", `at least ${top} complete trials to narrow from`, `${done.length}`);
  const best = done.slice(0, top);
  const out: SearchSpace = {};
  for (const [name, d] of Object.entries(s)) {
    const u = best.map((t) => {
      if (typeof t.params[name] !== "number") throw new ArgumentError(`trials[${t.number}].params.${name}`, "a number", t.params[name]);
      return valueToUnit(d, t.params[name]);
    });
    const lo = Math.max(0, Math.min(...u) - margin), hi = Math.min(1, Math.max(...u) + margin);
    out[name] = { low: unitToValue(d, lo), high: unitToValue(d, hi), ...(d.log ? { log: true } : {}) };
  }
  return out;
}
