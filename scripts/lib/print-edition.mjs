/**
 * The print edition of a handout (A4). In print: code cells are hidden (on
 * screen a button 「コードを表示 / 隠す」 toggles them), <details> are open,
 * progress lines (src/viz/progress.ts marks them .zerokara-progress) are
 * dropped, every section (h2) starts a page, no figure, table or formula is
 * cut across pages. A figure with a dropdown, slider or play button prints as
 * small multiples of its states (all when ≤ 12, else an even subset of 12),
 * each labelled with its setting: drawn at load by the page's plotly.js from
 * the figure's own JSON (kept by the export, so nothing is stored twice) into
 * a laid-out but off-screen box, shown in place of the figure in @media print.
 */

export const PRINT_STATES_MAX = 12;

/** Print CSS for nbconvert's lab template (generalised from the formula sheet's, src/exam/sheet/print-style.ts). */
export const HANDOUT_PRINT_CSS = `<style type="text/css" id="zerokara-print">
.zerokara-code-toggle { position: fixed; top: 8px; right: 12px; z-index: 10; font: 13px sans-serif; padding: 4px 10px; border: 1px solid #999; border-radius: 4px; background: #fff; cursor: pointer; }
body.zerokara-hide-code .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
.zerokara-print-states { position: absolute; left: -10000px; top: 0; width: 700px; }
.zerokara-print-states .zk-grid { display: grid; grid-template-columns: repeat(var(--zk-cols, 2), 1fr); gap: 2mm 3mm; }
.zerokara-print-states .zk-state { break-inside: avoid; }
.zerokara-print-states .zk-label { font: 9pt sans-serif; color: #333; margin: 0 0 1mm; }
.zerokara-print-states .zk-head { font: bold 9pt sans-serif; margin: 0 0 1mm; }
@media print {
  @page { size: A4; margin: 12mm; }
  .zerokara-code-toggle { display: none !important; }
  /* quiz results (src/exam): 「未回答」 on screen, a blank answer line 「解答：＿＿」 on paper */
  .zk-screen { display: none !important; }
  .zk-print { display: block !important; }
  html, body { background: #fff !important; }
  body, .jp-RenderedHTMLCommon, .jp-RenderedMarkdown, .jp-OutputArea-output { font-size: 10pt !important; }
  .jp-InputPrompt, .jp-OutputPrompt, .jp-InputArea-prompt, .jp-OutputArea-prompt, .anchor-link { display: none !important; }
  .jp-CodeCell .jp-Cell-inputWrapper, .jp-CodeCell.jp-mod-noOutputs { display: none !important; }
  .jp-Notebook, .jp-Cell, .jp-Cell-inputWrapper, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child { padding-left: 0 !important; padding-right: 0 !important; margin-left: 0 !important; width: auto !important; max-width: none !important; box-shadow: none !important; }
  /* JupyterLab's own print rules make outputs table cells that shrink to their content (a figure to 0 px) */
  .jp-OutputArea-child { display: block !important; }
  .jp-OutputArea-output { display: block !important; box-sizing: border-box !important; width: 100% !important; max-width: 100% !important; overflow: visible !important; }
  .jp-OutputArea-child:has(.zerokara-progress) { display: none !important; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; }
  .jp-RenderedHTMLCommon h2 { break-before: page; }
  .jp-MarkdownCell:first-child h2, .jp-MarkdownCell:first-child h1 + h2 { break-before: auto; }
  h1, h2, h3, h4 { break-after: avoid; }
  table, pre, mjx-container, .jp-OutputArea-child, .zerokara-figure, .js-plotly-plot, .zerokara-print-states .zk-state { break-inside: avoid; }
  .zerokara-figure, .js-plotly-plot, .zerokara-figure .svg-container { max-width: 100% !important; }
  .zerokara-figure.zerokara-has-states { display: none !important; }
  .zerokara-print-states { position: static; left: auto; width: 100%; }
  .jp-RenderedHTMLCommon table { font-size: 9pt !important; }
  pre, code { font-size: 8pt !important; white-space: pre-wrap !important; word-break: break-word; }
}
</style>
`;

