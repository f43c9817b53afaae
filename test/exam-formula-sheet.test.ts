/**
 * notebooks/6-7-formula-sheet.ipynb:
 *   - every update rule's TypeScript twin and NumPy twin (run by Python with
 *     NumPy) reproduce src/optim bit for bit (to 1e-12);
 *   - the sheet has every formula the issue lists, in three notations;
 *   - the exported handout, printed by headless Chromium on A4, is legible:
 *     nothing sticks out of the printable width, text ≥ 8 pt (code ≥ 7 pt),
 *     math typeset offline, the NumPy twins opened; the PDF and a screenshot
 *     per page-height slice go to build/exam-print/ to look at.
 *   - both 6-6 and 6-7 are listed by the handouts index, with their titles.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { randomRun, runOptimizer } from "../src/exam/rule-check";
import { formulaSheetNotebook } from "../src/exam/sheet/formula-sheet";
import { runTsTwin, twinChecks } from "../src/exam/sheet/twins";
import { UPDATE_RULES } from "../src/exam/sheet/update-rules";
import { ROOT, executed, jupyterPython, lib, notebooksLib, text } from "./platform";

const FILE = path.join(ROOT, "notebooks", "6-7-formula-sheet.ipynb");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = path.join(ROOT, "build", "exam-print");
/** A4 minus 12 mm margins at 96 px/in: 186 mm × 273 mm. */
const PRINT_WIDTH = Math.floor((186 / 25.4) * 96);
const PRINT_HEIGHT = Math.floor((273 / 25.4) * 96);
const PT = 96 / 72;

interface Measures {
  width: number;
  scrollWidth: number;
  sticking: string[];
  text: number;
  code: number;
  details: { height: number; left: number }[];
  typeset: number;
  mathErrors: number;
  rawTex: number;
  height: number;
}

/**
 * Runs in the page (a string: tsx's helpers such as __name do not exist
 * there). Sizes in CSS px of the print-emulated page.
 */
const MEASURE = `(() => {
  const width = document.documentElement.clientWidth;
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const visible = (e) => e.getBoundingClientRect().height > 0;
  const sticking = all(".jp-Cell table, .jp-Cell pre, mjx-container > svg, .jp-Cell img")
    .filter((e) => visible(e) && e.getBoundingClientRect().right > width + 1)
    .map((e) => e.tagName + " " + (e.textContent || "").slice(0, 40));
  const px = (sel) => all(sel).filter(visible).map((e) => parseFloat(getComputedStyle(e).fontSize));
  const details = all("details").map((d) => {
    const pre = d.querySelector("pre").getBoundingClientRect();
    return { height: pre.height, left: pre.left };
  });
  return {
    width, scrollWidth: document.documentElement.scrollWidth, sticking,
    text: Math.min(...px(".jp-RenderedMarkdown p, .jp-RenderedMarkdown li, .jp-RenderedMarkdown td")),
    code: Math.min(...px(".jp-RenderedMarkdown pre, .jp-OutputArea pre")),
    details,
    typeset: all("mjx-container > svg").length,
    mathErrors: all('g[data-mml-node="merror"]').length,
    rawTex: all(".jp-RenderedMarkdown").filter((e) => /\\$[^$]*\\\\[a-zA-Z]+/.test(e.textContent || "")).length,
    height: document.documentElement.scrollHeight,
  };
})()`;

const NUMPY_RUNNER = `
import json, sys
import numpy as np
cases = json.load(sys.stdin)
out = {}
for c in cases:
    W = np.array(c["W0"], dtype=np.float64)
    state = {name: np.zeros_like(W) for name in c["state"]}
    t = 0
    for g in c["grads"]:
        ns = {"np": np, "W": W, "grad": np.array(g, dtype=np.float64), "t": t, **state, **c["hyper"]}
        exec(c["code"], ns)
        W, t = ns["W"], ns["t"]
        state = {name: ns[name] for name in c["state"]}
    out[c["key"]] = W.tolist()
print(json.dumps(out))
`;

