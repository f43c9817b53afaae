/**
 * The engine's own code, quoted in a notebook from the file that runs (never a
 * copy that could drift): `showSource("src/optim/sgd.ts", "update")`.
 *
 * A block is named by where it starts:
 *  - a name ("update", "cholesky", "splitValidation"): the declaration of that
 *    function, method, class or const, with its doc comment;
 *  - anything else ("forward(x: Matrix", "export function weightDecay("): from
 *    the first line that starts with it (after indentation).
 * The block runs to the brace that closes it (or to the `;` of a one-line
 * declaration) and is de-indented. Several blocks of one file go into one
 * code block, separated by a blank line.
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../core/errors";
import { markdown } from "./markdown";

/** Repository root, from this file's real location (tslab reaches src/ through the notebooks/src link). */
const ROOT = path.resolve(fs.realpathSync(__dirname), "..", "..");

export interface SourceOptions {
  /** Include the comment lines right above the block: default true for a name, false for a line start. */
  comment?: boolean;
}

export interface ShowSourceOptions extends SourceOptions {
  /** Markdown shown above the code instead of the default "`file` の `name`:" (or "`file`" for line starts). */
  caption?: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function readLines(file: string): string[] {
  const full = path.resolve(ROOT, file);
  if (!full.startsWith(ROOT + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
    throw new ArgumentError("file", "a file of the repository, relative to its root (e.g. src/optim/sgd.ts)", file);
  }
  return fs.readFileSync(full, "utf8").split("\n");
}

/** Index of the line where the block named `start` begins. */
function startLine(lines: string[], file: string, start: string): number {
  if (IDENTIFIER.test(start)) {
    const decl = new RegExp(
      `^\\s*(export\\s+)?(default\\s+)?((async|static|private|protected|public|readonly|override|abstract)\\s+)*` +
        `(function\\s*\\*?\\s*|class\\s+|const\\s+|let\\s+)?${start.replace(/\$/g, "\\$")}\\s*[(<=:]`,
    );
    const i = lines.findIndex((l) => decl.test(l) && !/^\s*(return|if|for|while|await|new)\b/.test(l));
    if (i < 0) throw new ArgumentError("start", `a function, method, class or const declared in ${file}`, start);
    return i;
  }
  const i = lines.findIndex((l) => l.trimStart().startsWith(start));
  if (i < 0) throw new ArgumentError("start", `the beginning of a line in ${file}`, start);
  return i;
}

/** Index of the line that closes the block starting at `from` (braces counted outside `//` comments). */
function endLine(lines: string[], from: number): number {
  let depth = 0;
  let opened = false;
  for (let i = from; i < lines.length; i++) {
    const code = lines[i].replace(/\/\/.*$/, "");
    for (const ch of code) {
      if (ch === "{") {
        depth++;
        opened = true;
      } else if (ch === "}") depth--;
    }
    if (opened && depth <= 0) return i;
    if (!opened && /;\s*$/.test(code)) return i;
  }
  return from;
}

/** The text of one block (see the file comment), de-indented. */
export function sourceExcerpt(file: string, start: string, options: SourceOptions = {}): string {
  const lines = readLines(file);
  let from = startLine(lines, file, start);
  const to = endLine(lines, from);
  if (options.comment ?? IDENTIFIER.test(start)) while (from > 0 && /^\s*(\*|\/\*\*|\/\*|\/\/)/.test(lines[from - 1])) from--;
  const block = lines.slice(from, to + 1);
  const indent = Math.min(...block.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return block.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n");
}

/** Markdown: a caption, then the blocks in one TypeScript code block. */
export function sourceMarkdown(file: string, starts: string | string[], options: ShowSourceOptions = {}): string {
  const list = typeof starts === "string" ? [starts] : starts;
  if (list.length === 0) throw new ArgumentError("starts", "at least one block to quote", "[]");
  const names = list.filter((s) => IDENTIFIER.test(s));
  const caption = options.caption ?? `\`${file}\`${names.length === list.length ? ` の ${names.map((n) => `\`${n}\``).join("、")}:` : ""}`;
  return `${caption}\n\n\`\`\`ts\n${list.map((s) => sourceExcerpt(file, s, options)).join("\n\n")}\n\`\`\``;
}

/** Display engine code in the notebook (markdown output). */
export function showSource(file: string, starts: string | string[], options: ShowSourceOptions = {}): void {
  markdown(sourceMarkdown(file, starts, options));
}
