/**
 * Mock-exam mode of the 6-6 drill (模擬試験モード): n questions drawn from the
 * whole bank (the chapters' 確認問題 and the drill), spread across the five
 * topics, with the engine's seeded RNG: the same n and seed always give the
 * same questions in the same order. A suggested time limit, one answer cell
 * (an object keyed by question id, checked by the one checker) and a score
 * table per E資格 keyword that points to the section to re-read.
 */
import { ArgumentError } from "../core/errors";
import { readOptions } from "../core/options";
import { RNG } from "../core/rng";
import { markdown } from "../viz/markdown";
import { check } from "./check";
import { QUESTIONS, TOPICS } from "./questions/index";
import { FORMAT_LABEL, keySource, label, printBlank, questionBody, rereadText } from "./render";
import type { Format, Question, Status, Topic } from "./types";

export interface MockExamOptions {
  /** How many questions (1 … the bank's size). Default 10. */
  n?: number;
  /** Seed of the draw (an integer). Default 1. */
  seed?: number;
}

export const MOCK_DEFAULTS = { n: 10, seed: 1 } as const;

/** Suggested minutes per question by format (the real exam: about 100 questions in 120 minutes). */
export const MINUTES_PER_FORMAT: Record<Format, number> = { choice: 1, blanks: 2, code: 2, numeric: 3 };

/**
 * n questions of `bank`, spread across topics: each topic's questions are shuffled,
 * the topics are visited round-robin in a shuffled order (so n ≥ 5 covers every
 * topic), and the drawn set is shuffled once more into the order of the paper.
 */
export function drawQuestions(n: number, seed: number, bank: readonly Question[] = QUESTIONS): Question[] {
  if (!Number.isInteger(n) || n < 1 || n > bank.length) {
    throw new ArgumentError("n", `問題数 n は 1〜${bank.length} の整数です (an integer from 1 to ${bank.length}, the size of the question bank)`, n);
  }
  if (!Number.isSafeInteger(seed)) throw new ArgumentError("seed", "乱数の種 seed は整数です (an integer)", seed);
  const rng = new RNG(seed);
  const topics = (Object.keys(TOPICS) as Topic[]).filter((t) => bank.some((q) => q.topic === t));
  const pools = topics.map((t) => {
    const qs = bank.filter((q) => q.topic === t);
    return Array.from(rng.permutation(qs.length), (i) => qs[i]);
  });
  const order = Array.from(rng.permutation(topics.length));
  const picked: Question[] = [];
  for (let round = 0; picked.length < n; round++) {
    for (const t of order) if (picked.length < n && round < pools[t].length) picked.push(pools[t][round]);
  }
  return Array.from(rng.permutation(picked.length), (i) => picked[i]);
}

export interface MockRow {
  number: number;
  question: Question;
  status: Status;
}

export interface KeywordScore {
  keyword: string;
  correct: number;
  wrong: number;
  unanswered: number;
  total: number;
  /** Sections to re-read: those of the questions not answered correctly ("" when all correct). */
  reread: string[];
}

export class MockExam {
  readonly n: number;
  readonly seed: number;
  readonly questions: readonly Question[];
  /** Suggested time limit in minutes (MINUTES_PER_FORMAT summed over the paper). */
  readonly minutes: number;

  constructor(options: MockExamOptions = {}) {
    const o = readOptions<MockExamOptions>("MockExam", options, ["n", "seed"]);
    this.n = o.n ?? MOCK_DEFAULTS.n;
    this.seed = o.seed ?? MOCK_DEFAULTS.seed;
    this.questions = drawQuestions(this.n, this.seed);
    this.minutes = this.questions.reduce((s, q) => s + MINUTES_PER_FORMAT[q.format], 0);
  }

  private heading(q: Question, i: number): string {
    return `問 ${i + 1}（${label(q)}）〔${FORMAT_LABEL[q.format]}〕${q.title}`;
  }

  /** The paper: time limit, how to answer, every question; a blank answer line per question in print. */
  paperMarkdown(): string {
    const perTopic = (Object.keys(TOPICS) as Topic[])
      .map((t) => [TOPICS[t].title.split(" ")[0], this.questions.filter((q) => q.topic === t).length] as const)
      .filter(([, k]) => k > 0)
      .map(([t, k]) => `${t}: ${k} 問`)
      .join("、");
    const head = [
      `## 模擬試験 (n = ${this.n}, seed = ${this.seed})`,
      `**目安の時間: ${this.minutes} 分** (4択 ${MINUTES_PER_FORMAT.choice} 分、空欄補充とコード穴埋め ${MINUTES_PER_FORMAT.code} 分、計算 ${MINUTES_PER_FORMAT.numeric} 分で見積もりました)。出題の内訳: ${perTopic}。`,
      "時間を計って解き、答えは下の答えのセルに書きます。解き終わるまで、各ノートブックや解答集は見ないでおきましょう。",
    ];
    const body = this.questions.map((q, i) => `### ${this.heading(q, i)}\n\n${questionBody(q)}\n\n${printBlank(`問 ${i + 1}`)}`);
    return [...head, ...body].join("\n\n");
  }

