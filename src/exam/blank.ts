/**
 * The placeholder of an answer cell. A learner replaces `未回答` with the
 * answer; check() reports 未回答 while it is still there (or undefined).
 */
export const 未回答: unique symbol = Symbol("未回答");
export type Blank = typeof 未回答;

/** So that an answer typed without quotes (answer = B) still means "B". */
export const A = "A", B = "B", C = "C", D = "D";

export function isBlank(v: unknown): boolean {
  return v === 未回答 || v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}
