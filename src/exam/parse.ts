/**
 * Lenient reading of what a learner typed: full-width letters and digits,
 * spaces, lower case and numeric strings are accepted. Nothing here throws.
 */
import { CHOICE_LETTERS, type ChoiceLetter } from "./types";

/** Full-width ASCII (Ａ, ３, ．, －) → half-width. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** "B", "b", " Ｂ ", "(B)" → "B"; anything else → null. */
export function readChoice(v: unknown): ChoiceLetter | null {
  if (typeof v !== "string") return null;
  const s = toHalfWidth(v).trim().replace(/^[(（]\s*|\s*[)）]$/g, "").toUpperCase();
  return (CHOICE_LETTERS as readonly string[]).includes(s) ? (s as ChoiceLetter) : null;
}

/** A finite number, or a string that is one ("0.42", "０．４２", "4.2e-1"); else null. */
export function readNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const s = toHalfWidth(v).trim().replace(/[−ー–]/g, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An option number 1…n from a number, "3", "③" or "3番"; else null. */
export function readOption(v: unknown, n: number): number | null {
  let k: number | null = null;
  if (typeof v === "number") k = v;
  else if (typeof v === "string") {
    const s = toHalfWidth(v).trim().replace(/番$/, "");
    const circled = "①②③④⑤⑥⑦⑧⑨⑩".indexOf(s);
    k = circled >= 0 ? circled + 1 : readNumber(s);
  }
  return k !== null && Number.isInteger(k) && k >= 1 && k <= n ? k : null;
}
