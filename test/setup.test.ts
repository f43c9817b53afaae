/**
 * The set-up logic of scripts/run.mjs: dependency freshness, Jupyter discovery
 * (absence simulated with ZEROKARA_PYTHON pointing at a Python that cannot
 * import the Jupyter packages — nothing is uninstalled), the install plan and
 * advice, clean failure without a stack trace, and an idempotent second run.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { ROOT, lib } from "./platform";

interface DepsLib {
  STAMP: string;
  depsProblem(root: string): string | null;
  lockHash(root: string): string;
}
interface Probed {
  python: string;
  info: { version: string; modules: Record<string, string | null> } | null;
}
interface JupyterLib {
  APT_JUPYTER: string[];
  APT_NATIVE: string[];
  candidatePythons(env?: Record<string, string | undefined>): string[];
  probePython(python: string): Probed["info"] & { python: string } | null;
  findJupyter(c: string[]): { python: string | null; probed: Probed[] };
  missingModules(info: Probed["info"]): string[];
  planWithoutJupyter(o: { isRoot: boolean; isDebian: boolean; env?: Record<string, string | undefined> }): "apt" | "advise";
  installAdvice(o: { isRoot: boolean; isDebian: boolean; probed: Probed[]; explicit?: string }): string;
  SYSTEM: JupyterSystem;
  ensureJupyter(env: Record<string, string | undefined>, sys: JupyterSystem): { python: string; installed: boolean };
}
interface JupyterSystem {
  candidatePythons(env?: Record<string, string | undefined>): string[];
  findJupyter(c: string[]): { python: string | null; info?: Probed["info"]; probed: Probed[] };
  platform(): { isRoot: boolean; isDebian: boolean };
  aptInstall(packages: string[]): void;
  probePython(python: string): (Probed["info"] & { python: string }) | null;
}
interface KernelLib {
  tslabKernelSpec(binary: string): { argv: string[]; language: string };
  findKernelSpec(python: string, env?: NodeJS.ProcessEnv): { resource_dir: string; argv: string[] } | null;
}

const tmp = mkdtempSync(path.join(tmpdir(), "zerokara-setup-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A python3 that starts without site-packages: it runs, but has no Jupyter. */
function pythonWithoutJupyter(): string | null {
  const real = ["/usr/bin/python3", "/usr/local/bin/python3"].find((p) => existsSync(p));
  if (!real) return null;
  const fake = path.join(tmp, "python-no-jupyter");
  writeFileSync(fake, `#!/bin/sh\nexec ${real} -I -S "$@"\n`);
  chmodSync(fake, 0o755);
  return fake;
}

