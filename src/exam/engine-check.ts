/**
 * Does a question's stated key agree with the engine? The same rule as
 * test/exam-questions.test.ts, as a function the answer key (6-8) runs in
 * front of the reader: for a choice or code question the engine must not
 * reject the key nor accept another choice; for a blank exactly the key's
 * option passes; for a numeric question the key is the engine's value
 * rounded to the stated digits.
 */
import { CHOICE_LETTERS, type Question } from "./types";

export type EngineVerdict =
  | { status: "agrees"; engineValue?: number }
  | { status: "disagrees"; detail: string }
  | { status: "not-computable" };

export function engineVerdict(q: Question): EngineVerdict {
  switch (q.format) {
    case "choice":
    case "code": {
      if (!q.engineChoice) return { status: "not-computable" };
      const verdicts = CHOICE_LETTERS.map((l) => q.engineChoice!(l));
      if (verdicts.every((v) => v === undefined)) return { status: "not-computable" };
      const bad = CHOICE_LETTERS.filter((l, i) => (l === q.key ? verdicts[i] === false : verdicts[i] === true));
      return bad.length === 0 ? { status: "agrees" } : { status: "disagrees", detail: `choices ${bad.join(", ")}` };
    }
    case "blanks": {
      if (!q.engineBlank) return { status: "not-computable" };
      let decided = 0;
      for (const b of q.blanks) {
        const passing = q.options.map((_, i) => q.engineBlank!(b, i + 1));
        if (passing.every((v) => v === undefined)) continue;
        decided++;
        const ok = passing.flatMap((v, i) => (v === true ? [i + 1] : []));
        if (ok.length !== 1 || ok[0] !== q.key[b]) return { status: "disagrees", detail: `(${b}): options ${ok.join(", ") || "none"}` };
      }
      return decided === 0 ? { status: "not-computable" } : { status: "agrees" };
    }
    case "numeric": {
      const v = q.engineAnswer();
      if (!Number.isFinite(v)) return { status: "disagrees", detail: `engine value ${v}` };
      return v.toFixed(q.digits) === q.key.toFixed(q.digits) ? { status: "agrees", engineValue: v } : { status: "disagrees", detail: `engine ${v}` };
    }
  }
}
