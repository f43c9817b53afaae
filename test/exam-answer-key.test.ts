/**
 * notebooks/6-8-answer-key.ipynb (src/exam/answer-key.ts): every question of
 * the bank once, under its book section, with its key (the full Python line
 * for code questions, the value for numeric ones) and its explanation; the
 * quiz intros point at it; its key check catches a wrong key; it runs
 * headless without error. (That the committed file is what src/exam
 * generates is checked in test/exam-notebook.test.ts.)
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { answerMarkdown } from "../src/exam/answer-key";
import { chapterQuizCells, CHAPTER_NOTEBOOKS } from "../src/exam/chapter-quiz";
import { engineVerdict } from "../src/exam/engine-check";
import { keyCheck, keyCheckMarkdown } from "../src/exam/key-report";
import { examNotebook } from "../src/exam/notebook";
import { CHOICE_LETTERS, CODE_BLANK, QUESTIONS, TOPICS, questionsOf, type Question } from "../src/exam/index";
import { ROOT, executed, text, type NotebookJson } from "./platform";

const FILE = path.join(ROOT, "notebooks", "6-8-answer-key.ipynb");
const nb = (): NotebookJson => JSON.parse(readFileSync(FILE, "utf8")) as NotebookJson;
const src = (c: NotebookJson["cells"][number]): string => text(c.source);

describe("6-8-answer-key: content", () => {
  it("holds every question of the bank exactly once, under the heading of its book section", () => {
    const cells = nb().cells;
    const h2 = (i: number) => [...cells.slice(0, i + 1)].reverse().find((c) => /^## /.test(src(c)));
    for (const q of QUESTIONS) {
      const at = cells.flatMap((c, i) => (c.id === `akey-${q.id}` ? [i] : []));
      assert.equal(at.length, 1, q.id);
      assert.equal(src(h2(at[0])!).split("\n")[0], `## ${TOPICS[q.topic].title}`, q.id);
    }
    assert.equal(cells.filter((c) => /^akey-q\d+$/.test(c.id ?? "")).length, QUESTIONS.length);
  });

  it("each answer shows the prompt, the key, the explanation and where to re-read", () => {
    for (const q of QUESTIONS) {
      const md = src(nb().cells.find((c) => c.id === `akey-${q.id}`)!);
      assert.ok(md.includes(q.prompt) && md.includes(q.explanation), q.id);
      assert.ok(md.includes(q.reread.notebook) && md.includes(q.reread.section) && md.includes(q.keyword), q.id);
      if (q.format === "choice" || q.format === "code") {
        assert.match(md, new RegExp(`\\*\\*正解: ${q.key}\\*\\*`), q.id);
        // exactly one choice marked, and it is the key's
        const marked = md.split("\n").filter((l) => l.includes("**← 正解**"));
        assert.deepEqual(marked.map((l) => /^- \*\*([A-D])\.\*\*/.exec(l)?.[1]), [q.key], q.id);
      }
      if (q.format === "code") {
        const line = q.choices[CHOICE_LETTERS.indexOf(q.key)].trim();
        assert.ok(md.includes("```python\n" + line + "\n```"), `${q.id}: the full correct line in a Python block`);
        const completed = /完成したコード:\n\n```python\n([\s\S]*?)\n```/.exec(md)?.[1] ?? "";
        assert.ok(!completed.includes(`${CODE_BLANK}\n`) && completed.includes(line), `${q.id}: the completed code`);
        assert.equal(completed.split("\n").length, q.code.split("\n").length, q.id);
      }
      if (q.format === "numeric") {
        assert.ok(md.includes(`**正解: ${q.key.toFixed(q.digits)}**`), q.id);
        assert.ok(md.includes("エンジンで計算した値"), q.id);
      }
      if (q.format === "blanks") for (const b of q.blanks) assert.ok(md.includes(`(${b}) `), `${q.id} (${b})`);
    }
  });

  it("numbers a chapter's questions as its 確認問題 does (問 i（Qnn）)", () => {
    for (const home of CHAPTER_NOTEBOOKS) {
      questionsOf(home).forEach((q, i) => {
        const heading = `問 ${i + 1}（${q.id.toUpperCase()}）`;
        assert.ok(src(nb().cells.find((c) => c.id === `akey-${q.id}`)!).startsWith(`#### ${heading}`), q.id);
        assert.ok(chapterQuizCells(home, "## 確認問題").some((c) => c.id === `exq-prompt-${q.id}` && text(c.source).includes(heading)), q.id);
      });
    }
  });

  it("the quiz intros of 6-1 … 6-6 point at 6-8-answer-key, which exists", () => {
    assert.ok(existsSync(FILE));
    for (const home of CHAPTER_NOTEBOOKS) assert.match(text(chapterQuizCells(home, "## 確認問題")[0].source), /`6-8-answer-key`/, home);
    assert.match(text(examNotebook().cells[0].source), /`6-8-answer-key`/);
  });
});

