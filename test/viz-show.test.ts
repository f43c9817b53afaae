import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, describe, it } from "node:test";
import vm from "node:vm";
import { ArgumentError } from "../src/core/errors";
import { checkFigure, describeFigure, figureHeight, prepareFigure, toPlain } from "../src/viz/figure";
import { MISSING_PLOTLY_JA, PENDING_NOTE_JA, figureHtml } from "../src/viz/figure-html";
import { escapeHtml, escapeScriptSource, scriptJson } from "../src/viz/html";
import { displayBundle, displayWriter, inKernel } from "../src/viz/kernel";
import { bundleVersion, plotlyBundlePath, plotlyLibraryHtml } from "../src/viz/plotly-bundle";
import { PLOTLY_MIME, figureBundle, show } from "../src/viz/show";

const fig = {
  data: [{ type: "scatter", x: new Float64Array([0, 1, 2]), y: [1, NaN, 3], name: "a" }],
  layout: { title: { text: "損失 <b>loss</b>" }, height: 320 },
};

describe("figure spec", () => {
  it("prepareFigure: plain arrays, NaN → null, default config, input untouched", () => {
    const p = prepareFigure(fig);
    assert.deepEqual(p.data[0].x, [0, 1, 2]);
    assert.deepEqual(p.data[0].y, [1, null, 3]);
    assert.equal(p.config?.responsive, true);
    assert.ok(fig.data[0].x instanceof Float64Array);
    assert.equal(p.frames, undefined);
  });

  it("keeps frames, sliders and updatemenus", () => {
    const anim = {
      data: [{ x: [0], y: [0] }],
      layout: { sliders: [{ steps: [] }], updatemenus: [{ type: "buttons", buttons: [{ method: "animate", args: [null] }] }] },
      frames: [{ name: "0", data: [{ x: [1], y: [1] }] }],
    };
    const p = prepareFigure(anim);
    assert.equal(p.frames?.length, 1);
    assert.match(describeFigure(p), /1 frames, 1 slider, 1 menu/);
  });

  it("user config overrides the defaults", () => {
    assert.equal(prepareFigure({ data: [], config: { responsive: false } }).config?.responsive, false);
  });

  it("rejects non-figures naming the argument", () => {
    assert.throws(() => checkFigure(null), (e: unknown) => e instanceof ArgumentError && e.argument === "fig");
    assert.throws(() => checkFigure({ data: {} }), /fig\.data: expected an array of traces/);
    assert.throws(() => checkFigure({ data: [1] }), /fig\.data\[0\]/);
    assert.throws(() => checkFigure({ data: [], layout: [] }), /fig\.layout/);
    assert.throws(() => checkFigure({ data: [], frames: {} }), /fig\.frames/);
  });

  it("toPlain drops functions and undefined, converts dates and typed arrays", () => {
    assert.deepEqual(toPlain({ a: () => 1, b: undefined, c: new Int32Array([1, 2]), d: [undefined, Infinity] }), { c: [1, 2], d: [null, null] });
  });

  it("describeFigure summarises traces and title without markup", () => {
    assert.equal(describeFigure(prepareFigure(fig)), '[Plotly figure] "損失 loss", 1 trace (scatter)');
    assert.equal(figureHeight(prepareFigure(fig)), 320);
    assert.equal(figureHeight({ data: [] }), 450);
  });
});

describe("html helpers", () => {
  it("escapeHtml", () => assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));

  it("scriptJson cannot close a script and parses back", () => {
    const v = { s: "</script><!-- \u2028" };
    const j = scriptJson(v);
    assert.ok(!j.includes("<"));
    assert.deepEqual(JSON.parse(j), v);
  });

  it("escapeScriptSource keeps the program's meaning", () => {
    const src = 'var a = "</script>", b = /<!--/.test("<!--"), c = `<SCRIPT>`; result = [a, b, c];';
    const esc = escapeScriptSource(src);
    assert.ok(!/<\/script|<!--|<script/i.test(esc));
    const ctx: { result?: unknown } = {};
    vm.runInNewContext(esc, ctx);
    assert.deepEqual(JSON.parse(JSON.stringify(ctx.result)), ["</script>", true, "<SCRIPT>"]);
  });
});

describe("plotly.js bundle", () => {
  const source = readFileSync(plotlyBundlePath(), "utf8");

  it("is the minified v4 bundle from node_modules", () => {
    assert.match(bundleVersion(source), /^4\./);
    assert.ok(source.length > 1e6 && source.length < 8e6);
  });

  it("library html hides define while the bundle runs and has nothing that ends the script early", () => {
    const h = plotlyLibraryHtml(source);
    const scripts = h.match(/<script>/g) ?? [];
    assert.equal(scripts.length, 3);
    assert.equal((h.match(/<\/script/gi) ?? []).length, 3);
    assert.ok(h.indexOf("window.define=undefined") < h.indexOf("Plotly"));
    assert.ok(!h.includes("application/javascript"));
  });

  it("the escaped bundle still compiles (escaping changed no syntax)", () => {
    // Running it needs a browser: test/handouts.test.ts checks it draws, with require.js on the page.
    const body = plotlyLibraryHtml(source).split("<script>")[2].replace(/<\/script>\s*$/, "");
    assert.ok(body.length >= source.length);
    assert.doesNotThrow(() => new vm.Script(body));
  });
});

