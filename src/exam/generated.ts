/** The notebooks generated from src/exam, by file name (serialised as Jupyter writes them). */
import { answerKeyNotebook } from "./answer-key";
import { examNotebook, serializeNotebook } from "./notebook";
import { formulaSheetNotebook } from "./sheet/formula-sheet";

export const GENERATED_NOTEBOOKS: Record<string, () => string> = {
  "6-6-exam-review.ipynb": () => serializeNotebook(examNotebook()),
  "6-7-formula-sheet.ipynb": () => serializeNotebook(formulaSheetNotebook()),
  "6-8-answer-key.ipynb": () => serializeNotebook(answerKeyNotebook()),
};
