/**
 * show(fig): draw a Plotly figure in the notebook (docs/ARCHITECTURE.md, "The display contract").
 *
 * One display_data carries
 *   application/vnd.plotly.v1+json — JupyterLab / VS Code Plotly renderers,
 *   text/html — the same figure drawn by the inlined plotly.js (classic
 *               Notebook, nbconvert handouts, JupyterLab without the extension),
 *   text/plain — a one-line summary.
 * plotly.js goes into the html of the first figure of a kernel session only
 * (the flag lives on globalThis: tslab may reload this module when src changes).
 * Never application/javascript: it would outrank text/html in nbconvert.
 * Outside a kernel, show prints the summary line instead.
 */
import { PlotlyFigure, describeFigure, prepareFigure } from "./figure";
import { figureHtml } from "./figure-html";
import { displayBundle, inKernel, newDisplayId } from "./kernel";
import { installedPlotlyLibraryHtml } from "./plotly-bundle";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export interface ShowOptions {
  /** Inline plotly.js in this output: default only for the session's first figure. */
  library?: boolean;
}

interface SessionState {
  plotlySent: boolean;
}

function session(): SessionState {
  const g = globalThis as { __zerokaraViz?: SessionState };
  if (!g.__zerokaraViz) g.__zerokaraViz = { plotlySent: false };
  return g.__zerokaraViz;
}

/** The MIME bundle for one figure (pure apart from reading the bundle file when `libraryHtml` is needed). */
export function figureBundle(fig: PlotlyFigure, id: string, libraryHtml = ""): Record<string, unknown> {
  return {
    [PLOTLY_MIME]: fig,
    "text/html": libraryHtml + figureHtml(fig, { id }),
    "text/plain": describeFigure(fig),
  };
}

export function show(fig: PlotlyFigure, options: ShowOptions = {}): void {
  const prepared = prepareFigure(fig);
  if (!inKernel()) {
    console.log(describeFigure(prepared));
    return;
  }
  const state = session();
  const withLibrary = options.library ?? !state.plotlySent;
  const id = `zerokara-fig-${newDisplayId()}`;
  displayBundle(figureBundle(prepared, id, withLibrary ? installedPlotlyLibraryHtml() : ""));
  if (withLibrary) state.plotlySent = true;
}