  /** The answer cell (TypeScript): one entry per question, 未回答 or the key (tests fill it). */
  answerCellSource(filled = false): string {
    const value = (q: Question): string => {
      if (filled) return keySource(q);
      return q.format === "blanks" ? `{ ${q.blanks.map((b) => `${b}: 未回答`).join(", ")} }` : "未回答";
    };
    const lines = this.questions.map((q, i) => `  ${q.id}: ${value(q)}, // 問 ${i + 1}〔${FORMAT_LABEL[q.format]}〕`);
    return [
      `// 模擬試験の答え (n = ${this.n}, seed = ${this.seed} の問題): 未回答 を書き換えます。`,
      `// 4択・コード穴埋めは "A"〜"D"、計算は数値、空欄補充は { あ: 語群の番号, … }。`,
      "const mockAnswers = {",
      ...lines,
      "};",
    ].join("\n");
  }

  show(): void {
    markdown(this.paperMarkdown());
    const template = "```typescript\n" + this.answerCellSource() + "\n```";
    markdown(
      `**答えのセルのひな形**: n や seed を変えたときは、下の答えのセルをこのひな形に置き換えてください (問題の ID が変わります)。\n\n${template}`,
    );
  }

  /** Each question's status. Throws ArgumentError when `answers` names a question that is not on this paper. */
  results(answers: Readonly<Record<string, unknown>>): MockRow[] {
    if (answers === null || typeof answers !== "object" || Array.isArray(answers)) {
      throw new ArgumentError("answers", "問題の ID をキーにしたオブジェクト { q12: \"B\", … } (an object keyed by question id)", answers);
    }
    const ids = new Set(this.questions.map((q) => q.id));
    const stray = Object.keys(answers).filter((k) => !ids.has(k));
    if (stray.length > 0) {
      throw new ArgumentError(
        "answers",
        `この模擬試験 (n = ${this.n}, seed = ${this.seed}) の問題 ${[...ids].join(", ")} の答え。n や seed を変えたときは、上のセルに表示された答えのひな形を使ってください`,
        `answers for ${stray.join(", ")}`,
      );
    }
    return this.questions.map((question, i) => ({ number: i + 1, question, status: check(question.id, answers[question.id]).status }));
  }

  /** Per E資格 keyword, weakest first. */
  keywordScores(rows: readonly MockRow[]): KeywordScore[] {
    const by = new Map<string, KeywordScore>();
    for (const r of rows) {
      const k = r.question.keyword;
      const s = by.get(k) ?? { keyword: k, correct: 0, wrong: 0, unanswered: 0, total: 0, reread: [] };
      by.set(k, s);
      s.total++;
      if (r.status === "correct") s.correct++;
      else {
        if (r.status === "wrong") s.wrong++;
        else s.unanswered++;
        const where = rereadText(r.question.reread);
        if (!s.reread.includes(where)) s.reread.push(where);
      }
    }
    return [...by.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || a.keyword.localeCompare(b.keyword, "ja"));
  }

  resultMarkdown(answers: Readonly<Record<string, unknown>>): string {
    const rows = this.results(answers);
    const count = (s: Status) => rows.filter((r) => r.status === s).length;
    const mark: Record<Status, string> = { correct: "〇 正解", wrong: "× 不正解", unanswered: "― 未回答" };
    const correct = count("correct");
    const lines = [
      `## 模擬試験の結果: ${correct} / ${rows.length} 問正解 (${Math.round((100 * correct) / rows.length)}%)`,
      `不正解 ${count("wrong")} 問・未回答 ${count("unanswered")} 問 (目安の時間 ${this.minutes} 分)`,
      "### E資格のキーワード別\n\n| キーワード | 正解 | 不正解 | 未回答 | 読み直す節 |\n|---|---:|---:|---:|---|\n" +
        this.keywordScores(rows)
          .map((s) => `| ${s.keyword} | ${s.correct} / ${s.total} | ${s.wrong} | ${s.unanswered} | ${s.reread.length === 0 ? "— (全問正解)" : s.reread.join("<br>")} |`)
          .join("\n"),
      "### 問題ごと\n\n| 問 | ID | 題 | 結果 |\n|---:|---|---|---|\n" +
        rows.map((r) => `| ${r.number} | ${label(r.question)} | ${r.question.title} | ${mark[r.status]} |`).join("\n"),
    ];
    if (correct === rows.length) lines.push("全問正解です。seed を変えて、別の組み合わせにも挑戦してみましょう。");
    else if (count("unanswered") === rows.length) lines.push("まだ答えがありません。上の答えのセルの `未回答` を書き換えて実行してから、このセルを実行してください。");
    else lines.push("正解と解説は `6-8-answer-key` (解答集) の同じ ID の問題にあります。読み直す節を復習してから、同じ seed でもう一度解いてみましょう。");
    return lines.join("\n\n");
  }

  /** Shows the result (score, table per keyword, per question). */
  score(answers: Readonly<Record<string, unknown>>): void {
    markdown(this.resultMarkdown(answers));
  }
}
