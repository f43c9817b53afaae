/**
 * npm run -s exp -- <experiment> --json [--key value …]
 *
 * Prints ONE JSON object: the same numbers the notebook draws. Experiments are
 * listed by name in registry.ts and loaded only when asked for. Options are
 * checked against each experiment's table: an unknown option or a bad value
 * exits 2 with a one-line message naming it. `--help` lists the experiments,
 * `<name> --help` its options with their FAST and FULL defaults.
 *
 * Options every experiment takes: --json (compact output), --mnist-dir <folder>
 * (read the MNIST idx files from another folder; same as ZEROKARA_MNIST_DIR).
 */
import * as fs from "fs";
import type { CliExperiment, CliOption } from "./experiment";
import { EXPERIMENT_NAMES, loadExperiment } from "./registry";
import { ArgumentError, InputError } from "../core/errors";
import { progress } from "../viz/progress";
import { currentBudget } from "../core/budget";
import { MNIST_DIR_ENV } from "../data/mnist";

export class CliError extends InputError {}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
const camel = (s: string): string => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function parseValue(name: string, opt: CliOption, raw: string | undefined): unknown {
  const flag = `--${kebab(name)}`;
  if (opt.kind === "boolean") {
    if (raw === undefined || raw === "true") return true;
    if (raw === "false") return false;
    throw new CliError(`${flag}: expected true or false, got ${JSON.stringify(raw)}`);
  }
  if (raw === undefined) throw new CliError(`${flag}: a value is required (${opt.description})`);
  const num = (s: string): number => {
    const v = Number(s);
    if (s.trim() === "" || !Number.isFinite(v)) throw new CliError(`${flag}: expected a number, got ${JSON.stringify(s)}`);
    return v;
  };
  switch (opt.kind) {
    case "number":
      return num(raw);
    case "number[]":
      return raw.split(",").map(num);
    case "string[]":
      return raw.split(",").map((s) => s.trim());
    case "string":
      if (opt.choices && !opt.choices.includes(raw)) {
        throw new CliError(`${flag}: expected one of ${opt.choices.join(", ")}, got ${JSON.stringify(raw)}`);
      }
      return raw;
  }
}

/** argv (after the experiment name) → options object, validated against `exp.options`. */
export function parseOptions(exp: CliExperiment, argv: string[]): { json: boolean; help: boolean; mnistDir?: string; options: Record<string, unknown> } {
  const options: Record<string, unknown> = {};
  let json = false;
  let help = false;
  let mnistDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new CliError(`unexpected argument ${JSON.stringify(arg)} (options look like --name value)`);
    let [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (key === "json") {
      json = true;
      continue;
    }
    if (key === "help") {
      help = true;
      continue;
    }
    if (key === "mnist-dir") {
      mnistDir = inline ?? argv[++i];
      if (!mnistDir) throw new CliError("--mnist-dir: a folder is required (the one with the four MNIST idx files)");
      if (!fs.existsSync(mnistDir) || !fs.statSync(mnistDir).isDirectory()) throw new CliError(`--mnist-dir: ${JSON.stringify(mnistDir)} is not a folder`);
      continue;
    }
    const name = camel(key);
    const opt = exp.options[name];
    if (!opt) {
      const valid = Object.keys(exp.options).map((k) => "--" + kebab(k)).join(", ");
      throw new CliError(`unknown option --${key} for ${exp.name}; valid: --json, --mnist-dir${valid ? ", " + valid : ""} (see --help)`);
    }
    if (inline === undefined && opt.kind !== "boolean" && i + 1 < argv.length) inline = argv[++i];
    else if (inline === undefined && opt.kind === "boolean" && /^(true|false)$/.test(argv[i + 1] ?? "")) inline = argv[++i];
    options[name] = parseValue(name, opt, inline);
  }
  return { json, help, mnistDir, options };
}

const show = (v: unknown): string => (v === undefined ? "" : Array.isArray(v) ? v.join(",") : String(v));

