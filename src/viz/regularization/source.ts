/**
 * The engine's own code shown in the notebook, cut from the file that runs
 * (never a copy that could drift): from the line that starts with `header`
 * to the first later line at the same indentation that starts with "}".
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../../core/errors";

/** Repository root from this file's real location (tslab reaches src/ through notebooks/src). */
const ROOT = path.resolve(fs.realpathSync(__dirname), "..", "..", "..");

export function sourceBlock(file: string, header: string): string {
  const full = path.resolve(ROOT, file);
  if (!fs.existsSync(full)) throw new ArgumentError("file", "a file under the repository root", file);
  const lines = fs.readFileSync(full, "utf8").split("\n");
  const start = lines.findIndex((l) => l.trimStart().startsWith(header));
  if (start < 0) throw new ArgumentError("header", `the start of a line in ${file}`, header);
  const indent = lines[start].length - lines[start].trimStart().length;
  let end = start;
  if (!lines[start].trimEnd().endsWith("}")) {
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i];
      if (l.length - l.trimStart().length === indent && l.trimStart().startsWith("}")) {
        end = i;
        break;
      }
    }
  }
  return lines.slice(start, end + 1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n");
}

/** A Markdown code block of one or more blocks of a file, with the file named above it. */
export function sourceMarkdown(file: string, headers: string[]): string {
  return `\`${file}\`\n\n\`\`\`ts\n${headers.map((h) => sourceBlock(file, h)).join("\n\n")}\n\`\`\``;
}
