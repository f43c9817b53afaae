/**
 * The one type check (scripts/lib/typecheck.mjs): tslab's TypeScript 5.0 over
 * a tsconfig project and over notebooks' code cells compiled the way tslab
 * compiles them. Fixture projects in a temporary folder; a TS 5.1+ construct
 * must fail, tslab's cell rules (earlier cells' names, shadowing, repeated
 * imports, top-level await) must pass, errors name the notebook, cell id and line.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { lib } from "./platform";

interface Problem {
  file: string | null;
  cell: { id: string | null; number: number } | null;
  line: number;
  column: number;
  text: string;
}
interface TypecheckLib {
  loadCompiler(): { version: string };
  checkNotebooks(root: string, notebooks: string[]): Problem[];
  checkProject(root: string, tsconfig?: string): Problem[];
  formatProblem(p: Problem): string;
}

const tmp = mkdtempSync(path.join(tmpdir(), "zerokara-typecheck-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fixture: notebooks/nb.ipynb with the given cells (id → source), beside notebooks/lib.ts. */
function notebook(cells: Array<[string, string]>): { root: string; file: string } {
  const root = path.join(tmp, `nb${n++}`);
  mkdirSync(path.join(root, "notebooks"), { recursive: true });
  writeFileSync(path.join(root, "notebooks", "lib.ts"), "export const twice = (x: number): number => 2 * x;\nexport interface Point { x: number; y: number }\n");
  const nb = {
    cells: [
      { cell_type: "markdown", id: "intro", metadata: {}, source: ["# fixture"] },
      ...cells.map(([id, source]) => ({ cell_type: "code", id, metadata: {}, execution_count: null, outputs: [], source: source.split(/(?<=\n)/) })),
    ],
    metadata: { kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const file = path.join(root, "notebooks", "nb.ipynb");
  writeFileSync(file, JSON.stringify(nb));
  return { root, file };
}

/** A fixture tsconfig project with one file src/a.ts. */
function project(source: string): string {
  const root = path.join(tmp, `proj${n++}`);
  mkdirSync(path.join(root, "src"), { recursive: true });
  writeFileSync(path.join(root, "src", "a.ts"), source);
  writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", noEmit: true, types: [] }, include: ["src/**/*.ts"] }));
  return root;
}

describe("type check with tslab's compiler", async () => {
  const tc = await lib<TypecheckLib>("typecheck");

  it("uses TypeScript 5.0 (the version tslab compiles notebooks with)", () => {
    assert.match(tc.loadCompiler().version, /^5\.0\./);
  });

  it("tslab's cell rules pass: earlier cells' names, a name declared again, a repeated import, top-level await", () => {
    const { root, file } = notebook([
      ["a", 'import { twice, type Point } from "./lib";\nimport * as L from "./lib";\nconst x = twice(2);\nlet count = 0;\n'],
      ["b", 'import { twice } from "./lib";\nconst p: L.Point = { x, y: twice(x) };\ncount += p.y;\n'],
      ["c", 'const x = "again";           // tslab lets a later cell declare x again\nconsole.log(x.toUpperCase());\n'],
      ["d", "const waited = await Promise.resolve(count);\nfunction f(q: Point): number { return q.x + waited; }\n"],
      ["e", "f({ x: 1, y: 2 }).toFixed(1);\n"],
    ]);
    assert.deepEqual(tc.checkNotebooks(root, [file]), []);
  });

  it("an error is reported as notebook + cell id + line in the cell", () => {
    const { root, file } = notebook([
      ["setup", 'import { twice } from "./lib";\n'],
      ["bad-cell", '// a comment\nconst y: string = twice(1);\n'],
      ["bad-import", '\nimport { nothing } from "./lib";\n'],
    ]);
    const problems = tc.checkNotebooks(root, [file]);
    assert.equal(problems.length, 2, problems.map(tc.formatProblem).join("\n"));
    const [assign, missing] = [problems.find((p) => p.cell?.id === "bad-cell"), problems.find((p) => p.cell?.id === "bad-import")];
    assert.ok(assign && missing, problems.map(tc.formatProblem).join("\n"));
    assert.deepEqual({ file: assign.file, cell: assign.cell, line: assign.line }, { file: path.join("notebooks", "nb.ipynb"), cell: { id: "bad-cell", number: 2 }, line: 2 });
    assert.match(assign.text, /TS2322: Type 'number' is not assignable to type 'string'/);
    assert.equal(missing.line, 2);
    assert.match(missing.text, /TS2305: .*has no exported member 'nothing'/);
    assert.equal(tc.formatProblem(assign), `${path.join("notebooks", "nb.ipynb")} cell bad-cell (code cell 2) line 2:7 ${assign.text}`);
  });

  it("a TS 5.1 construct in a cell fails (an undefined-returning function without return: accepted from 5.1 on)", () => {
    const { root, file } = notebook([["new-ts", "function nothing(): undefined {}\nnothing();\n"]]);
    const problems = tc.checkNotebooks(root, [file]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].cell?.id, "new-ts");
    assert.match(problems[0].text, /TS2355/);
  });

  it("a TS 5.2 construct in a cell fails (a `using` declaration)", () => {
    const { root, file } = notebook([["using", "using res = { [Symbol.dispose]() {} };\n"]]);
    const problems = tc.checkNotebooks(root, [file]);
    assert.ok(problems.length > 0 && problems.every((p) => p.cell?.id === "using" && p.line === 1), problems.map(tc.formatProblem).join("\n"));
  });

  it("a TS 5.1 construct in src/ (tsconfig project) fails; the same file without it passes", () => {
    const bad = project("export function nothing(): undefined {}\n");
    const problems = tc.checkProject(bad);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].file, problems[0].line], [path.join("src", "a.ts"), 1]);
    assert.match(problems[0].text, /TS2355/);
    assert.deepEqual(tc.checkProject(project("export function nothing(): undefined { return undefined; }\n")), []);
  });
});
