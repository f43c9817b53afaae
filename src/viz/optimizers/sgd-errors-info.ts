/**
 * Per-axis |error| of SGD on a log axis. A log axis cannot show 0 (lr = 0.5 on
 * the book's f zeroes the y error in one step: 1 − 0.5·2 = 0) nor non-finite
 * values: those points become gaps, and the info says from which step the
 * error is exactly 0, so the figure can say so instead of silently dropping it.
 */
export interface LogSeriesInfo {
  y: (number | null)[];
  /** First index from which every value is exactly 0, or null. */
  zeroFrom: number | null;
}

export function logSeriesInfo(values: readonly number[]): LogSeriesInfo {
  const y = values.map((v) => (Number.isFinite(v) && v > 0 ? v : null));
  let zeroFrom: number | null = null;
  for (let i = values.length - 1; i >= 0 && values[i] === 0; i--) zeroFrom = i;
  return { y, zeroFrom };
}
