/**
 * Writes the generated notebooks: npx tsx src/exam/build-notebooks.ts
 *   notebooks/6-6-exam-review.ipynb   from the question bank (questions/)
 *   notebooks/6-7-formula-sheet.ipynb from sheet/
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_NOTEBOOKS } from "./generated";

const root = join(__dirname, "..", "..");
for (const [file, build] of Object.entries(GENERATED_NOTEBOOKS)) {
  const out = join(root, "notebooks", file);
  writeFileSync(out, build());
  console.log(`wrote ${out}`);
}
