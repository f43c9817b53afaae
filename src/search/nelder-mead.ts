/**
 * Nelder–Mead simplex minimisation inside a box: a derivative-free optimiser,
 * small enough to read, used to fit the few hyperparameters of the Gaussian
 * process (length scales, signal and noise variance) by marginal likelihood.
 * Points outside the box are clamped onto it before `f` is evaluated.
 */
export interface NelderMeadOptions {
  lower: number[];
  upper: number[];
  /** Initial simplex edge as a fraction of each box side. */
  step?: number;
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this. */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(f: (x: number[]) => number, x0: number[], o: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const step = o.step ?? 0.1;
  const maxEval = o.maxEvaluations ?? 200 * n;
  const tol = o.tolerance ?? 1e-8;
  const clamp = (x: number[]): number[] => x.map((v, i) => Math.min(o.upper[i], Math.max(o.lower[i], v)));
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  let simplex: number[][] = [clamp(x0)];
  for (let i = 0; i < n; i++) {
    const x = simplex[0].slice();
    const h = step * (o.upper[i] - o.lower[i]);
    x[i] = x[i] + h <= o.upper[i] ? x[i] + h : x[i] - h;
    simplex.push(clamp(x));
  }
  let values = simplex.map(value);

  while (evaluations < maxEval) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) < tol) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d] += simplex[i][d] / n;
    const toward = (t: number): number[] => clamp(centroid.map((c, d) => c + t * (simplex[n][d] - c)));

    const xr = toward(-1); // reflection
    const fr = value(xr);
    if (fr < values[0]) {
      const xe = toward(-2); // expansion
      const fe = value(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const xc = fr < values[n] ? toward(-0.5) : toward(0.5); // outside / inside contraction
      const fc = value(xc);
      if (fc < Math.min(fr, values[n])) {
        [simplex[n], values[n]] = [xc, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = clamp(simplex[i].map((v, d) => simplex[0][d] + 0.5 * (v - simplex[0][d]))); // shrink
          values[i] = value(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best], value: values[best], evaluations };
}
