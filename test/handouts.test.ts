/**
 * Handouts in a real browser: every notebook's executed copy is exported
 * (into build/test-handouts/, so `npm start`'s handouts/ is left alone) and
 * opened from file:// in headless Chromium with every non-file request
 * aborted. Each page must draw exactly as many Plotly figures as the notebook
 * emitted, carry its math typeset already (SVG, no math runtime in the page),
 * stay within the size budget, log no console error and make no request
 * besides itself. A screenshot per page goes to .screenshots/.
 * The print edition of each page: A4 width, text ≥ 8 pt, no figure wider than
 * the page, code cells hidden, <details> open, progress lines dropped, every
 * figure with a dropdown/slider/play button drawn as its small multiples;
 * page.pdf(A4) with a page count; print screenshots to .screenshots/print/.
 * Also: show()'s HTML in a page with and without require.js, animation frames
 * with a play button, and the Japanese note when plotly.js is missing.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { figureHtml } from "../src/viz/figure-html";
import { prepareFigure } from "../src/viz/figure";
import { installedPlotlyLibraryHtml } from "../src/viz/plotly-bundle";
import { ROOT, executed, jupyterPython, lib, notebooksLib } from "./platform";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = path.join(ROOT, "build", "test-handouts");
const SHOTS = path.join(ROOT, ".screenshots");

interface HandoutsLib {
  exportHandout(o: { python: string; executed: string; outDir: string }): Promise<{
    name: string; path: string; bytes: number; figures: number; title: string; needsMath: boolean; formulas: number;
    mathErrors: Array<{ tex: string; message: string }>; external: string[];
  }>;
  countFigures(nb: unknown): number;
  PLOTLY_MIME: string;
  indexHtml(entries: Array<{ name: string; title: string; file: string | null; figures?: number; seconds?: number }>, o: { budget: string }): string;
}

interface PrintLib {
  figureStates(fig: unknown, max: number): Array<{ label: string }>;
  PRINT_STATES_MAX: number;
}

/** Printable A4 width at 96 px/in with 12 mm margins (the print CSS's @page). */
const A4_PRINT_WIDTH = Math.round(((210 - 24) / 25.4) * 96);
const PT = 96 / 72;

/** Measures of the print-emulated page (a string: tsx's helpers such as __name do not exist in the page). */
const PRINT_MEASURE = `(() => {
  const width = document.documentElement.clientWidth;
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.height > 0 && r.width > 0; };
  const px = (sel) => all(sel).filter(visible).map((e) => parseFloat(getComputedStyle(e).fontSize));
  const fonts = px(".jp-RenderedMarkdown p, .jp-RenderedMarkdown li, .jp-RenderedHTMLCommon td, .zk-label");
  const code = px(".jp-OutputArea-output pre, .jp-RenderedMarkdown pre");
  return {
    width, scrollWidth: document.documentElement.scrollWidth,
    minText: fonts.length ? Math.min(...fonts) : 99,
    minCode: code.length ? Math.min(...code) : 99,
    wide: all(".js-plotly-plot, .jp-OutputArea-output table, mjx-container > svg").filter(visible)
      .filter((e) => e.getBoundingClientRect().right > width + 1).map((e) => e.className && e.className.baseVal !== undefined ? "svg" : String(e.className)),
    codeShown: all(".jp-CodeCell .jp-Cell-inputWrapper").filter(visible).length,
    detailsClosed: all("details").filter(visible).filter((d) => Array.from(d.children).some((c) => c.tagName !== "SUMMARY" && !visible(c))).length,
    progressShown: all(".zerokara-progress").filter(visible).length,
    statesShown: all(".zerokara-print-states .zk-state").filter(visible).length,
    statesDrawn: all(".zerokara-print-states .zk-state .main-svg").filter(visible).length > 0,
    interactiveShown: all(".zerokara-has-states").filter(visible).length,
    screenOnlyShown: all(".zk-screen").filter(visible).length,
    printOnlyHidden: all(".zk-print").filter((e) => !visible(e)).length,
    styleAsText: document.body.innerText.includes("@media print{"),
    narrowFigures: all(".zerokara-figure:not(.zerokara-has-states)").filter((e) => e.getBoundingClientRect().width < width / 2).length,
    height: document.documentElement.scrollHeight,
  };
})()`;

