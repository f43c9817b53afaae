/**
 * Scoreboard: the latest result per question (re-running a check replaces
 * it), and the summary at the end of the notebook: score, per topic, and
 * what to re-read. Questions never checked count as 未回答.
 */
import { check } from "./check";
import { QUESTIONS, TOPICS } from "./questions/index";
import { label, rereadText } from "./render";
import type { CheckResult, Question, Status, Topic } from "./types";

export interface TopicScore {
  topic: Topic;
  title: string;
  notebook: string;
  correct: number;
  wrong: number;
  unanswered: number;
  total: number;
}

export interface Summary {
  correct: number;
  wrong: number;
  unanswered: number;
  total: number;
  byTopic: TopicScore[];
  /** Wrong answers first, then unanswered, in question order. */
  review: { question: Question; status: Exclude<Status, "correct"> }[];
}

export class Scoreboard {
  private readonly results = new Map<string, CheckResult>();

  constructor(readonly questions: readonly Question[] = QUESTIONS) {}

  record(result: CheckResult): void {
    if (this.questions.some((q) => q.id === result.id)) this.results.set(result.id, result);
  }

  /** check() and record the result. */
  check(id: string, answer: unknown): CheckResult {
    const r = check(id, answer);
    this.record(r);
    return r;
  }

  status(id: string): Status {
    return this.results.get(id)?.status ?? "unanswered";
  }

  summary(): Summary {
    const count = (qs: readonly Question[], s: Status) => qs.filter((q) => this.status(q.id) === s).length;
    const byTopic = (Object.keys(TOPICS) as Topic[])
      .map((topic) => {
        const qs = this.questions.filter((q) => q.topic === topic);
        return {
          topic, title: TOPICS[topic].title, notebook: TOPICS[topic].notebook,
          correct: count(qs, "correct"), wrong: count(qs, "wrong"), unanswered: count(qs, "unanswered"), total: qs.length,
        };
      })
      .filter((t) => t.total > 0);
    const review = [
      ...this.questions.filter((q) => this.status(q.id) === "wrong").map((question) => ({ question, status: "wrong" as const })),
      ...this.questions.filter((q) => this.status(q.id) === "unanswered").map((question) => ({ question, status: "unanswered" as const })),
    ];
    return {
      correct: count(this.questions, "correct"), wrong: count(this.questions, "wrong"),
      unanswered: count(this.questions, "unanswered"), total: this.questions.length, byTopic, review,
    };
  }

  summaryMarkdown(): string {
    const s = this.summary();
    const pct = s.total === 0 ? 0 : Math.round((100 * s.correct) / s.total);
    const lines = [
      `## 結果: ${s.correct} / ${s.total} 問正解 (${pct}%)`,
      `不正解 ${s.wrong} 問・未回答 ${s.unanswered} 問`,
      "| 分野 | 正解 | 不正解 | 未回答 | 復習するノートブック |\n|---|---:|---:|---:|---|\n" +
        s.byTopic.map((t) => `| ${t.title} | ${t.correct} / ${t.total} | ${t.wrong} | ${t.unanswered} | \`${t.notebook}\` |`).join("\n"),
    ];
    const wrong = s.review.filter((r) => r.status === "wrong");
    if (wrong.length > 0) {
      lines.push("### 復習リスト (不正解)\n\n" + wrong.map((r) => `- ${label(r.question)} ${r.question.title} → ${rereadText(r.question.reread)}`).join("\n"));
    }
    const open = s.review.filter((r) => r.status === "unanswered");
    if (open.length > 0) lines.push(`未回答: ${open.map((r) => label(r.question)).join(", ")}`);
    if (s.correct === s.total && s.total > 0) lines.push("全問正解です。公式の確認には `6-7-formula-sheet` を使ってください。");
    else if (s.unanswered === s.total) lines.push("まだ 1 問も答えていません。各問の答えのセルの `未回答` を書き換えてから実行してください。");
    else lines.push("間違えた問題は、復習リストのノートブックを読み直してから、答えを書き換えてもう一度チェックしてみましょう。");
    return lines.join("\n\n");
  }
}
