/**
 * A long synchronous cell must be able to print (issue: 6-1 at FULL failed at
 * its MNIST cell with "(no error message)" and "Timeout waiting for IOPub
 * output"). zeromq.js sends 512 messages in a row at most before it needs an
 * event-loop turn; a cell that never yields and sends more used to throw from
 * inside the progress line, and the error text itself was lost. Here a cell
 * sends 700 progress updates without yielding, then prints, and the next cell
 * reads a variable it defined. Also: a failing cell whose message was lost still
 * says why.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ROOT, jupyterPython, lib, notebooksLib, text } from "./platform";
import { syncKernelPublisher } from "../src/viz/kernel-output";

const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, source, outputs: [], execution_count: null });

describe("a long synchronous cell in the kernel", () => {
  it("sends 700 progress updates without yielding, prints after them, and defines its variables", async () => {
    const nbl = await notebooksLib();
    const kernel = await lib<{ headlessJupyterPath(root: string): string }>("kernel");
    const dir = mkdtempSync(path.join(tmpdir(), "zerokara-nb-"));
    symlinkSync(path.join(ROOT, "src"), path.join(dir, "src"));
    const file = path.join(dir, `zz-long-cell-${process.pid}.ipynb`);
    writeFileSync(file, JSON.stringify({
      cells: [
        cell("imp", 'import { progress } from "./src/viz/progress";'),
        cell("burst", 'const bar = progress("burst", 700, { intervalMs: 0 });\nfor (let i = 0; i < 700; i++) bar.update(i + 1);\nbar.done();\nconst answer = 42;\nconsole.log("after the burst", answer);'),
        cell("next", 'console.log("next cell", answer);'),
      ],
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } }, nbformat: 4, nbformat_minor: 5,
    }));
    const p = nbl.runPaths(ROOT, file);
    try {
      const rec = await nbl.executeNotebook({ root: ROOT, python: await jupyterPython(), notebook: file, budget: "fast", jupyterPath: kernel.headlessJupyterPath(ROOT) });
      assert.equal(rec.failure, null, JSON.stringify(rec.failure));
      const out = nbl.readNotebook(p.ipynb);
      const outputs = (id: string) => out.cells.find((c) => c.id === id)!.outputs ?? [];
      const burst = outputs("burst");
      assert.deepEqual(
        burst.map((o) => o.output_type === "stream" ? text(o.text) : text(o.data?.["text/plain"] as string)).map((s) => s.replace(/, \d+ s$/, "")),
        ["burst 700/700 iterations", "after the burst 42\n"],
      );
      assert.equal(text(outputs("next")[0]?.text), "next cell 42\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const f of [p.ipynb, p.record, p.ipynb.replace(/\.ipynb$/, ".error.json")]) rmSync(f, { force: true });
    }
  });
});

describe("syncKernelPublisher", () => {
  it("sets sendTimeout 0 on a Publisher's first send, once per class, and leaves other modules alone", () => {
    class Base {
      sendTimeout = -1;
      sent: unknown[] = [];
      send(...args: unknown[]) { this.sent.push(args); return "sent"; }
    }
    class Publisher extends Base {}
    const cache = {
      "/x/node_modules/zeromq/lib/index.js": { exports: { Publisher } },
      "/x/node_modules/other/lib/index.js": { exports: { Publisher: class { send() { return 1; } } } },
    } as unknown as NodeJS.Require["cache"];
    assert.equal(syncKernelPublisher(cache), 1);
    assert.equal(syncKernelPublisher(cache), 0, "idempotent");
    const s = new Publisher();
    assert.equal(s.send("a"), "sent");
    assert.equal(s.sendTimeout, 0);
    assert.deepEqual(s.sent, [["a"]]);
    assert.equal(new Base().send(), "sent");
    assert.equal(new Base().sendTimeout, -1, "the base class is not changed");
  });
});

describe("a failing cell whose error text never arrived", () => {
  it("says why from nbconvert's log instead of (no error message)", async () => {
    const nbl = (await notebooksLib()) as unknown as {
      findFailure(nb: unknown, hook: unknown, log?: string): { message: string } | null;
    };
    const nb = { cells: [{ cell_type: "code", id: "a", outputs: [] }] };
    const hook = { cell_index: 0, cell_id: "a", ename: null, evalue: null };
    assert.equal(nbl.findFailure(nb, hook, "")!.message, "(no error message)");
    const log = "[NbConvertApp] WARNING | Timeout waiting for IOPub output\nUncaughtException: Error: Socket is busy writing\n";
    const m = nbl.findFailure(nb, hook, log)!.message;
    assert.match(m, /Timeout waiting for IOPub output/);
    assert.match(m, /kernel log: UncaughtException: Error: Socket is busy writing/);
  });
});

describe("the handout of a notebook that fails now", () => {
  it("is removed, so handouts/ matches the index (which says it was not created)", async () => {
    const { dropStaleHandout } = await lib<{ dropStaleHandout(dir: string, name: string): string | null }>("stale-handouts");
    const dir = mkdtempSync(path.join(tmpdir(), "zerokara-handouts-"));
    try {
      writeFileSync(path.join(dir, "6-9-x.html"), "<html>old</html>");
      writeFileSync(path.join(dir, "6-8-y.html"), "<html>other</html>");
      assert.equal(dropStaleHandout(dir, "6-9-x"), path.join(dir, "6-9-x.html"));
      assert.deepEqual(readdirSync(dir), ["6-8-y.html"]);
      assert.equal(dropStaleHandout(dir, "6-9-x"), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
