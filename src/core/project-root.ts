/**
 * The repository root, for files the engine reads at run time (data/reference,
 * source excerpts shown in notebooks, the built addon).
 *
 * Resolved from this file's REAL path: notebooks reach src/ through the
 * notebooks/src → ../src symlink (tslab compiles only files under the
 * notebook's folder), where a plain __dirname would point into notebooks/.
 */
import * as fs from "fs";
import * as path from "path";

export const PROJECT_ROOT = path.resolve(fs.realpathSync(__dirname), "..", "..");

/** A path inside the repository, e.g. projectPath("data", "reference"). */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