describe("npm dependencies", async () => {
  const deps = await lib<DepsLib>("deps");

  it("npm ci is needed without node_modules, without the stamp, or when the lockfile changed", () => {
    const dir = path.join(tmp, "proj");
    mkdirSync(dir, { recursive: true });
    const lock = (v: string) => JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/a": { version: v }, "node_modules/@x/other-os": { version: "1.0.0", optional: true } } });
    writeFileSync(path.join(dir, "package-lock.json"), lock("1.0.0"));
    assert.match(deps.depsProblem(dir) ?? "", /node_modules is missing/);
    mkdirSync(path.join(dir, "node_modules"));
    assert.match(deps.depsProblem(dir) ?? "", /no record/);
    writeFileSync(path.join(dir, deps.STAMP), `${deps.lockHash(dir)}\n`);
    assert.equal(deps.depsProblem(dir), null);
    writeFileSync(path.join(dir, "package-lock.json"), lock("2.0.0"));
    assert.match(deps.depsProblem(dir) ?? "", /package-lock\.json changed/);
  });

  it("a plain `npm ci` (npm's node_modules/.package-lock.json matching the lockfile) counts as installed", () => {
    const dir = path.join(tmp, "proj2");
    mkdirSync(path.join(dir, "node_modules"), { recursive: true });
    writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/a": { version: "1.0.0" }, "node_modules/@x/other-os": { version: "1.0.0", optional: true } } }));
    writeFileSync(path.join(dir, "node_modules", ".package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "node_modules/a": { version: "0.9.0" } } }));
    assert.match(deps.depsProblem(dir) ?? "", /no record/);
    writeFileSync(path.join(dir, "node_modules", ".package-lock.json"), JSON.stringify({ lockfileVersion: 3, packages: { "node_modules/a": { version: "1.0.0" } } }));
    assert.equal(deps.depsProblem(dir), null);
    assert.ok(existsSync(path.join(dir, deps.STAMP)), "stamp recorded");
  });

  it("this checkout is installed from its lockfile", () => {
    assert.equal(deps.depsProblem(ROOT), null);
  });
});

describe("finding Jupyter", async () => {
  const j = await lib<JupyterLib>("jupyter");

  it("ZEROKARA_PYTHON is the only candidate when set; otherwise /usr/bin/python3 comes first, without duplicates", () => {
    assert.deepEqual(j.candidatePythons({ ZEROKARA_PYTHON: "/opt/py/bin/python3", PATH: "/usr/bin" }), ["/opt/py/bin/python3"]);
    const list = j.candidatePythons({ PATH: "/usr/bin:/bin" });
    if (existsSync("/usr/bin/python3")) assert.equal(list[0], "/usr/bin/python3");
    assert.equal(new Set(list).size, list.length);
    assert.deepEqual(j.candidatePythons({ PATH: path.join(tmp, "nothing-here") }).filter((p) => !p.startsWith("/usr/")), []);
  });

  it("a Python without the packages is probed and reported as missing them; a missing one as not running", () => {
    const fake = pythonWithoutJupyter();
    if (!fake) return;
    const found = j.findJupyter([path.join(tmp, "no-such-python"), fake]);
    assert.equal(found.python, null);
    assert.equal(found.probed[0].info, null);
    assert.deepEqual(j.missingModules(found.probed[1].info), ["nbconvert", "nbclient", "jupyter_client", "IPython"]);
  });

  it("installs with apt only as root on Debian and when no Python was named", () => {
    assert.equal(j.planWithoutJupyter({ isRoot: true, isDebian: true }), "apt");
    assert.equal(j.planWithoutJupyter({ isRoot: false, isDebian: true }), "advise");
    assert.equal(j.planWithoutJupyter({ isRoot: true, isDebian: false }), "advise");
    assert.equal(j.planWithoutJupyter({ isRoot: true, isDebian: true, env: { ZEROKARA_PYTHON: "/x" } }), "advise");
    assert.equal(j.planWithoutJupyter({ isRoot: true, isDebian: true, env: { ZEROKARA_NO_APT: "1" } }), "advise");
  });

  it("the advice names exactly what to install", () => {
    const probed: Probed[] = [{ python: "/usr/bin/python3", info: { version: "3.11.2", modules: { nbconvert: null, nbclient: null, jupyter_client: "7", IPython: "8" } } }];
    const user = j.installAdvice({ isRoot: false, isDebian: true, probed });
    assert.ok(user.includes(`sudo apt-get install -y ${[...j.APT_JUPYTER, ...j.APT_NATIVE].join(" ")}`));
    assert.match(user, /python3 -m pip install --user jupyterlab/);
    assert.match(user, /\/usr\/bin\/python3 \(Python 3\.11\.2\): nbconvert, nbclient/);
    const mac = j.installAdvice({ isRoot: false, isDebian: false, probed: [] });
    assert.ok(!mac.includes("apt-get"));
    assert.match(mac, /no Python 3 found/);
  });
});

describe("ensureJupyter decides (fake system: nothing is installed)", async () => {
  const j = await lib<JupyterLib>("jupyter");
  const full = { version: "3.11.2", modules: { nbconvert: "6.5.3", nbclient: "0.7.2", jupyter_client: "7.4.9", IPython: "8.5.0" } };

  function fakeSystem(o: { found: boolean; isRoot: boolean; isDebian: boolean; aptWorks?: boolean }) {
    const calls: string[][] = [];
    let installed = false;
    const sys: JupyterSystem = {
      candidatePythons: () => ["/usr/bin/python3"],
      findJupyter: () => (o.found ? { python: "/usr/bin/python3", info: full, probed: [] } : { python: null, probed: [{ python: "/usr/bin/python3", info: null }] }),
      platform: () => ({ isRoot: o.isRoot, isDebian: o.isDebian }),
      aptInstall: (pkgs) => {
        calls.push(pkgs);
        if (o.aptWorks === false) throw new Error("apt failed");
        installed = true;
      },
      probePython: (python) => (installed ? { python, ...full } : null),
    };
    return { sys, calls };
  }

  it("uses a Python that has Jupyter; installs nothing", (t) => {
    t.mock.method(console, "log", () => {});
    const { sys, calls } = fakeSystem({ found: true, isRoot: true, isDebian: true });
    assert.deepEqual(j.ensureJupyter({}, sys), { python: "/usr/bin/python3", info: full, installed: false });
    assert.deepEqual(calls, []);
  });

  it("root on Debian without Jupyter: one apt install of exactly the Jupyter + native packages", (t) => {
    t.mock.method(console, "log", () => {});
    const { sys, calls } = fakeSystem({ found: false, isRoot: true, isDebian: true });
    const r = j.ensureJupyter({}, sys);
    assert.equal(r.installed, true);
    assert.deepEqual(calls, [["jupyter-notebook", "python3-nbconvert", "jupyter-nbconvert", "python3-nbclient", "python3-ipykernel", "jupyter-client", "gcc", "libopenblas-dev"]]);
  });

  it("not root: advice, no apt", (t) => {
    t.mock.method(console, "log", () => {});
    const { sys, calls } = fakeSystem({ found: false, isRoot: false, isDebian: true });
    assert.throws(() => j.ensureJupyter({}, sys), (e: Error) => e.name === "SetupError" && /sudo apt-get install/.test(e.message));
    assert.deepEqual(calls, []);
  });

  it("an apt failure propagates (run.mjs prints it and exits 1)", (t) => {
    t.mock.method(console, "log", () => {});
    const { sys } = fakeSystem({ found: false, isRoot: true, isDebian: true, aptWorks: false });
    assert.throws(() => j.ensureJupyter({}, sys), /apt failed/);
  });
});

interface BrowserSystem {
  findChromium(env?: Record<string, string | undefined>): string | null;
  hasJapaneseFont(): boolean;
  platform(): { isRoot: boolean; isDebian: boolean };
  aptInstall(packages: string[]): void;
}
interface BrowserLib {
  APT_CHROMIUM: string;
  APT_JAPANESE_FONT: string;
  findChromium(env?: Record<string, string | undefined>): string | null;
  planBrowser(o: { isRoot: boolean; isDebian: boolean; env?: Record<string, string | undefined> }): "apt" | "advise";
  browserAdvice(o: { isRoot: boolean; isDebian: boolean; packages: string[]; explicit?: string }): string;
  ensureBrowser(env: Record<string, string | undefined>, sys: BrowserSystem): { chromium: string; font: boolean; installed: boolean };
}

describe("npm test's Chromium and Japanese font (fake system: nothing is installed)", async () => {
  const b = await lib<BrowserLib>("browser");

  /** A machine with or without Chromium / the font; apt "installs" what it is asked for. */
  function fakeSystem(o: { chromium: boolean; font: boolean; isRoot: boolean; isDebian: boolean; aptWorks?: boolean; aptForgetsChromium?: boolean }) {
    const calls: string[][] = [];
    const state = { chromium: o.chromium, font: o.font };
    const sys: BrowserSystem = {
      findChromium: () => (state.chromium ? "/usr/bin/chromium" : null),
      hasJapaneseFont: () => state.font,
      platform: () => ({ isRoot: o.isRoot, isDebian: o.isDebian }),
      aptInstall: (pkgs) => {
        calls.push(pkgs);
        if (o.aptWorks === false) throw new Error("apt failed");
        if (pkgs.includes("chromium") && !o.aptForgetsChromium) state.chromium = true;
        if (pkgs.includes("fonts-ipafont-gothic")) state.font = true;
      },
    };
    return { sys, calls };
  }
  const quiet = (t: { mock: { method(o: object, m: string, f: () => void): unknown } }) => {
    t.mock.method(console, "log", () => {});
    t.mock.method(console, "warn", () => {});
  };

  it("both present: installs nothing", (t) => {
    quiet(t);
    const { sys, calls } = fakeSystem({ chromium: true, font: true, isRoot: true, isDebian: true });
    assert.deepEqual(b.ensureBrowser({}, sys), { chromium: "/usr/bin/chromium", font: true, installed: false });
    assert.deepEqual(calls, []);
  });

  it("root on Debian, a fresh machine: one apt install of chromium and fonts-ipafont-gothic", (t) => {
    quiet(t);
    const { sys, calls } = fakeSystem({ chromium: false, font: false, isRoot: true, isDebian: true });
    assert.deepEqual(b.ensureBrowser({}, sys), { chromium: "/usr/bin/chromium", font: true, installed: true });
    assert.deepEqual(calls, [["chromium", "fonts-ipafont-gothic"]]);
  });

  it("root on Debian with Chromium but no Japanese font: apt installs the font only", (t) => {
    quiet(t);
    const { sys, calls } = fakeSystem({ chromium: true, font: false, isRoot: true, isDebian: true });
    assert.equal(b.ensureBrowser({}, sys).installed, true);
    assert.deepEqual(calls, [["fonts-ipafont-gothic"]]);
  });

  it("not root: no apt; without Chromium it stops with the exact command, without the font it only warns", (t) => {
    quiet(t);
    const none = fakeSystem({ chromium: false, font: false, isRoot: false, isDebian: true });
    assert.throws(() => b.ensureBrowser({}, none.sys), (e: Error) => e.name === "SetupError" && e.message.includes("sudo apt-get install -y chromium fonts-ipafont-gothic"));
    assert.deepEqual(none.calls, []);
    const noFont = fakeSystem({ chromium: true, font: false, isRoot: false, isDebian: true });
    assert.deepEqual(b.ensureBrowser({}, noFont.sys), { chromium: "/usr/bin/chromium", font: false, installed: false });
    assert.deepEqual(noFont.calls, []);
  });

  it("not Debian, ZEROKARA_NO_APT or an explicit CHROMIUM_PATH: advice, no apt", (t) => {
    quiet(t);
    for (const [env, platform] of [[{}, { isRoot: true, isDebian: false }], [{ ZEROKARA_NO_APT: "1" }, { isRoot: true, isDebian: true }], [{ CHROMIUM_PATH: "/opt/none/chrome" }, { isRoot: true, isDebian: true }]] as const) {
      const { sys, calls } = fakeSystem({ chromium: false, font: true, ...platform });
      assert.throws(() => b.ensureBrowser({ ...env }, sys), /SetupError|Chromium|CHROMIUM_PATH/);
      assert.deepEqual(calls, [], JSON.stringify(env));
    }
    assert.match(b.browserAdvice({ isRoot: false, isDebian: false, packages: ["chromium"] }), /package manager/);
    assert.doesNotMatch(b.browserAdvice({ isRoot: false, isDebian: false, packages: ["chromium"] }), /apt-get/);
    assert.match(b.browserAdvice({ isRoot: true, isDebian: true, packages: ["chromium"], explicit: "/opt/none/chrome" }), /CHROMIUM_PATH=\/opt\/none\/chrome does not exist/);
  });

  it("an apt failure propagates; apt that leaves no Chromium stops with advice", (t) => {
    quiet(t);
    assert.throws(() => b.ensureBrowser({}, fakeSystem({ chromium: false, font: false, isRoot: true, isDebian: true, aptWorks: false }).sys), /apt failed/);
    assert.throws(() => b.ensureBrowser({}, fakeSystem({ chromium: false, font: true, isRoot: true, isDebian: true, aptForgetsChromium: true }).sys),
      (e: Error) => e.name === "SetupError" && /no Chromium was found/.test(e.message));
  });

  it("findChromium: CHROMIUM_PATH alone when set; otherwise the usual places", () => {
    assert.equal(b.findChromium({ CHROMIUM_PATH: path.join(tmp, "no-chromium-here"), PATH: "/usr/bin" }), null);
    assert.equal(b.findChromium({ CHROMIUM_PATH: process.execPath }), process.execPath);
    const found = b.findChromium({ PATH: path.join(tmp, "nothing-here") });
    assert.ok(found === null || found === "/usr/bin/chromium");
  });
});

describe("run.mjs fails cleanly", () => {
  it("with no usable Jupyter: exit 1, what to install, no stack trace, nothing installed", () => {
    const fake = pythonWithoutJupyter() ?? path.join(tmp, "no-such-python");
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), "setup"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, ZEROKARA_PYTHON: fake }, timeout: 120000,
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /No Jupyter with nbconvert and nbclient was found/);
    assert.match(r.stderr, /pip install --user jupyterlab/);
    assert.match(r.stderr, /apt-get install -y jupyter-notebook/);
    assert.doesNotMatch(r.stderr + r.stdout, /^\s+at .+:\d+:\d+\)?$/m, "stack trace printed");
    assert.doesNotMatch(r.stdout, /apt-get (update|install)/, "tried to install");
  });

  it("rejects a bad ZEROKARA_BUDGET by name", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), "handouts"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, ZEROKARA_BUDGET: "huge" }, timeout: 60000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /ZEROKARA_BUDGET must be fast or full/);
  });

  it("an unknown command prints the usage", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), "nope"], { encoding: "utf8" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: node scripts\/run\.mjs <start\|test\|handouts\|setup\|typecheck\|lab\|bench>/);
  });
});