/**
 * Runs in the page (inlined as source). States of a figure's controls, each
 * { label, data, layout } ready for Plotly.newPlot. Only the first control of
 * the figure (frames/play, else the first slider, else the first menu) varies.
 */
export function figureStates(fig, max) {
  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function setPath(obj, path, value) {
    var parts = String(path).replace(/\[(\d+)\]/g, ".$1").split(".");
    for (var i = 0; i < parts.length - 1; i++) {
      if (obj[parts[i]] == null || typeof obj[parts[i]] !== "object") obj[parts[i]] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      obj = obj[parts[i]];
    }
    if (value === null) delete obj[parts[parts.length - 1]]; else obj[parts[parts.length - 1]] = clone(value);
  }
  function merge(into, from) {
    for (var k in from) {
      var v = from[k];
      if (v && typeof v === "object" && !Array.isArray(v) && into[k] && typeof into[k] === "object" && !Array.isArray(into[k])) merge(into[k], v);
      else into[k] = clone(v);
    }
  }
  function restyle(data, upd, idx) {
    var traces = idx == null ? data.map(function (_, i) { return i; }) : [].concat(idx);
    for (var key in upd || {}) {
      var val = upd[key];
      traces.forEach(function (t, j) { if (data[t]) setPath(data[t], key, Array.isArray(val) ? val[j % val.length] : val); });
    }
  }
  function relayout(layout, upd) { for (var key in upd || {}) setPath(layout, key, upd[key]); }
  function apply(step, data, layout) {
    var a = step.args || [];
    if (step.method === "restyle") restyle(data, a[0], a[1]);
    else if (step.method === "relayout") relayout(layout, a[0]);
    else if (step.method === "update") { restyle(data, a[0], a[2]); relayout(layout, a[1]); }
    else if (step.method === "animate") {
      var name = Array.isArray(a[0]) ? a[0][0] : a[0];
      var fr = (fig.frames || []).filter(function (f) { return String(f.name) === String(name); })[0];
      if (!fr) return false;
      (fr.data || []).forEach(function (d, k) { var t = fr.traces ? fr.traces[k] : k; if (data[t]) merge(data[t], d); });
      if (fr.layout) merge(layout, fr.layout);
    } else return false;
    return true;
  }
  var L = fig.layout || {};
  var steps = null, prefix = "";
  var sliders = L.sliders || [];
  var menus = (L.updatemenus || []).map(function (m) {
    return (m.buttons || []).filter(function (b) { return !(b.method === "animate" && (!b.args || b.args[0] == null)) && b.method !== "skip"; });
  });
  if (sliders.length && sliders[0].steps && sliders[0].steps.length > 1) {
    steps = sliders[0].steps; prefix = (sliders[0].currentvalue && sliders[0].currentvalue.prefix) || "";
  } else if ((fig.frames || []).length > 1) {
    steps = fig.frames.map(function (f) { return { label: String(f.name), method: "animate", args: [[f.name]] }; });
  } else {
    for (var i = 0; i < menus.length; i++) if (menus[i].length > 1) { steps = menus[i]; break; }
  }
  if (!steps) return [];
  var pick = steps.map(function (_, i) { return i; });
  if (pick.length > max) { pick = []; for (var k = 0; k < max; k++) pick.push(Math.round(k * (steps.length - 1) / (max - 1))); }
  var out = [];
  pick.forEach(function (i) {
    var data = clone(fig.data || []), layout = clone(L);
    delete layout.updatemenus; delete layout.sliders;
    if (apply(steps[i], data, layout)) out.push({ label: prefix + (steps[i].label != null ? steps[i].label : String(i + 1)), data: data, layout: layout, index: i, of: steps.length });
  });
  return out;
}

