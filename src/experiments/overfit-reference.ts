/**
 * The book's overfit_weight_decay / overfit_dropout numbers for 6.4, via reference.ts.
 *
 * Adapter: reference.ts finds data/reference from its own __dirname, which under
 * tslab is notebooks/src/experiments (tslab compiles src/ through the
 * notebooks/src symlink), so the files are not found there. When that happens
 * this reads the same JSON from the symlink's real location. Remove once
 * reference.ts resolves its directory with fs.realpathSync.
 */
import * as fs from "fs";
import * as path from "path";
import { bookOverfit, type OverfitData, type OverfitKind } from "./reference";

export function bookOverfitData(kind: OverfitKind): OverfitData {
  try {
    return bookOverfit(kind);
  } catch (e) {
    const script = `overfit_${kind}`;
    const file = path.resolve(fs.realpathSync(__dirname), "..", "..", "data", "reference", `${script}.json`);
    if (!fs.existsSync(file)) throw e;
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { script: string; data: OverfitData };
    if (doc.script !== `ch06/${script}.py`) throw new Error(`${file} describes ${doc.script}, expected ch06/${script}.py`);
    return doc.data;
  }
}
