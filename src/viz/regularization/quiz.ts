/**
 * 確認問題 of notebook 6.4: the same judging as notebook 6.2 (never throws on
 * a learner's answer: wrong, empty or oddly typed answers get a verdict).
 */
export { judgeChoice, judgeNumber, showQuiz, type QuizResult, type QuizStatus } from "../init/quiz";
