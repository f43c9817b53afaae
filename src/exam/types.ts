/**
 * The shape of a self-check question (確認問題) of the exam review notebook.
 *
 * Four formats, the ones E資格 learners practise:
 *   choice   pick the right formula / statement among four (A〜D)
 *   blanks   fill the blanks (あ)〜(え) of a formula with numbers from a 語群
 *   code     Python / NumPy code with one line blanked: pick the line (A〜D),
 *            as the exam asks it (the shown code never contains the answer)
 *   numeric  compute a small number by hand
 * Every question lives in one bank, tagged with its E資格 syllabus keyword and
 * the notebook that asks it (a chapter's 確認問題 or the 6-6 drill); one
 * checker (check.ts) judges them all.
 * Where the answer is computable, the question carries an `engine…` hook that
 * derives it from src/ (optimizers, init, layers, search); the tests assert that
 * the stated key agrees with it, so a wrong key cannot pass.
 */

export type Topic = "optimizer" | "init" | "normalization" | "regularization" | "search";
export type Format = "choice" | "blanks" | "code" | "numeric";
export type ChoiceLetter = "A" | "B" | "C" | "D";
export const CHOICE_LETTERS: readonly ChoiceLetter[] = ["A", "B", "C", "D"];
export const BLANK_NAMES = ["あ", "い", "う", "え"] as const;
export type BlankName = (typeof BLANK_NAMES)[number];

/** Where to re-read: a notebook of this project and a section in it. */
export interface Reread {
  /** File name without .ipynb, e.g. "6-1-optimizers". */
  notebook: string;
  /** Text of a Markdown heading of that notebook, without its number (a test checks it exists). */
  section: string;
}

/** The notebooks that ask questions: a chapter's 確認問題, or the 6-6 drill. */
export type Home =
  | "6-1-optimizers"
  | "6-2-weight-init"
  | "6-3-batch-norm"
  | "6-4-regularization"
  | "6-5-hyperparameter-search"
  | "6-6-exam-review";

interface QuestionBase {
  /** "q01" … : also the answer variable (answer_q01) and the notebook cell ids. */
  id: string;
  topic: Topic;
  format: Format;
  /** The E資格 syllabus keyword the question drills (e.g. "Adam", "Batch Normalization"); the mock exam scores by it. */
  keyword: string;
  /** The notebook whose quiz asks it. */
  home: Home;
  /** Short title shown in the summary. */
  title: string;
  /** Japanese Markdown, may contain $…$ LaTeX. */
  prompt: string;
  /** Why the key is right (shown with 正解 and 不正解 alike). */
  explanation: string;
  reread: Reread;
}

export interface ChoiceQuestion extends QuestionBase {
  format: "choice";
  /** Four choices in the order A, B, C, D (Markdown, may hold LaTeX). */
  choices: [string, string, string, string];
  key: ChoiceLetter;
  /**
   * Whether choice `letter` agrees with the engine: true / false, or undefined
   * when that choice is not decidable by computation. Tests: the key is never
   * false, every other choice is never true, and at least one is decided.
   */
  engineChoice?: (letter: ChoiceLetter) => boolean | undefined;
}

export interface BlanksQuestion extends QuestionBase {
  format: "blanks";
  /** The blanks used, in order, e.g. ["あ", "い", "う", "え"]. */
  blanks: BlankName[];
  /** 語群: option n (1-based) is options[n − 1] (Markdown/LaTeX). */
  options: string[];
  /** Option number per blank. */
  key: Partial<Record<BlankName, number>>;
  /**
   * Whether option `option` in `blank` agrees with the engine (true/false), or
   * undefined when that blank is not computable. Tests: for a computable blank
   * exactly the key's option passes.
   */
  engineBlank?: (blank: BlankName, option: number) => boolean | undefined;
}

/** The placeholder that stands for the blanked line in CodeQuestion.code. */
export const CODE_BLANK = "（ア）";

export interface CodeQuestion extends QuestionBase {
  format: "code";
  /** Python / NumPy code with exactly one line equal to CODE_BLANK (after its indentation). */
  code: string;
  /** Four candidate lines for the blank (Python), in the order A, B, C, D. */
  choices: [string, string, string, string];
  key: ChoiceLetter;
  /** As for ChoiceQuestion: whether the code with choice `letter` in the blank agrees with the engine. */
  engineChoice?: (letter: ChoiceLetter) => boolean | undefined;
}

export interface NumericQuestion extends QuestionBase {
  format: "numeric";
  /** The stated answer, rounded to `digits` decimals (what the explanation shows). */
  key: number;
  digits: number;
  /** Absolute tolerance a hand computation must meet. */
  tolerance: number;
  /** The same number computed with the engine. */
  engineAnswer: () => number;
}

export type Question = ChoiceQuestion | BlanksQuestion | CodeQuestion | NumericQuestion;

export type Status = "correct" | "wrong" | "unanswered";

export interface CheckResult {
  id: string;
  status: Status;
  correct: boolean;
  /** Japanese Markdown: 正解/不正解/未回答, what was wrong, explanation, where to re-read. */
  message: string;
}
