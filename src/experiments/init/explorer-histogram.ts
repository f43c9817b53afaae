/**
 * What the live activation-histogram explorer (6-2) computes for one state, in
 * Node and in the page alike: activationHistogram (the book's 1000 × 100
 * Gaussian input through 5 layers of 100, the engine's seeded RNG, the same
 * bins and per-layer statistics as the static figures).
 *
 * The state may come from a shared URL, so every field is checked and capped
 * at the book's sizes (checkHistogramExplorerState names the refused field).
 */
import { ArgumentError } from "../../core/errors";
import { activationHistogram, type HistogramResult } from "./histogram";
import { BOOK_ACTIVATIONS } from "./common";
import type { ForwardWorkspace } from "./forward-workspace";

export const HISTOGRAM_EXPLORER_LIMITS = {
  dataCount: 1000, nodeNum: 100, hiddenLayerSize: 5, seed: 1_000_000, stdMin: 1e-4, stdMax: 10,
} as const;

export interface HistogramExplorerState {
  /** sigmoid | tanh | relu (default sigmoid). */
  activation?: string;
  /** A weight std in [1e-4, 10], or "xavier" / "he" (default 1, the book's first figure). */
  init?: number | string;
  seed?: number;
  /** Rows of the Gaussian input (≤ 1000). */
  dataCount?: number;
  /** Units per layer (≤ 100). */
  nodeNum?: number;
  /** Layers (≤ 5). */
  hiddenLayerSize?: number;
}

const KEYS = ["activation", "init", "seed", "dataCount", "nodeNum", "hiddenLayerSize"];

/** The state with defaults filled in; throws an ArgumentError naming the field for anything refused. */
export function checkHistogramExplorerState(raw: unknown): Required<HistogramExplorerState> & { activation: "sigmoid" | "tanh" | "relu" } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new ArgumentError("state", "an object", raw);
  const s = raw as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!KEYS.includes(k)) throw new ArgumentError(k, `not a setting of the histogram explorer (settings: ${KEYS.join(", ")})`);
  const L = HISTOGRAM_EXPLORER_LIMITS;
  const int = (k: string, lo: number, hi: number, dflt: number): number => {
    const v = s[k];
    if (v === undefined) return dflt;
    if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) throw new ArgumentError(k, `an integer in [${lo}, ${hi}]`, v);
    return v;
  };
  const activation = s.activation === undefined ? "sigmoid" : s.activation;
  if (typeof activation !== "string" || !(BOOK_ACTIVATIONS as readonly string[]).includes(activation)) {
    throw new ArgumentError("activation", `one of ${BOOK_ACTIVATIONS.join(", ")}`, activation);
  }
  const init = s.init === undefined ? 1 : s.init;
  if (typeof init === "number") {
    if (!Number.isFinite(init) || init < L.stdMin || init > L.stdMax) throw new ArgumentError("init", `a weight std in [${L.stdMin}, ${L.stdMax}] or "xavier" / "he"`, init);
  } else if (init !== "xavier" && init !== "he") {
    throw new ArgumentError("init", `a weight std in [${L.stdMin}, ${L.stdMax}] or "xavier" / "he"`, init);
  }
  return {
    activation: activation as "sigmoid" | "tanh" | "relu", init,
    seed: int("seed", 0, L.seed, 0), dataCount: int("dataCount", 1, L.dataCount, 1000),
    nodeNum: int("nodeNum", 1, L.nodeNum, 100), hiddenLayerSize: int("hiddenLayerSize", 1, L.hiddenLayerSize, 5),
  };
}

/**
 * The histograms and per-layer statistics the explorer draws (the book's 30 bins).
 * The page passes one ForwardWorkspace for all its recomputes: a slider move then
 * reuses the random draws and the buffers of the last run (the same numbers).
 */
export function exploreHistograms(raw: unknown, workspace?: ForwardWorkspace): HistogramResult {
  const s = checkHistogramExplorerState(raw);
  return activationHistogram({ ...s, bins: 30 }, workspace);
}
