/**
 * The two run budgets (docs/ARCHITECTURE.md, "Budgets"): FAST (default; npm test, CI, a notebook in
 * well under a minute) and FULL (the book's own sizes), chosen by the
 * environment variable ZEROKARA_BUDGET=fast|full.
 */
import { ArgumentError } from "./errors";

export type Budget = "fast" | "full";

export function currentBudget(env: string | undefined = process.env.ZEROKARA_BUDGET): Budget {
  if (env === undefined || env === "") return "fast";
  const v = env.trim().toLowerCase();
  if (v === "fast" || v === "full") return v;
  throw new ArgumentError("ZEROKARA_BUDGET", '"fast" or "full"', env);
}

/** Pick the FAST or FULL value of a setting. */
export function byBudget<T>(budget: Budget, fast: T, full: T): T {
  return budget === "full" ? full : fast;
}
