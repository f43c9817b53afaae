/**
 * check(id, answer): 正解 / 不正解 / 未回答 with an explanation and where to
 * re-read. It never throws: whatever the learner typed (nothing, a wrong
 * type, a function that throws) ends as a result.
 */
import { isBlank } from "./blank";
import { readChoice, readNumber, readOption } from "./parse";
import { findQuestion } from "./questions/index";
import { detailsBlock, keyMarkdown, label, markdownToHtml, printBlank, rereadText } from "./render";
import type { BlanksQuestion, CheckResult, Question, Status } from "./types";

interface Verdict {
  status: Status;
  /** What was wrong or missing (Japanese), for wrong / unanswered. */
  detail?: string;
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return "関数";
  if (typeof v === "symbol") return "未回答";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function judgeBlanks(q: BlanksQuestion, answer: unknown): Verdict {
  if (isBlank(answer)) return { status: "unanswered" };
  let values: Record<string, unknown>;
  if (Array.isArray(answer)) values = Object.fromEntries(q.blanks.map((b, i) => [b, answer[i]]));
  else if (typeof answer === "object") values = answer as Record<string, unknown>;
  else return { status: "wrong", detail: `{ ${q.blanks.map((b) => `${b}: 番号`).join(", ")} } の形で答えてください (あなたの入力: ${show(answer)})。` };
  const marks: string[] = [];
  let blanks = 0, wrong = 0;
  for (const b of q.blanks) {
    const raw = values[b];
    if (isBlank(raw)) {
      blanks++;
      marks.push(`(${b}) 未回答`);
      continue;
    }
    const n = readOption(raw, q.options.length);
    if (n === null) {
      wrong++;
      marks.push(`(${b}) × 1〜${q.options.length} の番号ではありません (${show(raw)})`);
    } else if (n === q.key[b]) marks.push(`(${b}) 〇`);
    else {
      wrong++;
      marks.push(`(${b}) ×`);
    }
  }
  if (blanks === q.blanks.length) return { status: "unanswered" };
  if (wrong === 0 && blanks === 0) return { status: "correct" };
  return { status: "wrong", detail: marks.join("、") };
}

/** The verdict alone (no message). */
export function judge(q: Question, answer: unknown): Verdict {
  switch (q.format) {
    case "choice":
    case "code": {
      if (isBlank(answer)) return { status: "unanswered" };
      const letter = readChoice(answer);
      if (letter === null) return { status: "wrong", detail: `"A"〜"D" の文字で答えてください (あなたの入力: ${show(answer)})。` };
      return letter === q.key ? { status: "correct" } : { status: "wrong", detail: `あなたの答えは ${letter} です。` };
    }
    case "numeric": {
      if (isBlank(answer)) return { status: "unanswered" };
      const x = readNumber(answer);
      if (x === null) return { status: "wrong", detail: `数値で答えてください (あなたの入力: ${show(answer)})。` };
      const truth = q.engineAnswer();
      if (Math.abs(x - truth) <= q.tolerance) return { status: "correct" };
      return { status: "wrong", detail: `あなたの答えは ${x} です。` };
    }
    case "blanks":
      return judgeBlanks(q, answer);
  }
}

export function resultMessage(q: Question, v: Verdict): string {
  const head = `${label(q)} ${q.title}`;
  const reread = `復習: ${rereadText(q.reread)}`;
  switch (v.status) {
    case "correct":
      return [`**〇 正解** — ${head}`, `正解: ${keyMarkdown(q)}`, q.explanation, reread].join("\n\n");
    case "wrong":
      return [
        `**× 不正解** — ${head}` + (v.detail ? `\n\n${v.detail}` : ""),
        detailsBlock("解説と正解を見る", `正解: ${keyMarkdown(q)}\n\n${q.explanation}`),
        reread,
      ].join("\n\n");
    case "unanswered": {
      // On screen: 未回答 with the explanation folded; on paper (print edition of the
      // handout): only a blank answer line, so a printed quiz does not give away the key.
      const screen = [
        `<p><strong>― 未回答</strong> — ${markdownToHtml(head).replace(/^<p>|<\/p>$/g, "")}` +
          (v.detail ? `: ${markdownToHtml(v.detail).replace(/^<p>|<\/p>$/g, "")}` : "") + "</p>",
        markdownToHtml("答えのセルの `未回答` を書き換えて実行してから、このセルをもう一度実行してください。"),
        detailsBlock("解説を見る (答えが書いてあります)", `正解: ${keyMarkdown(q)}\n\n${q.explanation}`),
        markdownToHtml(reread),
      ].join("");
      return `<div class="zk-screen">${screen}</div>${printBlank(label(q))}`;
    }
  }
}

/** Check one answer. Never throws. */
export function check(id: string, answer: unknown): CheckResult {
  const q = typeof id === "string" ? findQuestion(id) : undefined;
  if (q === undefined) {
    return { id: String(id), status: "wrong", correct: false, message: `**× 問題 ${show(id)} が見つかりません** — \`exam.check("q01", answer_q01)\` のように問題の ID を渡してください。` };
  }
  let v: Verdict;
  try {
    v = judge(q, answer);
  } catch (e) {
    v = { status: "wrong", detail: `チェック中にエラーが出ました: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { id: q.id, status: v.status, correct: v.status === "correct", message: resultMessage(q, v) };
}
