/**
 * The book's batch_norm_test / batch_norm_gradient_check numbers for 6.3, via reference.ts.
 *
 * Adapter: reference.ts finds data/reference from its own __dirname, which under
 * tslab is notebooks/src/experiments (tslab compiles src/ through the
 * notebooks/src symlink), so the files are not found there. When that happens
 * this reads the same JSON from the symlink's real location. Remove once
 * reference.ts resolves its directory with fs.realpathSync.
 */
import * as fs from "fs";
import * as path from "path";
import { bookBatchNormGradientCheck, bookBatchNormGrid, type BatchNormGrid, type BatchNormTestData } from "./reference";

function readReal<T>(script: string): T {
  const file = path.resolve(fs.realpathSync(__dirname), "..", "..", "data", "reference", `${script}.json`);
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { script: string; data: T };
  if (doc.script !== `ch06/${script}.py`) throw new Error(`${file} describes ${doc.script}, expected ch06/${script}.py`);
  return doc.data;
}

/** bookBatchNormGrid(), also under tslab. */
export function bookGrid(): BatchNormGrid {
  try {
    return bookBatchNormGrid();
  } catch (e) {
    let d: BatchNormTestData;
    try {
      d = readReal<BatchNormTestData>("batch_norm_test");
    } catch {
      throw e;
    }
    return {
      weightScales: d.runs.map((r) => r.weightScale),
      epochs: d.epochs,
      normal: d.runs.map((r) => r.normal),
      batchNorm: d.runs.map((r) => r.batchNorm),
    };
  }
}

/** bookBatchNormGradientCheck(), also under tslab. */
export function bookGradientCheck(): Record<string, number> {
  try {
    return bookBatchNormGradientCheck();
  } catch (e) {
    try {
      return readReal<{ meanAbsDiff: Record<string, number> }>("batch_norm_gradient_check").meanAbsDiff;
    } catch {
      throw e;
    }
  }
}
