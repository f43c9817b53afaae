/**
 * A formula the 2-D function module cannot use. Always names the argument
 * "formula" and carries the reason from mathjs; `messageJa` is the same in
 * Japanese for notebooks (learners type their own functions there).
 */
import { ArgumentError } from "../core/errors";

export type FormulaProblem = "parse" | "variables" | "structure" | "function" | "derivative" | "evaluate";

export class FormulaError extends ArgumentError {
  constructor(
    readonly formula: string,
    readonly problem: FormulaProblem,
    /** The underlying reason (mathjs's own message where there is one). */
    readonly reason: string,
    /** Japanese message for display in notebooks. */
    readonly messageJa: string,
  ) {
    super("formula", `${EXPECTED[problem]} (${reason})`, formula);
    this.name = "FormulaError";
  }
}

const EXPECTED: Record<FormulaProblem, string> = {
  parse: "an expression mathjs can parse",
  variables: "an expression in the variables x and y only",
  structure: "a single arithmetic expression (no assignment, matrix or list)",
  function: "only the functions sin, cos, tan, exp, log, sqrt, abs, … (see FORMULA_FUNCTIONS)",
  derivative: "an expression mathjs can differentiate in x and y",
  evaluate: "an expression that evaluates to a real number",
};

export const MESSAGE_JA: Record<FormulaProblem, (formula: string, reason: string) => string> = {
  parse: (f, r) => `数式「${f}」を解釈できません（mathjs: ${r}）。`,
  variables: (f, r) => `数式「${f}」には x と y 以外の変数があります：${r}。変数は x と y だけにしてください。`,
  structure: (f, r) => `数式「${f}」は 1 つの式にしてください（代入・行列・リストは使えません：${r}）。`,
  function: (f, r) => `数式「${f}」の関数 ${r} は使えません。使える関数は sin, cos, tan, exp, log, log10, sqrt, cbrt, abs, sinh, cosh, tanh などです。`,
  derivative: (f, r) => `数式「${f}」を x, y で微分できません（mathjs: ${r}）。`,
  evaluate: (f, r) => `数式「${f}」を数値として計算できません（${r}）。`,
};
