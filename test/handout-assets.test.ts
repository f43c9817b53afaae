/**
 * The pure parts of the handout export: math typeset into SVG at export time
 * (scripts/lib/mathjax.mjs), the stylesheet purge (css-purge.mjs) and the
 * compressed plotly.js loader (plotly-inline.mjs). The browser side is in
 * test/handouts.test.ts.
 */
import assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { describe, it } from "node:test";
import { lib } from "./platform";

interface MathLib {
  typesetPage(html: string): { html: string; formulas: number; errors: Array<{ tex: string; message: string }> };
}
interface PurgeLib {
  purgeCss(css: string, used: Set<string>, alsoReads?: string): string;
  usedClasses(html: string): Set<string>;
}
interface PlotlyLib {
  compressedScript(source: string, label?: string): string;
  compressPlotly(html: string): { html: string; plotly: string };
}

describe("math typeset at export", async () => {
  const { typesetPage } = await lib<MathLib>("mathjax");
  const page = (body: string) => `<html><head></head><body>${body}</body></html>`;

  it("typesets inline and display math in text, never in code, scripts or escaped dollars", () => {
    const r = typesetPage(page('<p>重み $W$ と \\$5、$a &lt; b$</p><pre>$x$</pre><code>$y$</code><script>var s="$z$";</script><p>$$\n\\frac{1}{n}\n$$</p>'));
    assert.equal(r.formulas, 3);
    assert.deepEqual(r.errors, []);
    assert.equal((r.html.match(/<mjx-container/g) ?? []).length, 3);
    assert.equal((r.html.match(/jax="SVG" display="true"/g) ?? []).length, 1);
    assert.match(r.html, /<pre>\$x\$<\/pre><code>\$y\$<\/code><script>var s="\$z\$";<\/script>/);
    assert.match(r.html, / と \$5、/, "\\$ is a literal dollar");
    assert.match(r.html, /id="MJX-SVG-global-cache"/);
    for (const m of r.html.matchAll(/xlink:href="#([^"]+)"/g)) assert.ok(r.html.includes(`id="${m[1]}"`), `glyph ${m[1]} defined`);
    assert.match(r.html, /<style type="text\/css" id="zerokara-mathjax-svg">/);
  });

  it("reports TeX it cannot typeset, naming the formula", () => {
    const r = typesetPage(page("<p>$\\notamacro{x}$ and $x^$</p>"));
    assert.equal(r.errors.length, 2);
    assert.equal(r.errors[0].tex, "\\notamacro{x}");
    assert.match(r.errors[0].message, /notamacro/);
  });

  it("leaves a page without math untouched", () => {
    const html = page("<p>no math, 5 $ only</p>");
    assert.equal(typesetPage(html).html, html);
  });
});

describe("stylesheet purge", async () => {
  const { purgeCss, usedClasses } = await lib<PurgeLib>("css-purge");
  const css = `/* Copyright X */ :root { --a: red; --b: url(data:image/svg+xml;base64,AAA); --c: var(--a); }
.used { color: var(--c); } .unused { color: blue; } .used .unused2 { x: 1; } p:not(.absent) { y: 2; }
@media print { .unused { z: 3; } .used { w: 4; } } @media screen { .gone { q: 5; } }`;
  const out = purgeCss(css, usedClasses('<p class="used other">x</p><script>var c="unused"</script>'));

  it("keeps rules that may match and the variables they read, drops the others", () => {
    assert.match(out, /Copyright X/);
    assert.match(out, /\.used \{ color: var\(--c\); \}/);
    assert.match(out, /p:not\(\.absent\) \{ y: 2; \}/);
    assert.match(out, /@media print \{\s*\.used \{ w: 4; \}\s*\}/);
    assert.doesNotMatch(out, /\.unused|\.gone|@media screen/);
    assert.match(out, /--a: red/);
    assert.match(out, /--c: var\(--a\)/);
    assert.doesNotMatch(out, /--b:/);
  });
});

describe("compressed plotly.js", async () => {
  const { compressedScript, compressPlotly } = await lib<PlotlyLib>("plotly-inline");

  it("the loader inflates the source and runs it as a script right after itself", () => {
    const source = `window.ran = ${JSON.stringify("日本語 </script> ".repeat(200))};`;
    const loader = compressedScript(source);
    assert.doesNotMatch(loader.slice(8, -9), /<\/script/i);
    const inserted: string[] = [];
    const me = { parentNode: { insertBefore: (s: { text: string }) => inserted.push(s.text) }, nextSibling: null };
    const js = loader.replace(/^<script>/, "").replace(/<\/script>$/, "");
    runInNewContext(js, { atob: (b: string) => Buffer.from(b, "base64").toString("latin1"), TextDecoder, Uint8Array, Uint16Array, Error,
      document: { currentScript: me, createElement: () => ({ text: "" }) } });
    assert.deepEqual(inserted, [source]);
  });

  it("replaces only the bundle (banner plotly.js vX.Y.Z), not the scripts around it", () => {
    const html = "<script>/* plotly.js v4.1.2 — inlined */window.define=undefined;</script>\n<script>/**\n* plotly.js v4.1.2\n*/var Plotly=1;\n</script>\n<script>window.define=1</script>";
    const r = compressPlotly(html);
    assert.equal(r.plotly, "compressed");
    assert.ok(r.html.startsWith("<script>/* plotly.js v4.1.2 — inlined */window.define=undefined;</script>\n<script>/* plotly.js v4.1.2: deflated"));
    assert.ok(r.html.endsWith("</script>\n<script>window.define=1</script>"));
    assert.equal(compressPlotly("<p>none</p>").plotly, "none");
  });
});
