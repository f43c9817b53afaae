/**
 * MathJax 2 for offline handouts, inlined into the page as one <script>.
 *
 * nbconvert's HTML loads MathJax from a URL: a CDN, or on Debian
 * file:///usr/share/javascript/mathjax — present only on that machine, and its
 * CommonHTML web fonts are refused to file:// pages anyway. Here the page
 * carries every file MathJax may ask for (core, combined TeX + SVG config, the
 * SVG glyph tables — SVG output draws glyphs as paths, so no web fonts — the
 * SVG autoload modules, the MathML operator tables, the TeX extensions macros
 * autoload, the menus and their Japanese strings) as strings, and MathJax's script loader is replaced
 * by one that runs the string instead of requesting the file. Files then run
 * exactly when MathJax would have loaded them. Startup waits for the window
 * load event, by which time nbconvert's text/x-mathjax-config block is there.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const LOCALE = "ja";
const ROOT_NAME = "mathjax-inline"; // MathJax's root URL: never requested

/** Directories that may hold a MathJax 2.7 distribution, best first. */
export function mathJaxCandidates(extra = []) {
  return [process.env.ZEROKARA_MATHJAX, "/usr/share/javascript/mathjax", ...extra].filter(Boolean);
}

/** The first directory with MathJax 2.7 and its SVG TeX fonts, or null. */
export function findMathJax(extra = []) {
  for (const dir of mathJaxCandidates(extra)) {
    if (existsSync(join(dir, "MathJax.js")) && existsSync(join(dir, "config/TeX-AMS_SVG-full.js")) &&
        existsSync(join(dir, "jax/output/SVG/fonts/TeX/fontdata.js"))) return dir;
  }
  return null;
}

function jsFiles(dir, recursive = true) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (recursive) out.push(...jsFiles(p)); }
    else if (name.endsWith(".js")) out.push(p);
  }
  return out;
}

/** Every file MathJax may load for TeX input and SVG output, keyed "[MathJax]/…". */
export function mathJaxFiles(root) {
  const files = [
    join(root, "config/TeX-AMS_SVG-full.js"),
    ...jsFiles(join(root, "jax/output/SVG/fonts/TeX")),
    ...jsFiles(join(root, "jax/output/SVG/autoload")),
    ...jsFiles(join(root, "jax/element/mml/optable")), // operator dictionary, loaded per Unicode block
    ...jsFiles(join(root, "extensions"), false),
    ...jsFiles(join(root, "extensions/TeX"), false),
    ...jsFiles(join(root, "localization", LOCALE)),
  ];
  const map = {};
  for (const f of files) map[`[MathJax]/${relative(root, f).split("\\").join("/")}`] = readFileSync(f, "utf8");
  return map;
}

/** JSON that is also safe inside <script>: no "<" at all. */
function scriptJson(v) {
  return JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The author configuration (with the loader replacement in AuthorInit), as JS source. */
function authorConfigSource() {
  const config = {
    root: ROOT_NAME,
    config: ["TeX-AMS_SVG-full.js"],
    delayStartupUntil: "onload",
    messageStyle: "none",
    menuSettings: { locale: LOCALE },
    tex2jax: {
      inlineMath: [["$", "$"], ["\\(", "\\)"]],
      displayMath: [["$$", "$$"], ["\\[", "\\]"]],
      processEscapes: true,
      processEnvironments: true,
    },
    TeX: { equationNumbers: { autoNumber: "AMS" } },
    SVG: { font: "TeX" },
  };
  return `window.MathJax=${scriptJson(config)};
window.MathJax.AuthorInit=function(){
  var A=MathJax.Ajax,original=A.loader.JS,files=window.__zerokaraMathJaxFiles;
  A.loader.JS=function(file,callback){
    var name=this.fileName(file);
    if(!Object.prototype.hasOwnProperty.call(files,name))return original.call(this,file,callback);
    this.loading[file]={callback:callback,timeout:setTimeout(MathJax.Callback(["loadTimeout",this,file]),this.timeout),status:this.STATUS.OK};
    this.loading[file].message=MathJax.Message.File(name);
    var head=this.head;
    setTimeout(function(){var s=document.createElement("script");s.text=files[name];head.appendChild(s);},0);
  };
};`;
}

/** JavaScript source that defines MathJax with all its files on board. */
export function inlineMathJaxSource(root) {
  return [
    `window.__zerokaraMathJaxFiles=${scriptJson(mathJaxFiles(root))};`,
    authorConfigSource(),
    readFileSync(join(root, "MathJax.js"), "utf8"),
  ].join("\n");
}
