/** The question bank in notebook order. */
import { INIT_QUESTIONS } from "./init";
import { NORMALIZATION_QUESTIONS } from "./normalization";
import { OPTIMIZER_QUESTIONS } from "./optimizers";
import { REGULARIZATION_QUESTIONS } from "./regularization";
import { SEARCH_QUESTIONS } from "./search";
import type { Question, Topic } from "../types";

export const QUESTIONS: readonly Question[] = [
  ...OPTIMIZER_QUESTIONS,
  ...INIT_QUESTIONS,
  ...NORMALIZATION_QUESTIONS,
  ...REGULARIZATION_QUESTIONS,
  ...SEARCH_QUESTIONS,
];

/** Topic headings (Japanese, with the book's section) and the notebook to re-read. */
export const TOPICS: Record<Topic, { title: string; notebook: string }> = {
  optimizer: { title: "6.1 パラメータの更新 (最適化手法)", notebook: "6-1-optimizers" },
  init: { title: "6.2 重みの初期値", notebook: "6-2-weight-init" },
  normalization: { title: "6.3 Batch Normalization と正規化", notebook: "6-3-batch-norm" },
  regularization: { title: "6.4 正則化 (荷重減衰・Dropout・Early stopping)", notebook: "6-4-regularization" },
  search: { title: "6.5 ハイパーパラメータの検証と探索", notebook: "6-5-hyperparameter-search" },
};

export function findQuestion(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}
