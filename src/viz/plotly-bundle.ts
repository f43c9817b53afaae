/**
 * plotly.js for figures in notebook outputs and exported handouts, inlined:
 * nothing may come from a CDN. The minified browser bundle of
 * plotly.js-dist-min is read as a file (it is not a Node module).
 */
import * as fs from "fs";
import * as path from "path";
import { escapeScriptSource } from "./html";

export const PLOTLY_PACKAGE = "plotly.js-dist-min";

/** Absolute path of the minified plotly.js bundle in node_modules. */
export function plotlyBundlePath(): string {
  const pkg = require.resolve(`${PLOTLY_PACKAGE}/package.json`);
  return path.join(path.dirname(pkg), "plotly.min.js");
}

/** The version in the bundle's banner ("plotly.js v4.1.2"), or "unknown". */
export function bundleVersion(source: string): string {
  const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(source.slice(0, 500));
  return m ? m[1] : "unknown";
}

/**
 * HTML that evaluates the bundle with `window.define` hidden, then restores it.
 * Classic Notebook and nbconvert pages load require.js; a bundle that sees
 * `define` may register as an AMD module instead of setting window.Plotly.
 * Three separate scripts so `define` comes back even if the bundle throws.
 */
export function plotlyLibraryHtml(source: string): string {
  return (
    `<script>/* plotly.js v${bundleVersion(source)} — inlined once per kernel session by zerokara-lab */` +
    "window.__zerokaraDefine=window.define;window.define=undefined;</script>\n" +
    `<script>${escapeScriptSource(source)}\n</script>\n` +
    "<script>window.define=window.__zerokaraDefine;try{delete window.__zerokaraDefine}catch(e){}</script>\n"
  );
}

let cached: string | undefined;

/** plotlyLibraryHtml of the installed bundle, read once per process. */
export function installedPlotlyLibraryHtml(): string {
  if (cached === undefined) cached = plotlyLibraryHtml(fs.readFileSync(plotlyBundlePath(), "utf8"));
  return cached;
}
