/**
 * Early stopping (not in the book's Trainer; the standard remedy for the
 * overfitting of §6.4): watch a validation metric once per epoch, remember the
 * best weights, stop after `patience` epochs without improvement, and put the
 * best weights back.
 *
 * The snapshot holds copies of `params` and, when the network has them, the
 * running mean/variance of its BatchNormalization layers (they are not
 * parameters but change what predict(x, false) returns). Restoring copies the
 * values INTO the existing matrices, so layers and optimizers that hold
 * references keep working.
 */
import { ArgumentError, assertFinite, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";
import type { Params } from "../nn/types";

export type EarlyStoppingMode = "max" | "min";

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping (integer >= 1). */
  patience: number;
  /** "max" for accuracy (default), "min" for loss. */
  mode?: EarlyStoppingMode;
  /** An improvement must beat the best by more than this (default 0). */
  minDelta?: number;
}

/** A copy of a network's weights (and BatchNorm running statistics, if any). */
export interface NetSnapshot {
  params: Params;
  running: { layer: RunningStats; mean: Matrix | null; variance: Matrix | null }[];
}

interface RunningStats {
  runningMean: Matrix | null;
  runningVar: Matrix | null;
}

function runningStatsLayers(net: { params: Params }): RunningStats[] {
  const layers = (net as { layers?: unknown }).layers;
  if (!(layers instanceof Map)) return [];
  const out: RunningStats[] = [];
  for (const layer of layers.values()) {
    if (layer !== null && typeof layer === "object" && "runningMean" in layer && "runningVar" in layer) {
      out.push(layer as RunningStats);
    }
  }
  return out;
}

export function snapshotNet(net: { params: Params }): NetSnapshot {
  const params: Params = {};
  for (const [k, v] of Object.entries(net.params)) params[k] = v.clone();
  const running = runningStatsLayers(net).map((layer) => ({
    layer,
    mean: layer.runningMean ? layer.runningMean.clone() : null,
    variance: layer.runningVar ? layer.runningVar.clone() : null,
  }));
  return { params, running };
}

export function restoreNet(net: { params: Params }, snap: NetSnapshot): void {
  for (const [k, v] of Object.entries(snap.params)) {
    const p = net.params[k];
    if (p === undefined) throw new ArgumentError("snapshot", `keys of net.params (no "${k}" in the net)`);
    p.copyFrom(v);
  }
  for (const r of snap.running) {
    r.layer.runningMean = r.mean ? r.mean.clone() : null;
    r.layer.runningVar = r.variance ? r.variance.clone() : null;
  }
}

export class EarlyStopping {
  readonly patience: number;
  readonly mode: EarlyStoppingMode;
  readonly minDelta: number;
  /** Best metric so far (−∞ / +∞ before the first epoch). */
  best: number;
  /** 1-based epoch of the best value (0 before the first). */
  bestEpoch = 0;
  /** Epochs since the last improvement. */
  wait = 0;
  stopped = false;
  private snapshot: NetSnapshot | null = null;

  constructor({ patience, mode = "max", minDelta = 0 }: EarlyStoppingOptions) {
    assertInteger("patience", patience, 1);
    if (mode !== "max" && mode !== "min") throw new ArgumentError("mode", '"max" (accuracy) or "min" (loss)', mode);
    assertFinite("minDelta", minDelta);
    if (minDelta < 0) throw new ArgumentError("minDelta", "a number >= 0", minDelta);
    this.patience = patience;
    this.mode = mode;
    this.minDelta = minDelta;
    this.best = mode === "max" ? -Infinity : Infinity;
  }

  /**
   * Record the metric of `epoch` (NaN never improves); snapshot the net when it
   * improves. Returns true when training should stop.
   */
  step(value: number, epoch: number, net: { params: Params }): boolean {
    const improved = this.mode === "max" ? value > this.best + this.minDelta : value < this.best - this.minDelta;
    if (improved) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      this.snapshot = snapshotNet(net);
    } else {
      this.wait += 1;
      if (this.wait >= this.patience) this.stopped = true;
    }
    return this.stopped;
  }

  /** Put the best weights back into the net (no-op before any snapshot). Returns whether it did. */
  restoreBest(net: { params: Params }): boolean {
    if (this.snapshot === null) return false;
    restoreNet(net, this.snapshot);
    return true;
  }
}
