/**
 * The explorer recompute table of `npm run bench`: each live explorer's
 * compute(state) in headless Chromium (the page bundle, file://, offline),
 * timed with performance.now over repeated recomputes at the default sizes:
 *   2-D: the six optimizers × 100 steps from a start that moves each time (a drag);
 *   histograms: 1000 samples × 100 nodes × 5 layers with a weight scale that moves (a slider: the
 *     random draws are reused), and with a seed that changes (everything drawn again);
 *   GP: the toy objective with 6 observations, length scale fitted (the default) and fixed;
 *   BN: the largest mini-batch (8 × 3) with γ moving (a slider).
 * The page's matmul is the inlined WebAssembly kernel (page/gemm-page.ts); `gemm` names it.
 * Prints one JSON line: { gemm, bundleBytes, handoutBytes, rows: [{ id, label, samples, medianMs, … }] }.
 */
import * as fs from "fs";
import * as path from "path";
import { explorerBundle } from "../src/viz/explorer/bundle";
import { EXPLORER_NAMES, explorerHtml, explorerLibraryHtml } from "../src/viz/explorer/explorer";
import { installedPlotlyLibraryHtml } from "../src/viz/plotly-bundle";

const cfg = JSON.parse(process.argv[2] ?? "{}") as { repeats?: number };
const repeats = cfg.repeats ?? 15;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function main(): Promise<void> {
  const bundle = explorerBundle().source;
  const lib = explorerLibraryHtml(bundle);
  const file = path.join(__dirname, "..", "build", "bench-explorers", "page.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><body>` + installedPlotlyLibraryHtml() + lib +
    EXPLORER_NAMES.map((n, i) => explorerHtml(n, {}, `ex${i}`)).join("") + "</body>");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    await page.route("**/*", (r) => (r.request().url().startsWith("file:") ? r.continue() : r.abort()));
    await page.goto("file://" + file);
    await page.waitForFunction(() => Array.from(document.querySelectorAll("[data-explorer]")).every((e) => (e as unknown as { explorer?: unknown }).explorer), null, { timeout: 60000 });
    // states as functions of the repetition k, so no two recomputes are the same
    const cases = [
      { id: "optimizers-2d", label: "2-D: 6 optimizers × 100 steps (start moves)", explorer: "optimizers-2d", state: "({ optimizer: 'all', steps: 100, x0: -7 + k * 0.01, y0: 2 })" },
      { id: "optimizers-2d-formula", label: "2-D: a typed formula, 6 × 100 (formula changes)", explorer: "optimizers-2d", state: "({ optimizer: 'all', steps: 100, formula: 'x^2/20 + y^2 + ' + (k + 1) + '*0.001*x*y' })" },
      { id: "activation-histogram", label: "histograms: 1000 × 100 × 5, sigmoid (scale moves)", explorer: "activation-histogram", state: "({ activation: 'sigmoid', init: 0.5 + k * 0.01 })" },
      { id: "activation-histogram-tanh", label: "histograms: 1000 × 100 × 5, tanh (scale moves)", explorer: "activation-histogram", state: "({ activation: 'tanh', init: 0.05 + k * 0.001 })" },
      { id: "activation-histogram-relu", label: "histograms: 1000 × 100 × 5, ReLU (scale moves)", explorer: "activation-histogram", state: "({ activation: 'relu', init: 0.1 + k * 0.001 })" },
      { id: "activation-histogram-seed", label: "histograms: 1000 × 100 × 5, sigmoid (seed changes: all 150k normals drawn again)", explorer: "activation-histogram", state: "({ activation: 'sigmoid', init: 0.5, seed: k + 10 })" },
      { id: "bo-1d", label: "GP: 6 observations, ℓ fitted (ML), EI/PI/UCB", explorer: "bo-1d", state: "({ x: [0.1, 0.35, 0.5, 0.62, 0.9, 0.05 + k * 0.001] })" },
      { id: "bo-1d-fixed", label: "GP: 6 observations, ℓ fixed, EI/PI/UCB", explorer: "bo-1d", state: "({ x: [0.1, 0.35, 0.5, 0.62, 0.9, 0.05 + k * 0.001], lengthScale: 0.1 })" },
      { id: "batchnorm", label: "BN: 8 samples × 3 features, μ, σ², x̂, y (γ moves)", explorer: "batchnorm", state: "({ x: [[0, 1, 2], [6, 1, 3], [6, 3, 5], [8, 3, 7], [1, 2, 0], [2, 9, 4], [5, 5, 5], [3, 4, 8]], gamma: [1 + k * 0.01, 1, 2], beta: [0, 1, 0] })" },
    ];
    const rows = [];
    for (const c of cases) {
      const samples = (await page.evaluate(`(() => {
        const h = document.querySelector('[data-explorer="${c.explorer}"]').explorer, out = [];
        for (let k = -3; k < ${repeats}; k++) { const t0 = performance.now(); h.compute(${c.state}); const t = performance.now() - t0; if (k >= 0) out.push(t); }
        return out;
      })()`)) as number[];
      const sorted = [...samples].sort((a, b) => a - b);
      rows.push({ id: c.id, label: c.label, samples, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1] });
    }
    const chromiumVersion = browser.version();
    const gemm = await page.evaluate("window.zerokaraExplorer.gemm");
    console.log(JSON.stringify({ chromium: chromiumVersion, gemm, repeats, bundleBytes: Buffer.byteLength(bundle), handoutBytes: Buffer.byteLength(lib), rows }));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
