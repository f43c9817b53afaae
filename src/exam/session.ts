/**
 * What the exam notebook calls: check one answer and show the result as
 * Markdown, show the score at the end. The display goes through src/viz
 * (text/markdown in a kernel, console.log elsewhere); the logic is in
 * check.ts / scoreboard.ts.
 */
import { markdown } from "../viz/markdown";
import { QUESTIONS, TOPICS } from "./questions/index";
import { FORMAT_LABEL } from "./render";
import { Scoreboard } from "./scoreboard";
import type { CheckResult, Format, Topic } from "./types";

export class ExamSession {
  readonly board = new Scoreboard(QUESTIONS);

  /** Shows 正解/不正解/未回答 with the explanation; records it for the summary. */
  check(id: string, answer: unknown): void {
    this.result(id, answer);
  }

  /** Like check(), and returns the result (for code that wants the status). */
  result(id: string, answer: unknown): CheckResult {
    const r = this.board.check(id, answer);
    markdown(r.message);
    return r;
  }

  /** The number of questions per topic and format. */
  overview(): void {
    const formats = Object.keys(FORMAT_LABEL) as Format[];
    const rows = (Object.keys(TOPICS) as Topic[]).map((t) => {
      const qs = QUESTIONS.filter((q) => q.topic === t);
      return `| ${TOPICS[t].title} | ${formats.map((f) => qs.filter((q) => q.format === f).length).join(" | ")} | ${qs.length} |`;
    });
    markdown(
      `全 ${QUESTIONS.length} 問\n\n| 分野 | ${formats.map((f) => FORMAT_LABEL[f]).join(" | ")} | 計 |\n|---|${formats.map(() => "---:|").join("")}---:|\n` +
        rows.join("\n"),
    );
  }

  summary(): void {
    markdown(this.board.summaryMarkdown());
  }
}
