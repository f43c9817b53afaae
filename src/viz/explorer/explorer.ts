/**
 * explorer(name, state): a live explorer in the notebook output, like show().
 *
 * One display_data with text/html (+ text/plain): plotly.js and the explorer
 * bundle go into the first such output of a kernel session only (flags on
 * globalThis, shared with show()), then a <div data-explorer> and a script
 * that mounts it once window.Plotly and window.zerokaraExplorer exist. The
 * bundle is inlined gzip-compressed in base64 (DecompressionStream unpacks it
 * in the page, offline), evaluated with window.define hidden so it works with
 * and without require.js. Outside a kernel a one-line summary is printed.
 */
import * as zlib from "zlib";
import { escapeHtml, scriptJson } from "../html";
import { displayBundle, inKernel, newDisplayId } from "../kernel";
import { installedPlotlyLibraryHtml } from "../plotly-bundle";
import { explorerBundle } from "./bundle";

export const EXPLORER_NAMES = ["optimizers-2d", "activation-histogram", "bo-1d", "batchnorm"] as const;
export type ExplorerName = (typeof EXPLORER_NAMES)[number];

const DESCRIPTION: Record<ExplorerName, string> = {
  "optimizers-2d": "6-1 最適化手法エクスプローラー（等高線・出発点・学習係数などをページ上で再計算）",
  "activation-histogram": "6-2 アクティベーション分布エクスプローラー（活性化関数・重みの標準偏差・層とノードの数をページ上で再計算）",
  "bo-1d": "6-5 ベイズ最適化エクスプローラー（観測点・獲得関数・長さスケールを選び、ガウス過程をページ上で再計算）",
  batchnorm: "6-3 Batch Normalization エクスプローラー（小さなミニバッチの値と γ・β を変え、μ・σ²・x̂・y をページ上で再計算）",
};

export const MISSING_EXPLORER_JA =
  "このエクスプローラーを動かすスクリプト（plotly.js と計算エンジン）がページにありません。カーネル起動後の最初の図・エクスプローラーの出力に一度だけ埋め込まれるため、" +
  "ページの再読み込みや「出力のクリア」のあとに起こります。「Kernel → Restart & Run All」で実行し直すと動きます。";

/** The bundle as HTML: a script that unpacks and runs it once per page. */
export function explorerLibraryHtml(source: string): string {
  const b64 = zlib.gzipSync(Buffer.from(source, "utf8"), { level: 9 }).toString("base64");
  return (
    "<script>/* zerokara-lab explorer engine (esbuild bundle of src/, gzip+base64) — inlined once per kernel session */(function(){" +
    "if(window.zerokaraExplorer||window.__zerokaraExplorerLoading)return;window.__zerokaraExplorerLoading=1;" +
    `var b64="${b64}";` +
    "var bin=atob(b64),u=new Uint8Array(bin.length);for(var i=0;i<bin.length;i++)u[i]=bin.charCodeAt(i);" +
    "new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(function(src){" +
    "var d=window.define;window.define=undefined;try{var s=document.createElement('script');s.textContent=src;document.head.appendChild(s);}" +
    "finally{window.define=d;window.__zerokaraExplorerLoading=0;}" +
    "}).catch(function(e){window.__zerokaraExplorerLoading=0;console.error('zerokara explorer bundle: '+e);});" +
    "})();</script>\n"
  );
}

const ID_PATTERN = /^[A-Za-z][\w-]*$/;

/** The explorer's own html: the root div and the script that mounts it. */
export function explorerHtml(name: ExplorerName, state: Record<string, unknown>, id: string, waitMs = 8000): string {
  if (!EXPLORER_NAMES.includes(name)) throw new Error(`name: expected one of ${EXPLORER_NAMES.join(", ")}, got ${JSON.stringify(name)}`);
  if (!ID_PATTERN.test(id)) throw new Error(`id: expected letters, digits, "-" or "_", got ${JSON.stringify(id)}`);
  const missing = `<div style="padding:1em;color:#a40;border:1px solid #e8c4a0;background:#fff8f0">${escapeHtml(MISSING_EXPLORER_JA)}</div>`;
  return (
    `<div id="${id}" class="zerokara-explorer" data-explorer="${escapeHtml(name)}" data-state="${escapeHtml(JSON.stringify(state))}" style="font-size:0.9em">` +
    `<div style="padding:1em;color:#555">エクスプローラーを準備しています… 表示されない場合は、ノートブックを信頼済み（Trusted）にしてセルを再実行してください。</div></div>\n` +
    "<script>(function(){" +
    `var id=${scriptJson(id)},missing=${scriptJson(missing)},waitMs=${Math.max(0, Math.round(waitMs))},start=Date.now(),seen=0;` +
    "function go(){var el=document.getElementById(id);" +
    "if(el&&window.Plotly&&window.zerokaraExplorer){window.zerokaraExplorer.mount(el);return;}" +
    "if(el&&!seen)seen=Date.now();if(el&&Date.now()-seen>waitMs){el.innerHTML=missing;return;}" +
    "if(!el&&Date.now()-start>60000)return;setTimeout(go,50);}go();})();</script>\n"
  );
}

interface SessionState {
  plotlySent: boolean;
  explorerSent?: boolean;
}

function session(): SessionState {
  const g = globalThis as { __zerokaraViz?: SessionState };
  if (!g.__zerokaraViz) g.__zerokaraViz = { plotlySent: false };
  return g.__zerokaraViz;
}

/** plotly.js and/or the bundle as needed for this session, then the explorer. */
export function explorer(name: ExplorerName, state: Record<string, unknown> = {}): void {
  const summary = `[explorer ${name}] ${DESCRIPTION[name] ?? ""} ${JSON.stringify(state)}`;
  if (!inKernel()) {
    console.log(summary);
    return;
  }
  const s = session();
  let html = "";
  if (!s.plotlySent) html += installedPlotlyLibraryHtml();
  if (!s.explorerSent) html += explorerLibraryHtml(explorerBundle().source);
  html += explorerHtml(name, state, `zerokara-explorer-${newDisplayId()}`);
  displayBundle({ "text/html": html, "text/plain": summary });
  s.plotlySent = true;
  s.explorerSent = true;
}
