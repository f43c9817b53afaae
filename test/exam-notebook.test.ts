/**
 * notebooks/6-6-exam-review.ipynb: generated from src/exam (the committed
 * file must match), one prompt / answer / check cell per question, and run
 * headless twice:
 *   - as committed (answers left as 未回答): no error, every check says
 *     未回答, the summary says 0 / N — what a learner sees after "Run All";
 *   - a temporary copy with every answer cell (metadata zerokara.answer)
 *     replaced by the key from src/exam: every check says 正解, N / N.
 * The blank run is the executed copy shared with test/notebooks.test.ts.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { GENERATED_NOTEBOOKS } from "../src/exam/generated";
import { CHAPTER_NOTEBOOKS, syncChapterQuiz } from "../src/exam/chapter-quiz";
import { answerCellSource, checkCellSource, findQuestion, questionsOf } from "../src/exam/index";
import { MOCK_DEFAULTS, MockExam } from "../src/exam/mock-exam";
import { serializeNotebook, sourceLines, type Notebook } from "../src/exam/notebook";
import { ROOT, executed, jupyterPython, lib, text, type NotebookJson } from "./platform";

const FILE = path.join(ROOT, "notebooks", "6-6-exam-review.ipynb");
const QUESTIONS = questionsOf("6-6-exam-review");
const N = QUESTIONS.length;

const source = (cell: NotebookJson["cells"][number]): string => text(cell.source);

/** Markdown of a cell's display outputs, joined. */
function outputMarkdown(cell: NotebookJson["cells"][number] | undefined): string {
  return (cell?.outputs ?? []).map((o) => text(o.data?.["text/markdown"] as string | string[] | undefined)).join("\n");
}

/** Error outputs and stderr of an executed notebook, one line each. */
function problems(nb: NotebookJson): string[] {
  const out: string[] = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") out.push(`${cell.id}: ${o.ename}: ${o.evalue}`);
      if (o.output_type === "stream" && o.name === "stderr") out.push(`${cell.id}: stderr: ${text(o.text).trim().slice(0, 300)}`);
    }
  }
  return out;
}

const RUN = `
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="tslab", timeout=600, startup_timeout=180, allow_errors=True,
               resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, sys.argv[3])
`;

/** Execute a notebook file with tslab as if it were in notebooks/ (so ./src resolves). */
async function executeAsInNotebooks(input: string, output: string): Promise<void> {
  const python = await jupyterPython();
  const jupyterPath = (await lib<{ headlessJupyterPath(root: string): string }>("kernel")).headlessJupyterPath(ROOT);
  const env = { ...process.env, JUPYTER_PATH: jupyterPath, ZEROKARA_BUDGET: "fast", PYTHONWARNINGS: "ignore" };
  const log = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(python, ["-c", RUN, input, path.join(ROOT, "notebooks"), output], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ code: -1, out: out + e.message }));
    child.on("close", (code) => resolve({ code, out }));
  });
  assert.equal(log.code, 0, `nbclient failed:\n${log.out.slice(-3000)}`);
}

describe("6-6-exam-review: generated and committed", () => {
  for (const [file, build] of Object.entries(GENERATED_NOTEBOOKS)) {
    it(`notebooks/${file} is what src/exam generates (else: npx tsx src/exam/build-notebooks.ts)`, () => {
      assert.equal(readFileSync(path.join(ROOT, "notebooks", file), "utf8"), build());
    });
  }

  for (const home of CHAPTER_NOTEBOOKS) {
    it(`notebooks/${home}.ipynb: its 確認問題 section is what src/exam generates (else: npx tsx src/exam/build-notebooks.ts)`, () => {
      const text = readFileSync(path.join(ROOT, "notebooks", `${home}.ipynb`), "utf8");
      assert.equal(serializeNotebook(syncChapterQuiz(JSON.parse(text) as Notebook, home)), text);
      assert.ok(questionsOf(home).every((q) => text.includes(`"exq-answer-${q.id}"`)));
    });
  }

  it("has a prompt, an answer and a check cell per question, in order, with stable ids and metadata", () => {
    const nb = JSON.parse(readFileSync(FILE, "utf8")) as NotebookJson;
    const answers = nb.cells.filter((c) => (c.metadata?.zerokara as { answer?: string } | undefined)?.answer !== undefined);
    assert.equal(answers.length, N);
    for (const q of QUESTIONS) {
      const i = nb.cells.findIndex((c) => c.id === `answer-${q.id}`);
      assert.ok(i > 0, `answer-${q.id}`);
      const [prompt, answer, check] = nb.cells.slice(i - 1, i + 2);
      assert.equal(prompt.id, `prompt-${q.id}`);
      assert.equal(prompt.cell_type, "markdown");
      assert.ok(source(prompt).includes(q.title));
      assert.equal(answer.cell_type, "code");
      assert.deepEqual(answer.metadata, { zerokara: { answer: q.id } });
      assert.equal(source(answer), answerCellSource(q));
      assert.match(source(answer), /未回答/, "the learner's copy has the placeholder");
      assert.equal(check.id, `check-${q.id}`);
      assert.equal(source(check), checkCellSource(q));
    }
    assert.equal(source(nb.cells.find((c) => c.id === "summary")!), "exam.summary();");
  });
});

