/**
 * Acquisition functions: how promising it is to evaluate x next, given the
 * GP posterior N(μ(x), σ²(x)) and the best value f⁺ observed so far. All are
 * written for MAXIMISATION (validation accuracy); larger is more promising.
 *
 *   PI(x)  = Φ(z),                        z = (μ − f⁺ − ξ) / σ
 *   EI(x)  = (μ − f⁺ − ξ) Φ(z) + σ φ(z)    (= max(μ − f⁺ − ξ, 0) when σ = 0)
 *   UCB(x) = μ + κ σ
 *
 * EI adds up the two reasons to try a point: a high mean (exploitation, the
 * first term) and a large uncertainty (exploration, the second term). PI only
 * asks "how likely is any improvement", so it happily takes tiny improvements
 * next to f⁺ unless ξ > 0. UCB trades the two off explicitly with κ.
 */
import { ArgumentError } from "../core/errors";
import { normCdf, normPdf } from "./normal";

export type AcquisitionName = "ei" | "pi" | "ucb";
export const ACQUISITION_NAMES: readonly AcquisitionName[] = ["ei", "pi", "ucb"];

export interface AcquisitionParams {
  /** Improvement margin ξ ≥ 0 of EI/PI, in units of the objective. */
  xi?: number;
  /** Exploration weight κ ≥ 0 of UCB. */
  kappa?: number;
}

/** Default ξ of EI and PI, κ of UCB. */
export const ACQUISITION_DEFAULTS = { eiXi: 0, piXi: 0.01, kappa: 2 } as const;

export function expectedImprovement(mean: number, std: number, best: number, xi: number = ACQUISITION_DEFAULTS.eiXi): number {
  const imp = mean - best - xi;
  if (!(std > 0)) return Math.max(imp, 0);
  const z = imp / std;
  return Math.max(0, imp * normCdf(z) + std * normPdf(z));
}

export function probabilityOfImprovement(mean: number, std: number, best: number, xi: number = ACQUISITION_DEFAULTS.piXi): number {
  const imp = mean - best - xi;
  if (!(std > 0)) return imp > 0 ? 1 : 0;
  return normCdf(imp / std);
}

export function upperConfidenceBound(mean: number, std: number, kappa: number = ACQUISITION_DEFAULTS.kappa): number {
  return mean + kappa * std;
}

export function checkAcquisitionName(name: string): AcquisitionName {
  if ((ACQUISITION_NAMES as readonly string[]).includes(name)) return name as AcquisitionName;
  throw new ArgumentError("acquisition", `one of ${ACQUISITION_NAMES.join(", ")}`, name);
}

/** The acquisition `name` as a function of the posterior (μ, σ) and f⁺. */
export function acquisitionFunction(
  name: AcquisitionName,
  params: AcquisitionParams = {},
): (mean: number, std: number, best: number) => number {
  const xi = params.xi;
  const kappa = params.kappa ?? ACQUISITION_DEFAULTS.kappa;
  if (xi !== undefined && !(xi >= 0)) throw new ArgumentError("xi", "a number >= 0", xi);
  if (!(kappa >= 0)) throw new ArgumentError("kappa", "a number >= 0", kappa);
  switch (checkAcquisitionName(name)) {
    case "ei":
      return (m, s, b) => expectedImprovement(m, s, b, xi ?? ACQUISITION_DEFAULTS.eiXi);
    case "pi":
      return (m, s, b) => probabilityOfImprovement(m, s, b, xi ?? ACQUISITION_DEFAULTS.piXi);
    case "ucb":
      return (m, s) => upperConfidenceBound(m, s, kappa);
  }
}
