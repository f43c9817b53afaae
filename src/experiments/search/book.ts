/**
 * The book's recorded search (data/reference/hyperparameter_optimization.json,
 * see reference.ts for its format). Read here with a symlink-safe path: tslab
 * runs src/ through the notebooks/src link, where `__dirname/../..` is
 * notebooks/ rather than the repository root.
 */
import * as fs from "fs";
import { projectPath } from "../../core/project-root";
import type { HyperparameterData } from "../../data/reference";

/** <repository root>/…parts (projectPath: resolved through the real location, not the notebooks/src link). */
export function repoPath(...parts: string[]): string {
  return projectPath(...parts);
}

export function bookHpo(): HyperparameterData {
  const file = repoPath("data", "reference", "hyperparameter_optimization.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as { data: HyperparameterData };
  return doc.data;
}
