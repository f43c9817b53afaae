import { paletteColor } from "../palette";

/** One colour per initial value, the same in every figure of notebook 6.2. */
export const INIT_COLORS: Record<string, string> = {
  "std=1": "#d62728",
  "std=0.01": "#7f7f7f",
  xavier: "#1f77b4",
  he: "#2ca02c",
  glorot: "#9467bd",
};

export const initColor = paletteColor(INIT_COLORS, ["#ff7f0e", "#8c564b", "#e377c2", "#17becf"]);

/** Japanese names of the activations for titles. */
export const ACTIVATION_LABELS: Record<string, string> = {
  sigmoid: "sigmoid",
  tanh: "tanh",
  relu: "ReLU",
  linear: "恒等関数（線形）",
};

/** "12.3 %" from a fraction; "–" for null. */
export function percent(v: number | null, digits = 1): string {
  if (v === null || !Number.isFinite(v)) return "–";
  const p = v * 100;
  if (p !== 0 && Math.abs(p) < 0.1) return "<0.1 %";
  return `${p.toFixed(digits)} %`;
}

/** A short number for panel labels: 3 significant digits, exponent form when tiny or huge. */
export function short(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}