/** `npm run -s exp -- --help`: every experiment with its one-line description. */
export async function usage(): Promise<string> {
  const lines = [
    "usage: npm run -s exp -- <experiment> [--json] [--key value …]",
    "       npm run -s exp -- <experiment> --help   (its options, FAST and FULL defaults)",
    "",
    "experiments:",
  ];
  for (const name of EXPERIMENT_NAMES) lines.push(`  ${name.padEnd(24)} ${(await loadExperiment(name))!.description}`);
  lines.push("", "every experiment also takes:", `  --json                   compact JSON on one line`,
    `  --mnist-dir <folder>     read the MNIST idx files from this folder (or set ${MNIST_DIR_ENV})`,
    "", "budget: ZEROKARA_BUDGET=fast (default) or full");
  return lines.join("\n");
}

/** `npm run -s exp -- <name> --help`: its options, kinds, and defaults at FAST and FULL. */
export function experimentUsage(exp: CliExperiment): string {
  const fast = exp.defaults?.("fast") ?? {};
  const full = exp.defaults?.("full") ?? {};
  const rows = Object.entries(exp.options).map(([k, o]) => [`--${kebab(k)}`, o.kind, show(fast[k]), show(full[k]), o.description]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["option", "kind", "FAST", "FULL"][i].length));
  const fmt = (r: string[]) => `  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3].padEnd(w[3])}  ${r[4]}`.trimEnd();
  return [
    `usage: npm run -s exp -- ${exp.name} [--json] [--key value …]`,
    "",
    exp.description,
    "",
    fmt(["option", "kind", "FAST", "FULL", "description"]),
    ...rows.map(fmt),
    "",
    `  --json, --mnist-dir <folder> (or ${MNIST_DIR_ENV}) are accepted too. FAST/FULL: ZEROKARA_BUDGET (now ${currentBudget()}).`,
  ].join("\n");
}

/** An engine error names its argument (batchSize, nTrials); the CLI user typed --batch-size, --trials. */
export function flagMessage(exp: CliExperiment, e: ArgumentError): string {
  const name = exp.internalNames?.[e.argument] ?? e.argument;
  if (!(name in exp.options) || !e.message.startsWith(e.argument)) return e.message;
  return `--${kebab(name)}${e.message.slice(e.argument.length)}`;
}

/** Write to stdout and resolve once it is flushed: a pipe must receive every byte before the process exits. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    await writeOut((await usage()) + "\n");
    return name ? 0 : 2;
  }
  let exp: CliExperiment | undefined;
  try {
    exp = await loadExperiment(name);
  } catch (e) {
    // e.g. ZEROKARA_BACKEND=cuda, checked when the engine loads
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`${name}: ${e.message}\n`);
    return 2;
  }
  if (!exp) {
    process.stderr.write(`unknown experiment ${JSON.stringify(name)}; valid: ${EXPERIMENT_NAMES.join(", ")} (see --help)\n`);
    return 2;
  }
  try {
    const { json, help, mnistDir, options } = parseOptions(exp, rest);
    if (help) {
      await writeOut(experimentUsage(exp) + "\n");
      return 0;
    }
    if (mnistDir) process.env[MNIST_DIR_ENV] = mnistDir;
    const result = await exp.run(options, { progress: (label, total) => progress(label, total, { unit: "iterations" }) });
    await writeOut((json ? JSON.stringify(result) : JSON.stringify(result, null, 2)) + "\n");
    return 0;
  } catch (e) {
    // errors in what the user gave (options, files, formulas): one line, no stack
    if (e instanceof InputError) {
      process.stderr.write(`${exp.name}: ${e instanceof ArgumentError ? flagMessage(exp, e) : e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // stdout is already flushed (writeOut); exit now so no stray handle keeps the process alive
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(String((e as Error).stack ?? e) + "\n");
      process.exitCode = 1;
    },
  );
}
