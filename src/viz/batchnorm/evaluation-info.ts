/**
 * The slides' evaluation (std 0.05, 1.0, 0.0001, plus He) as table rows: how
 * fast each net learns, how far it gets, and the train − test gap (過学習).
 */
import type { EvaluationResult } from "../../experiments/batchnorm/evaluation";
import { WITHOUT_BN, WITH_BN } from "./colors";

/** A type alias (not an interface) so it passes as a table row (Record<string, unknown>). */
export type EvaluationRow = {
  init: string;
  bn: string;
  /** First epoch with mean train accuracy ≥ 0.5; "—" when never. */
  takeoff: string;
  finalTrain: number;
  finalTest: number;
  /** finalTrain − finalTest. */
  gap: number;
  diverged: string;
};

/** Column headers for table(rows, { labels }). */
export const EVALUATION_LABELS: Record<keyof EvaluationRow, string> = {
  init: "初期値",
  bn: "BN",
  takeoff: "訓練精度 0.5 到達 epoch",
  finalTrain: "最終の訓練精度",
  finalTest: "最終のテスト精度",
  gap: "差（訓練 − テスト）",
  diverged: "発散",
};

export function evaluationRows(r: EvaluationResult): EvaluationRow[] {
  return r.settings.flatMap((s) =>
    ([[WITH_BN, s.withBN], [WITHOUT_BN, s.withoutBN]] as const).map(([bn, c]) => ({
      init: s.label,
      bn,
      takeoff: c.takeoffEpoch === null ? "—（届かない）" : String(c.takeoffEpoch),
      finalTrain: c.finalTrain,
      finalTest: c.finalTest,
      gap: c.gap,
      diverged: c.diverged ? `${c.diverged}/${r.seeds.length} seed` : "なし",
    })),
  );
}
