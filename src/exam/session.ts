/**
 * What the exam notebook calls: check one answer and show the result as
 * Markdown, show the score at the end. The display goes through src/viz
 * (text/markdown in a kernel, console.log elsewhere); the logic is in
 * check.ts / scoreboard.ts.
 */
import { markdown } from "../viz/markdown";
import { TOPICS, questionsOf } from "./questions/index";
import { FORMAT_LABEL } from "./render";
import { Scoreboard } from "./scoreboard";
import type { CheckResult, Format, Home, Question, Topic } from "./types";

export class ExamSession {
  readonly questions: readonly Question[];
  readonly board: Scoreboard;

  /** The questions of one notebook: the 6-6 drill by default, or a chapter's 確認問題. */
  constructor(readonly home: Home = "6-6-exam-review") {
    this.questions = questionsOf(home);
    this.board = new Scoreboard(this.questions);
  }

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
      const qs = this.questions.filter((q) => q.topic === t);
      return `| ${TOPICS[t].title} | ${formats.map((f) => qs.filter((q) => q.format === f).length).join(" | ")} | ${qs.length} |`;
    });
    markdown(
      `全 ${this.questions.length} 問\n\n| 分野 | ${formats.map((f) => FORMAT_LABEL[f]).join(" | ")} | 計 |\n|---|${formats.map(() => "---:|").join("")}---:|\n` +
        rows.join("\n"),
    );
  }

  summary(): void {
    markdown(this.board.summaryMarkdown());
  }
}
