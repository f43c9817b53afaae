/**
 * Notebooks: committed clean (no outputs, ids, tslab kernelspec, imports tslab
 * can compile) and, executed headless in FAST, free of errors and unexpected
 * stderr. The executed copies are shared with test/handouts.test.ts.
 */
import assert from "node:assert/strict";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT, executed, jupyterPython, lib, notebooksLib, text } from "./platform";

/** stderr lines a notebook may print without failing (regexes); keep this short and explained. */
const ALLOWED_STDERR: RegExp[] = [
  // 6-3 "modes-demo" runs BatchNormalization on a batch of 1 on purpose (the book's own trap); the engine's one-time warning is part of the lesson
  /^BatchNormalization: a train-mode batch of 1 row: /,
];

interface StripLib {
  stripNotebook(nb: unknown): { changed: boolean };
  formatNotebook(nb: unknown): string;
}

describe("committed notebooks", async () => {
  const nbl = await notebooksLib();
  const files = nbl.listNotebooks(ROOT);
  const strip = (await import(pathToFileURL(path.join(ROOT, "scripts", "strip-notebooks.mjs")).href)) as StripLib;

  it("there are notebooks, starting with 6-0-introduction", () => {
    assert.ok(files.length >= 1);
    assert.equal(path.basename(files[0]), "6-0-introduction.ipynb");
  });

  it("notebooks/src links to ../src (tslab compiles only files under the notebook's folder)", () => {
    const link = path.join(ROOT, "notebooks", "src");
    assert.ok(lstatSync(link).isSymbolicLink(), "notebooks/src must be a symlink");
    assert.equal(readlinkSync(link), "../src");
  });

  for (const file of files) {
    const name = path.basename(file);
    describe(name, () => {
      const raw = readFileSync(file, "utf8");
      const nb = JSON.parse(raw);

      it("is stored without outputs, with cell ids and execution_count null", () => {
        assert.ok(nb.nbformat === 4 && nb.nbformat_minor >= 5, "nbformat 4.5+ (cell ids)");
        const ids = new Set<string>();
        nb.cells.forEach((c: { id?: string; cell_type: string; outputs?: unknown[]; execution_count?: unknown }, i: number) => {
          assert.ok(typeof c.id === "string" && c.id.length > 0, `cell ${i + 1} has no id`);
          assert.ok(!ids.has(c.id!), `cell id ${c.id} is used twice`);
          ids.add(c.id!);
          if (c.cell_type === "code") {
            assert.deepEqual(c.outputs, [], `cell ${i + 1} (${c.id}) has outputs`);
            assert.equal(c.execution_count, null, `cell ${i + 1} (${c.id}) has an execution_count`);
          }
        });
        assert.equal(strip.formatNotebook(nb), raw, "run: node scripts/strip-notebooks.mjs");
        assert.equal(strip.stripNotebook(nb).changed, false, "run: node scripts/strip-notebooks.mjs");
      });

      it("uses the tslab kernel (TypeScript)", () => {
        assert.equal(nb.metadata?.kernelspec?.name, "tslab");
        assert.equal(nb.metadata?.kernelspec?.language, "typescript");
      });

      it("starts with a Markdown heading (the handout title)", () => {
        assert.equal(nb.cells[0]?.cell_type, "markdown");
        assert.match(nbl.cellSource(nb.cells[0]), /^#\s+\S/m);
      });

      it("imports the engine as files under ./src (tslab resolves neither ../ nor folder index)", () => {
        for (const cell of nb.cells) {
          if (cell.cell_type !== "code") continue;
          const src = nbl.cellSource(cell);
          for (const m of src.matchAll(/(?:from|import|require\()\s*["']([^"']+)["']/g)) {
            const spec = m[1];
            assert.ok(!spec.startsWith("../"), `cell ${cell.id}: "${spec}" — tslab cannot compile files outside notebooks/; use "./src/…"`);
            if (!spec.startsWith("./")) continue;
            const target = path.join(ROOT, "notebooks", spec);
            const isFile = [".ts", ".js", ".json"].some((e) => existsSync(target + e) && statSync(target + e).isFile()) || (existsSync(target) && statSync(target).isFile());
            assert.ok(isFile, `cell ${cell.id}: "${spec}" is not a file — write "${spec}/index" for a folder`);
          }
        }
      });
    });
  }
});

describe("notebooks executed headless (FAST)", async () => {
  const nbl = await notebooksLib();
  for (const file of nbl.listNotebooks(ROOT)) {
    const name = path.basename(file, ".ipynb");
    it(`${name}: runs without errors or unexpected stderr, and prints its budget`, async () => {
      const { record, nb } = await executed(file);
      if (!record.ok) {
        const where = record.failure?.cellNumber ? ` at cell ${record.failure.cellNumber} (id ${record.failure.cellId})` : "";
        assert.fail(`${name} failed${where}: ${record.failure?.message}`);
      }
      assert.ok(nb, "executed copy missing");
      const problems: string[] = [];
      let stdout = "";
      for (const cell of nb.cells) {
        for (const o of cell.outputs ?? []) {
          if (o.output_type === "error") problems.push(`cell ${cell.id}: error output ${o.ename}: ${o.evalue}`);
          if (o.output_type === "stream" && o.name === "stderr") {
            const t = text(o.text);
            if (!ALLOWED_STDERR.some((re) => re.test(t))) problems.push(`cell ${cell.id}: stderr: ${t.trim().split("\n").slice(0, 3).join(" | ")}`);
          }
          if (o.output_type === "stream" && o.name === "stdout") stdout += text(o.text);
        }
      }
      assert.deepEqual(problems, []);
      assert.match(stdout, /FAST/, "a notebook prints which budget it ran (currentBudget())");
    });
  }
});


describe("a notebook that raises", () => {
  it("is reported with the failing cell's number, id and message; later cells do not run", async () => {
    const nbl = await notebooksLib();
    const kernel = await lib<{ headlessJupyterPath(root: string): string }>("kernel");
    const dir = mkdtempSync(path.join(tmpdir(), "zerokara-nb-"));
    const name = `zz-raising-fixture-${process.pid}`;
    const file = path.join(dir, `${name}.ipynb`);
    const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, source, outputs: [], execution_count: null });
    writeFileSync(file, JSON.stringify({
      cells: [cell("ok", 'console.log("FAST");'), cell("boom", 'const x: number = 1;\nthrow new RangeError("boom " + x);'), cell("after", 'console.log("after");')],
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, nbformat: 4, nbformat_minor: 5,
    }));
    try {
      const rec = await nbl.executeNotebook({ root: ROOT, python: await jupyterPython(), notebook: file, budget: "fast", jupyterPath: kernel.headlessJupyterPath(ROOT) });
      assert.equal(rec.ok, false);
      assert.deepEqual({ ...rec.failure }, { cellNumber: 2, cellId: "boom", message: "RangeError: boom 1" });
      assert.match(nbl.progressLine(rec), /failed\n.*セル 2 \(id boom\): RangeError: boom 1/);
      const out = nbl.readNotebook(nbl.runPaths(ROOT, file).ipynb);
      assert.deepEqual(out.cells[2].outputs, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      const p = nbl.runPaths(ROOT, file);
      for (const f of [p.ipynb, p.record, p.ipynb.replace(/\.ipynb$/, ".error.json")]) rmSync(f, { force: true });
    }
  });
});