describe("figureHtml", () => {
  it("a div with the pending note, and a script that waits for the div and Plotly", () => {
    const h = figureHtml(prepareFigure(fig), { id: "zk-1" });
    assert.match(h, /^<div id="zk-1" class="zerokara-figure" style="width:100%;height:320px">/);
    assert.ok(h.includes(escapeHtml(PENDING_NOTE_JA)));
    assert.ok(h.includes(JSON.stringify(escapeHtml(MISSING_PLOTLY_JA)).slice(1, 20)));
    assert.match(h, /Plotly\.newPlot\(el,fig\)/);
    assert.equal((h.match(/<\/script/gi) ?? []).length, 1);
    assert.throws(() => figureHtml(prepareFigure(fig), { id: '"><x' }), /id:/);
  });

  it("draws with the figure once Plotly appears, then shows the missing note when it never does", async () => {
    const h = figureHtml(prepareFigure(fig), { id: "zk-2", waitMs: 30 });
    const script = /<script>([\s\S]*)<\/script>/.exec(h)![1];
    const el = { innerHTML: "note", textContent: "" };
    let drawn: unknown;
    const window: Record<string, unknown> = {};
    const ctx = vm.createContext({
      window, console, setTimeout, Date,
      document: { getElementById: (id: string) => (id === "zk-2" ? el : null) },
    });
    vm.runInContext(script, ctx);
    await new Promise((r) => setTimeout(r, 10));
    window.Plotly = { newPlot: (_el: unknown, f: unknown) => ((drawn = f), Promise.resolve()) };
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(el.innerHTML, "");
    assert.deepEqual(JSON.parse(JSON.stringify((drawn as { layout: unknown }).layout)), prepareFigure(fig).layout);

    const el2 = { innerHTML: "note" };
    const ctx2 = vm.createContext({ window: {}, console, setTimeout, Date, document: { getElementById: () => el2 } });
    vm.runInContext(script, ctx2);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(el2.innerHTML.includes("plotly.js がページにありません"));
  });
});

describe("show / kernel I/O", () => {
  const fakeKey = "/fake/node_modules/tslab/dist/jupyter.js";
  afterEach(() => {
    delete require.cache[fakeKey];
    delete (globalThis as { __zerokaraViz?: unknown }).__zerokaraViz;
  });

  function fakeKernel(): Array<{ message: { data: Record<string, unknown>; transient: unknown }; update: boolean }> {
    const sent: Array<{ message: { data: Record<string, unknown>; transient: unknown }; update: boolean }> = [];
    const m = new (require("module") as new (id: string) => NodeJS.Module)(fakeKey);
    m.exports = { lastWriteDisplayData: (message: never, update: boolean) => sent.push({ message, update }) };
    require.cache[fakeKey] = m;
    return sent;
  }

  it("outside a kernel: no writer, show prints a summary instead of crashing", (t) => {
    assert.equal(displayWriter(), null);
    assert.equal(inKernel(), false);
    assert.equal(displayBundle({ "text/plain": "x" }), false);
    const log = t.mock.method(console, "log", () => {});
    show(fig);
    assert.equal(log.mock.callCount(), 1);
    assert.match(String(log.mock.calls[0].arguments[0]), /^\[Plotly figure\]/);
  });

  it("in a kernel: one display_data per figure with plotly JSON, html and text; plotly.js only in the first", () => {
    const sent = fakeKernel();
    assert.equal(inKernel(), true);
    show(fig);
    show({ data: [{ type: "bar", x: [1], y: [2] }] });
    assert.equal(sent.length, 2);
    for (const s of sent) {
      assert.equal(s.update, false);
      assert.deepEqual(Object.keys(s.message.data).sort(), [PLOTLY_MIME, "text/html", "text/plain"].sort());
    }
    const [first, second] = sent.map((s) => String(s.message.data["text/html"]));
    assert.ok(first.includes("window.__zerokaraDefine") && first.length > 1e6);
    assert.ok(!second.includes("window.__zerokaraDefine") && second.length < 10000);
    assert.deepEqual((sent[0].message.data[PLOTLY_MIME] as { data: unknown[] }).data[0], prepareFigure(fig).data[0]);
  });

  it("library: true inlines plotly.js again (after the page lost it)", () => {
    const sent = fakeKernel();
    show(fig);
    show(fig, { library: true });
    assert.ok(String(sent[1].message.data["text/html"]).includes("window.__zerokaraDefine"));
  });

  it("figureBundle is the pure part", () => {
    const b = figureBundle(prepareFigure(fig), "zk-3");
    assert.match(String(b["text/html"]), /id="zk-3"/);
    assert.equal(b["text/plain"], describeFigure(prepareFigure(fig)));
  });
});
