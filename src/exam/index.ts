/**
 * What the notebooks import: the 6-6 drill `import { ExamSession, 未回答, A, B, C, D } from "./src/exam/index";`,
 * a chapter's 確認問題 `import { ExamSession, 未回答 } from "./src/exam/index";`.
 */
export { 未回答, isBlank, A, B, C, D } from "./blank";
export type { Blank } from "./blank";
export { check, judge } from "./check";
export { Scoreboard } from "./scoreboard";
export type { Summary, TopicScore } from "./scoreboard";
export { ExamSession } from "./session";
export { QUESTIONS, TOPICS, findQuestion, questionsOf } from "./questions/index";
export {
  promptMarkdown, questionBody, answerCellSource, checkCellSource, keySource, keyMarkdown, FORMAT_LABEL, PRINT_BLANK_CSS, printBlank,
} from "./render";
export * from "./types";
