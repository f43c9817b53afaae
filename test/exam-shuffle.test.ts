/**
 * Answer letters spread over A–D (src/exam/shuffle.ts): the bank as written
 * had most keys on B; as asked, each choice / code question is rotated to a
 * seeded, balanced key, with its engine hook and the letter references of
 * its explanation following the rotation.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { QUESTIONS, WRITTEN_QUESTIONS } from "../src/exam/questions/index";
import { relabel, spreadKeys, targetKeys } from "../src/exam/shuffle";
import { CHOICE_LETTERS, type ChoiceLetter, type Question } from "../src/exam/types";

type Lettered = Extract<Question, { format: "choice" | "code" }>;
const lettered = (qs: readonly Question[]) => qs.filter((q): q is Lettered => q.format === "choice" || q.format === "code");
const counts = (qs: readonly Question[]) => CHOICE_LETTERS.map((l) => lettered(qs).filter((q) => q.key === l).length);

/** Letters an explanation refers to (outside math and code). */
function referenced(text: string): ChoiceLetter[] {
  const out: ChoiceLetter[] = [];
  relabel(text, (l) => (out.push(l), l));
  return out;
}

describe("answer letters", () => {
  it("are spread evenly over A–D (each within one of n/4)", () => {
    const after = counts(QUESTIONS), n = lettered(QUESTIONS).length;
    for (const c of after) assert.ok(Math.abs(c - n / 4) <= 1, `A–D: ${after}`);
    assert.ok(Math.max(...counts(WRITTEN_QUESTIONS)) > n / 3, "the written bank was skewed (what this fixes)");
  });

  it("are deterministic (seeded) and every block of four keys is a permutation of A–D", () => {
    assert.deepEqual(spreadKeys(WRITTEN_QUESTIONS).map((q) => (q as Lettered).key), QUESTIONS.map((q) => (q as Lettered).key));
    const t = targetKeys(36);
    for (let i = 0; i < 36; i += 4) assert.deepEqual([...t.slice(i, i + 4)].sort(), ["A", "B", "C", "D"]);
    assert.notDeepEqual(targetKeys(36, 7), t, "another seed, another spread");
  });

  it("keep each question's correct choice and the cyclic order of its choices", () => {
    const written = new Map(WRITTEN_QUESTIONS.map((q) => [q.id, q]));
    for (const q of lettered(QUESTIONS)) {
      const w = written.get(q.id) as Lettered;
      assert.equal(q.choices[CHOICE_LETTERS.indexOf(q.key)], w.choices[CHOICE_LETTERS.indexOf(w.key)], q.id);
      const k = (CHOICE_LETTERS.indexOf(q.key) - CHOICE_LETTERS.indexOf(w.key) + 4) % 4;
      w.choices.forEach((c, i) => assert.equal(q.choices[(i + k) % 4], c, `${q.id}: rotated by ${k}`));
      // the engine hook follows: it accepts the shown key and rejects the other shown letters
      if (q.engineChoice) CHOICE_LETTERS.forEach((l, i) => assert.equal(q.engineChoice!(l), w.engineChoice!(CHOICE_LETTERS[(i - k + 4) % 4]), `${q.id} ${l}`));
    }
  });

  it("explanations' letter references follow the choices (they name distractors, never the key)", () => {
    let refs = 0;
    const written = new Map(WRITTEN_QUESTIONS.map((q) => [q.id, q]));
    for (const q of lettered(QUESTIONS)) {
      const w = written.get(q.id) as Lettered;
      const shown = referenced(q.explanation), before = referenced(w.explanation);
      assert.equal(shown.length, before.length, q.id);
      refs += shown.length;
      assert.ok(!before.includes(w.key), `${q.id}: the written explanation names its key as a distractor`);
      assert.ok(!shown.includes(q.key), `${q.id}: the shown explanation names the key ${q.key} as a distractor: ${q.explanation}`);
      // each reference points at the same choice text as before
      shown.forEach((l, i) => assert.equal(q.choices[CHOICE_LETTERS.indexOf(l)], w.choices[CHOICE_LETTERS.indexOf(before[i])], `${q.id}: ${before[i]} → ${l}`));
    }
    assert.ok(refs >= 30, `${refs} letter references checked`);
  });

  it("relabel leaves math, code and shapes alone", () => {
    const swap = (l: ChoiceLetter): ChoiceLetter => (l === "A" ? "C" : l);
    assert.equal(relabel("A は誤り、(A)、$A = B$、`A`、N×C×H×W、Adam、A と B", swap), "C は誤り、(C)、$A = B$、`A`、N×C×H×W、Adam、C と B");
  });
});
