#!/usr/bin/env node
/**
 * Make notebooks commit-ready: outputs removed, execution_count null, every
 * cell given an id (nbformat 4.5; nbconvert warns without), kernelspec tslab.
 *
 *   node scripts/strip-notebooks.mjs [--check] [notebooks/x.ipynb …]
 *
 * Without paths: every notebooks/*.ipynb. With --check: change nothing, list
 * the notebooks that would change and exit 1 if any.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const KERNELSPEC = { display_name: "TypeScript", language: "typescript", name: "tslab" };

/** The stripped notebook (a new object) and whether anything changed. */
export function stripNotebook(nb) {
  const out = structuredClone(nb);
  const used = new Set();
  for (const cell of out.cells ?? []) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
    if (cell.metadata?.execution) delete cell.metadata.execution; // nbclient timings
    if (typeof cell.id !== "string" || !/^[a-zA-Z0-9-_]{1,64}$/.test(cell.id) || used.has(cell.id)) {
      let id;
      do id = randomBytes(4).toString("hex");
      while (used.has(id));
      cell.id = id;
    }
    used.add(cell.id);
  }
  out.metadata = { ...(out.metadata ?? {}), kernelspec: KERNELSPEC };
  out.nbformat = 4;
  out.nbformat_minor = Math.max(5, out.nbformat_minor ?? 0);
  return { notebook: out, changed: JSON.stringify(out) !== JSON.stringify(nb) };
}

/** Jupyter's own layout: one-space indent, trailing newline. */
export function formatNotebook(nb) {
  return `${JSON.stringify(nb, null, 1)}\n`;
}

function main(args) {
  const check = args.includes("--check");
  let files = args.filter((a) => !a.startsWith("--"));
  if (files.length === 0) {
    const dir = join(ROOT, "notebooks");
    files = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(dir, f));
  }
  let dirty = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const { notebook, changed } = stripNotebook(JSON.parse(text));
    const formatted = formatNotebook(notebook);
    if (!changed && formatted === text) continue;
    dirty++;
    if (check) console.log(`要整理 / needs stripping: ${relative(process.cwd(), file)}`);
    else {
      writeFileSync(file, formatted);
      console.log(`整理しました / stripped: ${relative(process.cwd(), file)}`);
    }
  }
  if (check && dirty) console.log("node scripts/strip-notebooks.mjs で整理できます / run node scripts/strip-notebooks.mjs");
  return check && dirty ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
