/**
 * Typed access to the set-up scripts (scripts/lib/*.mjs, plain ESM so they run
 * before node_modules exists) for test/notebooks.test.ts, handouts.test.ts and
 * setup.test.ts, plus "give me the executed copy of this notebook": reused
 * when `npm test` (or an earlier test) already ran it with the same inputs,
 * executed here otherwise, so each test file also works alone.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(__dirname, "..");

/** Import scripts/lib/<name>.mjs (a computed specifier: no type resolution of .mjs). */
export async function lib<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(path.join(ROOT, "scripts", "lib", `${name}.mjs`)).href)) as T;
}

export interface NotebookJson {
  cells: Array<{
    cell_type: string;
    id?: string;
    source: string | string[];
    outputs?: Array<{ output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string }>;
    execution_count?: number | null;
    metadata?: Record<string, unknown>;
  }>;
  metadata: Record<string, unknown> & { kernelspec?: { name?: string; language?: string } };
  nbformat: number;
  nbformat_minor: number;
}

export interface RunRecord {
  name: string;
  notebook: string;
  ok: boolean;
  cells: number;
  seconds: number;
  failure: { cellNumber: number | null; cellId: string | null; message: string } | null;
  log?: string;
  cached?: boolean;
}

interface NotebooksLib {
  listNotebooks(root: string): string[];
  readNotebook(p: string): NotebookJson;
  cellSource(cell: NotebookJson["cells"][number]): string;
  notebookTitle(nb: NotebookJson, fallback: string): string;
  freshRun(root: string, notebook: string, budget: string): RunRecord | null;
  executeNotebook(o: { root: string; python: string; notebook: string; budget: string; jupyterPath: string }): Promise<RunRecord>;
  runPaths(root: string, notebook: string): { name: string; ipynb: string; record: string };
  progressLine(r: RunRecord): string;
}
interface JupyterLib {
  candidatePythons(env?: NodeJS.ProcessEnv): string[];
  findJupyter(c: string[]): { python: string | null; probed: unknown[] };
}
interface KernelLib {
  headlessJupyterPath(root: string): string;
}

export const notebooksLib = () => lib<NotebooksLib>("notebooks");

/** The Python with nbconvert: the one npm test found, else searched (no installs here). */
export async function jupyterPython(): Promise<string> {
  if (process.env.ZEROKARA_PYTHON_FOUND) return process.env.ZEROKARA_PYTHON_FOUND;
  const j = await lib<JupyterLib>("jupyter");
  const found = j.findJupyter(j.candidatePythons());
  if (!found.python) throw new Error("No Jupyter with nbconvert + nbclient: run `npm test` (it sets them up) or `npm start` first.");
  return found.python;
}

/** The executed FAST copy of a notebook and its run record. */
export async function executed(notebook: string): Promise<{ record: RunRecord; nb: NotebookJson | null; path: string }> {
  const nbl = await notebooksLib();
  const paths = nbl.runPaths(ROOT, notebook);
  let record = nbl.freshRun(ROOT, notebook, "fast");
  if (!record) {
    const k = await lib<KernelLib>("kernel");
    record = await nbl.executeNotebook({ root: ROOT, python: await jupyterPython(), notebook, budget: "fast", jupyterPath: k.headlessJupyterPath(ROOT) });
  }
  let nb: NotebookJson | null = null;
  try {
    nb = nbl.readNotebook(paths.ipynb);
  } catch {
    nb = null;
  }
  return { record, nb, path: paths.ipynb };
}

export function text(v: string | string[] | undefined): string {
  return Array.isArray(v) ? v.join("") : v ?? "";
}