describe("6-8-answer-key: keys checked against the engine", () => {
  it("no key of the bank contradicts the engine; most are decided by computation", () => {
    const rows = keyCheck();
    assert.deepEqual(rows.flatMap((r) => r.disagrees), []);
    const agrees = rows.reduce((s, r) => s + r.agrees, 0);
    assert.equal(rows.reduce((s, r) => s + r.total, 0), QUESTIONS.length);
    assert.ok(agrees >= 0.8 * QUESTIONS.length, `${agrees} decided`);
    assert.match(keyCheckMarkdown(rows), /すべてエンジンの計算と一致しました/);
  });

  it("a wrong key is caught (choice, blanks, numeric)", () => {
    const wrongKey = (q: Question): Question => {
      switch (q.format) {
        case "choice":
        case "code":
          return { ...q, key: CHOICE_LETTERS[(CHOICE_LETTERS.indexOf(q.key) + 1) % 4] };
        case "numeric":
          return { ...q, key: q.key + 10 ** -q.digits * 3 };
        case "blanks": {
          const b = q.blanks[0];
          return { ...q, key: { ...q.key, [b]: (q.key[b]! % q.options.length) + 1 } };
        }
      }
    };
    for (const format of ["choice", "code", "numeric", "blanks"] as const) {
      const q = QUESTIONS.find((x) => x.format === format && engineVerdict(x).status === "agrees")!;
      assert.equal(engineVerdict(wrongKey(q)).status, "disagrees", `${q.id} (${format})`);
      const rows = keyCheck([wrongKey(q)]);
      assert.match(keyCheckMarkdown(rows), /エンジンと食い違う正解があります/);
    }
  });

  it("answerMarkdown marks the key even when it is not B", () => {
    const q = QUESTIONS.find((x) => x.format === "choice")!;
    for (const key of CHOICE_LETTERS) {
      const md = answerMarkdown({ ...q, key } as Question, "Q");
      assert.ok(md.includes(`- **${key}.** ${(q as { choices: string[] }).choices[CHOICE_LETTERS.indexOf(key)]} **← 正解**`));
    }
  });
});

describe("6-8-answer-key: executed headless", () => {
  it("runs without error or stderr; the key check reports every question and no contradiction", async () => {
    const run = await executed(FILE);
    assert.ok(run.record.ok, `failed: ${run.record.failure?.message}`);
    const cells = run.nb!.cells;
    for (const c of cells) for (const o of c.outputs ?? []) {
      assert.notEqual(o.output_type, "error", c.id);
      assert.ok(!(o.output_type === "stream" && o.name === "stderr"), `${c.id}: stderr ${text(o.text)}`);
    }
    const out = (cells.find((c) => c.id === "akey-check")!.outputs ?? []).map((o) => text((o.data?.["text/markdown"] as string[] | undefined) ?? o.text)).join("\n");
    assert.match(out, /FAST/);
    assert.match(out, new RegExp(`\\| 計 \\| ${QUESTIONS.length} \\|`));
    assert.match(out, /すべてエンジンの計算と一致しました/);
  });
});