describe("idempotent set-up", async () => {
  const j = await lib<JupyterLib>("jupyter");
  const k = await lib<KernelLib>("kernel");
  const found = j.findJupyter(j.candidatePythons());

  it("a second run reuses everything: kernelspec untouched, no npm ci, no apt", { skip: found.python ? false : "no Jupyter here" }, () => {
    const env = { ...process.env };
    delete env.JUPYTER_PATH;
    const run = () => spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.mjs"), "setup"], { cwd: ROOT, encoding: "utf8", env, timeout: 300000 });
    const first = run();
    assert.equal(first.status, 0, first.stdout + first.stderr);
    const spec = k.findKernelSpec(found.python!, env);
    assert.ok(spec, "tslab kernelspec registered");
    assert.equal(spec.argv[0], path.join(ROOT, "node_modules", ".bin", "tslab"));
    const before = statSync(path.join(spec.resource_dir, "kernel.json")).mtimeMs;
    const second = run();
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /already registered/);
    assert.match(second.stdout, /up to date/);
    assert.doesNotMatch(second.stdout, /npm ci|apt-get/);
    assert.equal(statSync(path.join(spec.resource_dir, "kernel.json")).mtimeMs, before);
  });

  it("the headless kernelspec starts this clone's tslab with this node", async () => {
    const kernel = await lib<{ headlessJupyterPath(root: string): string }>("kernel");
    const dir = kernel.headlessJupyterPath(ROOT).split(path.delimiter)[0];
    const spec = JSON.parse(require("node:fs").readFileSync(path.join(dir, "kernels", "tslab", "kernel.json"), "utf8"));
    assert.deepEqual(spec.argv.slice(0, 3), [process.execPath, path.join(ROOT, "node_modules", "tslab", "bin", "tslab"), "kernel"]);
    assert.equal(spec.language, "typescript");
  });
});
