/**
 * The one question bank: the 6-6 drill (q01–q33), the chapters' 確認問題
 * (q34–q68, asked at the end of 6-1 … 6-5), then the drill's later additions.
 */
import { EXTRA_QUESTIONS } from "./extra";
import { INIT_QUESTIONS } from "./init";
import { NORMALIZATION_QUESTIONS } from "./normalization";
import { OPTIMIZER_QUESTIONS } from "./optimizers";
import { REGULARIZATION_QUESTIONS } from "./regularization";
import { QUIZ_6_1 } from "./quiz-6-1";
import { QUIZ_6_2 } from "./quiz-6-2";
import { QUIZ_6_3 } from "./quiz-6-3";
import { QUIZ_6_4 } from "./quiz-6-4";
import { QUIZ_6_5 } from "./quiz-6-5";
import { SEARCH_QUESTIONS } from "./search";
import { spreadKeys } from "../shuffle";
import type { Home, Question, Topic } from "../types";

/** The bank as written (choices in the author's order). */
export const WRITTEN_QUESTIONS: readonly Question[] = [
  ...OPTIMIZER_QUESTIONS,
  ...INIT_QUESTIONS,
  ...NORMALIZATION_QUESTIONS,
  ...REGULARIZATION_QUESTIONS,
  ...SEARCH_QUESTIONS,
  ...QUIZ_6_1,
  ...QUIZ_6_2,
  ...QUIZ_6_3,
  ...QUIZ_6_4,
  ...QUIZ_6_5,
  ...EXTRA_QUESTIONS,
];

/** The bank as asked: the choices of every 4択 / コード穴埋め rotated so that the keys spread evenly over A–D (shuffle.ts). */
export const QUESTIONS: readonly Question[] = spreadKeys(WRITTEN_QUESTIONS);

/** Topic headings (Japanese, with the book's section) and the notebook to re-read. */
export const TOPICS: Record<Topic, { title: string; notebook: string }> = {
  optimizer: { title: "6.1 パラメータの更新 (最適化手法)", notebook: "6-1-optimizers" },
  init: { title: "6.2 重みの初期値", notebook: "6-2-weight-init" },
  normalization: { title: "6.3 Batch Normalization と正規化", notebook: "6-3-batch-norm" },
  regularization: { title: "6.4 正則化 (荷重減衰・Dropout・Early stopping)", notebook: "6-4-regularization" },
  search: { title: "6.5 ハイパーパラメータの検証と探索", notebook: "6-5-hyperparameter-search" },
};

/** The questions a notebook asks, in bank order. */
export function questionsOf(home: Home): Question[] {
  return QUESTIONS.filter((q) => q.home === home);
}

export function findQuestion(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}
