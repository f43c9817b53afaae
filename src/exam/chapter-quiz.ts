/**
 * The 確認問題 section at the end of each chapter notebook (6-1 … 6-5),
 * generated from the question bank like 6-6 so that prompts, answer cells
 * and keys cannot drift apart. `syncChapterQuiz` replaces only that section:
 * the heading cell (its id is kept) and the quiz cells after it; every other
 * cell of the notebook stays as it is. Regenerate with
 *   npx tsx src/exam/build-notebooks.ts
 * (test/exam-notebook.test.ts checks the committed notebooks against this).
 *
 * Cell ids start with "exq-" so that they never collide with other cells.
 */
import { questionsOf } from "./questions/index";
import { answerCellSource, checkCellSource, label, promptMarkdown } from "./render";
import { codeCell, markdownCell, type Notebook, type NotebookCell } from "./notebook";
import type { Home } from "./types";

export type ChapterNotebook = Exclude<Home, "6-6-exam-review">;

/** The id of each chapter's 確認問題 heading cell (as the chapter notebooks had it). */
export const QUIZ_HEADING_ID: Record<ChapterNotebook, string> = {
  "6-1-optimizers": "opt-048",
  "6-2-weight-init": "quiz-h",
  "6-3-batch-norm": "quiz-h",
  "6-4-regularization": "quiz-h",
  "6-5-hyperparameter-search": "quiz-h",
};

export const CHAPTER_NOTEBOOKS = Object.keys(QUIZ_HEADING_ID) as ChapterNotebook[];

/** The ExamSession variable of a chapter's quiz cells. */
export const QUIZ_SESSION = "quiz";

const INTRO = `各問の**答えのセル**で \`未回答\` を自分の答えに書き換えて実行し、その下の**チェックのセル**を実行してください。**〇 正解** / **× 不正解** / **― 未回答** と、解説・読み直す節が表示されます (書き換えずに実行しても「未回答」になるだけで、エラーにはなりません)。

問題は第 6 章の問題集 (\`src/exam\`) の一部で、正解はエンジンで計算して確かめてあります。第 6 章全体の総復習と模擬試験は \`6-6-exam-review\`、全問の解答と解説は \`6-8-answer-key\` にあります。`;

/** Old quiz cell ids (before the bank) and the generated ones: the span syncChapterQuiz replaces. */
function isQuizCell(id: string | undefined): boolean {
  return id !== undefined && (/^exq-/.test(id) || /^q\d+-(prompt|answer|check|q)$/.test(id) || /^opt-0(49|5\d|6\d)$/.test(id) || id === "quiz-import");
}

/** The heading cell (first line kept) and the quiz cells of one chapter. */
export function chapterQuizCells(home: ChapterNotebook, headingLine: string): NotebookCell[] {
  const qs = questionsOf(home);
  const cells: NotebookCell[] = [
    markdownCell(QUIZ_HEADING_ID[home], `${headingLine}\n\n${INTRO}`),
    codeCell("exq-setup", `import { ExamSession, 未回答 } from "./src/exam/index";\nconst ${QUIZ_SESSION} = new ExamSession("${home}");`),
  ];
  qs.forEach((q, i) => {
    cells.push(
      markdownCell(`exq-prompt-${q.id}`, promptMarkdown(q, `問 ${i + 1}（${label(q)}）`)),
      codeCell(`exq-answer-${q.id}`, answerCellSource(q), { zerokara: { answer: q.id } }),
      codeCell(`exq-check-${q.id}`, checkCellSource(q, QUIZ_SESSION)),
    );
  });
  cells.push(codeCell("exq-summary", `${QUIZ_SESSION}.summary();`));
  return cells;
}

/** The notebook with its 確認問題 section regenerated (a new object; the input is not changed). */
export function syncChapterQuiz(nb: Notebook, home: ChapterNotebook): Notebook {
  const cells = nb.cells.slice();
  const start = cells.findIndex((c) => c.id === QUIZ_HEADING_ID[home]);
  if (start < 0) throw new Error(`${home}: no 確認問題 heading cell with id "${QUIZ_HEADING_ID[home]}"`);
  let end = start + 1;
  while (end < cells.length && isQuizCell(cells[end].id)) end++;
  const src: unknown = cells[start].source;
  const headingLine = (Array.isArray(src) ? src.join("") : String(src)).split("\n")[0];
  cells.splice(start, end - start, ...chapterQuizCells(home, headingLine));
  return { ...nb, cells };
}
