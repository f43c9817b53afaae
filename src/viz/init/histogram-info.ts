/**
 * Drawable data of the activation histograms (figures 6-10 … 6-14): a grid of
 * panels, rows = initial values, columns = layers, one grid per activation.
 * Pure: takes the results of activationHistogramGrid, returns bars and labels.
 */
import { ArgumentError } from "../../core/errors";
import type { InitActivation } from "../../experiments/init/common";
import type { HistogramLayer, HistogramResult } from "../../experiments/init/histogram";
import { percent, short } from "./colors";

export interface HistogramPanel {
  initKey: string;
  layer: number;
  /** Bin centres, bar width, counts, and counts as % of all values of the layer. */
  x: number[];
  width: number;
  y: number[];
  share: number[];
  range: [number, number];
  /** Two short lines for the panel: spread and the telling fraction. */
  label: string;
}

export interface HistogramGridInfo {
  activations: InitActivation[];
  inits: { key: string; label: string; weightStd: number }[];
  layers: number;
  /** panels[activation][row = init][column = layer]. */
  panels: Record<string, HistogramPanel[][]>;
  /** Whether zeros were left out of the bars, per activation. */
  excludeZeros: Record<string, boolean>;
}

/** "σ=0.43 / 飽和 64 %" (sigmoid, tanh) or "σ=0.82 / 0: 50 %" (ReLU). */
export function panelLabel(layer: HistogramLayer, activation: InitActivation): string {
  const spread = `σ=${short(layer.std)}`;
  if (activation === "relu") return `${spread}<br>0: ${percent(layer.exactZero, 0)}`;
  if (activation === "linear") return spread;
  return `${spread}<br>飽和 ${percent(layer.saturated, 0)}`;
}

export function histogramPanel(result: HistogramResult, layer: HistogramLayer): HistogramPanel {
  const { edges, counts } = layer;
  const total = counts.reduce((a, b) => a + b, 0) + layer.outOfRange + layer.excludedZeros;
  return {
    initKey: result.initKey,
    layer: layer.layer,
    x: counts.map((_, i) => (edges[i] + edges[i + 1]) / 2),
    width: edges[1] - edges[0],
    y: [...counts],
    share: counts.map((c) => (100 * c) / total),
    range: [...result.range] as [number, number],
    label: panelLabel(layer, result.activation),
  };
}

export function histogramGridInfo(results: HistogramResult[]): HistogramGridInfo {
  if (!Array.isArray(results) || results.length === 0) {
    throw new ArgumentError("results", "a non-empty array from activationHistogramGrid", results);
  }
  const activations = [...new Set(results.map((r) => r.activation))];
  const initKeys = [...new Set(results.map((r) => r.initKey))];
  const layers = results[0].layers.length;
  const inits = initKeys.map((key) => {
    const r = results.find((x) => x.initKey === key)!;
    return { key, label: r.initLabel, weightStd: r.weightStd };
  });
  const panels: Record<string, HistogramPanel[][]> = {};
  const excludeZeros: Record<string, boolean> = {};
  for (const a of activations) {
    panels[a] = initKeys.map((key) => {
      const r = results.find((x) => x.activation === a && x.initKey === key);
      if (!r) throw new ArgumentError("results", `every (init, activation) pair; ${key} × ${a} is missing`, results.length);
      if (r.layers.length !== layers) throw new ArgumentError("results", `${layers} layers in every result`, r.layers.length);
      excludeZeros[a] = r.excludeZeros;
      return r.layers.map((l) => histogramPanel(r, l));
    });
  }
  return { activations, inits, layers, panels, excludeZeros };
}
