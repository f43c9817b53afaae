/**
 * The contract between an experiment module and `npm run -s exp -- <name> --json`.
 *
 * An experiment file in src/experiments/ that wants a CLI entry exports
 * `cli: CliExperiment`; src/cli/main.ts finds it by scanning the folder, so adding an
 * experiment never means editing a shared list.
 */
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
  /** Returns a plain JSON-serialisable object: the same data the notebook plots. */
  run(options: Record<string, unknown>): unknown | Promise<unknown>;
}
