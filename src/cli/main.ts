/**
 * npm run -s exp -- <experiment> --json [--key value …]
 *
 * Prints ONE JSON object: the same numbers the notebook draws. Experiments are
 * discovered from src/experiments/<chapter>/*.ts files that export `cli` (see
 * cli-experiment.ts). Options are checked against each experiment's table:
 * an unknown option or a bad value exits 2 with a message naming it.
 */
import * as fs from "fs";
import * as path from "path";
import type { CliExperiment, CliOption } from "./experiment";

export function discoverExperiments(dir = path.join(__dirname, "..", "experiments")): Map<string, CliExperiment> {
  const found = new Map<string, CliExperiment>();
  const visit = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const mod = require(file) as { cli?: CliExperiment };
        if (mod.cli && typeof mod.cli.run === "function") found.set(mod.cli.name, mod.cli);
      }
    }
  };
  visit(dir);
  return found;
}

export class CliError extends Error {}

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
export function parseOptions(exp: CliExperiment, argv: string[]): { json: boolean; options: Record<string, unknown> } {
  const options: Record<string, unknown> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new CliError(`unexpected argument ${JSON.stringify(arg)} (options look like --name value)`);
    let [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (key === "json") {
      json = true;
      continue;
    }
    const name = camel(key);
    const opt = exp.options[name];
    if (!opt) {
      const valid = Object.keys(exp.options).map((k) => "--" + kebab(k)).join(", ");
      throw new CliError(`unknown option --${key} for ${exp.name}; valid: --json${valid ? ", " + valid : ""}`);
    }
    if (inline === undefined && opt.kind !== "boolean" && i + 1 < argv.length) inline = argv[++i];
    else if (inline === undefined && opt.kind === "boolean" && /^(true|false)$/.test(argv[i + 1] ?? "")) inline = argv[++i];
    options[name] = parseValue(name, opt, inline);
  }
  return { json, options };
}

function usage(exps: Map<string, CliExperiment>): string {
  const lines = ["usage: npm run -s exp -- <experiment> --json [--key value …]", "", "experiments:"];
  for (const e of exps.values()) {
    lines.push(`  ${e.name.padEnd(22)} ${e.description}`);
    for (const [k, o] of Object.entries(e.options)) {
      lines.push(`      --${kebab(k).padEnd(20)} ${o.kind.padEnd(9)} ${o.description}`);
    }
  }
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const exps = discoverExperiments();
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage(exps) + "\n");
    return name ? 0 : 2;
  }
  const exp = exps.get(name);
  if (!exp) {
    process.stderr.write(`unknown experiment ${JSON.stringify(name)}; valid: ${[...exps.keys()].join(", ")}\n`);
    return 2;
  }
  try {
    const { json, options } = parseOptions(exp, rest);
    const result = await exp.run(options);
    process.stdout.write((json ? JSON.stringify(result) : JSON.stringify(result, null, 2)) + "\n");
    return 0;
  } catch (e) {
    const err = e as Error;
    // errors from argument checks are the user's to fix: one line, no stack
    if (e instanceof CliError || err.name === "ArgumentError" || err.name === "ShapeError") {
      process.stderr.write(`${exp.name}: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(String((e as Error).stack ?? e) + "\n");
      process.exit(1);
    },
  );
}
