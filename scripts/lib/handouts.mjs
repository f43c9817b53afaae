/**
 * Self-contained HTML handouts from executed notebooks: nbconvert's HTML
 * export, then require.js (Debian's nbconvert loads it from
 * /usr/share/javascript) is put inline, the math is typeset into SVG here
 * (mathjax.mjs: no math runtime in the page), the stylesheet is cut to the
 * rules the page uses (css-purge.mjs) and plotly.js is stored compressed
 * (plotly-inline.mjs); print-edition.mjs adds the A4 print edition, so a handout opens from a file with
 * the network off, on any machine, and prints at once. Figures need nothing
 * more: the first figure's output already carries plotly.js (src/viz/show.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { purgePageCss } from "./css-purge.mjs";
import { typesetPage } from "./mathjax.mjs";
import { compressPlotly } from "./plotly-inline.mjs";
import { addPrintEdition } from "./print-edition.mjs";
import { cellSource, notebookTitle, readNotebook } from "./notebooks.mjs";

const MATHJAX_PLACEHOLDER = "zerokara-mathjax-placeholder.js";
const REQUIRE_PLACEHOLDER = "zerokara-requirejs-placeholder.js";
const REQUIRE_CANDIDATES = ["/usr/share/javascript/requirejs/require.min.js"];
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export function handoutsDir(root) {
  return join(root, "handouts");
}

/** The HTML parser must not see </script, <!-- or <script inside an inline script. */
export function escapeScript(source) {
  return source.replace(/<(?=\/script|!--|script)/gi, "\\x3C");
}

function textOf(v) {
  return Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "";
}

/** True when Markdown cells or Markdown/LaTeX outputs contain TeX math. */
export function notebookHasMath(nb) {
  const math = /\$[^$\n]+\$|\$\$|\\\(|\\\[|\\begin\{/;
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type === "markdown" && math.test(cellSource(cell))) return true;
    for (const o of cell.outputs ?? []) {
      const d = o.data ?? {};
      if (math.test(textOf(d["text/markdown"])) || math.test(textOf(d["text/latex"]))) return true;
    }
  }
  return false;
}

/** Number of Plotly figures in an executed notebook (outputs carrying the plotly JSON). */
export function countFigures(nb) {
  let n = 0;
  for (const cell of nb.cells ?? []) for (const o of cell.outputs ?? []) if (o.data && o.data[PLOTLY_MIME]) n++;
  return n;
}

/** nbconvert's lab template clips long code lines (overflow: hidden); in a handout they wrap. */
export const HANDOUT_CSS = `<style type="text/css">
/* zerokara-lab handouts: wrap long lines of code and text output instead of clipping them */
.jp-InputArea-editor .highlight pre, .jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
`;

function findRequireJs(extra = []) {
  return [...REQUIRE_CANDIDATES, ...extra].find((p) => existsSync(p)) ?? null;
}

/** nbconvert's MathJax loader and its text/x-mathjax-config block: the math is typeset already. */
const MATHJAX_CONFIG = /<!-- Load mathjax -->[\s\S]*?<!-- End of mathjax configuration -->/;

/**
 * Put require.js inline, drop nbconvert's MathJax loader, typeset the math
 * (when `needsMath`), purge the stylesheet and compress plotly.js. Pure apart
 * from reading require.js. Returns { html, requirejs, formulas, mathErrors, plotly }.
 */
export function inlineAssets(html, { requireJsPath, needsMath }) {
  let requirejs = "none";
  const scriptTag = (file) => new RegExp(`<script[^>]*\\ssrc="[^"]*${file.replace(/\./g, "\\.")}[^"]*"[^>]*>\\s*</script>`, "g");
  html = html.replace(scriptTag(REQUIRE_PLACEHOLDER), () => {
    if (!requireJsPath) return "";
    requirejs = "inline";
    return `<script>${escapeScript(readFileSync(requireJsPath, "utf8"))}\n</script>`;
  });
  html = html.replace(MATHJAX_CONFIG, "").replace(scriptTag(MATHJAX_PLACEHOLDER), "");
  let formulas = 0;
  let mathErrors = [];
  if (needsMath) ({ html, formulas, errors: mathErrors } = typesetPage(html));
  html = purgePageCss(html).replace("</head>", `${HANDOUT_CSS}</head>`);
  ({ html } = addPrintEdition(html));
  const packed = compressPlotly(html);
  return { html: packed.html, requirejs, formulas, mathErrors, plotly: packed.plotly };
}

/** Script or link URLs that would leave the file (http:, https:, //host, file:). Used as a final check. */
export function externalReferences(html) {
  const refs = [];
  const re = /<(script|link|img|iframe)\b[^>]*\s(src|href)="([^"]+)"/gi;
  let m;
  while ((m = re.exec(html))) if (/^(https?:|\/\/|file:)/i.test(m[3])) refs.push(m[3]);
  return refs;
}

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ code: -1, out: e.message }));
    child.on("close", (code) => resolve({ code, out }));
  });
}

