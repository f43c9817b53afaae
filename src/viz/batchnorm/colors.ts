/** Colours and labels shared by every figure of notebook 6.3. */
export const BN_COLOR = "#1f77b4"; // with Batch Normalization (the book's solid line)
export const PLAIN_COLOR = "#ff7f0e"; // without (the book's dashed line)
export const BOOK_OPACITY = 0.45;

export const WITH_BN = "BN あり";
export const WITHOUT_BN = "BN なし";

/** "0.0464" / "1" / "0.0001": 3 significant digits, as short as possible. */
export function scaleLabel(w: number): string {
  return String(Number(w.toPrecision(3)));
}

/** rgba() of a #rrggbb colour. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Axis id suffix of subplot k (1-based): "", "2", "3", … */
export const axisId = (k: number): string => (k === 1 ? "" : String(k));
