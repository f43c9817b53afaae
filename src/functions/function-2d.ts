/**
 * A 2-D test function f(x, y) from a formula string, with its gradient.
 *
 * mathjs parses the formula (`parse`), differentiates it symbolically
 * (`derivative`, simplified), renders LaTeX (`toTex`) and compiles all three
 * for evaluation (`compile`). The gradient is therefore exact, not numerical.
 * The mathjs instance is the restricted one of formula-math.ts (formulas may
 * come from a shared URL), and only FORMULA_FUNCTIONS may be called.
 * The book's f(x, y) = x²/20 + y² is the default.
 */
import type { MathNode } from "mathjs";
import { FORMULA_FUNCTIONS, differentiate, parseFormulaText } from "./formula-math";
import { ArgumentError } from "../core/errors";
import { FormulaError, FormulaProblem, MESSAGE_JA } from "./formula-error";

export const DEFAULT_FORMULA = "x^2/20 + y^2";
/** Longer formulas are refused (they may arrive in a URL). */
export const MAX_FORMULA_LENGTH = 500;

export type Point2D = [number, number];

export interface Function2DOptions {
  /** Short identifier, e.g. "rosenbrock". */
  name?: string;
  /** Display name (Japanese in presets). */
  label?: string;
  /** Plot range of x, default the book's [−10, 10]. */
  xRange?: [number, number];
  /** Plot range of y, default [−10, 10]. */
  yRange?: [number, number];
  /** Starting point for optimizers, default the book's (−7, 2). */
  start?: Point2D;
  /** Known minima (for markers and tests); saddle points are not minima. */
  minima?: Point2D[];
}

/** Symbols allowed besides x and y: mathjs's numeric constants. */
const CONSTANTS = new Set(["pi", "PI", "e", "E", "tau", "phi", "LN2", "LN10", "LOG2E", "LOG10E", "SQRT1_2", "SQRT2"]);
/** Node types that make up a plain arithmetic expression. */
const NODE_TYPES = new Set(["ConstantNode", "SymbolNode", "OperatorNode", "FunctionNode", "ParenthesisNode"]);

interface Compiled {
  evaluate(scope: Record<string, number>): unknown;
}

export class Function2D {
  readonly name: string;
  readonly label: string;
  /** The formula as given (trimmed). */
  readonly formula: string;
  /** mathjs's normalised text of f, and of the simplified partial derivatives. */
  readonly expression: string;
  readonly dfdx: string;
  readonly dfdy: string;
  /** LaTeX of f, ∂f/∂x, ∂f/∂y (right-hand sides only; see latex()). */
  readonly tex: { f: string; dfdx: string; dfdy: string };
  readonly xRange: [number, number];
  readonly yRange: [number, number];
  readonly start: Point2D;
  readonly minima: Point2D[];
  private readonly cf: Compiled;
  private readonly cdx: Compiled;
  private readonly cdy: Compiled;
  private readonly scope: Record<string, number> = { x: 0, y: 0 };

  constructor(formula: string = DEFAULT_FORMULA, options: Function2DOptions = {}) {
    if (typeof formula !== "string") {
      throw new FormulaError(String(formula), "parse", "not a string", MESSAGE_JA.parse(String(formula), "文字列ではありません"));
    }
    const text = formula.trim();
    const node = parseFormula(text);
    let dx: MathNode, dy: MathNode;
    try {
      dx = differentiate(node, "x");
      dy = differentiate(node, "y");
    } catch (e) {
      throw formulaError(text, "derivative", errorMessage(e));
    }
    this.formula = text;
    this.expression = node.toString();
    this.dfdx = dx.toString();
    this.dfdy = dy.toString();
    this.tex = { f: node.toTex(), dfdx: dx.toTex(), dfdy: dy.toTex() };
    this.cf = node.compile();
    this.cdx = dx.compile();
    this.cdy = dy.compile();
    this.name = options.name ?? "custom";
    this.label = options.label ?? text;
    this.xRange = checkRange("xRange", options.xRange ?? [-10, 10]);
    this.yRange = checkRange("yRange", options.yRange ?? [-10, 10]);
    this.start = checkPoint("start", options.start ?? [-7, 2]);
    this.minima = (options.minima ?? []).map((p, i) => checkPoint(`minima[${i}]`, p));
    // Evaluate once at an ordinary point so unknown functions or non-numeric
    // results fail here, with the formula named, not later inside a loop.
    for (const [what, c] of [["f", this.cf], ["∂f/∂x", this.cdx], ["∂f/∂y", this.cdy]] as const) {
      let v: unknown;
      try {
        v = c.evaluate({ x: 0.5, y: 0.25 });
      } catch (e) {
        throw formulaError(text, "evaluate", `${what}: ${errorMessage(e)}`);
      }
      if (typeof v !== "number") throw formulaError(text, "evaluate", `${what} gives ${describeValue(v)}, not a real number`);
    }
  }

