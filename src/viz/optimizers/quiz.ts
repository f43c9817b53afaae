/**
 * 確認問題 checks: a learner's answer → 正解 / 不正解 with the explanation.
 * Never throws on a wrong, empty or oddly typed answer (the check cell must
 * always run); only the author's own arguments are validated.
 */
import { ArgumentError } from "../../core/errors";
import { markdown } from "../markdown";

export interface Verdict {
  status: "correct" | "wrong" | "empty";
  /** Markdown shown to the learner (the explanation is included once an answer was given). */
  message: string;
}

const isEmpty = (a: unknown): boolean => a === undefined || a === null || (typeof a === "string" && a.trim() === "") || (typeof a === "number" && Number.isNaN(a));

function verdict(ok: boolean, answer: unknown, explanation: string, expected: string): Verdict {
  if (isEmpty(answer)) return { status: "empty", message: "**未回答**です。上のセルに答えを入れてから、このセルを実行してください。" };
  return ok
    ? { status: "correct", message: `**正解** です。\n\n${explanation}` }
    : { status: "wrong", message: `**不正解** です（あなたの答え: \`${String(answer)}\`、正解: ${expected}）。\n\n${explanation}` };
}

/** A choice like "b": case, spaces and full-width letters are forgiven. */
export function judgeChoice(answer: unknown, correct: string, explanation: string): Verdict {
  if (typeof correct !== "string" || correct === "") throw new ArgumentError("correct", "a non-empty string", correct);
  const norm = (s: string): string => s.normalize("NFKC").trim().toLowerCase().replace(/[()（）.\s]/g, "");
  const ok = typeof answer === "string" && norm(answer) === norm(correct);
  return verdict(ok, answer, explanation, `\`${correct}\``);
}

/** A number within a relative tolerance (default 1e-3); numeric strings are accepted. */
export function judgeNumber(answer: unknown, correct: number, explanation: string, relTol = 1e-3): Verdict {
  if (!Number.isFinite(correct)) throw new ArgumentError("correct", "a finite number", correct);
  const v = typeof answer === "number" ? answer : typeof answer === "string" && answer.trim() !== "" ? Number(answer.normalize("NFKC")) : NaN;
  const ok = Number.isFinite(v) && Math.abs(v - correct) <= relTol * Math.max(1, Math.abs(correct));
  return verdict(ok, answer, explanation, `\`${correct}\``);
}

const show = (v: unknown): string => (typeof v === "number" ? String(Number(v.toPrecision(6))) : String(v));

/**
 * Runs `attempt` (the learner's code) and compares with `expected`; an
 * exception counts as wrong. `isBlank()` true (e.g. the placeholder is still
 * in the code) gives "未回答" without revealing the answer.
 */
export function judgeCode(attempt: () => number[], expected: number[], explanation: string, tol = 1e-9, isBlank?: () => boolean): Verdict {
  try {
    if (isBlank && isBlank()) return verdict(false, "", explanation, "");
  } catch {
    // a broken check for blanks must not stop the verdict
  }
  let got: unknown;
  try {
    got = attempt();
  } catch (e) {
    return verdict(false, `エラー: ${(e as Error).message ?? String(e)}`, explanation, `\`[${expected.map(show).join(", ")}]\``);
  }
  const arr = Array.isArray(got) ? (got as unknown[]) : [];
  const ok = arr.length === expected.length && arr.every((v, i) => typeof v === "number" && Math.abs(v - expected[i]) <= tol * (1 + Math.abs(expected[i])));
  return verdict(ok, Array.isArray(got) ? `[${arr.map(show).join(", ")}]` : String(got), explanation, `\`[${expected.map(show).join(", ")}]\``);
}

/** Display a verdict in the notebook. */
export function showVerdict(v: Verdict): void {
  markdown(v.message);
}
