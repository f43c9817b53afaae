/**
 * A row of side-by-side Plotly panels without Plotly's `grid`: panel k of n gets its own pair of
 * axes (x/y, x2/y2, …) over its share of the width, and its title as an annotation above it.
 */
import type { PlotlyFigure, PlotlyTrace } from "./figure";

/** What panel k puts into the layout. */
export interface RowPanel {
  /** Layout keys beyond the axis base: `domain` and `anchor` are set by the row. */
  x: Record<string, unknown>;
  y: Record<string, unknown>;
  title: string;
}

/** Where the panels sit: margins inside each share of the width, height of the title annotation. */
export interface RowFit {
  left: number;
  right: number;
  titleY: number;
}

/** The axis references of panel k ("x", "y" for the first; "x2", "y2", … after) for its traces. */
export function panelAxes(k: number): { xa: string; ya: string } {
  return k === 0 ? { xa: "x", ya: "y" } : { xa: `x${k + 1}`, ya: `y${k + 1}` };
}

/** Sets panel k of n's axes (anchored to each other) and pushes its title onto layout.annotations. */
export function addRowPanel(layout: Record<string, unknown>, k: number, n: number, panel: RowPanel, fit: RowFit): void {
  const { xa, ya } = panelAxes(k);
  const w = 1 / n;
  layout[k === 0 ? "xaxis" : `xaxis${k + 1}`] = { domain: [k * w + fit.left, (k + 1) * w - fit.right], ...panel.x, anchor: ya };
  layout[k === 0 ? "yaxis" : `yaxis${k + 1}`] = { anchor: xa, ...panel.y };
  (layout.annotations as unknown[]).push({
    xref: `${xa} domain`, yref: `${ya} domain`, x: 0.5, y: fit.titleY, showarrow: false, text: panel.title,
  });
}

/** One panel of a row figure: its traces (on axes xa/ya) and its axes and title. */
export interface RowPanelFigure extends RowPanel {
  traces: PlotlyTrace[];
}

/**
 * A figure of side-by-side panels: `layout` holds what the whole figure shares (title, height,
 * legend); `panel` draws panel k on the axes it is given.
 */
export function rowFigure<P>(
  layout: Record<string, unknown>, panels: readonly P[], fit: RowFit,
  panel: (p: P, k: number, axes: { xa: string; ya: string }) => RowPanelFigure,
): PlotlyFigure {
  const data: PlotlyTrace[] = [];
  const out: Record<string, unknown> = { ...layout, annotations: layout.annotations ?? [] };
  panels.forEach((p, k) => {
    const { traces, ...axes } = panel(p, k, panelAxes(k));
    data.push(...traces);
    addRowPanel(out, k, panels.length, axes, fit);
  });
  return { data, layout: out };
}
