/**
 * Markdown for the notebook: a question's prompt (with its choices / 語群),
 * its answer as text, and the result message of a check. Pure strings.
 */
import { TOPICS } from "./questions/index";
import type { BlanksQuestion, CodeQuestion, Format, Question, Reread } from "./types";
import { CHOICE_LETTERS, CODE_BLANK } from "./types";

export const FORMAT_LABEL: Record<Format, string> = {
  choice: "4択",
  blanks: "空欄補充",
  code: "コード穴埋め",
  numeric: "計算",
};

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

export function circled(n: number): string {
  return CIRCLED[n - 1] ?? `(${n})`;
}

/** "Q01" from "q01". */
export function label(q: Question): string {
  return q.id.toUpperCase();
}

export function rereadText(r: Reread): string {
  return `\`${r.notebook}\` の「${r.section}」の節`;
}

/** The Python of a code question in a fenced block, the blanked line marked. */
export function codeBlock(q: CodeQuestion): string {
  return "```python\n" + q.code + "\n```";
}

/** The body of a question (prompt and its choices / 語群 / code), without heading or how-to. */
export function questionBody(q: Question): string {
  const parts = [q.prompt];
  switch (q.format) {
    case "choice":
      parts.push(q.choices.map((c, i) => `- **${CHOICE_LETTERS[i]}.** ${c}`).join("\n"));
      break;
    case "code":
      parts.push(codeBlock(q));
      parts.push(`${CODE_BLANK} に入る行:\n\n` + q.choices.map((c, i) => `- **${CHOICE_LETTERS[i]}.** \`${c}\``).join("\n"));
      break;
    case "blanks":
      parts.push("**語群**\n\n" + q.options.map((o, i) => `${i + 1}. ${o}`).join("\n"));
      break;
    case "numeric":
      break;
  }
  return parts.join("\n\n");
}

/** The prompt cell: heading (`heading` replaces "Q01"), the body, then how to answer. */
export function promptMarkdown(q: Question, heading = label(q)): string {
  const parts = [`### ${heading}〔${FORMAT_LABEL[q.format]}〕${q.title}`, questionBody(q)];
  switch (q.format) {
    case "choice":
    case "code":
      parts.push(`答え方: 下のセルの \`未回答\` を \`"A"\`〜\`"D"\` のどれかに書き換えて実行し、その下のチェックのセルを実行します。`);
      break;
    case "blanks":
      parts.push(`答え方: 下のセルの各 \`未回答\` を語群の番号 (1〜${q.options.length}) に書き換えます。同じ番号を何度使ってもかまいません。`);
      break;
    case "numeric":
      parts.push(`答え方: 下のセルの \`未回答\` を数値 (例: \`0.5\`) に書き換えます。電卓を使ってかまいません。`);
      break;
  }
  return parts.join("\n\n");
}

function blanksKeyText(q: BlanksQuestion): string {
  return q.blanks.map((b) => `(${b}) ${circled(q.key[b]!)} ${q.options[q.key[b]! - 1]}`).join("、");
}

/** The key as a learner would read it. */
export function keyMarkdown(q: Question): string {
  switch (q.format) {
    case "choice":
      return `**${q.key}** (${q.choices[CHOICE_LETTERS.indexOf(q.key)]})`;
    case "blanks":
      return blanksKeyText(q);
    case "numeric":
      return `**${q.key.toFixed(q.digits)}**`;
    case "code":
      return `**${q.key}** (\`${q.choices[CHOICE_LETTERS.indexOf(q.key)]}\`)`;
  }
}

/** The key as TypeScript source for the answer cell (used to fill the notebook in tests). */
export function keySource(q: Question): string {
  switch (q.format) {
    case "choice":
    case "code":
      return JSON.stringify(q.key);
    case "blanks":
      return `{ ${q.blanks.map((b) => `${b}: ${q.key[b]}`).join(", ")} }`;
    case "numeric":
      return q.key.toFixed(q.digits);
  }
}

/** The answer cell, with the placeholder (blank) or the key (filled). */
export function answerCellSource(q: Question, filled = false): string {
  const v = `answer_${q.id}`;
  switch (q.format) {
    case "choice":
    case "code":
      return `const ${v} = ${filled ? keySource(q) : "未回答"}; // ← "A"〜"D" のどれか (例: "B")`;
    case "numeric":
      return `const ${v} = ${filled ? keySource(q) : "未回答"}; // ← 数値 (例: 0.5)`;
    case "blanks": {
      const body = filled ? keySource(q) : `{ ${q.blanks.map((b) => `${b}: 未回答`).join(", ")} }`;
      return `const ${v} = ${body}; // ← 語群の番号 (1〜${q.options.length})`;
    }
  }
}

/** The check cell; `session` is the notebook's ExamSession variable (exam in 6-6, quiz in the chapters). */
export function checkCellSource(q: Question, session = "exam"): string {
  return `${session}.check("${q.id}", answer_${q.id});`;
}

/**
 * Screen-only / print-only: the print edition of a handout shows a blank answer
 * line where the screen says 未回答. The rule lives in the handout's print CSS
 * (scripts/lib/print-edition.mjs): a <style> inside an output is escaped to
 * visible text by nbconvert's Markdown renderer and dropped by Jupyter's
 * sanitiser, so it cannot travel with the output. The print-only element is
 * hidden inline, so any front end without that CSS shows only the screen part.
 */
export const PRINT_BLANK_CSS = "@media print{.zk-screen{display:none !important}.zk-print{display:block !important}}";

/** The blank answer line for paper (`解答：＿＿＿＿`), hidden on screen. */
export function printBlank(label: string): string {
  return `<div class="zk-print" style="display:none">${escapeHtml(label)} 解答：＿＿＿＿＿＿＿＿</div>`;
}

export function topicTitle(q: Question): string {
  return TOPICS[q.topic].title;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/**
 * The little Markdown of explanations (`code`, **bold**, $math$, paragraphs)
 * as HTML, for the inside of a <details> block: Markdown inside raw HTML is
 * rendered by some front ends and not by others (nbconvert's exporter), HTML
 * is rendered by all. Math stays as text for MathJax (it reads the text, so
 * escaping < and & inside it is right).
 */
export function markdownToHtml(md: string): string {
  const inline = (s: string): string =>
    s
      .split(/(`[^`]*`)/)
      .map((part) =>
        part.startsWith("`") && part.endsWith("`") && part.length >= 2
          ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
          : escapeHtml(part).replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>"),
      )
      .join("");
  return md
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${inline(p).replace(/\n/g, " ")}</p>`)
    .join("");
}

/** A closed <details> with a summary line and Markdown inside, as one HTML block (no blank lines). */
export function detailsBlock(summary: string, md: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>${markdownToHtml(md)}</details>`;
}