  /** f(x, y). A non-real result (e.g. sqrt of a negative number) is NaN. */
  f(x: number, y: number): number {
    return this.eval(this.cf, x, y);
  }

  /** (∂f/∂x, ∂f/∂y) from the symbolic derivatives. */
  grad(x: number, y: number): Point2D {
    return [this.eval(this.cdx, x, y), this.eval(this.cdy, x, y)];
  }

  /** A LaTeX block with f and both partial derivatives, for display. */
  latex(): string {
    return (
      "\\begin{aligned}" +
      `f(x, y) &= ${this.tex.f} \\\\ ` +
      `\\frac{\\partial f}{\\partial x} &= ${this.tex.dfdx} \\\\ ` +
      `\\frac{\\partial f}{\\partial y} &= ${this.tex.dfdy}` +
      "\\end{aligned}"
    );
  }

  private eval(c: Compiled, x: number, y: number): number {
    this.scope.x = x;
    this.scope.y = y;
    const v = c.evaluate(this.scope);
    return typeof v === "number" ? v : NaN;
  }
}

function parseFormula(text: string): MathNode {
  let node: MathNode;
  try {
    if (text === "") throw new Error("empty formula");
    if (text.length > MAX_FORMULA_LENGTH) throw new Error(`longer than ${MAX_FORMULA_LENGTH} characters`);
    node = parseFormulaText(text);
  } catch (e) {
    throw formulaError(text, "parse", errorMessage(e));
  }
  const badTypes = new Set<string>();
  const unknown = new Set<string>();
  const functions = new Set<string>();
  node.traverse((n: MathNode, path: string, parent: MathNode | null) => {
    if (!NODE_TYPES.has(n.type)) badTypes.add(n.type);
    if (n.type === "ConstantNode" && typeof (n as MathNode & { value: unknown }).value !== "number") badTypes.add("ConstantNode (not a number)");
    if (n.type === "FunctionNode") {
      const fn = (n as MathNode & { fn: MathNode & { name?: string } }).fn;
      if (fn.type !== "SymbolNode" || !FORMULA_FUNCTIONS.has(fn.name ?? "")) functions.add(fn.name ?? fn.type);
    }
    const isFunctionName = parent !== null && parent.type === "FunctionNode" && path === "fn";
    if (n.type === "SymbolNode" && !isFunctionName) {
      const name = (n as MathNode & { name: string }).name;
      if (name !== "x" && name !== "y" && !CONSTANTS.has(name)) unknown.add(name);
    }
  });
  if (badTypes.size > 0) throw formulaError(text, "structure", [...badTypes].join(", "));
  if (functions.size > 0) throw formulaError(text, "function", [...functions].join(", "));
  if (unknown.size > 0) throw formulaError(text, "variables", [...unknown].join(", "));
  return node;
}

function formulaError(formula: string, problem: FormulaProblem, reason: string): FormulaError {
  return new FormulaError(formula, problem, reason, MESSAGE_JA[problem](formula, reason));
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "object") return (v as object).constructor?.name ?? "an object";
  return typeof v;
}

function checkRange(name: string, r: [number, number]): [number, number] {
  if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || r[0] >= r[1]) {
    throw new ArgumentError(name, "[low, high] with finite low < high", r);
  }
  return [r[0], r[1]];
}

function checkPoint(name: string, p: Point2D): Point2D {
  if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    throw new ArgumentError(name, "a point [x, y] of finite numbers", p);
  }
  return [p[0], p[1]];
}
