/** Colours and number formats shared by the figures of notebook 6.4. */

export const REG_COLORS: Record<string, string> = {
  none: "#444444",
  l2: "#1f77b4",
  l1: "#ff7f0e",
  "l1-subgradient": "#bcbd22",
  dropout: "#2ca02c",
  early: "#9467bd",
  "l2+dropout": "#17becf",
  "l2+early": "#8c564b",
  book: "#d62728",
};

/** A sequence for sweeps (value index → colour), dark to light. */
export const SWEEP_COLORS = ["#444444", "#9467bd", "#1f77b4", "#2ca02c", "#ff7f0e", "#d62728", "#8c564b"];

export function regColor(key: string, i = 0): string {
  return REG_COLORS[key] ?? SWEEP_COLORS[i % SWEEP_COLORS.length];
}

/** rgba() from a #rrggbb colour. */
export function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

/** "72.1 %" from a fraction; "–" when missing. */
export function pct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${(100 * v).toFixed(digits)} %`;
}

/** "72.1 ± 0.8" (percent points) from a mean and std of fractions; no ± with one seed. */
export function pctPm(m: { mean: number; std: number }, seeds: number, digits = 1): string {
  if (!Number.isFinite(m.mean)) return "–";
  const base = (100 * m.mean).toFixed(digits);
  return seeds > 1 ? `${base} ± ${(100 * m.std).toFixed(digits)}` : base;
}
