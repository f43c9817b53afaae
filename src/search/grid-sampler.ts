/**
 * Grid search on a budget: k_1 × … × k_d points at the centres of equal cells
 * of the unit cube (so log-spaced for log-scaled parameters), visited in a
 * seeded random order like Optuna's GridSampler, so that stopping early still
 * covers the space. The grid for a budget of N trials is as even as possible
 * with k_1 · … · k_d ≤ N (100 trials → 10 × 10); leftover trials are not run.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { RNG } from "../core/rng";
import { fromUnit, Params } from "./space";
import { deriveSeed, Sampler, SamplerContext } from "./sampler";

const GRID_STREAM = 0x96d;

/** Points per axis for a budget of `nTrials` in `dim` dimensions. */
export function gridShape(nTrials: number, dim: number): number[] {
  assertInteger("nTrials", nTrials, 1);
  assertInteger("dim", dim, 1);
  let k = Math.max(1, Math.floor(Math.pow(nTrials, 1 / dim) + 1e-9));
  while (Math.pow(k + 1, dim) <= nTrials) k++; // guard against rounding
  const shape = new Array<number>(dim).fill(k);
  for (let i = 0; i < dim; i++) {
    const grown = shape.slice();
    grown[i]++;
    if (grown.reduce((a, b) => a * b, 1) <= nTrials) shape[i]++;
  }
  return shape;
}

/** All grid points in the unit cube, row-major (last axis fastest). */
export function gridUnitPoints(shape: number[]): number[][] {
  const points: number[][] = [[]];
  let out = points;
  for (const k of shape) {
    const next: number[][] = [];
    for (const p of out) for (let i = 0; i < k; i++) next.push([...p, (i + 0.5) / k]);
    out = next;
  }
  return out;
}

export class GridSampler implements Sampler {
  readonly name = "grid";
  readonly config: { shape?: number[]; nTrials?: number };

  /** Give the trial budget (the grid is sized to fit it) or an explicit shape. */
  constructor(options: { nTrials?: number; shape?: number[] }) {
    if (options.shape === undefined && options.nTrials === undefined) {
      throw new ArgumentError("options", "nTrials (budget) or shape", options);
    }
    if (options.shape) options.shape.forEach((k, i) => assertInteger(`shape[${i}]`, k, 1));
    else assertInteger("nTrials", options.nTrials as number, 1);
    this.config = options.shape ? { shape: options.shape.slice() } : { nTrials: options.nTrials };
  }

  shapeFor(dim: number): number[] {
    if (this.config.shape) {
      if (this.config.shape.length !== dim) throw new ArgumentError("shape", `${dim} axes like the search space`, this.config.shape);
      return this.config.shape;
    }
    return gridShape(this.config.nTrials as number, dim);
  }

  /** The grid points in the order trials visit them. */
  order(seed: number, dim: number): number[][] {
    const points = gridUnitPoints(this.shapeFor(dim));
    const perm = new RNG(deriveSeed(seed, GRID_STREAM)).permutation(points.length);
    return Array.from(perm, (i) => points[i]);
  }

  sample(ctx: SamplerContext): Params | undefined {
    const order = this.order(ctx.seed, Object.keys(ctx.space).length);
    return ctx.number < order.length ? fromUnit(ctx.space, order[ctx.number]) : undefined;
  }
}
