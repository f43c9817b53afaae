/**
 * The project's one type check, with the notebooks' own compiler: TypeScript
 * 5.0.4 as bundled by tslab (`@tslab/typescript-for-tslab`), so a construct
 * tslab cannot compile fails here and not in the middle of a notebook run.
 * Used by `npm run typecheck` and by `npm test` (scripts/run.mjs).
 *
 * Two programs:
 *  1. tsconfig.json (src/, test/, scripts/, bench/; strict), like `tsc -p .`;
 *  2. every notebook's code cells, compiled the way tslab compiles them
 *     (its compiler options; files under notebooks/, the engine through the
 *     notebooks/src → ../src link).
 *
 * How tslab sees cells: each cell is its own module; the top-level names of
 * the cells run before it are visible in it (tslab emits their declarations
 * and makes that file the cell's enclosing scope), and a cell may declare a
 * name again (the new one shadows the old). The virtual file below keeps
 * those rules in one program: the imports of all cells at the top (an
 * import repeated by a later cell is kept once), then each cell's code in
 * a function nested inside the previous cell's function —
 *
 *     import … (cell 1) / import … (cell 3)
 *     async function __cell_1() { …cell 1…
 *     async function __cell_2() { …cell 2…
 *     } }
 *
 * — so later cells see earlier declarations, may shadow them, and may use
 * top-level `await`. An error is reported as notebook + cell id + line in
 * the cell. Only Node built-ins and the compiler (loaded when called).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);

/** tslab's compiler, from the project's node_modules. */
export function loadCompiler() {
  return require("@tslab/typescript-for-tslab");
}

/**
 * tslab's compiler options (node_modules/tslab/dist/converter.js,
 * createConverter) for Node ≥ 18, minus the emit-only ones.
 */
export function tslabOptions(ts) {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    newLine: ts.NewLineKind.LineFeed,
    experimentalDecorators: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.React,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

/** The code cells of a notebook (JSON), skipping tslab's `@module` / `@browser` cells. */
export function codeCells(nb) {
  const { getCodeMetadata } = require("tslab/dist/metadata");
  const cells = [];
  (nb.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const source = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
    const meta = getCodeMetadata(source);
    if (meta.module || meta.mode === "browser") return;
    cells.push({ id: cell.id ?? null, index, number: cells.length + 1, source });
  });
  return cells;
}

/** `text` with every character but line breaks replaced by a space (positions kept). */
function blank(text) {
  return text.replace(/[^\r\n]/g, " ");
}

function lineCount(text) {
  return text.split("\n").length;
}

/**
 * The virtual TypeScript file of a notebook's cells (see the file comment).
 * Returns the text and a line map: `segments[k] = { firstLine, lines, cell, cellLine }`
 * says that lines firstLine … firstLine+lines−1 (0-based) of the file are
 * lines cellLine … of `cell`.
 */