describe("6-6-exam-review: executed headless", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "zerokara-exam-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it(`as committed (answers blank): no error, every check says 未回答, summary 0 / ${N}`, async () => {
    const run = await executed(FILE);
    assert.ok(run.record.ok, `failed: ${run.record.failure?.message}`);
    const nb = run.nb!;
    assert.deepEqual(problems(nb), []);
    for (const q of QUESTIONS) {
      const md = outputMarkdown(nb.cells.find((c) => c.id === `check-${q.id}`));
      assert.match(md, /^<div class="zk-screen"><p><strong>― 未回答<\/strong>/, `${q.id}: ${md.slice(0, 120)}`);
      assert.match(md, /<div class="zk-print" style="display:none">Q\d+ 解答：＿＿＿＿/);
    }
    const summary = outputMarkdown(nb.cells.find((c) => c.id === "summary"));
    assert.match(summary, new RegExp(`結果: 0 / ${N} 問正解`));
    assert.match(summary, new RegExp(`未回答 ${N} 問`));
    // mock exam: the paper shows the drawn questions in the committed answer cell's order; all 未回答
    const mock = new MockExam(MOCK_DEFAULTS);
    const paper = outputMarkdown(nb.cells.find((c) => c.id === "mock-draw"));
    const shown = [...paper.matchAll(/^### 問 (\d+)（(Q\d+)）/gm)].map((m) => m[2].toLowerCase());
    assert.deepEqual(shown, mock.questions.map((q) => q.id));
    assert.match(paper, new RegExp(`目安の時間: ${mock.minutes} 分`));
    const answerIds = [...source(nb.cells.find((c) => c.id === "mock-answers")!).matchAll(/^  (q\d+): /gm)].map((m) => m[1]);
    assert.deepEqual(answerIds, shown, "the answer cell lists the drawn questions");
    const score = outputMarkdown(nb.cells.find((c) => c.id === "mock-score"));
    assert.match(score, new RegExp(`模擬試験の結果: 0 / ${mock.n} 問正解`));
    assert.equal((score.match(/― 未回答 \|/g) ?? []).length, mock.n);
    assert.match(score, /\| キーワード \| 正解 \| 不正解 \| 未回答 \| 読み直す節 \|/);
  });

  it(`with every answer cell filled from src/exam: every check says 正解, summary ${N} / ${N}`, async () => {
    const nb = JSON.parse(readFileSync(FILE, "utf8")) as NotebookJson;
    let filled = 0;
    for (const cell of nb.cells) {
      const id = (cell.metadata?.zerokara as { answer?: string } | undefined)?.answer;
      if (id === undefined) continue;
      const q = findQuestion(id);
      assert.ok(q, `answer cell for unknown question ${id}`);
      cell.source = sourceLines(answerCellSource(q, true));
      filled++;
    }
    assert.equal(filled, N);
    const mock = new MockExam(MOCK_DEFAULTS);
    const mockCell = nb.cells.find((c) => (c.metadata?.zerokara as { mockAnswers?: boolean } | undefined)?.mockAnswers === true);
    assert.ok(mockCell, "the mock exam's answer cell");
    mockCell.source = sourceLines(mock.answerCellSource(true));
    const input = path.join(tmp, "filled.ipynb"), output = path.join(tmp, "filled.out.ipynb");
    writeFileSync(input, JSON.stringify(nb));
    await executeAsInNotebooks(input, output);
    const done = JSON.parse(readFileSync(output, "utf8")) as NotebookJson;
    assert.deepEqual(problems(done), []);
    for (const q of QUESTIONS) {
      const md = outputMarkdown(done.cells.find((c) => c.id === `check-${q.id}`));
      assert.match(md, /^\*\*〇 正解\*\*/, `${q.id}: ${md.slice(0, 200)}`);
    }
    const summary = outputMarkdown(done.cells.find((c) => c.id === "summary"));
    assert.match(summary, new RegExp(`結果: ${N} / ${N} 問正解`));
    assert.match(summary, /全問正解/);
    const score = outputMarkdown(done.cells.find((c) => c.id === "mock-score"));
    assert.match(score, new RegExp(`模擬試験の結果: ${mock.n} / ${mock.n} 問正解`));
    assert.equal((score.match(/〇 正解 \|/g) ?? []).length, mock.n);
    assert.match(score, /全問正解/);
  });
});