interface PrintMeasures {
  width: number; scrollWidth: number; minText: number; minCode: number; wide: string[]; codeShown: number; detailsClosed: number;
  progressShown: number; narrowFigures: number; statesShown: number; statesDrawn: boolean; interactiveShown: number; height: number;
  screenOnlyShown: number; printOnlyHidden: number; styleAsText: boolean;
}

interface PageReport {
  requests: string[];
  errors: string[];
}

/** Open a file:// page with the network cut off; collect requests and console errors. */
async function openOffline(browser: Browser, file: string): Promise<{ page: Page; report: PageReport }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const report: PageReport = { requests: [], errors: [] };
  page.on("request", (r) => report.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") report.errors.push(`${m.text()} (${m.location().url || "?"})`);
  });
  page.on("requestfailed", (r) => report.errors.push(`request failed: ${r.url()}`));
  page.on("pageerror", (e) => report.errors.push(`pageerror: ${e.message}`));
  await page.route((u) => u.protocol !== "file:", (r) => r.abort());
  await page.goto(`file://${file}`, { waitUntil: "load" });
  return { page, report };
}

/** A handout's budget before the live-explorer bundle (issue 16): plotly.js, figures, typeset math, CSS. */
const HANDOUT_MAX_BYTES = 5.5e6;

/**
 * Math left as TeX in the visible text (outside code, scripts, styles), and <use> glyph
 * references of the typeset math that point at nothing. Runs in the page.
 */