export function notebookSource(ts, cells) {
  const head = ["export {};"];
  const headMap = [{ cell: null, cellLine: 0 }];
  const seen = new Set();
  const bodies = [];
  for (const cell of cells) {
    const sf = ts.createSourceFile("cell.ts", cell.source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    let body = cell.source;
    // Replace from the end so earlier offsets stay valid.
    const imports = sf.statements.filter((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s));
    for (const stmt of [...imports].reverse()) {
      body = body.slice(0, stmt.getStart(sf)) + blank(stmt.getText(sf)) + body.slice(stmt.end);
    }
    for (const stmt of imports) {
      const at = { cell, cellLine: sf.getLineAndCharacterOfPosition(stmt.getStart(sf)).line };
      for (const line of importLines(ts, sf, stmt)) {
        if (seen.has(line)) continue;
        seen.add(line);
        head.push(line);
        headMap.push(at);
      }
    }
    bodies.push({ cell, body });
  }
  const segments = headMap.map((m, k) => ({ firstLine: k, lines: 1, cell: m.cell, cellLine: m.cellLine }));
  const parts = [head.join("\n")];
  let line = head.length;
  bodies.forEach(({ cell, body }, k) => {
    parts.push(`async function __cell_${k + 1}() {`);
    line += 1;
    parts.push(body);
    segments.push({ firstLine: line, lines: lineCount(body), cell, cellLine: 0 });
    line += lineCount(body);
  });
  parts.push("}".repeat(bodies.length));
  return { text: parts.join("\n") + "\n", segments };
}

/** One line per imported name, normalised so a repeated import is recognised. */
function importLines(ts, sf, stmt) {
  if (ts.isImportEqualsDeclaration(stmt)) return [stmt.getText(sf).replace(/\s+/g, " ")];
  const from = stmt.moduleSpecifier.getText(sf);
  const clause = stmt.importClause;
  if (!clause) return [`import ${from};`];
  const typeOnly = clause.isTypeOnly ? "type " : "";
  const lines = [];
  if (clause.name) lines.push(`import ${typeOnly}${clause.name.text} from ${from};`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) lines.push(`import ${typeOnly}* as ${bindings.name.text} from ${from};`);
  if (bindings && ts.isNamedImports(bindings)) {
    for (const el of bindings.elements) {
      const name = el.propertyName ? `${el.propertyName.text} as ${el.name.text}` : el.name.text;
      lines.push(`import ${typeOnly}{ ${el.isTypeOnly ? "type " : ""}${name} } from ${from};`);
    }
  }
  return lines;
}

/** Maps a 0-based line of the virtual file to { cell, line (1-based in the cell) }. */
function cellAt(segments, line) {
  for (const s of segments) {
    if (line >= s.firstLine && line < s.firstLine + s.lines) return { cell: s.cell, line: s.cellLine + (line - s.firstLine) + 1 };
  }
  return { cell: null, line: line + 1 };
}

function message(ts, d) {
  return `error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

/**
 * Type-check notebooks' code cells as tslab compiles them. Each entry of the
 * result: { file, cell: { id, number } | null, line, column, text }.
 */
export function checkNotebooks(root, notebookPaths, ts = loadCompiler()) {
  const options = tslabOptions(ts);
  const virtual = new Map();
  for (const path of notebookPaths) {
    const nb = JSON.parse(readFileSync(path, "utf8"));
    const src = notebookSource(ts, codeCells(nb));
    // Beside the notebook, like tslab's __tslab__.ts in the kernel's working directory.
    virtual.set(join(dirname(path), `__${basename(path, ".ipynb")}__.ts`), { notebook: path, ...src });
  }
  if (virtual.size === 0) return [];
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, lang, onError, fresh) => {
    const v = virtual.get(fileName);
    return v ? ts.createSourceFile(fileName, v.text, lang, true, ts.ScriptKind.TS) : getSourceFile(fileName, lang, onError, fresh);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (virtual.has(f) ? virtual.get(f).text : readFile(f));
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems = [];
  const seen = new Set();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file) {
      problems.push({ file: null, cell: null, line: 0, column: 0, text: message(ts, d) });
      continue;
    }
    const pos = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const v = virtual.get(d.file.fileName);
    if (v) {
      const at = cellAt(v.segments, pos.line);
      problems.push({
        file: relative(root, v.notebook),
        cell: at.cell ? { id: at.cell.id, number: at.cell.number } : null,
        line: at.line,
        column: pos.character + 1,
        text: message(ts, d),
      });
      continue;
    }
    // An engine file a notebook imports, as tslab compiles it. tslab shows only files under the notebook's folder.
    const notebooksDir = dirname(notebookPaths[0]);
    const rel = relative(notebooksDir, d.file.fileName);
    if (rel.startsWith("..")) continue;
    const key = `${rel}:${pos.line}:${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file: `${relative(root, d.file.fileName)} (as a notebook compiles it)`, cell: null, line: pos.line + 1, column: pos.character + 1, text: message(ts, d) });
  }
  return problems;
}

/** Type-check a tsconfig.json project, like `tsc --noEmit -p`. Same result shape (no cells). */
export function checkProject(root, tsconfig = join(root, "tsconfig.json"), ts = loadCompiler()) {
  const problems = [];
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push({ file: tsconfig, cell: null, line: 0, column: 0, text: message(ts, d) }) };
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, { noEmit: true }, host);
  if (!parsed) return problems;
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  for (const d of [...parsed.errors, ...ts.getPreEmitDiagnostics(program)]) {
    if (!d.file) {
      problems.push({ file: null, cell: null, line: 0, column: 0, text: message(ts, d) });
      continue;
    }
    const pos = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    problems.push({ file: relative(root, d.file.fileName), cell: null, line: pos.line + 1, column: pos.character + 1, text: message(ts, d) });
  }
  return problems;
}

export function listNotebookFiles(root) {
  const dir = join(root, "notebooks");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(dir, f));
}

/** One line per problem: `notebooks/6-1.ipynb cell opt-037 (code cell 15) line 3:7 error TS…`. */
export function formatProblem(p) {
  const where = p.cell ? `${p.file} cell ${p.cell.id ?? "(no id)"} (code cell ${p.cell.number}) line ${p.line}:${p.column}` : p.file ? `${p.file}:${p.line}:${p.column}` : "";
  return `${where}${where ? " " : ""}${p.text}`;
}

/** The whole check: tsconfig.json + every notebook. Returns { ok, problems, version, seconds }. */
export function typecheck(root) {
  const t0 = performance.now();
  const ts = loadCompiler();
  const problems = [...checkProject(root, join(root, "tsconfig.json"), ts), ...checkNotebooks(root, listNotebookFiles(root), ts)];
  return { ok: problems.length === 0, problems, version: ts.version, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
