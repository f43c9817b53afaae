/** What the exam notebook imports: `import { ExamSession, 未回答, np } from "./src/exam/index";` */
export { 未回答, isBlank, A, B, C, D } from "./blank";
export type { Blank } from "./blank";
export { np } from "./np";
export { check, judge } from "./check";
export { Scoreboard } from "./scoreboard";
export type { Summary, TopicScore } from "./scoreboard";
export { ExamSession } from "./session";
export { QUESTIONS, TOPICS, findQuestion } from "./questions/index";
export { promptMarkdown, answerCellSource, checkCellSource, keySource, keyMarkdown, FORMAT_LABEL } from "./render";
export { compileBody } from "./harness";
export * from "./types";
