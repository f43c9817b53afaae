/**
 * The book's weight_init_compare losses for notebook 6.2, via reference.ts.
 *
 * Adapter: reference.ts finds data/reference from its own __dirname, which under
 * tslab is notebooks/src/experiments (tslab compiles src/ through the
 * notebooks/src symlink), so the file is not found there. When that happens this
 * reads the same JSON from the symlink's real location. Remove once
 * reference.ts resolves its directory with fs.realpathSync.
 */
import * as fs from "fs";
import * as path from "path";
import { bookWeightInitLosses, type LossCurves, type WeightInitName } from "./reference";

export function bookInitLosses(): LossCurves<WeightInitName> {
  try {
    return bookWeightInitLosses();
  } catch (e) {
    const file = path.resolve(fs.realpathSync(__dirname), "..", "..", "data", "reference", "weight_init_compare.json");
    if (!fs.existsSync(file)) throw e;
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { script: string; data: LossCurves<WeightInitName> };
    if (doc.script !== "ch06/weight_init_compare.py") throw e;
    return doc.data;
  }
}
