/**
 * The order in which a choice or code question shows its four choices.
 * The bank is written with the choices in the author's order (many keys were
 * B); shown, each question's choices are rotated so that the keys are spread
 * evenly over A–D: the choice questions are taken in bank order in blocks of
 * four, and each block's keys are a permutation of A, B, C, D drawn with the
 * engine's RNG (seed SHUFFLE_SEED) — deterministic, and the same on every run.
 * A rotation (not a free shuffle) keeps the cyclic order of the choices, so an
 * ordered list (0.1, 0.2, 0.3, 0.4) gives no hint by where its key sits.
 *
 * Everything that names a letter follows the rotation: the key, the engine
 * hook (engineChoice), and letter references in the explanation ("B は …",
 * "(A)") — standalone A–D outside $math$ and `code`, not part of a shape like
 * N×C×H×W.
 */
import { RNG } from "../core/rng";
import { CHOICE_LETTERS, type ChoiceLetter, type ChoiceQuestion, type CodeQuestion, type Question } from "./types";

export const SHUFFLE_SEED = 6;

type Lettered = ChoiceQuestion | CodeQuestion;

const isLettered = (q: Question): q is Lettered => q.format === "choice" || q.format === "code";

/** Rotate `q` so that its key shows as `target`. */
export function rotateChoices<Q extends Lettered>(q: Q, target: ChoiceLetter): Q {
  const k = (CHOICE_LETTERS.indexOf(target) - CHOICE_LETTERS.indexOf(q.key) + 4) % 4;
  const shown = (raw: ChoiceLetter): ChoiceLetter => CHOICE_LETTERS[(CHOICE_LETTERS.indexOf(raw) + k) % 4];
  const raw = (shownLetter: ChoiceLetter): ChoiceLetter => CHOICE_LETTERS[(CHOICE_LETTERS.indexOf(shownLetter) - k + 4) % 4];
  if (k === 0) return q;
  const choices = CHOICE_LETTERS.map((l) => q.choices[CHOICE_LETTERS.indexOf(raw(l))]) as Q["choices"];
  const hook = q.engineChoice;
  return {
    ...q,
    choices,
    key: target,
    explanation: relabel(q.explanation, shown),
    engineChoice: hook ? (letter: ChoiceLetter) => hook(raw(letter)) : undefined,
  };
}

/** Letter references outside $…$ and `…`, mapped by `map`. */
export function relabel(text: string, map: (l: ChoiceLetter) => ChoiceLetter): string {
  return text
    .split(/(\$[^$]*\$|`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_×\\])[A-D](?![A-Za-z0-9_×])/g, (l) => map(l as ChoiceLetter))))
    .join("");
}

/** The keys shown, one per lettered question in bank order: blocks of four, each a seeded permutation of A–D. */
export function targetKeys(count: number, seed = SHUFFLE_SEED): ChoiceLetter[] {
  const rng = new RNG(seed);
  const out: ChoiceLetter[] = [];
  while (out.length < count) for (const i of rng.permutation(4)) out.push(CHOICE_LETTERS[i]);
  return out.slice(0, count);
}

/** The bank as shown: every choice / code question rotated to its target key. */
export function spreadKeys(bank: readonly Question[], seed = SHUFFLE_SEED): Question[] {
  const targets = targetKeys(bank.filter(isLettered).length, seed);
  let i = 0;
  return bank.map((q) => (isLettered(q) ? rotateChoices(q, targets[i++]) : q));
}