describe("formula sheet: the code twins reproduce src/optim", () => {
  it("TypeScript twins (the text printed on the sheet) match every optimizer exactly", () => {
    for (const row of twinChecks()) assert.ok(row["エンジンとの最大誤差"] <= 1e-12, `${row.手法}: ${row["エンジンとの最大誤差"]}`);
    const run = randomRun(5, 6);
    for (const rule of UPDATE_RULES) {
      const got = runTsTwin(rule, run.p0.data, run.grads.map((g) => g.data));
      assert.ok(got.every((v, i) => v !== run.p0.data[i]), `${rule.name}: every parameter moved`);
    }
  });

  it("NumPy twins (run by Python with NumPy) match every optimizer to 1e-12", async (t) => {
    const python = await jupyterPython().catch(() => "/usr/bin/python3");
    const probe = spawnSync(python, ["-c", "import numpy"], { encoding: "utf8" });
    if (probe.status !== 0) return t.skip(`${python} has no NumPy (apt-get install python3-numpy)`);
    const run = randomRun(11, 5);
    const cases = UPDATE_RULES.map((rule) => ({
      key: rule.key,
      code: rule.numpy,
      state: rule.state,
      hyper: Object.fromEntries(Object.values(rule.hyper).map((h) => [h.py, h.value])),
      W0: Array.from(run.p0.data),
      grads: run.grads.map((g) => Array.from(g.data)),
    }));
    const r = spawnSync(python, ["-c", NUMPY_RUNNER], { input: JSON.stringify(cases), encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as Record<string, number[]>;
    for (const rule of UPDATE_RULES) {
      const expected = runOptimizer(rule.engine(), run).data;
      const err = got[rule.key].reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i])), 0);
      assert.ok(err <= 1e-12, `${rule.name}: NumPy twin differs from src/optim by ${err}`);
    }
  });

  it("a twin with a wrong line is caught (the comparison is not vacuous)", () => {
    const rule = UPDATE_RULES.find((r) => r.key === "momentum")!;
    const broken = { ...rule, ts: rule.ts.replace("momentum * v[i] - lr", "momentum * v[i] + lr") };
    const run = randomRun(3);
    const expected = runOptimizer(rule.engine(), run).data;
    const got = runTsTwin(broken, run.p0.data, run.grads.map((g) => g.data));
    assert.ok(got.some((v, i) => Math.abs(v - expected[i]) > 1e-6));
  });
});

describe("formula sheet: contents", () => {
  const nb = formulaSheetNotebook();
  const md = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => c.source.join("")).join("\n\n");

  it("every update rule in book, E資格 (Goodfellow) and d2l notation, with a TS block and a collapsed NumPy twin", () => {
    for (const rule of UPDATE_RULES) {
      const cell = nb.cells.find((c) => c.id === `rule-${rule.key}`);
      assert.ok(cell, rule.key);
      const src = cell.source.join("");
      for (const row of ["| 本書 |", "| E資格 (Goodfellow) |", "| d2l |"]) assert.ok(src.includes(row), `${rule.key}: ${row}`);
      assert.ok(src.includes("```ts\n" + rule.ts + "\n```"), `${rule.key}: TypeScript block`);
      assert.match(src, /<details><summary>NumPy[^<]*<\/summary><pre><code class="language-python">[^]*<\/code><\/pre><\/details>/);
      assert.doesNotMatch(src.slice(src.indexOf("<details>")), /\n\s*\n/, "no blank line inside the HTML block");
    }
  });

  it("the E資格 symbols (ε, α, ρ, δ, ρ1, ρ2) and d2l's (η, β, γ) appear, with typical values", () => {
    for (const sym of ["\\epsilon", "\\alpha", "\\rho", "\\delta", "\\rho_1", "\\rho_2", "\\eta", "\\beta", "\\gamma"]) assert.ok(md.includes(sym), sym);
    for (const v of ["0.9", "0.999", "0.99", "10^{-7}", "10^{-8}", "0.001", "0.01"]) assert.ok(md.includes(v), v);
  });

  it("covers initialisers, BN/LN/IN/GN, L1/L2, both dropout forms, early stopping, EI/PI/UCB", () => {
    for (const s of ["Xavier", "He", "Glorot", "Batch Norm", "Layer Norm", "Instance Norm", "Group Norm", "L1", "L2",
      "本書の Dropout", "inverted dropout", "Early stopping", "patience", "\\mathrm{EI}", "\\mathrm{PI}", "\\mathrm{UCB}"]) {
      assert.ok(md.includes(s), s);
    }
  });

  it("carries the A4 print CSS in its first cell and a few engine code cells", () => {
    const head = nb.cells[0].source.join("");
    assert.match(head, /<style>[^]*@media print[^]*@page \{ size: A4; margin: 12mm; \}[^]*<\/style>/);
    assert.match(head, /^# /m);
    assert.ok(nb.cells.filter((c) => c.cell_type === "code").length >= 4);
  });
});