/**
 * Export one executed notebook to <outDir>/<name>.html.
 * Resolves to { name, path, bytes, figures, title, needsMath, formulas, mathErrors, requirejs, external } or throws.
 * `formulas`: how many were typeset; `mathErrors`: [{ tex, message }] for TeX that MathJax rejected.
 */
export async function exportHandout({ python, executed, outDir, requireJsPath = findRequireJs() }) {
  const name = basename(executed, ".ipynb");
  mkdirSync(outDir, { recursive: true });
  const tmpName = `.${name}.tmp-${process.pid}`;
  const args = [
    "-m", "nbconvert", "--to", "html",
    `--HTMLExporter.mathjax_url=${MATHJAX_PLACEHOLDER}`, `--HTMLExporter.require_js_url=${REQUIRE_PLACEHOLDER}`,
    "--output-dir", outDir, "--output", tmpName, executed,
  ];
  const r = await run(python, args, { env: { ...process.env, PYTHONWARNINGS: "ignore" } });
  const tmp = join(outDir, `${tmpName}.html`);
  if (r.code !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    throw new Error(`nbconvert --to html failed for ${name}: ${r.out.trim().split("\n").slice(-3).join(" | ")}`);
  }
  const nb = readNotebook(executed);
  const needsMath = notebookHasMath(nb);
  const out = inlineAssets(readFileSync(tmp, "utf8"), { requireJsPath, needsMath });
  const path = join(outDir, `${name}.html`);
  writeFileSync(tmp, out.html);
  renameSync(tmp, path);
  return {
    name, path, bytes: statSync(path).size, figures: countFigures(nb), title: notebookTitle(nb, name),
    needsMath, formulas: out.formulas, mathErrors: out.mathErrors, requirejs: out.requirejs, plotly: out.plotly, external: externalReferences(out.html),
  };
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/**
 * handouts/index.html: a Japanese table of contents, one line per chapter notebook.
 * `entries`: [{ name, title, file | null, figures, seconds, failed }].
 */
export function indexHtml(entries, { budget, generatedAt = new Date() } = {}) {
  const items = entries.map((e) => {
    const meta = e.file
      ? `<span class="meta">図 ${e.figures} 枚・実行 ${Math.round(e.seconds)} 秒</span>`
      : `<span class="failed">実行に失敗したため作成していません</span>`;
    const title = e.file ? `<a href="${encodeURI(e.file)}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
    return `<li>${title} ${meta}</li>`;
  });
  const stamp = generatedAt.toISOString().replace("T", " ").slice(0, 16);
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ゼロから作るDeep Learning 第6章 学習に関するテクニック — ハンドアウト</title>
<style>
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.7; color: #222; }
h1 { font-size: 1.5em; border-bottom: 2px solid #3b6ea5; padding-bottom: .3em; }
li { margin: .4em 0; }
a { color: #1a4f8b; font-weight: bold; text-decoration: none; }
a:hover { text-decoration: underline; }
.meta { color: #666; font-size: .85em; margin-left: .5em; }
.failed { color: #b00; font-size: .85em; margin-left: .5em; }
footer { margin-top: 2em; color: #777; font-size: .85em; }
</style>
</head>
<body>
<h1>第6章 学習に関するテクニック — ハンドアウト</h1>
<p>「ゼロから作るDeep Learning」第6章を TypeScript で実行したノートブックの配布用 HTML です。各ページはネットワークなしで開けます（図は Plotly を埋め込み済み、数式は書き出し時に SVG に組版済み）。</p>
<ol>
${items.join("\n")}
</ol>
<footer>実行予算: ${budget === "full" ? "FULL（本書と同じ規模）" : "FAST（短縮版）"} ・ 作成: ${stamp} UTC ・ zerokara-lab</footer>
</body>
</html>
`;
}
