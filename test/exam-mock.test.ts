/**
 * The mock-exam mode of 6-6 (src/exam/mock-exam.ts): a seeded draw across
 * topics, a clear error for n out of range, scoring with the one checker
 * (every key → all 正解, nothing → all 未回答), a table per E資格 keyword
 * that points to the sections to re-read. The notebook runs (blank and
 * filled) are in test/exam-notebook.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../src/core/errors";
import { MINUTES_PER_FORMAT, MOCK_DEFAULTS, MockExam, drawQuestions } from "../src/exam/mock-exam";
import { CHOICE_LETTERS, QUESTIONS, TOPICS, 未回答, type Question } from "../src/exam/index";

const ids = (qs: readonly Question[]) => qs.map((q) => q.id);

/** The key as a learner types it. */
function key(q: Question): unknown {
  return q.format === "blanks" ? { ...q.key } : q.key;
}

/** A wrong answer of the right type. */
function wrong(q: Question): unknown {
  switch (q.format) {
    case "choice":
    case "code":
      return CHOICE_LETTERS[(CHOICE_LETTERS.indexOf(q.key) + 1) % 4];
    case "numeric":
      return q.key + 1000 * q.tolerance + 1;
    case "blanks":
      return Object.fromEntries(q.blanks.map((b) => [b, (q.key[b]! % q.options.length) + 1]));
  }
}

describe("mock exam: the draw", () => {
  it("the same n and seed draw the same questions in the same order", () => {
    for (const seed of [1, 2, 7, 123456]) assert.deepEqual(ids(drawQuestions(10, seed)), ids(drawQuestions(10, seed)));
    assert.deepEqual(ids(new MockExam().questions), ids(drawQuestions(MOCK_DEFAULTS.n, MOCK_DEFAULTS.seed)));
  });

  it("different seeds draw different papers", () => {
    const papers = new Set(Array.from({ length: 20 }, (_, s) => ids(drawQuestions(10, s)).join(",")));
    assert.equal(papers.size, 20);
    assert.notDeepEqual(new Set(ids(drawQuestions(10, 1))), new Set(ids(drawQuestions(10, 2))), "not only another order");
  });

  it("n distinct questions spread across the topics (each topic within one of the others)", () => {
    for (const n of [1, 5, 10, 23, QUESTIONS.length]) {
      const qs = drawQuestions(n, 3);
      assert.equal(qs.length, n);
      assert.equal(new Set(ids(qs)).size, n);
      const counts = Object.keys(TOPICS).map((t) => qs.filter((q) => q.topic === t).length);
      if (n <= 5 * Math.min(...Object.keys(TOPICS).map((t) => QUESTIONS.filter((q) => q.topic === t).length))) {
        assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `n = ${n}: ${counts}`);
      }
    }
    assert.deepEqual(new Set(ids(drawQuestions(QUESTIONS.length, 9))), new Set(ids(QUESTIONS)));
  });

  it("n out of range, not an integer, a bad seed or an unknown option is a clear error naming it", () => {
    for (const n of [0, -3, QUESTIONS.length + 1, 2.5, Number.NaN, "10" as unknown as number]) {
      assert.throws(() => new MockExam({ n }), (e: unknown) => e instanceof ArgumentError && e.argument === "n" && /1〜78|1 to 78/.test(e.message), String(n));
    }
    assert.throws(() => new MockExam({ seed: 0.5 }), (e: unknown) => e instanceof ArgumentError && e.argument === "seed");
    assert.throws(() => new MockExam({ N: 5 } as never), /unknown option "N"; valid options are n, seed/);
  });

  it("suggests a time limit from the formats on the paper", () => {
    const m = new MockExam({ n: 12, seed: 4 });
    assert.equal(m.minutes, m.questions.reduce((s, q) => s + MINUTES_PER_FORMAT[q.format], 0));
    assert.match(m.paperMarkdown(), new RegExp(`目安の時間: ${m.minutes} 分`));
    // every question on the paper, numbered, with its id; a blank line for paper only
    m.questions.forEach((q, i) => assert.ok(m.paperMarkdown().includes(`### 問 ${i + 1}（${q.id.toUpperCase()}）`), q.id));
    assert.equal((m.paperMarkdown().match(/class="zk-print"/g) ?? []).length, 12);
  });
});

describe("mock exam: scoring", () => {
  const m = new MockExam({ n: 15, seed: 5 });

  it("every key filled in: all 正解", () => {
    const rows = m.results(Object.fromEntries(m.questions.map((q) => [q.id, key(q)])));
    assert.deepEqual(rows.map((r) => r.status), m.questions.map(() => "correct"));
    const md = m.resultMarkdown(Object.fromEntries(m.questions.map((q) => [q.id, key(q)])));
    assert.match(md, /模擬試験の結果: 15 \/ 15 問正解 \(100%\)/);
    assert.match(md, /全問正解/);
  });

  it("the answer cell as generated (blank) gives all 未回答; filled gives all 正解", () => {
    // the cell's object literal, evaluated with 未回答 in scope
    const evalCell = (src: string) => new Function("未回答", `${src.replace("const mockAnswers =", "return")}`)(未回答) as Record<string, unknown>;
    assert.deepEqual(m.results(evalCell(m.answerCellSource())).map((r) => r.status), m.questions.map(() => "unanswered"));
    assert.deepEqual(m.results(evalCell(m.answerCellSource(true))).map((r) => r.status), m.questions.map(() => "correct"));
    assert.deepEqual(m.results({}).map((r) => r.status), m.questions.map(() => "unanswered"));
  });

  it("the keyword table counts per E資格 keyword and lists the sections to re-read for the misses only", () => {
    const [miss, ...rest] = m.questions;
    const answers = { [miss.id]: wrong(miss), ...Object.fromEntries(rest.map((q) => [q.id, key(q)])) };
    const rows = m.results(answers);
    assert.equal(rows[0].status, "wrong");
    const scores = m.keywordScores(rows);
    assert.equal(scores.reduce((s, k) => s + k.total, 0), 15);
    const k = scores.find((s) => s.keyword === miss.keyword)!;
    assert.equal(k.wrong, 1);
    assert.deepEqual(k.reread, [`\`${miss.reread.notebook}\` の「${miss.reread.section}」の節`]);
    assert.equal(scores[0].keyword, miss.keyword, "the weakest keyword first");
    for (const s of scores.filter((s) => s.keyword !== miss.keyword)) assert.deepEqual(s.reread, []);
    const md = m.resultMarkdown(answers);
    assert.match(md, /模擬試験の結果: 14 \/ 15 問正解/);
    assert.ok(md.includes(`| ${miss.keyword} |`) && md.includes(miss.reread.section));
  });

  it("answers for questions not on the paper (n or seed changed) are an error naming answers", () => {
    const other = QUESTIONS.find((q) => !m.questions.includes(q))!;
    assert.throws(() => m.results({ [other.id]: "A" }), (e: unknown) => e instanceof ArgumentError && e.argument === "answers" && e.message.includes(other.id));
    assert.throws(() => m.results([] as never), (e: unknown) => e instanceof ArgumentError && e.argument === "answers");
  });
});
