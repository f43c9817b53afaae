/**
 * The one mathjs instance that reads 2-D formulas, in Node and in the page.
 *
 * A formula can come from a URL (a shared explorer setting), so it is
 * untrusted. Following mathjs's security guidance the instance is built with
 * `create()` from only the factories needed (parse, derivative and the
 * elementary functions below), and the functions an expression could use to
 * escape — import, createUnit, evaluate, parse, simplify, derivative, … — are
 * replaced by ones that throw, after the engine has kept its own references.
 * Function2D additionally accepts only the function names in
 * FORMULA_FUNCTIONS, so nothing else is reachable from an expression.
 * (Building from factories also keeps the page's bundle small.)
 */
import {
  create,
  absDependencies, acosDependencies, asinDependencies, atanDependencies, cbrtDependencies, cosDependencies,
  coshDependencies, cotDependencies, cscDependencies, derivativeDependencies, expDependencies, logDependencies,
  log10Dependencies, parseDependencies, secDependencies, sinDependencies, sinhDependencies, sqrtDependencies,
  tanDependencies, tanhDependencies, sechDependencies, cschDependencies, cothDependencies,
  piDependencies, eDependencies, tauDependencies, phiDependencies, LN2Dependencies,
  LN10Dependencies, LOG2EDependencies, LOG10EDependencies, SQRT1_2Dependencies, SQRT2Dependencies,
} from "mathjs";
// PI and E are exported by mathjs but missing from its type declarations.
// @ts-expect-error -- see above
import { PIDependencies, EDependencies } from "mathjs";
import type { MathNode } from "mathjs";

const math = create({
  parseDependencies, derivativeDependencies,
  absDependencies, acosDependencies, asinDependencies, atanDependencies, cbrtDependencies, cosDependencies,
  coshDependencies, cotDependencies, cscDependencies, expDependencies, logDependencies, log10Dependencies,
  secDependencies, sinDependencies, sinhDependencies, sqrtDependencies, tanDependencies, tanhDependencies,
  sechDependencies, cschDependencies, cothDependencies,
  // the constants Function2D accepts as symbols
  piDependencies, PIDependencies, eDependencies, EDependencies, tauDependencies, phiDependencies, LN2Dependencies,
  LN10Dependencies, LOG2EDependencies, LOG10EDependencies, SQRT1_2Dependencies, SQRT2Dependencies,
}) as unknown as {
  parse(text: string): MathNode;
  derivative(node: MathNode, variable: string): MathNode;
  import(values: Record<string, unknown>, options: { override: boolean }): void;
};

/** The engine's own references, taken before the instance is locked. */
export const parseFormulaText: (text: string) => MathNode = math.parse;
export const differentiate: (node: MathNode, variable: string) => MathNode = math.derivative;

const disabled = (name: string) => () => {
  throw new Error(`function ${name} is disabled`);
};
const LOCKED = ["import", "createUnit", "evaluate", "parse", "simplify", "simplifyConstant", "simplifyCore", "derivative", "resolve", "compile", "chain", "reviver", "replacer"];
math.import(Object.fromEntries(LOCKED.map((n) => [n, disabled(n)])), { override: true });

/**
 * Function names a formula may call. Differentiable elementary functions,
 * plus a few numeric ones mathjs cannot differentiate (so the reader gets
 * the "cannot differentiate" message rather than "unknown function").
 */
export const FORMULA_FUNCTIONS: ReadonlySet<string> = new Set([
  "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh", "sech", "csch", "coth",
  "exp", "log", "log10", "sqrt", "cbrt", "abs",
  "floor", "ceil", "round", "max", "min", "sign", "mod",
]);
