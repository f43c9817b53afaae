/**
 * Writes the generated notebooks: npx tsx src/exam/build-notebooks.ts
 *   notebooks/6-6-exam-review.ipynb   from the question bank (questions/)
 *   notebooks/6-7-formula-sheet.ipynb from sheet/
 *   notebooks/6-8-answer-key.ipynb    from the question bank
 * and regenerates the 確認問題 section of 6-1 … 6-5 in place (only that section).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHAPTER_NOTEBOOKS, syncChapterQuiz } from "./chapter-quiz";
import { GENERATED_NOTEBOOKS } from "./generated";
import { serializeNotebook, type Notebook } from "./notebook";

const root = join(__dirname, "..", "..");
for (const [file, build] of Object.entries(GENERATED_NOTEBOOKS)) {
  const out = join(root, "notebooks", file);
  writeFileSync(out, build());
  console.log(`wrote ${out}`);
}
for (const home of CHAPTER_NOTEBOOKS) {
  const file = join(root, "notebooks", `${home}.ipynb`);
  const before = readFileSync(file, "utf8");
  const after = serializeNotebook(syncChapterQuiz(JSON.parse(before) as Notebook, home));
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`updated the 確認問題 of ${file}`);
  }
}
