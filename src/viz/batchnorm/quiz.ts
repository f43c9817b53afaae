/**
 * 確認問題 of notebook 6.3: the learner's answer → 正解 / 不正解 / 未回答 with the
 * explanation. Never throws on the learner's answer (wrong, empty, oddly typed),
 * so a check cell always runs.
 */
import { markdown } from "../markdown";

export type QuizStatus = "正解" | "不正解" | "未回答";

export interface QuizResult {
  status: QuizStatus;
  /** Markdown shown in the notebook. */
  message: string;
}

const isEmpty = (a: unknown): boolean =>
  a === undefined || a === null || (typeof a === "string" && a.trim() === "") || (typeof a === "number" && Number.isNaN(a));

function verdict(ok: boolean, answer: unknown, expected: string, explanation: string): QuizResult {
  if (isEmpty(answer)) return { status: "未回答", message: "**未回答** です。上の解答セルに答えを書いてから、もう一度このセルを実行してください。" };
  return ok
    ? { status: "正解", message: `**正解** です。\n\n${explanation}` }
    : { status: "不正解", message: `**不正解** です（あなたの答え: \`${String(answer)}\`、正解: ${expected}）。\n\n${explanation}` };
}

const letters = (s: string): string => s.normalize("NFKC").replace(/[\s()（）.．,、]/g, "").toUpperCase();

/** One letter such as "C": case, spaces, brackets and full-width forms are forgiven. */
export function judgeChoice(answer: unknown, correct: string, explanation: string): QuizResult {
  return verdict(typeof answer === "string" && letters(answer) === letters(correct), answer, `\`${correct}\``, explanation);
}

/** Several letters in any order, e.g. "AC" or "C, A". */
export function judgeChoices(answer: unknown, correct: string, explanation: string): QuizResult {
  const set = (s: string) => [...new Set(letters(s))].sort().join("");
  return verdict(typeof answer === "string" && set(answer) === set(correct), answer, `\`${set(correct)}\``, explanation);
}

/** A number within a relative tolerance (numeric strings, also full-width, accepted). */
export function judgeNumber(answer: unknown, correct: number, explanation: string, relTol = 0.01): QuizResult {
  const v = typeof answer === "number" ? answer : typeof answer === "string" && answer.trim() !== "" ? Number(answer.normalize("NFKC")) : NaN;
  const ok = Number.isFinite(v) && Math.abs(v - correct) <= relTol * Math.abs(correct) + 1e-9;
  return verdict(ok, answer, `\`${Number(correct.toPrecision(4))}\``, explanation);
}

/** Show the verdict as Markdown (the notebook's check cells call this). Returns nothing, so tslab prints nothing more. */
export function showQuiz(r: QuizResult): void {
  markdown(r.message);
}
