/**
 * The book's optimizer_compare_mnist losses (and their source) for notebook 6.1,
 * via reference.ts.
 *
 * Adapter: reference.ts finds data/reference from its own __dirname, which under
 * tslab is notebooks/src/experiments (tslab compiles src/ through the
 * notebooks/src symlink), so the file is not found there. When that happens this
 * reads the same JSON from the symlink's real location. Remove once
 * reference.ts resolves its directory with fs.realpathSync.
 */
import * as fs from "fs";
import * as path from "path";
import {
  bookOptimizerLosses, bookReferenceSource, type LossCurves, type OptimizerName, type ReferenceSource,
} from "./reference";

interface Doc {
  script: string;
  source: ReferenceSource;
  data: LossCurves<OptimizerName>;
}

function readReal(e: unknown): Doc {
  const file = path.resolve(fs.realpathSync(__dirname), "..", "..", "data", "reference", "optimizer_compare_mnist.json");
  if (!fs.existsSync(file)) throw e;
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as Doc;
  if (doc.script !== "ch06/optimizer_compare_mnist.py") throw e;
  return doc;
}

/** Losses printed every 100 iterations by the book's notebook (one unseeded run). */
export function bookOptimizerMnistLosses(): LossCurves<OptimizerName> {
  try {
    return bookOptimizerLosses();
  } catch (e) {
    return readReal(e).data;
  }
}

/** Where those numbers come from (repository, notebook, cell, commit). */
export function bookOptimizerMnistSource(): ReferenceSource {
  try {
    return bookReferenceSource("optimizer_compare_mnist");
  } catch (e) {
    return readReal(e).source;
  }
}