describe("formula sheet: printed on A4 (headless Chromium)", () => {
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM_PATH)`);
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
  });
  after(async () => {
    await browser?.close();
  });

  it("the handout prints legibly: fits the width, ≥ 8 pt text, math typeset, NumPy twins open, a few A4 pages", async () => {
    const run = await executed(FILE);
    assert.ok(run.record.ok, `6-7 did not execute: ${run.record.failure?.message}`);
    for (const cell of run.nb!.cells) {
      for (const o of cell.outputs ?? []) {
        assert.notEqual(o.output_type, "error", `${cell.id}: ${o.ename}: ${o.evalue}`);
        if (o.output_type === "stream") assert.notEqual(o.name, "stderr", `${cell.id}: ${text(o.text)}`);
      }
    }
    const handouts = await lib<{ exportHandout(o: { python: string; executed: string; outDir: string }): Promise<{ path: string; formulas: number; mathErrors: unknown[] }> }>("handouts");
    const h = await handouts.exportHandout({ python: await jupyterPython(), executed: run.path, outDir: OUT });
    assert.deepEqual(h.mathErrors, [], "TeX that MathJax could not typeset at export");

    const page = await browser.newPage({ viewport: { width: PRINT_WIDTH, height: PRINT_HEIGHT } });
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route((u) => u.protocol !== "file:", (r) => r.abort());
    try {
      await page.goto(`file://${h.path}`, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const m = (await page.evaluate(MEASURE)) as Measures;
      assert.deepEqual(m.sticking, [], "content wider than the printable A4 width");
      assert.ok(m.scrollWidth <= m.width, `page ${m.scrollWidth}px wide, printable ${m.width}px`);
      assert.ok(m.text >= 8 * PT - 0.01, `smallest text ${(m.text / PT).toFixed(1)} pt`);
      assert.ok(m.code >= 7 * PT - 0.01, `smallest code ${(m.code / PT).toFixed(1)} pt`);
      assert.equal(m.details.length, UPDATE_RULES.length, "one NumPy twin per update rule");
      for (const d of m.details) {
        assert.ok(d.height > 10, "NumPy twin opened in print");
        assert.ok(d.left > m.width * 0.4, "NumPy twin printed beside the TypeScript");
      }
      assert.ok(m.typeset > 100 && m.typeset === h.formulas, `typeset ${m.typeset} formulas on the page, ${h.formulas} at export`);
      assert.equal(m.mathErrors, 0);
      assert.equal(m.rawTex, 0, "untypeset TeX left in the page");
      assert.deepEqual(errors, [], "console errors");

      for (let y = 0, k = 0; y < m.height; y += PRINT_HEIGHT, k++) {
        await page.screenshot({ path: path.join(OUT, `6-7-print-${k + 1}.png`), fullPage: true, clip: { x: 0, y, width: PRINT_WIDTH, height: Math.min(PRINT_HEIGHT, m.height - y) } });
      }
      const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      writeFileSync(path.join(OUT, "6-7-formula-sheet.pdf"), pdf);
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      assert.ok(pages >= 3 && pages <= 9, `${pages} A4 pages`);
      assert.match(readFileSync(h.path, "utf8"), /@page \{ size: A4; margin: 12mm; \}/, "the exported handout keeps the print CSS");
    } finally {
      await page.close();
    }
  });

  it("the handouts index lists 6-6 and 6-7 with their titles", async () => {
    const nbl = await notebooksLib();
    const files = nbl.listNotebooks(ROOT).map((f) => path.basename(f));
    for (const [file, title] of [["6-6-exam-review.ipynb", /E資格対策/], ["6-7-formula-sheet.ipynb", /公式集/]] as const) {
      assert.ok(files.includes(file), `${file} is not among the handouts`);
      assert.match(nbl.notebookTitle(nbl.readNotebook(path.join(ROOT, "notebooks", file)), file), title);
    }
    const index = path.join(ROOT, "handouts", "index.html");
    if (existsSync(index)) {
      const html = readFileSync(index, "utf8");
      for (const f of ["6-6-exam-review.html", "6-7-formula-sheet.html"]) assert.ok(html.includes(`href="${f}"`) || !html.includes("6-5-"), `handouts/index.html lacks ${f} (run npm start / npm run handouts)`);
    }
  });
});
