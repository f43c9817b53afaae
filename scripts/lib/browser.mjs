/**
 * What `npm test` needs beyond Jupyter: a Chromium for the handout and
 * formula-sheet checks (driven by playwright-core, never a downloaded
 * browser build) and a Japanese font so the screenshots in .screenshots/
 * are readable. Found on the machine, or installed with apt on Debian when
 * running as root (like Jupyter in jupyter.mjs), or a message naming exactly
 * what to install.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { SetupError, detail, step, warn } from "./log.mjs";
import { aptInstall, platform } from "./jupyter.mjs";
import { which } from "./which.mjs";

export const APT_CHROMIUM = "chromium";
export const APT_JAPANESE_FONT = "fonts-ipafont-gothic";

/** Font files of a few Japanese fonts, for machines without fc-list. */
const JAPANESE_FONT_FILES = [
  "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
  "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
];

/**
 * The Chromium to use: CHROMIUM_PATH alone when set (null if it is not
 * there), else /usr/bin/chromium, chromium or chromium-browser on PATH.
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const path = env.PATH ?? "";
  for (const c of ["/usr/bin/chromium", which("chromium", path), which("chromium-browser", path)]) {
    if (c && existsSync(c)) return c;
  }
  return null;
}

/** True when fontconfig knows a Japanese font (or, without fc-list, a known font file exists). */
export function hasJapaneseFont() {
  const r = spawnSync("fc-list", [":lang=ja", "family"], { encoding: "utf8", timeout: 30000 });
  if (!r.error && r.status === 0) return r.stdout.trim() !== "";
  return JAPANESE_FONT_FILES.some((f) => existsSync(f));
}

/** What to do about the missing packages: "apt" or "advise". Pure. */
export function planBrowser({ isRoot, isDebian, env = {} }) {
  if (env.CHROMIUM_PATH || env.ZEROKARA_NO_APT || !isRoot || !isDebian) return "advise";
  return "apt";
}

/** The message when Chromium (or the font) is missing and we will not install it. Pure. */
export function browserAdvice({ isRoot, isDebian, packages, explicit }) {
  const lines = [];
  if (packages.includes(APT_CHROMIUM)) {
    lines.push(explicit
      ? `CHROMIUM_PATH=${explicit} がありません。 / CHROMIUM_PATH=${explicit} does not exist.`
      : "Chromium が見つかりません (npm test がハンドアウトをヘッドレス Chromium で開いて確かめます)。 / Chromium was not found (npm test opens the handouts in headless Chromium).");
  }
  if (packages.includes(APT_JAPANESE_FONT)) {
    lines.push("日本語フォントがありません (スクリーンショットの文字が □ になります)。 / No Japanese font (screenshots would show boxes instead of Japanese).");
  }
  lines.push("", "次のようにインストールしてから、もう一度 npm test を実行してください:", "Install, then run npm test again:");
  if (isDebian) {
    const sudo = isRoot ? "" : "sudo ";
    lines.push(`  ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(" ")}`);
  } else {
    lines.push("  Chromium (or Google Chrome) and a Japanese font (e.g. IPAGothic, Noto Sans CJK JP) with your system's package manager");
  }
  lines.push("別の場所の Chromium を使うには / to use a Chromium elsewhere: CHROMIUM_PATH=/path/to/chromium npm test");
  return lines.join("\n");
}

/** The real effects ensureBrowser uses; tests pass fakes. */
export const BROWSER_SYSTEM = { findChromium, hasJapaneseFont, platform, aptInstall };

/**
 * Chromium + a Japanese font for `npm test`. Installs the missing ones with
 * apt as root on Debian (unless CHROMIUM_PATH or ZEROKARA_NO_APT is set).
 * Otherwise: no Chromium stops with advice; no font is a warning only.
 * Returns { chromium, font, installed }.
 */
export function ensureBrowser(env = process.env, sys = BROWSER_SYSTEM) {
  step("Chromium と日本語フォントを確認しています / checking Chromium and a Japanese font (for the handout checks)");
  let chromium = sys.findChromium(env);
  let font = sys.hasJapaneseFont();
  const missing = () => [...(chromium ? [] : [APT_CHROMIUM]), ...(font ? [] : [APT_JAPANESE_FONT])];
  let installed = false;
  if (missing().length) {
    const { isRoot, isDebian } = sys.platform();
    const advice = () => browserAdvice({ isRoot, isDebian, packages: missing(), explicit: env.CHROMIUM_PATH });
    if (planBrowser({ isRoot, isDebian, env }) === "advise") {
      if (!chromium) throw new SetupError(advice());
      warn(advice());
    } else {
      step(`apt でインストールします / installing with apt (root on Debian): ${missing().join(" ")}`);
      sys.aptInstall(missing());
      installed = true;
      chromium = sys.findChromium(env);
      font = sys.hasJapaneseFont();
      if (!chromium) {
        throw new SetupError(`apt でインストールしましたが Chromium が見つかりません。 / apt installed ${APT_CHROMIUM} but no Chromium was found.\n${advice()}`);
      }
      if (!font) warn(advice());
    }
  }
  detail(`Chromium: ${chromium}${font ? "、日本語フォントあり / Japanese font found" : ""}`);
  return { chromium, font, installed };
}