function untypesetMath(): { raw: string[]; brokenGlyphs: number; containers: number } {
  const skip = "pre, code, script, style, textarea, mjx-container";
  const tex = /\$\$|\\\(|\\\[|\\begin\{|\$[^$\s][^$]*\$/;
  const raw: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue ?? "";
    if (tex.test(t) && !n.parentElement?.closest(skip)) raw.push(t.trim().slice(0, 80));
  }
  let brokenGlyphs = 0;
  for (const u of Array.from(document.querySelectorAll("mjx-container use"))) {
    const ref = u.getAttribute("xlink:href") ?? u.getAttribute("href") ?? "";
    if (!ref.startsWith("#") || !document.getElementById(ref.slice(1))) brokenGlyphs++;
  }
  return { raw, brokenGlyphs, containers: document.querySelectorAll("mjx-container > svg").length };
}

/** Drawn figures, not counting the print edition's small multiples nor the live explorers (test/explorer-handouts.test.ts). */
const plotRoots = (page: Page) => page.locator(".js-plotly-plot:has(svg.main-svg):not(.zerokara-print-states *):not([data-explorer] *)").count();

describe("handouts in headless Chromium (offline)", async () => {
  const nbl = await notebooksLib();
  const handouts = await lib<HandoutsLib>("handouts");
  const print = await lib<PrintLib>("print-edition");
  const notebooks = nbl.listNotebooks(ROOT);
  let browser: Browser;
  let python: string;
  const entries: Array<{ name: string; title: string; file: string | null; figures?: number; seconds?: number }> = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM_PATH)`);
    python = await jupyterPython();
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  after(async () => {
    await browser?.close();
  });

  for (const file of notebooks) {
    const name = path.basename(file, ".ipynb");
    it(`${name}: every figure drawn, math typeset, no console error, no request`, async () => {
      const run = await executed(file);
      assert.ok(run.record.ok, `${name} did not execute cleanly: ${run.record.failure?.message} (see test/notebooks.test.ts)`);
      const h = await handouts.exportHandout({ python, executed: run.path, outDir: OUT });
      entries.push({ name, title: h.title, file: path.basename(h.path), figures: h.figures, seconds: run.record.seconds });
      assert.deepEqual(h.external, [], "the exported page references external files");
      assert.ok(h.bytes <= HANDOUT_MAX_BYTES, `${name}.html is ${(h.bytes / 1e6).toFixed(2)} MB, budget ${HANDOUT_MAX_BYTES / 1e6} MB`);
      assert.deepEqual(h.mathErrors, [], "TeX that MathJax could not typeset");
      if (h.needsMath) assert.ok(h.formulas > 0, "the notebook has math but none was typeset");

      const { page, report } = await openOffline(browser, h.path);
      try {
        await page.waitForFunction((n) => document.querySelectorAll(".js-plotly-plot svg.main-svg").length > 0 || n === 0, h.figures, { timeout: 60000 });
        await page.waitForTimeout(500);
        assert.equal(await plotRoots(page), h.figures, "rendered Plotly roots vs figures in the notebook");
        assert.equal(await page.getByText("plotly.js がページにありません").count(), 0);
        // math typeset at export: every formula is an SVG whose glyphs resolve, no TeX is left, no runtime ships
        const math = await page.evaluate(untypesetMath);
        assert.equal(math.containers, h.formulas, "typeset formulas on the page vs at export");
        assert.deepEqual(math.raw, [], "TeX left untypeset in the text");
        assert.equal(math.brokenGlyphs, 0, "glyph references without a glyph");
        assert.equal(await page.evaluate(() => "MathJax" in window), false, "a math runtime is on the page");
        assert.equal(await page.locator('g[data-mml-node="merror"]').count(), 0, "MathJax errors");
        await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

        // print edition: small multiples expected from the notebook's figure JSON
        let expectedStates = 0;
        for (const cell of run.nb!.cells) for (const o of cell.outputs ?? []) {
          const fig = (o.data as Record<string, unknown> | undefined)?.[handouts.PLOTLY_MIME];
          if (fig) expectedStates += print.figureStates(fig, print.PRINT_STATES_MAX).length;
        }
        await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1000 });
        await page.emulateMedia({ media: "print" });
        await page.waitForTimeout(300);
        const m = (await page.evaluate(PRINT_MEASURE)) as PrintMeasures;
        assert.ok(m.scrollWidth <= m.width, `printed page ${m.scrollWidth}px wide, A4 printable ${m.width}px`);
        assert.deepEqual(m.wide, [], "figures, tables or formulas wider than the printable A4 width");
        assert.ok(m.minText >= 8 * PT - 0.01, `smallest printed text ${(m.minText / PT).toFixed(1)} pt`);
        // code keeps 7 pt at least (the formula sheet sets 7.5 pt to fit its twins side by side)
        assert.ok(m.minCode >= 7 * PT - 0.01, `smallest printed code ${(m.minCode / PT).toFixed(1)} pt`);
        assert.equal(m.codeShown, 0, "code cells printed");
        assert.equal(m.narrowFigures, 0, "figures collapsed to less than half the page width in print");
        assert.equal(m.detailsClosed, 0, "<details> closed in print");
        assert.equal(m.progressShown, 0, "progress lines printed");
        assert.equal(m.statesShown, expectedStates, "small multiples printed vs states of the figures' controls");
        if (expectedStates > 0) assert.ok(m.statesDrawn, "small multiples drawn");
        assert.equal(m.interactiveShown, 0, "a figure with controls printed in its first state only");
        // quiz results: 「未回答」 is screen-only, the blank answer line is print-only; no CSS printed as text
        assert.equal(m.screenOnlyShown, 0, "screen-only quiz text (未回答 and its folded key) printed");
        assert.equal(m.printOnlyHidden, 0, "blank answer lines missing in print");
        assert.equal(m.styleAsText, false, "a <style> rendered as visible text");
        mkdirSync(path.join(SHOTS, "print"), { recursive: true });
        for (let y = 0, k = 0; y < m.height && k < 40; y += 1000, k++) {
          await page.screenshot({ path: path.join(SHOTS, "print", `${name}-${String(k + 1).padStart(2, "0")}.png`), fullPage: true, clip: { x: 0, y, width: A4_PRINT_WIDTH, height: Math.min(1000, m.height - y) } });
        }
        const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, path: path.join(SHOTS, "print", `${name}.pdf`) });
        const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
        // A4 is 595.3 × 841.9 pt; Chromium rounds to whole CSS px (594.96 × 841.92 or 595.92 × 842.88)
        const a4 = /\/MediaBox\s*\[\s*0 0 59[456](\.\d+)? 84[123](\.\d+)?\s*\]/.test(pdf.toString("latin1"));
        assert.ok(a4, "PDF pages are A4");
        assert.ok(pages >= 1 && pages <= Math.ceil(m.height / 900) + 20, `${pages} A4 pages for ${m.height}px of printed content`);
        assert.deepEqual(report.requests.filter((u) => u !== `file://${h.path}` && !u.startsWith("data:")), [], "requests besides the page");
        assert.deepEqual(report.errors, [], "console errors");
      } finally {
        await page.close();
      }
    });
  }

  it("index.html: one line per notebook with its title, links that exist", () => {
    const html = handouts.indexHtml(entries, { budget: "fast" });
    writeFileSync(path.join(OUT, "index.html"), html);
    for (const e of entries) {
      assert.ok(html.includes(`<a href="${e.file}">`), e.name);
      assert.ok(existsSync(path.join(OUT, e.file!)));
    }
    assert.equal((html.match(/<li>/g) ?? []).length, entries.length);
    assert.match(html, /<html lang="ja">/);
  });

  describe("show() html in the browser", () => {
    const anim = prepareFigure({
      data: [{ type: "scatter", x: [0, 1], y: [0, 0], mode: "markers" }],
      layout: {
        updatemenus: [{ type: "buttons", buttons: [{ label: "▶ 再生", method: "animate", args: [null, { frame: { duration: 30, redraw: false }, transition: { duration: 0 } }] }] }],
        sliders: [{ steps: [0, 1, 2].map((i) => ({ label: String(i), method: "animate", args: [[String(i)], { mode: "immediate", frame: { duration: 0 } }] })) }],
      },
      frames: [0, 1, 2].map((i) => ({ name: String(i), data: [{ x: [0, 1], y: [i, i] }] })),
    });
    const plain = prepareFigure({ data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }] });

    function page(body: string, withRequire: boolean): string {
      const requirejs = withRequire ? '<script src="file:///usr/share/javascript/requirejs/require.min.js"></script>' : "";
      return `<!DOCTYPE html><html><head><meta charset="utf-8">${requirejs}</head><body>${body}</body></html>`;
    }

    for (const withRequire of [true, false]) {
      it(`library once + two figures, animation plays (${withRequire ? "with" : "without"} require.js)`, async (t) => {
        if (withRequire && !existsSync("/usr/share/javascript/requirejs/require.min.js")) return t.skip("no Debian require.js");
        const file = path.join(OUT, `show-${withRequire ? "amd" : "plain"}.html`);
        mkdirSync(OUT, { recursive: true });
        writeFileSync(file, page(installedPlotlyLibraryHtml() + figureHtml(anim, { id: "f1" }) + figureHtml(plain, { id: "f2" }), withRequire));
        const { page: p, report } = await openOffline(browser, file);
        try {
          await p.waitForFunction(() => document.querySelectorAll(".js-plotly-plot svg.main-svg").length >= 2, null, { timeout: 30000 });
          assert.equal(await plotRoots(p), 2);
          assert.equal(await p.evaluate(() => typeof (window as unknown as { define?: unknown }).define), withRequire ? "function" : "undefined");
          await p.getByText("▶ 再生").click();
          await p.waitForFunction(() => {
            const gd = document.getElementById("f1") as unknown as { data: Array<{ y: number[] }> };
            return gd.data[0].y[0] === 2;
          }, null, { timeout: 10000 });
          assert.deepEqual(report.errors, []);
        } finally {
          await p.close();
        }
      });
    }

    it("without plotly.js on the page the figure says what to do (never blank)", async () => {
      const file = path.join(OUT, "show-missing.html");
      writeFileSync(file, page(figureHtml(plain, { id: "f3", waitMs: 200 }), false));
      const { page: p, report } = await openOffline(browser, file);
      try {
        await p.getByText("plotly.js がページにありません").waitFor({ timeout: 10000 });
        assert.match(await p.locator("#f3").innerText(), /Restart & Run All/);
        assert.deepEqual(report.errors, []);
      } finally {
        await p.close();
      }
    });
  });
});
