/**
 * Math typeset at export time: MathJax 3 (npm package mathjax-full) runs in
 * Node, finds the TeX in the handout's HTML the way MathJax in the browser
 * would, and replaces each formula by SVG. The page then carries no math
 * runtime, prints without waiting for one, and stays one self-contained file.
 *
 * Only text between tags is searched, never <script>, <style>, <pre>, <code>,
 * <textarea> or comments (MathJax's own skipHtmlTags), so code cells and the
 * figure JSON are left byte for byte. Glyph shapes are shared: every formula
 * refers (<use>) to one hidden SVG of glyph paths at the top of the body
 * (fontCache "global"). Text inside math (\text{重み}) is drawn by the page's
 * own font (mtextInheritFont), so Japanese reads like the prose around it.
 */
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { FindTeX } from "mathjax-full/js/input/tex/FindTeX.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

/** The delimiters Jupyter's MathJax uses (and nbconvert's MathJax 2 configuration did). */
export const TEX_FIND_OPTIONS = {
  inlineMath: [["$", "$"], ["\\(", "\\)"]],
  displayMath: [["$$", "$$"], ["\\[", "\\]"]],
  processEscapes: true,
  processEnvironments: true,
  processRefs: false,
};

/** Elements whose text is never math (MathJax's skipHtmlTags), plus comments. */
const SKIP = /<!--[\s\S]*?-->|<(script|style|pre|code|textarea|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;

const adaptor = liteAdaptor({ cjkCharWidth: 1 });
RegisterHTMLHandler(adaptor);
// Not: packages that fetch code at run time (nothing to fetch here), nor those that hide
// errors (noundefined draws an unknown macro in red, noerrors shows the source): an error must be found.
const PACKAGES = AllPackages.filter((p) => !["require", "autoload", "noundefined", "noerrors"].includes(p));

const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e.toLowerCase()] ?? m;
  });
}
const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One typesetter per page: it collects the glyphs the page's formulas use.
 * `typeset(tex, display)` → the SVG markup (<mjx-container>) of one formula.
 */
export function createTypesetter() {
  const tex = new TeX({ packages: PACKAGES, tags: "ams" });
  const svg = new SVG({ fontCache: "global", mtextInheritFont: true, merrorInheritFont: true });
  const doc = mathjax.document("", { InputJax: tex, OutputJax: svg });
  const errors = [];
  const glyphs = new Map(); // id → <path>; the jax clears its own cache on every conversion
  let count = 0;
  return {
    typeset(source, display) {
      const node = doc.convert(source, { display, em: 16, ex: 8, containerWidth: 80 * 16 });
      for (const path of adaptor.childNodes(svg.fontCache.getCache())) {
        const id = adaptor.getAttribute(path, "id");
        if (!glyphs.has(id)) glyphs.set(id, adaptor.outerHTML(path));
      }
      const html = adaptor.outerHTML(node);
      if (html.includes('data-mml-node="merror"')) {
        const err = adaptor.tags(node, "g").find((g) => adaptor.getAttribute(g, "data-mml-node") === "merror");
        errors.push({ tex: source, message: (err && adaptor.getAttribute(err, "data-mjx-error")) || "TeX error" });
      }
      count++;
      return html;
    },
    /** The hidden SVG with every glyph used so far (goes once into the body). */
    glyphs() {
      return `<svg style="display: none;" id="MJX-SVG-global-cache"><defs>${[...glyphs.values()].join("")}</defs></svg>`;
    },
    /** MathJax's CSS for its SVG containers; text in math takes the page's font. */
    css() {
      return `${adaptor.textContent(svg.styleSheet(doc))}\nmjx-container[jax="SVG"] text { font-family: inherit; }`;
    },
    get count() { return count; },
    errors,
  };
}

/** Typeset the math in one run of HTML text (entities as in the page); returns HTML. */
function typesetText(raw, finder, mj) {
  if (!/[$\\]/.test(raw)) return raw;
  const text = decodeEntities(raw);
  const found = finder.findMath([text]);
  if (found.length === 0) return raw;
  let out = "";
  let at = 0;
  for (const item of found) {
    out += escapeText(text.slice(at, item.start.n));
    // \$ (processEscapes) is an escaped dollar, not math: display is null for those
    out += item.display == null ? escapeText(item.math) : mj.typeset(item.math, item.display);
    at = item.end.n;
  }
  return out + escapeText(text.slice(at));
}

/**
 * Replace every TeX formula in a page's text by SVG; add MathJax's CSS to the
 * head and the shared glyphs to the body. Returns { html, formulas, errors }.
 */
export function typesetPage(html) {
  const finder = new FindTeX(TEX_FIND_OPTIONS);
  const mj = createTypesetter();
  let out = "";
  let at = 0;
  SKIP.lastIndex = 0;
  let m;
  while ((m = SKIP.exec(html))) {
    out += typesetText(html.slice(at, m.index), finder, mj) + m[0];
    at = m.index + m[0].length;
  }
  out += typesetText(html.slice(at), finder, mj);
  if (mj.count > 0) {
    const style = `<style type="text/css" id="zerokara-mathjax-svg">\n${mj.css()}\n</style>\n`;
    out = out.replace("</head>", `${style}</head>`).replace(/<body\b[^>]*>/, (b) => `${b}\n${mj.glyphs()}`);
  }
  return { html: out, formulas: mj.count, errors: mj.errors };
}
