/**
 * Running a learner's one-line function against the engine. Every failure
 * (an exception inside the learner's code, a non-number, a mismatch) ends as
 * a HarnessResult with a Japanese detail; nothing escapes.
 */
import { np } from "./np";
import { isBlank } from "./blank";
import type { HarnessResult } from "./types";

/** Thrown inside a harness to stop at the first problem; caught by runHarness. */
export class AnswerMismatch extends Error {}

/** The answer function returned the placeholder: treated as 未回答 by check(). */
export class BlankAnswer extends Error {}

export function runHarness(body: () => void): HarnessResult {
  try {
    body();
    return { ok: true };
  } catch (e) {
    if (e instanceof BlankAnswer) throw e;
    if (e instanceof AnswerMismatch) return { ok: false, detail: e.message };
    return { ok: false, detail: `実行中にエラーが出ました: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Calls the learner's function; its result must be a number. */
export function callAnswer(fn: (...args: number[]) => unknown, args: number[]): number {
  let r: unknown;
  try {
    r = fn(...args);
  } catch (e) {
    throw new AnswerMismatch(`あなたの式の実行中にエラーが出ました: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (isBlank(r)) throw new BlankAnswer();
  if (typeof r !== "number") throw new AnswerMismatch(`数値ではなく ${typeof r} が返りました。1 要素分の数値を返す式にしてください。`);
  return r;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v);
}

/**
 * Throws AnswerMismatch at the first element where got ≠ expected
 * (|got − expected| > tol · (1 + |expected|)), naming the element and the step.
 */
export function expectClose(expected: ArrayLike<number>, got: ArrayLike<number>, what: string, tol = 1e-9): void {
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i], g = got[i];
    if (!(Math.abs(g - e) <= tol * (1 + Math.abs(e)))) {
      const near = Number.isFinite(g) && Math.abs(g - e) <= 1e-5 * (1 + Math.abs(e));
      throw new AnswerMismatch(
        `${what}の要素 ${i} が合いません: エンジン ${fmt(e)}、あなたの式 ${fmt(g)}。` +
          (near ? "ごく僅かな差です: 小さな定数 (1e-7 など) の位置や有無を本書と見比べてください。" : "") +
          (Number.isNaN(g) ? "NaN は 0 / 0 や負の数の平方根から生まれます: 勾配が 0 の要素でも割り算が成り立つか確かめてください。" : ""),
      );
    }
  }
}

/** The key of a code question as a function (params → expression), with `np` in scope. */
export function compileBody(params: string[], body: string): (...args: number[]) => unknown {
  const f = new Function("np", ...params, `return (${body});`) as (...args: unknown[]) => unknown;
  return (...args: number[]) => f(np, ...args);
}
