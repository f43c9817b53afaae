/**
 * Show engine code in a notebook, read from the source file itself, so the
 * notebook never drifts from the engine: `codeExcerpt("search/acquisition.ts",
 * "expectedImprovement")` is the text of that function, from its doc comment
 * (if any) to its closing brace at the same indentation.
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../../core/errors";
import { markdown } from "../markdown";

const SRC = path.join(__dirname, "..", "..");

/** The declaration `name` (function, class, method, const) in src/`file`, with its leading comment. */
export function codeExcerpt(file: string, name: string, options: { comment?: boolean } = {}): string {
  const full = path.join(SRC, file);
  if (!fs.existsSync(full)) throw new ArgumentError("file", "a file under src/", file);
  const lines = fs.readFileSync(full, "utf8").split("\n");
  const decl = new RegExp(`^(\\s*)(export\\s+)?((async|static|private|readonly)\\s+)*(function\\s+|class\\s+|const\\s+|let\\s+)?${name}\\b\\s*[(<=:]?`);
  const start = lines.findIndex((l) => decl.test(l) && !/^\s*(return|if|for|while)\b/.test(l));
  if (start < 0) throw new ArgumentError("name", `a declaration in src/${file}`, name);
  const indent = (decl.exec(lines[start]) as RegExpExecArray)[1];
  let end = start;
  if (!/[;,]\s*$/.test(lines[start]) || /{\s*$/.test(lines[start])) {
    end = lines.findIndex((l, i) => i > start && (l === `${indent}}` || l === `${indent}};` || l === `${indent});`));
    if (end < 0) end = start;
  }
  let from = start;
  if (options.comment ?? true) {
    while (from > 0 && /^\s*(\*|\/\*\*|\/\/)/.test(lines[from - 1])) from--;
  }
  return lines.slice(from, end + 1).map((l) => l.slice(indent.length)).join("\n");
}

/** Displays the excerpt as a TypeScript code block headed by its file. */
export function showCode(file: string, name: string, options: { comment?: boolean } = {}): void {
  markdown(`\`src/${file}\` — \`${name}\`\n\n\`\`\`ts\n${codeExcerpt(file, name, options)}\n\`\`\``);
}
