/**
 * What the BN evaluation (initial std 0.05 / 1.0 / 0.0001 / He, with and
 * without BN) shows, in three sentences computed from a result: the live run's
 * or the FULL record's.
 */
import type { EvaluationResult } from "../../experiments/batchnorm/evaluation";

export function evaluationDiscussion(evaluation: EvaluationResult): string {
  const byInit = (label: string) => {
    const s = evaluation.settings.find((x) => x.label === label);
    if (!s) throw new Error(`evaluationDiscussion: no setting ${JSON.stringify(label)} in the result`);
    return s;
  };
  const s005 = byInit("std=0.05"), s1 = byInit("std=1"), s1e4 = byInit("std=0.0001"), he = byInit("He √(2/n)");
  const f = (v: number) => v.toFixed(3);
  const take = (e: number | null) => (e === null ? "届かない" : `epoch ${e}`);
  return [
    `**学習の速さ**：初期値 0.05 で訓練精度 0.5 に届くのは、BN あり ${take(s005.withBN.takeoffEpoch)}、BN なし ${take(s005.withoutBN.takeoffEpoch)} です。`,
    `**初期値への依存**：BN ありの最終の訓練精度は 0.05 で ${f(s005.withBN.finalTrain)}、1.0 で ${f(s1.withBN.finalTrain)}、0.0001 で ${f(s1e4.withBN.finalTrain)}。` +
      `BN なしは ${f(s005.withoutBN.finalTrain)}・${f(s1.withoutBN.finalTrain)}・${f(s1e4.withoutBN.finalTrain)} です。` +
      `BN ありは 3 つとも学習が進みますが、差がなくなるわけではありません（スライドの注意「初期値が小さすぎる・大きすぎる場合は学習の進みが遅くなる」のとおり）。`,
    `**過学習**：訓練精度とテスト精度の差は、He の初期値で BN あり ${f(he.withBN.gap)}、BN なし ${f(he.withoutBN.gap)} です。` +
      `0.05 などで BN なしの差が小さいのは、過学習していないからではなく**何も学習していない**からなので、比べられるのは両方が学習する He の行だけです。`,
  ].join("\n\n");
}
