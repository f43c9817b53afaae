/**
 * The engine's own code, shown in the notebook beside the formulas: one method
 * of a source file, cut out by matching braces, so the notebook always shows
 * what actually runs (never a copy that could drift).
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../../core/errors";

/** Repository root, from this file's real location (tslab runs src/ through the notebooks/src symlink). */
const ROOT = path.resolve(fs.realpathSync(__dirname), "..", "..", "..");

/**
 * The text of the first method/function whose header line starts (after
 * indentation) with `header`, e.g. "forward(x: Matrix", through its closing
 * brace, de-indented. `file` is relative to the repository root.
 */
export function methodSource(file: string, header: string): string {
  const full = path.resolve(ROOT, file);
  if (!fs.existsSync(full)) throw new ArgumentError("file", "a file under the repository root", file);
  const lines = fs.readFileSync(full, "utf8").split("\n");
  const start = lines.findIndex((l) => l.trimStart().startsWith(header));
  if (start < 0) throw new ArgumentError("header", `the start of a line in ${file}`, header);
  let depth = 0, seen = false, end = start;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i].replace(/\/\/.*$/, "")) {
      if (ch === "{") { depth++; seen = true; }
      else if (ch === "}") depth--;
    }
    if (seen && depth === 0) { end = i; break; }
  }
  const block = lines.slice(start, end + 1);
  const indent = Math.min(...block.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return block.map((l) => l.slice(indent)).join("\n");
}

/** A Markdown code block of the method (for markdown()). */
export function methodMarkdown(file: string, header: string, caption?: string): string {
  return `${caption ? `${caption}\n\n` : ""}\`\`\`ts\n${methodSource(file, header)}\n\`\`\``;
}
