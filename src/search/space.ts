/**
 * The search space: a range per hyperparameter, uniform or log-uniform.
 *
 * The book samples lr = 10^U(−6, −2): uniform in log10 lr, because a learning
 * rate of 1e-5 vs 2e-5 matters as much as 1e-3 vs 2e-3. Every sampler works in
 * the unit cube [0, 1]^d; `toUnit`/`fromUnit` map between it and the real
 * values (through log10 for log-scaled parameters), so "uniform in the cube"
 * means "log-uniform" for lr and the GP sees distances in orders of magnitude.
 *
 * `validateSearchSpace` rejects a bad space before any trial runs.
 */
import { ArgumentError } from "../core/errors";

export interface FloatDistribution {
  low: number;
  high: number;
  /** Sample log10 of the value uniformly (needs low > 0). */
  log?: boolean;
}

export type SearchSpace = Record<string, FloatDistribution>;
export type Params = Record<string, number>;

const KEYS = ["low", "high", "log"];

/** Checks the space and returns it; `knownParams` lists the names the objective accepts. */
export function validateSearchSpace(space: unknown, knownParams?: readonly string[]): SearchSpace {
  if (typeof space !== "object" || space === null || Array.isArray(space)) {
    throw new ArgumentError("space", "an object { name: { low, high, log? } }", space);
  }
  const names = Object.keys(space);
  if (names.length === 0) throw new ArgumentError("space", "at least one parameter", "{}");
  for (const name of names) {
    const at = `space.${name}`;
    if (knownParams && !knownParams.includes(name)) {
      throw new ArgumentError("space", `parameters among ${knownParams.join(", ")} (unknown parameter)`, name);
    }
    const d = (space as Record<string, unknown>)[name] as Record<string, unknown>;
    if (typeof d !== "object" || d === null) throw new ArgumentError(at, "{ low, high, log? }", d);
    for (const k of Object.keys(d)) {
      if (!KEYS.includes(k)) throw new ArgumentError(at, `only the keys ${KEYS.join(", ")}`, k);
    }
    const { low, high, log } = d as { low: unknown; high: unknown; log: unknown };
    if (typeof low !== "number" || !Number.isFinite(low)) throw new ArgumentError(`${at}.low`, "a finite number", low);
    if (typeof high !== "number" || !Number.isFinite(high)) throw new ArgumentError(`${at}.high`, "a finite number", high);
    if (!(low < high)) throw new ArgumentError(at, `low < high`, `low ${low}, high ${high}`);
    if (log !== undefined && typeof log !== "boolean") throw new ArgumentError(`${at}.log`, "true or false", log);
    if (log && low <= 0) throw new ArgumentError(`${at}.low`, "a number > 0 on a log scale", low);
  }
  return space as SearchSpace;
}

export function paramNames(space: SearchSpace): string[] {
  return Object.keys(space);
}

/** One value → [0, 1] (log10 first for log-scaled parameters). */
export function valueToUnit(d: FloatDistribution, v: number): number {
  if (d.log) return (Math.log10(v) - Math.log10(d.low)) / (Math.log10(d.high) - Math.log10(d.low));
  return (v - d.low) / (d.high - d.low);
}

/** [0, 1] → one value. */
export function unitToValue(d: FloatDistribution, u: number): number {
  if (d.log) return 10 ** (Math.log10(d.low) + u * (Math.log10(d.high) - Math.log10(d.low)));
  return d.low + u * (d.high - d.low);
}

export function toUnit(space: SearchSpace, params: Params): number[] {
  return paramNames(space).map((name) => {
    const v = params[name];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new ArgumentError(`params.${name}`, "a finite number", v);
    return valueToUnit(space[name], v);
  });
}

export function fromUnit(space: SearchSpace, u: ArrayLike<number>): Params {
  const names = paramNames(space);
  if (u.length !== names.length) throw new ArgumentError("u", `${names.length} coordinates`, u);
  const out: Params = {};
  names.forEach((name, i) => (out[name] = unitToValue(space[name], u[i])));
  return out;
}

/** The value on the axis a plot should use: log10(v) for log-scaled parameters. */
export function axisValue(d: FloatDistribution, v: number): number {
  return d.log ? Math.log10(v) : v;
}
