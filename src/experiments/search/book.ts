/**
 * The book's recorded search (data/reference/hyperparameter_optimization.json,
 * see reference.ts for its format). Read here with a symlink-safe path: tslab
 * runs src/ through the notebooks/src link, where `__dirname/../..` is
 * notebooks/ rather than the repository root.
 */
import * as fs from "fs";
import * as path from "path";
import type { HyperparameterData } from "../../data/reference";

/** <repository root>/…parts, resolved through the real location of this file. */
export function repoPath(...parts: string[]): string {
  return path.join(fs.realpathSync(__dirname), "..", "..", "..", ...parts); // src/experiments/search → root
}

export function bookHpo(): HyperparameterData {
  const file = repoPath("data", "reference", "hyperparameter_optimization.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { data: HyperparameterData };
  return doc.data;
}
