/**
 * Markdown for the notebook: a question's prompt (with its choices / 語群),
 * its answer as text, and the result message of a check. Pure strings.
 */
import { TOPICS } from "./questions/index";
import type { BlanksQuestion, Format, Question, Reread } from "./types";
import { CHOICE_LETTERS } from "./types";

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

/** The prompt cell: heading, prompt, then choices or 語群 or the variables of a code question. */
export function promptMarkdown(q: Question): string {
  const parts = [`### ${label(q)}〔${FORMAT_LABEL[q.format]}〕${q.title}`, q.prompt];
  switch (q.format) {
    case "choice":
      parts.push(q.choices.map((c, i) => `- **${CHOICE_LETTERS[i]}.** ${c}`).join("\n"));
      parts.push(`答え方: 下のセルの \`未回答\` を \`"A"\`〜\`"D"\` のどれかに書き換えて実行し、その下のチェックのセルを実行します。`);
      break;
    case "blanks":
      parts.push("**語群**\n\n" + q.options.map((o, i) => `${i + 1}. ${o}`).join("\n"));
      parts.push(`答え方: 下のセルの各 \`未回答\` を語群の番号 (1〜${q.options.length}) に書き換えます。同じ番号を何度使ってもかまいません。`);
      break;
    case "numeric":
      parts.push(`答え方: 下のセルの \`未回答\` を数値 (例: \`0.5\`) に書き換えます。電卓を使ってかまいません。`);
      break;
    case "code":
      parts.push(
        `答え方: 下のセルの \`未回答\` を、${q.returns} を返す 1 行の式に書き換えます。使える変数は ` +
          q.params.map((p) => `\`${p}\``).join("、") +
          `、関数は \`np.sqrt\`・\`np.square\`・\`np.abs\`・\`np.exp\` などです (どれも数値 1 つを受け取ります)。`,
      );
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
      return `\`${q.keyBody}\``;
  }
}

/** The key as TypeScript source for the answer cell (used to fill the notebook in tests). */
export function keySource(q: Question): string {
  switch (q.format) {
    case "choice":
      return JSON.stringify(q.key);
    case "blanks":
      return `{ ${q.blanks.map((b) => `${b}: ${q.key[b]}`).join(", ")} }`;
    case "numeric":
      return q.key.toFixed(q.digits);
    case "code":
      return q.keyBody;
  }
}

/** The answer cell, with the placeholder (blank) or the key (filled). */
export function answerCellSource(q: Question, filled = false): string {
  const v = `answer_${q.id}`;
  switch (q.format) {
    case "choice":
      return `const ${v} = ${filled ? keySource(q) : "未回答"}; // ← "A"〜"D" のどれか (例: "B")`;
    case "numeric":
      return `const ${v} = ${filled ? keySource(q) : "未回答"}; // ← 数値 (例: 0.5)`;
    case "blanks": {
      const body = filled ? keySource(q) : `{ ${q.blanks.map((b) => `${b}: 未回答`).join(", ")} }`;
      return `const ${v} = ${body}; // ← 語群の番号 (1〜${q.options.length})`;
    }
    case "code": {
      const params = q.params.map((p) => `${p}: number`).join(", ");
      return `// ← 未回答 を、${q.returns} を返す 1 行の式に書き換える\nconst ${v} = (${params}) => ${filled ? q.keyBody : "未回答"};`;
    }
  }
}

export function checkCellSource(q: Question): string {
  return `exam.check("${q.id}", answer_${q.id});`;
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
