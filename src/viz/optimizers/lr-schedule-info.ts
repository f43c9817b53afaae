/**
 * Learning-rate schedules as drawable numbers: η_t per schedule, the 2-D runs'
 * f values on a log axis, and the MNIST runs' smoothed losses grouped by base
 * learning rate. Pure functions (tested); the figures are in lr-schedule-figure.ts.
 */
import { ArgumentError, assertInteger, assertPositive } from "../../core/errors";

/** What a schedule must offer here (src/optim/lr-schedule.ts's Schedule satisfies it). */
export interface ScheduleLike {
  kind: string;
  label: string;
  lrAt(t: number, baseLr: number): number;
}

export interface ScheduleCurve {
  kind: string;
  label: string;
  /** Update numbers 0 … steps−1. */
  t: number[];
  /** η_t. */
  lr: number[];
}

export function scheduleCurvesInfo(schedules: readonly ScheduleLike[], baseLr: number, steps: number): ScheduleCurve[] {
  if (!Array.isArray(schedules as unknown) || schedules.length === 0) throw new ArgumentError("schedules", "a non-empty array of schedules", schedules);
  assertPositive("baseLr", baseLr);
  assertInteger("steps", steps, 1);
  return schedules.map((s) => {
    const t = Array.from({ length: steps }, (_, i) => i);
    return { kind: s.kind, label: s.label, t, lr: t.map((i) => s.lrAt(i, baseLr)) };
  });
}

/** The one colour of each schedule kind, in every figure. */
export const SCHEDULE_COLORS: Record<string, string> = {
  constant: "#7f7f7f", step: "#1f77b4", exponential: "#2ca02c", cosine: "#d62728", warmup: "#9467bd",
  // gradient clipping (grad-clip-figure.ts draws with the same builders)
  none: "#7f7f7f", norm: "#1f77b4", value: "#ff7f0e",
};

export interface MnistRunLike {
  seed: number;
  loss: number[];
  diverged: boolean;
}

export interface MnistSeriesLike {
  baseLr: number;
  kind: string;
  label: string;
  lrs: number[];
  runs: MnistRunLike[];
  finalTestAcc: number;
}

export interface SchedulePanel {
  baseLr: number;
  lines: { kind: string; label: string; x: number[]; loss: (number | null)[]; finalTestAcc: number }[];
}

/** One panel per base learning rate; each line is the mean over seeds of the smoothed loss. */
export function scheduleMnistInfo(series: readonly MnistSeriesLike[], smooth: (xs: number[]) => number[]): SchedulePanel[] {
  if (!Array.isArray(series as unknown) || series.length === 0) throw new ArgumentError("series", "a non-empty array of runs by schedule", series);
  const lrs = [...new Set(series.map((s) => s.baseLr))];
  return lrs.map((baseLr) => ({
    baseLr,
    lines: series.filter((s) => s.baseLr === baseLr).map((s) => {
      const curves = s.runs.map((r) => smooth(r.loss.filter((v) => Number.isFinite(v))));
      const n = Math.max(...curves.map((c) => c.length));
      const loss = Array.from({ length: n }, (_, i) => {
        const v = curves.map((c) => c[i]).filter((x): x is number => Number.isFinite(x));
        return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
      });
      return { kind: s.kind, label: s.label, x: loss.map((_, i) => i), loss, finalTestAcc: s.finalTestAcc };
    }),
  }));
}
