/**
 * Live explorers: the page bundle (built from src/ by esbuild, cached), the
 * explorer html, the state checks, and — in headless Chromium from a file://
 * page with every other request blocked — the same numbers as the Node engine,
 * bit for bit, and a person's interactions (drag, slider, formula).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { explorerBundle } from "../src/viz/explorer/bundle";
import { EXPLORER_NAMES, explorerHtml, explorerLibraryHtml } from "../src/viz/explorer/explorer";
import { installedPlotlyLibraryHtml } from "../src/viz/plotly-bundle";
import { checkExplorer2DState, explore2D } from "../src/experiments/optimizers/explorer-2d";
import { optimizerPath2D } from "../src/experiments/optimizers/paths-2d";
import { readHashState, writeHashState } from "../src/viz/explorer/page/hash-state";
import { checkHistogramExplorerState, exploreHistograms } from "../src/experiments/init/explorer-histogram";
import { activationHistogram } from "../src/experiments/init/histogram";
import { checkBo1dExplorerState, exploreBo1d } from "../src/search/explorer-bo1d";
import { getBackend, setBackend } from "../src/core/gemm";
import { checkBatchNormExplorerState, exploreBatchNorm } from "../src/experiments/batchnorm/explorer-batchnorm";
import { batchNormWorkedExample } from "../src/experiments/batchnorm/worked-example";
import { BN_BATCH_OF_ONE_WARNING } from "../src/nn/batch-normalization";
import { resetWarnings, setWarningHandler } from "../src/core/warn";

describe("explorer bundle", () => {
  it("is built from src/ with no Node globals left, and adds at most 300 KB to a page", () => {
    const b = explorerBundle();
    assert.ok(b.source.length > 10000);
    assert.ok(!/\brequire\(|\bprocess\.env|__dirname/.test(b.source), "no require/process.env/__dirname in the page bundle");
    const bytes = Buffer.byteLength(explorerLibraryHtml(b.source));
    assert.ok(bytes <= 300 * 1024, `inlined bundle ${bytes} bytes`);
    assert.equal(explorerBundle().cached, true);
  });

  it("html: a root with data-explorer and data-state, a mount script; bad names refused", () => {
    const h = explorerHtml("optimizers-2d", { lr: 0.1 }, "ex-1");
    assert.match(h, /data-explorer="optimizers-2d"/);
    assert.match(h, /data-state="\{&quot;lr&quot;:0\.1\}"/);
    assert.match(h, /zerokaraExplorer\.mount/);
    assert.throws(() => explorerHtml("nope" as never, {}, "x"), /name: expected one of/);
    assert.deepEqual([...EXPLORER_NAMES], ["optimizers-2d", "activation-histogram", "bo-1d", "batchnorm"]);
  });
});

describe("optimizer explorer state (untrusted: from the URL)", () => {
  it("refuses unknown keys, out-of-range numbers, long formulas and too many steps, naming the field", () => {
    assert.throws(() => checkExplorer2DState({ evil: 1 }), /evil/);
    assert.throws(() => checkExplorer2DState({ steps: 1e6 }), /steps/);
    assert.throws(() => checkExplorer2DState({ lr: -1 }), /lr/);
    assert.throws(() => checkExplorer2DState({ formula: "x+".repeat(300) + "y" }), /formula/);
    assert.throws(() => checkExplorer2DState({ optimizer: "Foo" }), /optimizer/);
    assert.throws(() => explore2D({ formula: 'import("x")' }), /formula/);
  });

  it("the URL hash round-trips and caps its size", () => {
    const h = writeHashState("optimizers-2d", { lr: 0.3 }, "#other=1");
    assert.deepEqual(readHashState("optimizers-2d", h).state, { lr: 0.3 });
    assert.match(readHashState("optimizers-2d", "#optimizers-2d=" + "a".repeat(3000)).error!, /長すぎます/);
    assert.match(readHashState("optimizers-2d", "#optimizers-2d=%7Bx").error!, /読めません/);
  });

  it("explore2D gives the engine's path for one optimizer, start first", () => {
    const r = explore2D({ optimizer: "Adam", lr: 0.3, x0: -7, y0: 2, steps: 30 });
    assert.deepEqual(r.paths[0].path, optimizerPath2D({ optimizer: "Adam", hyperparams: { lr: 0.3 }, start: [-7, 2], steps: 30 }).path);
    assert.deepEqual(r.paths[0].path[0], [-7, 2]);
  });
});

describe("histogram and Bayesian-optimisation explorer states (untrusted)", () => {
  it("refuse unknown keys, sizes beyond the book's 1000 × 5 × 100, bad scales, names and observations, naming the field", () => {
    assert.throws(() => checkHistogramExplorerState({ evil: 1 }), /evil/);
    assert.throws(() => checkHistogramExplorerState({ nodeNum: 101 }), /nodeNum/);
    assert.throws(() => checkHistogramExplorerState({ hiddenLayerSize: 6 }), /hiddenLayerSize/);
    assert.throws(() => checkHistogramExplorerState({ dataCount: 1001 }), /dataCount/);
    assert.throws(() => checkHistogramExplorerState({ init: 0 }), /init/);
    assert.throws(() => checkHistogramExplorerState({ init: "glorot" }), /init/);
    assert.throws(() => checkHistogramExplorerState({ activation: "linear" }), /activation/);
    assert.deepEqual(checkHistogramExplorerState({}), { activation: "sigmoid", init: 1, seed: 0, dataCount: 1000, nodeNum: 100, hiddenLayerSize: 5 });
    assert.throws(() => checkBo1dExplorerState({ x: Array(41).fill(0.5) }), /x: expected 1 to 40/);
    assert.throws(() => checkBo1dExplorerState({ x: [2] }), /x/);
    assert.throws(() => checkBo1dExplorerState({ objective: "__proto__" }), /objective/);
    assert.throws(() => checkBo1dExplorerState({ acquisition: "max" }), /acquisition/);
    assert.throws(() => checkBo1dExplorerState({ lengthScale: 100 }), /lengthScale/);
  });

  it("exploreHistograms is activationHistogram with the book's 30 bins; exploreBo1d's argmax is the acquisition's maximum", () => {
    const r = exploreHistograms({ activation: "relu", init: "he", seed: 2, dataCount: 200, nodeNum: 50, hiddenLayerSize: 3 });
    assert.deepEqual(r, activationHistogram({ activation: "relu", init: "he", seed: 2, dataCount: 200, nodeNum: 50, hiddenLayerSize: 3, bins: 30 }));
    assert.equal(r.layers.length, 3);
    assert.equal(r.layers[0].counts.reduce((a, b) => a + b, 0) + r.layers[0].excludedZeros + r.layers[0].outOfRange, 200 * 50);
    const b = exploreBo1d({ x: [0.1, 0.35, 0.9], acquisition: "ucb" });
    assert.equal(b.next, b.t[b.acquisitions.ucb.indexOf(Math.max(...b.acquisitions.ucb))]);
    assert.ok(b.x.every((x, i) => Math.abs(b.mean[Math.round(x * 200)] - b.y[i]) < 0.05), "the mean passes near the observations");
    const fixed = exploreBo1d({ x: [0.1, 0.35], lengthScale: 0.05 });
    assert.deepEqual(fixed.hyperparameters.lengthScales, [0.05]);
    assert.equal(fixed.fitted, false);
  });
});

describe("Batch Normalization explorer state (untrusted) and compute", () => {
  it("refuses unknown keys, more than 8 × 3, ragged rows, non-finite or huge numbers and wrong γ/β lengths, naming the field", () => {
    assert.throws(() => checkBatchNormExplorerState({ evil: 1 }), /evil/);
    assert.throws(() => checkBatchNormExplorerState({ x: Array(9).fill([1]) }), /x: expected 1 to 8 rows/);
    assert.throws(() => checkBatchNormExplorerState({ x: [] }), /x: expected 1 to 8 rows/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1, 2, 3, 4]] }), /x\[0\]: expected 1 to 3 numbers/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1, 2], [3]] }), /x\[1\]: expected 2 numbers/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1], [null]] }), /x\[1\]\[0\]: expected a finite number/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1], ["2"]] }), /x\[1\]\[0\]/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1], [1e7]] }), /x\[1\]\[0\]: expected a finite number in \[-1000000, 1000000\]/);
    assert.throws(() => exploreBatchNorm({ x: [[1], [NaN]] }), /x\[1\]\[0\]: expected a finite number/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1, 2], [3, 4]], gamma: [1] }), /gamma: expected 2 numbers/);
    assert.throws(() => checkBatchNormExplorerState({ x: [[1, 2], [3, 4]], beta: [0, Infinity] }), /beta\[1\]/);
    // defaults: the 1.1 worked example; a new x without γ, β gets γ = 1, β = 0
    assert.deepEqual(checkBatchNormExplorerState({}), { x: [[0, 1], [6, 1], [6, 3], [8, 3]], gamma: [2, 1], beta: [1, 0] });
    assert.deepEqual(checkBatchNormExplorerState({ x: [[1], [2]] }), { x: [[1], [2]], gamma: [1], beta: [0] });
  });

  it("gives the engine layer's numbers: the worked example's μ_B, σ²_B, x̂ and the layer's y, bit for bit", () => {
    const r = exploreBatchNorm({});
    const ex = batchNormWorkedExample();
    assert.deepEqual([r.mu, r.variance, r.std, r.xhat, r.y], [ex.mu, ex.variance, ex.std, ex.xhat, ex.layer.y]);
    assert.deepEqual(r.mu, [5, 2]);
    assert.deepEqual(r.variance, [9, 1]);
    assert.equal(r.eps, 1e-6);
    // γ = √(σ² + ε), β = μ undoes the normalisation (up to rounding)
    const undone = exploreBatchNorm({ x: r.x, gamma: r.std, beta: r.mu });
    undone.y.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - r.x[i][j]) < 1e-12, `y[${i}][${j}] = ${v}`)));
  });

  it("a batch of 1 and a constant feature: σ²_B = 0, x̂ = 0, y = β, said so (and the layer's warning given)", () => {
    const warned: string[] = [];
    resetWarnings();
    const was = setWarningHandler((m) => warned.push(m));
    try {
      const one = exploreBatchNorm({ x: [[3, -4]], gamma: [2, 5], beta: [0.5, -1] });
      assert.equal(one.batchOfOne, true);
      assert.deepEqual([one.mu, one.variance, one.xhat, one.y], [[3, -4], [0, 0], [[0, 0]], [[0.5, -1]]]);
      assert.deepEqual(one.constantFeatures, [0, 1]);
      assert.deepEqual(warned, [BN_BATCH_OF_ONE_WARNING]);
    } finally {
      setWarningHandler(was);
      resetWarnings();
    }
    const flat = exploreBatchNorm({ x: [[7, 1], [7, 2], [7, 4]], gamma: [3, 1], beta: [2, 0] });
    assert.equal(flat.batchOfOne, false);
    assert.deepEqual(flat.constantFeatures, [0]);
    assert.deepEqual(flat.y.map((r) => r[0]), [2, 2, 2]);
  });
});

const CHROMIUM = "/usr/bin/chromium";
describe("explorers in headless Chromium (file://, network blocked)", { skip: !fs.existsSync(CHROMIUM) && "no /usr/bin/chromium" }, () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any, page: any;
  const errors: string[] = [], requests: string[] = [];
  const file = path.join(__dirname, "..", "build", "test-explorer", "page.html");
  before(async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // like a classic-Notebook / nbconvert page: require.js's define exists
    fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><body><script>window.define=function(){};window.define.amd={};</script>` +
      installedPlotlyLibraryHtml() + explorerLibraryHtml(explorerBundle().source) + EXPLORER_NAMES.map((n, i) => explorerHtml(n, {}, `ex${i}`)).join("") + "</body>");
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on("console", (m: { type(): string; text(): string }) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e: Error) => errors.push(String(e)));
    await page.route("**/*", (r: { request(): { url(): string }; abort(): Promise<void>; continue(): Promise<void> }) => {
      if (r.request().url().startsWith("file:")) return r.continue();
      requests.push(r.request().url());
      return r.abort();
    });
    await page.goto("file://" + file);
    await page.waitForFunction(() => Array.from(document.querySelectorAll("[data-explorer]")).every((e) => (e as unknown as { explorer?: { compute?: unknown } }).explorer?.compute), null, { timeout: 30000 });
  });
  after(async () => browser?.close());

  const panel = async (optimizer: string, lr: number): Promise<void> => {
    {
      const state = { optimizer, lr, x0: -7, y0: 2, steps: 30 };
      const inPage = await page.evaluate((s: unknown) => (document.querySelector("[data-explorer]") as unknown as { explorer: { compute(s: unknown): { paths: { path: number[][] }[] } } }).explorer.compute(s).paths[0].path, state);
      const node = optimizerPath2D({ optimizer, hyperparams: { lr }, start: [-7, 2], steps: 30 }).path;
      assert.equal(inPage.length, 31);
      assert.deepEqual(inPage, node, optimizer); // JSON numbers round-trip exactly
    }
  };
  it("the book's four panels (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3) equal the Node engine bit for bit", async () => {
    await panel("SGD", 0.95);
    await panel("Momentum", 0.1);
    await panel("AdaGrad", 1.5);
    await panel("Adam", 0.3);
    const div = await page.evaluate(() => (document.querySelector("[data-explorer]") as unknown as { explorer: { compute(s: unknown): { paths: { diverged: boolean; divergedAt: number; reason: string }[] } } }).explorer.compute({ optimizer: "SGD", lr: 1.2 }).paths[0]);
    const nodeDiv = optimizerPath2D({ optimizer: "SGD", hyperparams: { lr: 1.2 } });
    assert.deepEqual([div.diverged, div.divergedAt, div.reason], [true, nodeDiv.divergedAt, "f-grew"]);
  });

  // the page computes with its GEMM backend (the inlined wasm kernel, page/gemm-page.ts): so does Node here (the default may be BLAS)
  const computeIn = (name: string, state: unknown): Promise<unknown> =>
    page.evaluate(([n, s]: [string, unknown]) => (document.querySelector(`[data-explorer="${n}"]`) as unknown as { explorer: { compute(s: unknown): unknown } }).explorer.compute(s), [name, state]);
  const jsonOf = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

  /** Every number of a and b within rel × max(|a|, |b|) (structure and non-numbers equal). */
  const close = (a: unknown, b: unknown, rel: number, at = "result"): void => {
    if (typeof a === "number" && typeof b === "number") {
      assert.ok(a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)), `${at}: ${a} vs ${b}`);
    } else if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
      assert.deepEqual(Object.keys(a as object).sort(), Object.keys(b as object).sort(), at);
      for (const k of Object.keys(a as object)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${at}.${k}`);
    } else assert.equal(a, b, at);
  };
  // in this order the page's workspace reuses its draws (scale or activation only), then draws again (seed, sizes)
  const HIST_STATES = [
    { activation: "sigmoid", init: 1, seed: 0 }, { activation: "sigmoid", init: 0.37, seed: 0 }, { activation: "tanh", init: "xavier", seed: 0 },
    { activation: "relu", init: "he", seed: 7 }, { activation: "tanh", init: 0.05, seed: 3, nodeNum: 40, hiddenLayerSize: 4, dataCount: 300 },
  ];
  const BO_STATES = [{}, { x: [0.1, 0.35, 0.465, 0.9], acquisition: "pi" }, { objective: "forrester", x: [0.2, 0.5, 0.8], lengthScale: 0.1 }, { objective: "wiggly", x: [0, 0.25, 0.5, 0.75, 1] }];
  const pageGemm = (): Promise<string> => page.evaluate(() => (window as unknown as { zerokaraExplorer: { gemm: string } }).zerokaraExplorer.gemm);
  const withPageGemm = async (f: () => Promise<void>): Promise<void> => {
    const was = getBackend().name;
    setBackend(await pageGemm());
    try {
      await f();
    } finally {
      setBackend(was);
    }
  };

  it("the page's matmul runs the engine's WebAssembly SIMD kernel (inlined), with no fallback note", async () => {
    assert.equal(await pageGemm(), "wasm");
    assert.equal(await page.evaluate(() => document.querySelector('[data-explorer="activation-histogram"] .zx-message')?.textContent), "");
  });

  it("activation histograms: the counts equal the Node engine's for fixed seeds, the statistics agree to 1e-12", () => withPageGemm(async () => {
    for (const state of HIST_STATES) {
      const inPage = (await computeIn("activation-histogram", state)) as { layers: { counts: number[] }[] };
      const node = exploreHistograms(state);
      assert.deepEqual(inPage.layers.map((l) => l.counts), node.layers.map((l) => l.counts), JSON.stringify(state));
      close(inPage, jsonOf(node), 1e-12);
    }
  }));

  it("the GP posterior (mean, std, hyperparameters) and EI/PI/UCB agree with the Node engine's to 1e-9, the same points chosen", async () => {
    for (const state of BO_STATES) {
      const inPage = (await computeIn("bo-1d", state)) as { argmax: unknown; next: number };
      const node = exploreBo1d(state);
      assert.deepEqual([inPage.argmax, inPage.next], [node.argmax, node.next], JSON.stringify(state));
      close(inPage, jsonOf(node), 1e-9);
    }
  });

  it("Batch Normalization: μ_B, σ²_B, x̂ and y equal the Node engine's bit for bit (only + − × ÷ and √)", async () => {
    const states = [{}, { x: [[0, 1], [6, 1], [6, 3], [80, 3]], gamma: [0.37, -1.25], beta: [2.5, -0.1] },
      { x: [[0.1, -2.5, 1e5], [0.2, 3.75, -7], [0.7, 1e-3, 3], [1.3, 0, 0], [-0.4, 2, 1], [9, 9, 9], [1 / 3, 2 / 3, 1], [5, -5, 0.5]], gamma: [1.5, 0.01, 7], beta: [-3, 0, 1e3] },
      { x: [[4, 2]], gamma: [2, 3], beta: [1, -1] }];
    const was = setWarningHandler(() => undefined); // the batch of 1 warns (tested above)
    try {
      for (const state of states) assert.deepEqual(await computeIn("batchnorm", state), jsonOf(exploreBatchNorm(state)), JSON.stringify(state));
    } finally {
      setWarningHandler(was);
    }
  });

  // Node 20's V8 and this Chromium's V8 round Math.exp, log, sin and cos differently in the last bit
  // for ~5-10 % of arguments, so the RNG's Box–Muller, sigmoid, the GP and the 1-D objectives call
  // src/core/libm.ts (fdlibm in plain IEEE-754 arithmetic, equal to Node 20's Math.*) instead.
  it("histograms and GP posterior equal the Node engine's bit for bit", () => withPageGemm(async () => {
    for (const state of HIST_STATES) assert.deepEqual(await computeIn("activation-histogram", state), jsonOf(exploreHistograms(state)));
    for (const state of BO_STATES) assert.deepEqual(await computeIn("bo-1d", state), jsonOf(exploreBo1d(state)));
  }));

  it("a person's inputs change the figure: drag the start, move a slider, type a formula (and a bad one)", async () => {
    const opt = page.locator('[data-explorer="optimizers-2d"]');
    const pathOf = () => page.evaluate(() => JSON.stringify(((document.querySelector('[data-explorer="optimizers-2d"] .zx-plot') as unknown as { data: { x: number[] }[] }).data[1]).x));
    const before0 = await pathOf();
    const box = await opt.locator(".zx-plot .nsewdrag").boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
    await page.mouse.up();
    const afterDrag = await pathOf();
    assert.notEqual(afterDrag, before0);
    const st = await page.evaluate(() => (document.querySelector("[data-explorer]") as unknown as { explorer: { state(): { x0: number; y0: number } } }).explorer.state());
    assert.ok(st.x0 > 3 && st.y0 > 3, JSON.stringify(st));
    assert.match(await page.evaluate(() => location.hash), /optimizers-2d=/);
    await opt.locator("select").selectOption("SGD");
    const lr = opt.locator('input[aria-label="学習係数 lr（対数）"]');
    await lr.focus();
    await page.keyboard.press("ArrowRight");
    const sgdState = await page.evaluate(() => (document.querySelector("[data-explorer]") as unknown as { explorer: { state(): { lr: number } } }).explorer.state());
    assert.ok(sgdState.lr > 0.95, String(sgdState.lr));
    const fIn = opt.locator('input[aria-label="関数 f(x, y)"]');
    await fIn.fill("x^2 + 2*y^2");
    await fIn.press("Enter");
    assert.match(await page.evaluate(() => (document.querySelector('[data-explorer="optimizers-2d"] .zx-plot') as unknown as { layout: { title: { text: string } } }).layout.title.text), /x\^2 \+ 2\*y\^2/);
    await fIn.fill("x^2 + z");
    await fIn.press("Enter");
    assert.match(await opt.locator(".zx-status").textContent(), /x と y 以外の変数があります：z/);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  });
});

describe("histogram explorer in a browser without wasm SIMD (headless Chromium, simulated)", { skip: !fs.existsSync(CHROMIUM) && "no /usr/bin/chromium" }, () => {
  let browser: any, page: any;
  const file = path.join(__dirname, "..", "build", "test-explorer", "no-simd.html");
  before(async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // a WebAssembly that refuses to compile the kernel, as a browser without SIMD does
    fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><body><script>WebAssembly.Module = function () { throw new WebAssembly.CompileError("SIMD unsupported"); };</script>` +
      installedPlotlyLibraryHtml() + explorerLibraryHtml(explorerBundle().source) + explorerHtml("activation-histogram", {}, "ex-h") + "</body>");
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    page = await browser.newPage();
    await page.route("**/*", (r: { request(): { url(): string }; abort(): Promise<void>; continue(): Promise<void> }) => (r.request().url().startsWith("file:") ? r.continue() : r.abort()));
    await page.goto("file://" + file);
    await page.waitForFunction(() => (document.querySelector("[data-explorer]") as unknown as { explorer?: { compute?: unknown } }).explorer?.compute, null, { timeout: 30000 });
  });
  after(async () => browser?.close());

  it("falls back to the TypeScript kernel, says so, and its counts equal Node's js backend", async () => {
    assert.equal(await page.evaluate(() => (window as unknown as { zerokaraExplorer: { gemm: string } }).zerokaraExplorer.gemm), "js");
    assert.match(await page.locator(".zx-message").textContent(), /WebAssembly SIMD の行列積を使えないため、TypeScript の行列積で計算します.*SIMD unsupported/);
    const state = { activation: "relu", init: "he", seed: 7 };
    const inPage = (await page.evaluate((s: unknown) => (document.querySelector("[data-explorer]") as unknown as { explorer: { compute(s: unknown): { layers: { counts: number[] }[] } } }).explorer.compute(s), state)) as { layers: { counts: number[] }[] };
    const was = getBackend().name;
    setBackend("js");
    try {
      assert.deepEqual(inPage.layers.map((l) => l.counts), exploreHistograms(state).layers.map((l) => l.counts));
    } finally {
      setBackend(was);
    }
  });
});
