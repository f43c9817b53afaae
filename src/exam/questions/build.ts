/**
 * Builders for the question shapes the bank repeats. A family of numeric questions (the same
 * syllabus keyword, the same section to re-read, the answer from the same engine function) states
 * those once here; each question then gives only what is its own: wording, key and the arguments
 * the engine is called with.
 */
import type { WeightInit } from "../../nn/init";
import { weightInitStd } from "../../nn/init";
import type { Home, NumericQuestion, Reread, Topic } from "../types";

/** What every question of a family shares. */
export interface Shared {
  topic: Topic;
  keyword: string;
  home: Home;
  reread: Reread;
}

/** What one numeric question states itself (its answer computed by the family's engine call). */
export type NumericFields = Pick<NumericQuestion, "id" | "title" | "prompt" | "key" | "digits" | "tolerance" | "explanation">;

/** A numeric question: the shared fields filled in, in the bank's field order. */
export function numericQuestion(shared: Shared, q: NumericFields, engineAnswer: () => number): NumericQuestion {
  return {
    id: q.id, topic: shared.topic, format: "numeric", keyword: shared.keyword, home: shared.home,
    title: q.title, prompt: q.prompt, key: q.key, digits: q.digits, tolerance: q.tolerance,
    explanation: q.explanation, reread: shared.reread, engineAnswer,
  };
}

/** 6.2: the standard deviation an initialisation gives a layer nIn → nOut, checked with weightInitStd. */
export function initStdQuestion(home: Home, q: NumericFields & { init: [WeightInit, number, number] }): NumericQuestion {
  const [name, nIn, nOut] = q.init;
  return numericQuestion(
    {
      topic: "init", keyword: "重みの初期化 (Xavier / He)", home,
      reread: { notebook: "6-2-weight-init", section: "数式：分散はどう伝わるか" },
    },
    q,
    () => weightInitStd(name, nIn, nOut),
  );
}
