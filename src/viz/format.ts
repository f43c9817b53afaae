/** Number formatting shared by tables and progress lines. */

/**
 * Compact number text: integers as they are, other numbers to `digits`
 * significant digits (exponent form when very large or small), NaN and ±∞ named.
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 10 ** Math.max(digits, 6) || a < 1e-4)) return v.toExponential(Math.max(0, digits - 1));
  // toPrecision keeps trailing zeros ("0.5000"); Number() drops them but may reintroduce exponents, so trim by hand.
  const s = v.toPrecision(digits);
  return s.includes("e") ? s : s.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

/** Elapsed time: "14 s", "2 min 05 s", "1 h 03 min". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}
