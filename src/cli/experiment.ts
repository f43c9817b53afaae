/**
 * The contract between an experiment module and `npm run -s exp -- <name> --json`.
 *
 * An experiment file in src/experiments/ that wants a CLI entry exports
 * `cli = defineCli<Options>({ … })` and is listed by name in src/cli/registry.ts
 * (loaded only when asked for). `Options` is (a part of) the experiment's own
 * option type: the table must give each of its keys the matching kind, and
 * `run` receives the parsed values with those types, so nothing is cast.
 */
import type { Budget } from "../core/budget";

export type OptionKind = "number" | "string" | "boolean" | "number[]" | "string[]";

export interface CliOption {
  kind: OptionKind;
  description: string;
  /** Allowed values for string options (checked before `run`). */
  choices?: readonly string[];
}

export interface CliExperiment {
  /** The first CLI word, e.g. "optimizers-2d" or "overfit". */
  name: string;
  /** One line, shown by `npm run -s exp -- --help`. */
  description: string;
  /** Options by camelCase name; the CLI spells them --kebab-case. */
  options: Record<string, CliOption>;
  /** The defaults of the options at a budget (shown by `<name> --help` for FAST and FULL); omitted options are not budget-dependent. */
  defaults?: (budget: Budget) => Record<string, unknown>;
  /** Returns a plain JSON-serialisable object: the same data the notebook plots. */
  run(options: Record<string, unknown>, context?: CliContext): unknown | Promise<unknown>;
  /** Internal argument names that errors may use → the option's camelCase name (e.g. nTrials → trials), so messages say --trials. */
  internalNames?: Record<string, string>;
}

/** The CLI kind of a value type: number → "number", a string union → "string", number[] → "number[]", … */
export type KindOf<T> = [T] extends [boolean] ? "boolean" : [T] extends [number] ? "number" : [T] extends [string] ? "string"
  : [T] extends [readonly number[]] ? "number[]" : [T] extends [readonly string[]] ? "string[]" : never;

/** One table row per key of O, with the kind its type implies. */
export type OptionTable<O> = { [K in keyof O]-?: CliOption & { kind: KindOf<NonNullable<O[K]>> } };

/** An experiment's CLI entry typed by its options O: run gets Partial<O>, defaults returns (part of) O. */
export interface TypedCli<O> {
  name: string;
  description: string;
  options: OptionTable<O>;
  defaults?: (budget: Budget) => Partial<O>;
  internalNames?: Record<string, keyof O & string>;
  run(options: Partial<O>, context?: CliContext): unknown | Promise<unknown>;
}

/**
 * The only place the parsed option record meets its type: main.ts's parser
 * returns, for every key of the table, a value of the row's kind (choices
 * checked), which is what OptionTable<O> requires of O.
 */
export function defineCli<O>(spec: TypedCli<O>): CliExperiment {
  return {
    name: spec.name,
    description: spec.description,
    options: spec.options as Record<string, CliOption>,
    defaults: spec.defaults as CliExperiment["defaults"],
    internalNames: spec.internalNames,
    run: (options, context) => spec.run(options as Partial<O>, context),
  };
}

/**
 * The rows `seed` and `seeds` of every experiment averaged over the seeds seed,
 * seed + 1, …: one wording everywhere (their defaults come from `defaults`).
 */
export const SEED_ROWS = {
  seed: { kind: "number", description: "first seed (runs use seed, seed+1, …)" },
  seeds: { kind: "number", description: "number of seeds (averaged)" },
} as const;

/** What the CLI gives a long run: a progress line on stderr (stdout stays the JSON). */
export interface CliContext {
  progress(label: string, total: number): { update(done: number, fields?: Record<string, number | string>): void; done(): void };
}
