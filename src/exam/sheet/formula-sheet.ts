/**
 * notebooks/6-7-formula-sheet.ipynb, generated from update-rules.ts and
 * sections.ts (regenerate: npx tsx src/exam/build-notebooks.ts). Markdown
 * cells carry the formulas; a few short code cells compute defaults and
 * tables with the engine, so the printed handout shows engine numbers.
 */
import { codeCell, markdownCell, notebook, type Notebook, type NotebookCell } from "../notebook";
import { PRINT_CSS } from "./print-style";
import { INIT, NORMALIZATION, NOTATION, REGULARIZATION, SEARCH, UPDATE_RULES_HEAD } from "./sections";
import { UPDATE_RULES, type UpdateRule } from "./update-rules";

export const SHEET_TITLE = "6-7 公式集 — 第6章 学習に関するテクニック (E資格対策・印刷用)";

const HEAD = `<style>
${PRINT_CSS}
</style>

# ${SHEET_TITLE}

第6章で出てくる式を 1 か所にまとめました。最適化手法の更新式・重みの初期値・正規化・正則化・Early stopping・獲得関数を、**本書の記法**、**E資格 (Goodfellow らの『Deep Learning』) の記法**、**d2l (Dive into Deep Learning) の記法**で並べ、典型的な値を添えています。更新式には同じ 1 ステップの TypeScript 版と NumPy 版 (折りたたみ) を付けました。表の数値のいくつかは、下のコードセルでこのプロジェクトのエンジン (\`src/\`) を使って計算しています。

印刷するときは、ハンドアウト (HTML) をブラウザで開いて A4 で印刷してください (折りたたんだ NumPy 版も開いた状態で印刷されます)。`;

const SETUP = `import { createOptimizer, OPTIMIZER_NAMES } from "./src/optim/index";
import { weightInitStd } from "./src/nn/init";
import { normalize4d, normSetCount, tensor4, NORM_KINDS, type NormKind } from "./src/nn/normalization-variants";
import { expectedImprovement, probabilityOfImprovement, upperConfidenceBound } from "./src/search/acquisition";
import { RNG } from "./src/core/rng";
import { table } from "./src/viz/table";
import { twinChecks } from "./src/exam/sheet/twins";
import { currentBudget } from "./src/core/budget";

console.log(\`実行予算: \${currentBudget().toUpperCase()}（公式集の数値は予算によらず同じです）\`);`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/** "a,\ b" → "$a$<br>$b$" (one formula per line, so long rules wrap in print). */
export function formulaCell(tex: string): string {
  return tex.split(",\\ ").map((f) => `$${f}$`).join("<br>");
}

export function ruleMarkdown(rule: UpdateRule): string {
  if (/\n\s*\n/.test(rule.numpy) || /\n\s*\n/.test(rule.ts)) throw new Error(`${rule.key}: no blank lines in code twins`);
  return [
    `### ${rule.name}`,
    rule.idea,
    "| 記法 | 更新式 | 典型的な値 |\n|:--|:--|:--|\n" +
      `| 本書 | ${formulaCell(rule.book)} | ${rule.defaults.book} |\n` +
      `| E資格 (Goodfellow) | ${formulaCell(rule.exam)} | ${rule.defaults.exam} |\n` +
      `| d2l | ${formulaCell(rule.d2l)} | ${rule.defaults.d2l} |`,
    "```ts\n" + rule.ts + "\n```",
    `<details><summary>NumPy (本書の common/optimizer.py と同じ手順)</summary><pre><code class="language-python">${escapeHtml(rule.numpy)}</code></pre></details>`,
  ].join("\n\n");
}

const DEFAULTS_HEAD = `### エンジンで確かめる: 既定値と TypeScript 版

\`src/optim\` の各クラスの既定値 (本書と同じ) と、上の TypeScript 版をそのまま 4 ステップ動かした結果と \`src/optim\` との差です (NumPy 版も \`test/exam-formula-sheet.test.ts\` で同じ比較をしています)。`;

const DEFAULTS = `table(OPTIMIZER_NAMES.map((name) => ({ 手法: name, ...createOptimizer(name).hyperparams() })), { caption: "src/optim の既定値" });
table(twinChecks(), { caption: "TypeScript 版 vs src/optim (4 ステップ後の最大誤差)" });`;

const INIT_CODE = `table([50, 100, 256, 784].map((n) => ({
  n, "Xavier √(1/n)": weightInitStd("xavier", n, n), "He √(2/n)": weightInitStd("he", n, n), "Glorot (n_out = 100)": weightInitStd("glorot", n, 100),
})), { caption: "標準偏差 (src/nn/init.ts)", digits: 4 });`;

const NORM_CODE = `const rng = new RNG(0), shape = [8, 6, 4, 4], G = 3;
const x = tensor4(shape, Array.from({ length: 8 * 6 * 4 * 4 }, () => rng.normal(1, 2)));
const sets = (kind: NormKind) => normSetCount(kind, shape, G);
table(NORM_KINDS.map((kind) => ({ 手法: kind, "(μ, σ²) の組": sets(kind), "1 組の要素数": x.data.length / sets(kind) })),
  { caption: "N×C×H×W = 8×6×4×4、G = 3 (src/nn/normalization-variants.ts)" });
const y = (kind: NormKind, groups?: number) => normalize4d(x, kind, { groups }).y.data;
const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
console.log("GN(G=1) と LN の最大差:", maxDiff(y("group", 1), y("layer")), " GN(G=C) と IN の最大差:", maxDiff(y("group", 6), y("instance")));`;

const SEARCH_CODE = `const best = 0.8;
table([[0.8, 0.1], [0.85, 0.01], [0.7, 0.2]].map(([mu, sigma]) => ({
  μ: mu, σ: sigma, PI: probabilityOfImprovement(mu, sigma, best), EI: expectedImprovement(mu, sigma, best), UCB: upperConfidenceBound(mu, sigma),
})), { caption: "f⁺ = 0.8 のときの獲得関数 (src/search/acquisition.ts、既定の ξ, κ)", digits: 4 });`;

export function formulaSheetNotebook(): Notebook {
  const cells: NotebookCell[] = [
    markdownCell("head", HEAD),
    codeCell("setup", SETUP),
    markdownCell("notation", NOTATION),
    markdownCell("rules-head", UPDATE_RULES_HEAD),
    ...UPDATE_RULES.map((r) => markdownCell(`rule-${r.key}`, ruleMarkdown(r))),
    markdownCell("defaults-head", DEFAULTS_HEAD),
    codeCell("defaults", DEFAULTS),
    markdownCell("init", INIT),
    codeCell("init-table", INIT_CODE),
    markdownCell("normalization", NORMALIZATION),
    codeCell("norm-sets", NORM_CODE),
    markdownCell("regularization", REGULARIZATION),
    markdownCell("search", SEARCH),
    codeCell("acquisition", SEARCH_CODE),
  ];
  return notebook(cells, SHEET_TITLE);
}
