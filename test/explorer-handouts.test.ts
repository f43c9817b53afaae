/**
 * The live explorers as a reader meets them: the FAST-executed notebooks 6-1,
 * 6-2, 6-5 and 6-3 are exported as handouts (into build/test-explorer-handouts/),
 * opened from file:// in headless Chromium with every other request aborted,
 * and driven like a person would — drag the start point, type a formula, move
 * a slider, press a button, click the plot, press 「次の点」. Each action must
 * change the figure; nothing may be requested from the network and the
 * console must show no error. A shared URL hash is read back, and a refused
 * one shows the Japanese message.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { ROOT, executed, jupyterPython, lib } from "./platform";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = path.join(ROOT, "build", "test-explorer-handouts");
const SHOTS = path.join(ROOT, ".screenshots");

interface HandoutsLib {
  exportHandout(o: { python: string; executed: string; outDir: string }): Promise<{ path: string; bytes: number; external: string[] }>;
}

interface Opened {
  page: Page;
  root: Locator;
  requests: string[];
  errors: string[];
}

describe("live explorers in exported handouts (file://, network blocked)", { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM}` }, () => {
  let browser: Browser;
  const files: Record<string, string> = {};

  before(async () => {
    const handouts = await lib<HandoutsLib>("handouts");
    const python = await jupyterPython();
    mkdirSync(SHOTS, { recursive: true });
    for (const name of ["6-1-optimizers", "6-2-weight-init", "6-5-hyperparameter-search", "6-3-batch-norm"]) {
      const run = await executed(path.join(ROOT, "notebooks", `${name}.ipynb`));
      assert.ok(run.record.ok, `${name} did not execute cleanly: ${run.record.failure?.message}`);
      const h = await handouts.exportHandout({ python, executed: run.path, outDir: OUT });
      assert.deepEqual(h.external, []);
      files[name] = h.path;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  });
  after(async () => browser?.close());

  async function open(name: string, explorer: string, hash = ""): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [], errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (r) => {
      if (r.request().url().startsWith("file:")) return r.continue();
      requests.push(r.request().url());
      return r.abort();
    });
    await page.goto(`file://${files[name]}${hash}`);
    const root = page.locator(`[data-explorer="${explorer}"]`);
    await page.waitForFunction((n) => (document.querySelector(`[data-explorer="${n}"]`) as unknown as { explorer?: { compute?: unknown } } | null)?.explorer?.compute, explorer, { timeout: 60000 });
    await root.scrollIntoViewIfNeeded();
    return { page, root, requests, errors };
  }
  /** What the explorer's plot currently draws (its traces' data), as a string to compare. */
  const drawn = (o: Opened): Promise<string> => o.root.locator(".zx-plot").evaluate((p) => JSON.stringify((p as unknown as { data: { x: unknown; y: unknown }[] }).data.map((t) => [t.x, t.y])));
  const clean = async (o: Opened, shot: string): Promise<void> => {
    await o.root.screenshot({ path: path.join(SHOTS, shot) });
    assert.deepEqual(o.requests, [], "network requests");
    assert.deepEqual(o.errors, [], "console errors");
    await o.page.close();
  };

  it("6-1: drag the start point, type a formula, move the lr slider: the paths change", async () => {
    const o = await open("6-1-optimizers", "optimizers-2d");
    const d0 = await drawn(o);
    const box = (await o.root.locator(".zx-plot .nsewdrag").boundingBox())!;
    await o.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await o.page.mouse.down();
    await o.page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.2, { steps: 3 });
    await o.page.mouse.up();
    const d1 = await drawn(o);
    assert.notEqual(d1, d0, "drag");
    const f = o.root.locator('input[aria-label="関数 f(x, y)"]');
    await f.fill("x^2 + 5*y^2");
    await f.press("Enter");
    const d2 = await drawn(o);
    assert.notEqual(d2, d1, "formula");
    await o.root.locator("select").selectOption("Momentum");
    const lr = o.root.locator('input[aria-label="学習係数 lr（対数）"]');
    const d3 = await drawn(o);
    await lr.focus();
    for (let i = 0; i < 5; i++) await o.page.keyboard.press("ArrowRight");
    assert.notEqual(await drawn(o), d3, "lr slider");
    assert.match(await o.page.evaluate(() => decodeURIComponent(location.hash)), /"formula":"x\^2 \+ 5\*y\^2"/);
    await clean(o, "explorer-6-1.png");
  });

  it("6-2: move the weight-scale slider, press He, switch to ReLU: the histograms change", async () => {
    const o = await open("6-2-weight-init", "activation-histogram");
    const d0 = await drawn(o);
    const scale = o.root.locator('input[aria-label="重みの標準偏差（対数）"]');
    await scale.focus();
    for (let i = 0; i < 100; i++) await o.page.keyboard.press("ArrowLeft");
    const d1 = await drawn(o);
    assert.notEqual(d1, d0, "weight-scale slider");
    await o.root.locator('select[aria-label="活性化関数"]').selectOption("relu");
    const d2 = await drawn(o);
    assert.notEqual(d2, d1, "activation");
    await o.root.getByRole("button", { name: /^He/ }).click();
    assert.notEqual(await drawn(o), d2, "He button");
    assert.match(await o.root.locator(".zx-status").textContent() ?? "", /5 層目: σ=/);
    await clean(o, "explorer-6-2.png");
  });

  it("6-5: click the plot to observe, press 「次の点」, move the length scale: the posterior changes", async () => {
    const o = await open("6-5-hyperparameter-search", "bo-1d");
    const count = (): Promise<number> => o.root.evaluate((r) => (r as unknown as { explorer: { state(): { x: number[] } } }).explorer.state().x.length);
    const d0 = await drawn(o);
    const box = (await o.root.locator(".zx-plot .nsewdrag").first().boundingBox())!;
    await o.page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.5);
    assert.equal(await count(), 3, "a click adds an observation");
    const d1 = await drawn(o);
    assert.notEqual(d1, d0, "click");
    await o.root.getByRole("button", { name: "次の点" }).click();
    assert.equal(await count(), 4, "「次の点」 adds the acquisition's choice");
    const d2 = await drawn(o);
    assert.notEqual(d2, d1, "次の点");
    await o.root.locator('input[aria-label="長さスケールを最尤推定で決める"]').uncheck();
    const ls = o.root.locator('input[aria-label="長さスケール（対数）"]');
    await ls.focus();
    for (let i = 0; i < 30; i++) await o.page.keyboard.press("ArrowLeft");
    assert.notEqual(await drawn(o), d2, "length-scale slider");
    assert.match(await o.root.locator(".zx-status").textContent() ?? "", /（固定）/);
    await clean(o, "explorer-6-5.png");
  });

  it("a shared URL hash opens the same setting; a refused one says why in Japanese and shows the defaults", async () => {
    const shared = await open("6-5-hyperparameter-search", "bo-1d", "#bo-1d=" + encodeURIComponent(JSON.stringify({ objective: "forrester", x: [0.2, 0.9], acquisition: "ucb" })));
    assert.deepEqual(await shared.root.evaluate((r) => (r as unknown as { explorer: { state(): unknown } }).explorer.state()), { objective: "forrester", x: [0.2, 0.9], acquisition: "ucb", lengthScale: null });
    await clean(shared, "explorer-6-5-shared.png");
    const refused = await open("6-2-weight-init", "activation-histogram", "#activation-histogram=" + encodeURIComponent(JSON.stringify({ nodeNum: 100000 })));
    assert.match(await refused.root.locator(".zx-message").textContent() ?? "", /URL の設定を使えません：nodeNum/);
    assert.equal(await refused.root.evaluate((r) => (r as unknown as { explorer: { state(): { nodeNum: number } } }).explorer.state().nodeNum), 100);
    await clean(refused, "explorer-6-2-refused.png");
  });

  it("6-3: type a value, press ↑, move γ, undo the normalisation, go to a batch of 1: the number lines change", async () => {
    const o = await open("6-3-batch-norm", "batchnorm");
    const st = (): Promise<{ x: number[][]; gamma: number[]; beta: number[] }> => o.root.evaluate((r) => (r as unknown as { explorer: { state(): { x: number[][]; gamma: number[]; beta: number[] } } }).explorer.state());
    const d0 = await drawn(o);
    const cell = o.root.locator('input[aria-label="データ 4 の特徴 1 の値 x"]');
    await cell.fill("80");
    await cell.press("Enter");
    const d1 = await drawn(o);
    assert.notEqual(d1, d0, "typed value");
    assert.deepEqual((await st()).x.map((r) => r[0]), [0, 6, 6, 80]);
    assert.equal(await o.root.locator("tfoot tr").first().locator("td").first().textContent(), "23", "μ_B of 0, 6, 6, 80");
    await cell.press("ArrowUp");
    assert.equal((await st()).x[3][0], 81, "↑ in the number input");
    const d2 = await drawn(o);
    assert.notEqual(d2, d1, "↑");
    const gamma = o.root.locator('input[aria-label="γ₁（スケール）"]');
    await gamma.focus();
    for (let i = 0; i < 20; i++) await o.page.keyboard.press("ArrowLeft");
    assert.ok(Math.abs((await st()).gamma[0] - 1.8) < 1e-9, "γ₁ slider");
    const d3 = await drawn(o);
    assert.notEqual(d3, d2, "γ slider");
    await o.root.getByRole("button", { name: /正規化を打ち消す/ }).click();
    const s = await st();
    assert.ok(Math.abs(s.beta[0] - 23.25) < 1e-12 && s.gamma[0] > 30, JSON.stringify(s));
    assert.notEqual(await drawn(o), d3, "undo button");
    await cell.fill("");
    await cell.press("Enter");
    assert.match(await o.root.locator(".zx-status").textContent() ?? "", /有限の数を入れてください/);
    for (let i = 0; i < 3; i++) await o.root.getByRole("button", { name: "データを減らす" }).click();
    assert.equal((await st()).x.length, 1);
    assert.match(await o.root.locator(".zx-status").textContent() ?? "", /データが 1 個だけです.*σ²_B = 0/);
    assert.match(await o.page.evaluate(() => decodeURIComponent(location.hash)), /batchnorm=\{"x":\[\[0,1\]\]/);
    await clean(o, "explorer-6-3.png");
  });

  it("6-3: a shared URL hash opens the same mini-batch; a non-finite or oversized one is refused in Japanese", async () => {
    const state = { x: [[1, 2], [3, 5], [4, -1]], gamma: [1.5, 0.5], beta: [0, 2] };
    const shared = await open("6-3-batch-norm", "batchnorm", "#batchnorm=" + encodeURIComponent(JSON.stringify(state)));
    assert.deepEqual(await shared.root.evaluate((r) => (r as unknown as { explorer: { state(): unknown } }).explorer.state()), state);
    assert.equal(await shared.root.locator('input[aria-label="データ 3 の特徴 2 の値 x"]').inputValue(), "-1");
    await clean(shared, "explorer-6-3-shared.png");
    for (const bad of [{ x: [[1], ["NaN"]] }, { x: Array(9).fill([1]) }]) {
      const refused = await open("6-3-batch-norm", "batchnorm", "#batchnorm=" + encodeURIComponent(JSON.stringify(bad)));
      assert.match(await refused.root.locator(".zx-message").textContent() ?? "", /URL の設定を使えません：x/);
      assert.equal(await refused.root.evaluate((r) => (r as unknown as { explorer: { state(): { x: number[][] } } }).explorer.state().x.length), 4, "the worked example instead");
      await clean(refused, "explorer-6-3-refused.png");
    }
  });
});
