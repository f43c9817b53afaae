/**
 * plotly.js is 4.8 MB of the 5–7 MB of a handout. The page keeps it inline
 * (one self-contained file, no request), but compressed: the bundle's text is
 * deflated here, stored as base64 (≈ 1.9 MB) and, when the page loads,
 * inflated synchronously by tiny-inflate (9 kB, inlined with it) and run as a
 * <script> right where the original was. Nothing else changes: the scripts
 * around it (which hide require.js's `define` from the bundle) still run
 * before and after it, so window.Plotly exists before the first figure's
 * script, as before. Inflating takes some 0.1 s.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const require = createRequire(import.meta.url);

/** The inline script that carries plotly.js (see src/viz/plotly-bundle.ts: banner "plotly.js vX.Y.Z"). */
const PLOTLY_SCRIPT = /<script>(\/\*\*\s[^]{0,400}?\bplotly\.js v(\d+\.\d+\.\d+)[^]*?)\n?<\/script>/;

let inflateSource;
function tinyInflate() {
  inflateSource ??= readFileSync(require.resolve("tiny-inflate"), "utf8");
  return inflateSource;
}

/** HTML must not see </script, <!-- or <script inside the loader. */
const escapeScript = (s) => s.replace(/<(?=\/script|!--|script)/gi, "\\x3C");

/** The loader script that inflates and runs `source` (JavaScript text). */
export function compressedScript(source, label = "script") {
  const bytes = Buffer.from(source, "utf8");
  const packed = deflateRawSync(bytes, { level: 9 }).toString("base64");
  return (
    `<script>/* ${label}: deflated and base64-encoded by zerokara-lab's handout export; inflated by tiny-inflate (MIT, Devon Govett) and run here */\n` +
    "(function(){var module={exports:{}};\n" + escapeScript(tinyInflate()) + "\nvar inflate=module.exports;" +
    `var b=atob("${packed}"),z=new Uint8Array(b.length),out=new Uint8Array(${bytes.length});` +
    "for(var i=0;i<b.length;i++)z[i]=b.charCodeAt(i);" +
    "inflate(z,out);" + // throws "Data error" when damaged
    'var s=document.createElement("script");s.text=new TextDecoder("utf-8").decode(out);' +
    "var me=document.currentScript;me.parentNode.insertBefore(s,me.nextSibling);})();\n</script>"
  );
}

/**
 * Replace the inline plotly.js bundle of a page by its compressed loader.
 * Returns { html, plotly: "compressed" | "none", version, bytes (original), packedBytes }.
 */
export function compressPlotly(html) {
  const m = PLOTLY_SCRIPT.exec(html);
  if (!m) return { html, plotly: "none" };
  const loader = compressedScript(m[1], `plotly.js v${m[2]}`);
  return {
    html: html.slice(0, m.index) + loader + html.slice(m.index + m[0].length),
    plotly: "compressed", version: m[2], bytes: Buffer.byteLength(m[1]), packedBytes: Buffer.byteLength(loader),
  };
}
