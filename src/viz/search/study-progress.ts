/**
 * A live progress line for a study: "ランダムサーチ 7/12 試行, 最良 0.81, 12 s".
 * Pass `onTrial` to optimize()/runHpoStudy(); trials loaded from a log count too.
 */
import { progress } from "../progress";
import type { FrozenTrial } from "../../search/trial";

export function studyProgress(label: string, total: number): {
  onTrial: (t: FrozenTrial, info: { resumed: boolean; trials: readonly FrozenTrial[] }) => void;
  done: () => void;
} {
  const p = progress(label, total, { unit: "試行" });
  let best = -Infinity;
  let count = 0;
  let resumed = 0;
  const fields = (): Record<string, number | string> => {
    const f: Record<string, number | string> = {};
    if (best > -Infinity) f["最良"] = best;
    if (resumed) f["ログから再開"] = resumed;
    return f;
  };
  return {
    onTrial: (t, info) => {
      count++;
      if (info.resumed) resumed++;
      if (t.state === "complete" && t.score !== null && t.score > best) best = t.score;
      p.update(Math.min(count, total), fields());
    },
    done: () => p.done(fields()),
  };
}
