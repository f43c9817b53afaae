/**
 * Entry of the page bundle: window.zerokaraExplorer.mount(root) turns a
 * <div data-explorer="name" data-state="{…}"> into a live explorer. The state
 * comes from the URL hash when it has one for this explorer (shared setting),
 * else from data-state.
 */
import { el, errorText, type ExplorerContext, type ExplorerHandle, type PlotlyLike } from "./dom";
import { pageGemmName } from "./gemm-page";
import { readHashState, writeHashState } from "./hash-state";
import { mountActivationHistogram } from "./activation-histogram";
import { mountBo1d } from "./bo-1d";
import { mountBatchNorm } from "./batchnorm";
import { mountOptimizers2D } from "./optimizers-2d";

const EXPLORERS: Record<string, (ctx: ExplorerContext) => void> = {
  "optimizers-2d": mountOptimizers2D,
  "activation-histogram": mountActivationHistogram,
  "bo-1d": mountBo1d,
  batchnorm: mountBatchNorm,
};

function mount(root: HTMLElement): void {
  const name = root.getAttribute("data-explorer") ?? "";
  const plotly = (window as unknown as { Plotly?: PlotlyLike }).Plotly;
  const start = EXPLORERS[name];
  root.innerHTML = "";
  const msg = el("div", { class: "zx-message" });
  root.append(msg);
  const message = (t: string): void => {
    msg.textContent = t;
    msg.style.cssText = "color:#a40;padding:0.3em 0";
  };
  if (!start) return message(`未知のエクスプローラー「${name}」です。`);
  if (!plotly) return message("plotly.js がページにありません。");
  let initial: Record<string, unknown> = {};
  try {
    initial = JSON.parse(root.getAttribute("data-state") ?? "{}") as Record<string, unknown>;
  } catch {
    // keep the defaults
  }
  const fromHash = readHashState(name, location.hash);
  if (fromHash.error) message(fromHash.error);
  if (fromHash.state) initial = fromHash.state;
  const handle = { name } as ExplorerHandle;
  (root as unknown as { explorer: ExplorerHandle }).explorer = handle;
  const save = (state: unknown): void => {
    try {
      history.replaceState(null, "", writeHashState(name, state, location.hash));
    } catch {
      // some viewers forbid changing the URL: sharing is then unavailable, the explorer still works
    }
  };
  try {
    start({ root, initial, plotly, handle, save, message });
  } catch (e) {
    message(`エクスプローラーを開けません：${errorText(e)}`);
    console.error(e);
  }
}

(window as unknown as { zerokaraExplorer: unknown }).zerokaraExplorer = { mount, names: Object.keys(EXPLORERS), gemm: pageGemmName() };

// An ES module on purpose (package.json says "commonjs"): a file with imports but no export
// would be bundled as CommonJS, and esbuild would then wrap every engine module in a lazy
// initialiser whose constants become closure variables that V8 cannot fold (libm's exp ran
// ~2× slower). bundle.ts refuses a build where that happens.
export {};
