/**
 * The shape of a self-check question (確認問題) of the exam review notebook.
 *
 * Four formats, the ones E資格 learners practise:
 *   choice   pick the right formula / statement among four (A〜D)
 *   blanks   fill the blanks (あ)〜(え) of a formula with numbers from a 語群
 *   code     write one line (an expression, element-wise, NumPy-like) that a
 *            harness runs against the engine
 *   numeric  compute a small number by hand
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

interface QuestionBase {
  /** "q01" … : also the answer variable (answer_q01) and the notebook cell ids. */
  id: string;
  topic: Topic;
  format: Format;
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

export interface CodeQuestion extends QuestionBase {
  format: "code";
  /** Parameter names of the one-line function, e.g. ["v", "grad", "lr", "momentum"]. */
  params: string[];
  /** What the expression must return (Japanese, for the placeholder comment). */
  returns: string;
  /** The key: the expression body in JavaScript/TypeScript syntax (may use np.…). */
  keyBody: string;
  /** Runs a candidate against the engine; never throws for a function argument. */
  harness: (fn: (...args: number[]) => unknown) => HarnessResult;
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

/** Outcome of running a code answer against the engine. */
export interface HarnessResult {
  ok: boolean;
  /** Japanese detail when not ok (first mismatch, exception message, …). */
  detail?: string;
}

export type Status = "correct" | "wrong" | "unanswered";

export interface CheckResult {
  id: string;
  status: Status;
  correct: boolean;
  /** Japanese Markdown: 正解/不正解/未回答, what was wrong, explanation, where to re-read. */
  message: string;
}
