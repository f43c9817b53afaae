/**
 * Options objects are checked key by key: a misspelt or misplaced option (SGD has
 * no momentum; the book spells dropout_ration) must not be ignored silently.
 * The book's own spellings are accepted where a class lists them as aliases.
 */
import { ArgumentError } from "./errors";

/** An option the owner does not know: the message names it and lists the valid ones. */
export class UnknownOptionError extends ArgumentError {
  constructor(owner: string, key: string, valid: readonly string[], hint = "") {
    super(key, `an option of ${owner}: one of ${valid.join(", ")}`, key);
    this.message = `${owner}: unknown option "${key}"; valid options are ${valid.join(", ")}${hint ? `. ${hint}` : ""}`;
    this.name = "UnknownOptionError";
  }
}

/**
 * `options` with every alias renamed to its canonical key; throws UnknownOptionError
 * for a key that is neither, and ArgumentError when an alias and its key are both given.
 * `hints` adds a sentence for keys that belong elsewhere (e.g. SGD's momentum).
 */
export function readOptions<T extends object>(
  owner: string,
  options: T | undefined | null,
  valid: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  hints: Readonly<Record<string, string>> = {},
): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ArgumentError("options", `an options object for ${owner}`, options);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const canonical = Object.prototype.hasOwnProperty.call(aliases, key) ? aliases[key] : key;
    if (!valid.includes(canonical)) throw new UnknownOptionError(owner, key, valid, hints[key]);
    if (canonical !== key && Object.prototype.hasOwnProperty.call(options, canonical)) {
      throw new ArgumentError(key, `either ${key} (the book's spelling) or ${canonical}, not both`);
    }
    if (value !== undefined) out[canonical] = value;
  }
  return out as T;
}
