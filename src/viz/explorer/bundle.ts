/**
 * The page bundle of the live explorers: the engine's numeric parts (the same
 * src/ files as in Node) plus the explorers' page code, built with esbuild from
 * page/entry.ts, minified, and cached under build/explorer/ (rebuilt when any
 * input file changes: each input's hash is kept beside the bundle).
 *
 * In the page there is no fs, path or process: fs/path are the stubs of
 * page/node-shim.ts and ZEROKARA_BACKEND is fixed to "js" (the backend chosen
 * when the engine loads); then page/gemm-page.ts switches matmul to the
 * WebAssembly SIMD kernel, src/core/wasm/gemm.wasm inlined by the binary loader
 * (the same file Node's wasm backend loads, so it is an input of the cache too),
 * and keeps the TypeScript kernel only where the browser lacks wasm SIMD.
 * mathjs is imported without its top-level index (which would pull in every
 * mathjs function): page/mathjs-parts is generated with the factories only.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { projectPath } from "../../core/project-root";

export interface ExplorerBundle {
  /** Minified JavaScript (an IIFE that sets window.zerokaraExplorer). */
  source: string;
  /** True when it came from the cache under build/explorer/. */
  cached: boolean;
}

const sha = (s: string | Buffer): string => crypto.createHash("sha256").update(s).digest("hex");

function mathjsPartsFile(dir: string): string {
  const esm = path.join(path.dirname(require.resolve("mathjs/package.json")), "lib", "esm");
  const file = path.join(dir, "mathjs-parts.mjs");
  const text =
    `export { create } from ${JSON.stringify(path.join(esm, "core", "create.js"))};\n` +
    `export * from ${JSON.stringify(path.join(esm, "entry", "dependenciesAny.generated.js"))};\n`;
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return file;
}

function build(dir: string): { source: string; inputs: string[] } {
  // esbuild is required lazily: only building needs it
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require("esbuild") as typeof import("esbuild");
  const shim = path.join(__dirname, "page", "node-shim.ts");
  const result = esbuild.buildSync({
    entryPoints: [path.join(fs.realpathSync(__dirname), "page", "entry.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
    loader: { ".wasm": "binary" },
    alias: { fs: shim, path: shim, mathjs: mathjsPartsFile(dir) },
    define: {
      __dirname: '"/page"',
      "process.env.ZEROKARA_BACKEND": '"js"',
      "process.env.ZEROKARA_BUDGET": '"fast"',
      "process.env.OPENBLAS_NUM_THREADS": '"1"',
      "process.env.OMP_NUM_THREADS": '"1"',
    },
  });
  const root = process.cwd();
  const wrapped = Object.entries(result.metafile!.inputs).filter(([p, m]) => m.format === "cjs" && !p.includes("node_modules")).map(([p]) => p);
  if (wrapped.length > 0) throw new Error(`explorer bundle: ${wrapped.join(", ")} bundled as CommonJS (an import without an export?): the engine modules would run inside lazy wrappers; give the file an export`);
  const inputs = Object.keys(result.metafile!.inputs).filter((p) => !p.includes(":")).map((p) => path.resolve(root, p));
  return { source: result.outputFiles![0].text, inputs };
}

let memo: string | undefined;

/** The bundle, from the cache when no input changed, else freshly built (and cached). */
export function explorerBundle(): ExplorerBundle {
  if (memo !== undefined) return { source: memo, cached: true };
  const dir = projectPath("build", "explorer");
  fs.mkdirSync(dir, { recursive: true });
  const jsFile = path.join(dir, "explorer.min.js");
  const metaFile = path.join(dir, "explorer.inputs.json");
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as { esbuild: string; inputs: Record<string, string> };
    const esbuildVersion = (require("esbuild/package.json") as { version: string }).version;
    const fresh = meta.esbuild === esbuildVersion && Object.entries(meta.inputs).every(([f, h]) => fs.existsSync(f) && sha(fs.readFileSync(f)) === h);
    if (fresh) {
      memo = fs.readFileSync(jsFile, "utf8");
      return { source: memo, cached: true };
    }
  } catch {
    // no cache yet, or unreadable: build
  }
  const { source, inputs } = build(dir);
  fs.writeFileSync(jsFile, source);
  const esbuildVersion = (require("esbuild/package.json") as { version: string }).version;
  fs.writeFileSync(metaFile, JSON.stringify({ esbuild: esbuildVersion, inputs: Object.fromEntries(inputs.map((f) => [f, sha(fs.readFileSync(f))])) }));
  memo = source;
  return { source, cached: false };
}
