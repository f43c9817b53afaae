/**
 * Show a method of the engine as it is written: the notebook prints the real
 * TypeScript of e.g. Momentum.update from src/optim/momentum.ts (not a copy
 * that could drift from the code that ran).
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../../core/errors";
import { markdown } from "../markdown";

/** Repository root, from this file (src/viz/optimizers/ → ../../..). */
const ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * The text of method `name` in `file` (repo-relative): from the line that
 * starts the method to the closing brace at the same indentation.
 */
export function methodSource(file: string, name: string): string {
  const full = path.resolve(ROOT, file);
  if (!full.startsWith(ROOT + path.sep) || !fs.existsSync(full)) throw new ArgumentError("file", "a file inside the repository, e.g. src/optim/sgd.ts", file);
  const lines = fs.readFileSync(full, "utf8").split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s*(?:override\\s+)?${name}\\s*\\(`).test(l));
  if (start < 0) throw new ArgumentError("name", `a method defined in ${file}`, name);
  const indent = lines[start].match(/^\s*/)![0];
  const end = lines.findIndex((l, i) => i > start && l === `${indent}}`);
  if (end < 0) throw new ArgumentError("name", `a method with a closing brace at its own indentation in ${file}`, name);
  return lines.slice(start, end + 1).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n");
}

/** Display the method as a TypeScript code block, with the file it came from. */
export function showMethod(file: string, name: string): void {
  markdown(`\`${file}\` の \`${name}\`:\n\n\`\`\`ts\n${methodSource(file, name)}\n\`\`\``);
}
