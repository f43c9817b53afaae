/**
 * `npm start` on a fresh machine runs scripts/run.mjs before `npm ci` has
 * installed anything, so run.mjs and every module it imports statically may use
 * only node: built-ins and the project's own files. npm packages are loaded with
 * a dynamic import() after the set-up (a static `mathjax-full` import once broke
 * `npm start` on a fresh clone with ERR_MODULE_NOT_FOUND).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, it } from "node:test";

const ROOT = join(__dirname, "..");

/** Static import/export-from specifiers of an ES module (not import() calls). */
export function staticSpecifiers(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]);
  return out;
}

function staticGraph(entry: string): { file: string; bare: string[] }[] {
  const seen = new Set<string>();
  const out: { file: string; bare: string[] }[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const specs = staticSpecifiers(readFileSync(file, "utf8"));
    out.push({ file: file.slice(ROOT.length + 1), bare: specs.filter((s) => !s.startsWith("node:") && !s.startsWith(".")) });
    for (const s of specs) if (s.startsWith(".")) visit(resolve(dirname(file), s));
  };
  visit(entry);
  return out;
}

describe("scripts/run.mjs starts before npm ci", () => {
  it("finds static imports and ignores import()", () => {
    const src = 'import a from "x";\nimport { b } from "./y.mjs";\nexport { c } from "node:fs";\nconst d = await import("z");\n';
    assert.deepEqual(staticSpecifiers(src), ["x", "./y.mjs", "node:fs"]);
  });
  it("imports statically only node: built-ins and project files", () => {
    const graph = staticGraph(join(ROOT, "scripts", "run.mjs"));
    assert.ok(graph.length > 5, `walked ${graph.length} modules`);
    assert.deepEqual(graph.filter((g) => g.bare.length > 0), [], "npm packages imported statically from scripts/run.mjs");
  });
});
