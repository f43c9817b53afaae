/**
 * A figure as a text/html output: a div plus a script that draws it with
 * window.Plotly. Pure string building, so it is unit-tested; show.ts sends it.
 *
 * Where this runs: classic Notebook executes an output's scripts before the
 * output is attached to the page, so the script waits for its div and for
 * window.Plotly. The div starts with a Japanese note, replaced once the figure
 * is drawn, so a page that cannot run the script (untrusted notebook) or lacks
 * plotly.js (page reloaded after the library output was cleared) is never blank.
 */
import { escapeHtml, scriptJson } from "./html";
import { PlotlyFigure, figureHeight } from "./figure";

/** Shown while waiting for plotly.js, and left if scripts never run. */
export const PENDING_NOTE_JA =
  "図を描画しています… 表示されない場合は、ノートブックを信頼済み（Trusted）にしてセルを再実行してください。";

/** Shown when plotly.js is not on the page after waiting. */
export const MISSING_PLOTLY_JA =
  "この図を描くための plotly.js がページにありません。plotly.js はカーネル起動後の最初の図の出力に一度だけ埋め込まれるため、" +
  "ページの再読み込みや「出力のクリア」のあとに起こります。メニューの「Kernel → Restart & Run All」（カーネルを再起動してすべて実行）で、" +
  "最初の図のセルから実行し直すと表示されます。";

export interface FigureHtmlOptions {
  /** DOM id of the figure div; must be unique on the page. */
  id: string;
  /** How long to wait for plotly.js once the div exists (ms). */
  waitMs?: number;
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;

export function figureHtml(fig: PlotlyFigure, options: FigureHtmlOptions): string {
  const { id, waitMs = 4000 } = options;
  if (!ID_PATTERN.test(id)) throw new Error(`id: expected letters, digits, "-" or "_" starting with a letter, got ${JSON.stringify(id)}`);
  const note = `<div style="padding:1em;color:#555;font-size:0.9em">${escapeHtml(PENDING_NOTE_JA)}</div>`;
  const missing = `<div style="padding:1em;color:#a40;border:1px solid #e8c4a0;background:#fff8f0">${escapeHtml(MISSING_PLOTLY_JA)}</div>`;
  return (
    `<div id="${id}" class="zerokara-figure" style="width:100%;height:${figureHeight(fig)}px">${note}</div>\n` +
    "<script>(function(){" +
    `var id=${scriptJson(id)},fig=${scriptJson(fig)},missing=${scriptJson(missing)},waitMs=${Math.max(0, Math.round(waitMs))};` +
    "var start=Date.now(),seen=0;" +
    "function draw(){" +
    "var el=document.getElementById(id);" +
    "if(el&&window.Plotly&&window.Plotly.newPlot){" +
    "el.innerHTML='';" +
    "window.Plotly.newPlot(el,fig).catch(function(e){el.textContent='図の描画に失敗しました: '+e;console.error(e);});" +
    "return;}" +
    "if(el&&!seen)seen=Date.now();" +
    "if(el&&Date.now()-seen>waitMs){el.innerHTML=missing;return;}" +
    "if(!el&&Date.now()-start>60000)return;" +
    "setTimeout(draw,50);}" +
    "draw();})();</script>\n"
  );
}
