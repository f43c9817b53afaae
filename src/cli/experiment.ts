/**
 * The contract between an experiment module and `npm run -s exp -- <name> --json`.
 *
 * An experiment file in src/experiments/ that wants a CLI entry exports
 * `cli: CliExperiment` and is listed by name in src/cli/registry.ts (loaded only
 * when asked for).
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

/** What the CLI gives a long run: a progress line on stderr (stdout stays the JSON). */
export interface CliContext {
  progress(label: string, total: number): { update(done: number, fields?: Record<string, number | string>): void; done(): void };
}