/** Runs in the page: draw the small multiples of every kept figure. */
function drawPrintStates(figureStates, max) {
  var figs = window.zerokaraFigures || {};
  function draw() {
    if (!window.Plotly) return setTimeout(draw, 100);
    Object.keys(figs).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || el.nextElementSibling && el.nextElementSibling.classList.contains("zerokara-print-states")) return;
      var fig = JSON.parse(figs[id]);
      var states = figureStates(fig, max);
      if (!states.length) return;
      var L = fig.layout || {};
      var multiAxis = Object.keys(L).some(function (k) { return /^[xy]axis[2-9]/.test(k); });
      var cols = multiAxis ? 1 : 2, width = cols === 1 ? 700 : 345;
      var height = Math.min(multiAxis ? 300 : 260, L.height || 450);
      var box = document.createElement("div");
      box.className = "zerokara-print-states";
      box.style.setProperty("--zk-cols", cols);
      var head = document.createElement("div");
      head.className = "zk-head";
      var title = L.title && (L.title.text || L.title);
      head.textContent = (typeof title === "string" ? title.replace(/<[^>]+>/g, "") + " — " : "") +
        "操作できる図の各状態（" + (states.length < states[0].of ? states[0].of + " 通りから " + states.length + " 通り" : "全 " + states.length + " 通り") + "）";
      box.appendChild(head);
      var grid = document.createElement("div");
      grid.className = "zk-grid";
      box.appendChild(grid);
      el.classList.add("zerokara-has-states");
      el.parentNode.insertBefore(box, el.nextSibling);
      states.forEach(function (s, k) {
        var cell = document.createElement("div");
        cell.className = "zk-state";
        // the legend is the same in every state: only the first one shows it (full row, below the plot)
        var legend = k === 0 && s.layout.showlegend !== false && s.data.length > 1;
        var w = legend ? 700 : width, h = legend ? height + 70 : height;
        if (legend) cell.style.gridColumn = "1 / -1";
        var label = document.createElement("div");
        label.className = "zk-label";
        label.textContent = "設定: " + s.label;
        var plot = document.createElement("div");
        plot.style.width = w + "px";
        plot.style.height = h + "px";
        cell.appendChild(label);
        cell.appendChild(plot);
        grid.appendChild(cell);
        var layout = s.layout;
        layout.width = w; layout.height = h; layout.autosize = false;
        layout.showlegend = legend;
        if (legend) layout.legend = Object.assign({}, layout.legend || {}, { orientation: "h", x: 0, y: -0.25, xanchor: "left", yanchor: "top" });
        layout.font = Object.assign({}, layout.font || {}, { size: 11 });
        // the figure's title is in the heading above, the setting in each label
        delete layout.title;
        layout.margin = { l: 45, r: 10, t: 25, b: legend ? 90 : 35 };
        window.Plotly.newPlot(plot, s.data, layout, { staticPlot: true, displayModeBar: false, responsive: false })
          .catch(function (e) { console.error(e); });
      });
    });
  }
  draw();
}

/** Screen toggle for code cells. */
const TOGGLE_SCRIPT = `(function(){var b=document.createElement("button");b.className="zerokara-code-toggle";b.type="button";
b.textContent="コードを表示 / 隠す";b.title="コードセルの表示を切り替えます（印刷ではいつも隠れます）";
b.onclick=function(){document.body.classList.toggle("zerokara-hide-code");};document.body.insertBefore(b,document.body.firstChild);})();`;

/** The figure scripts of src/viz/figure-html.ts: `var id="zerokara-fig-…",fig={…},missing=` (one line). */
const FIGURE_DECL = /var id=("zerokara-fig-[\w-]+"),fig=([^\n]*?),missing=/g;

/** Add the print edition to an exported page; each figure keeps a JSON copy before Plotly mutates it. Returns { html, keptFigures }. */
export function addPrintEdition(html, { statesMax = PRINT_STATES_MAX } = {}) {
  let keptFigures = 0;
  html = html.replace(FIGURE_DECL, (_, id, literal) => {
    keptFigures++;
    return `var id=${id},fig=(function(f){(window.zerokaraFigures=window.zerokaraFigures||{})[${id}]=JSON.stringify(f);return f;})(${literal}),missing=`;
  });
  const script = `<script>${TOGGLE_SCRIPT}\n(${drawPrintStates.toString()})(${figureStates.toString()}, ${statesMax});\n</script>\n`;
  html = html.replace("</head>", `${HANDOUT_PRINT_CSS}</head>`);
  const end = html.lastIndexOf("</body>");
  html = end < 0 ? html + script : html.slice(0, end) + script + html.slice(end);
  return { html, keptFigures };
}
