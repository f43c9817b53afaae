/** Finding executables without a shell. */
import { accessSync, constants, readFileSync, realpathSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** Absolute path of `command` on PATH (or `command` itself when it is an executable path), else null. */
export function which(command, path = process.env.PATH ?? "") {
  const candidates = isAbsolute(command) || command.includes("/") ? [command] : path.split(delimiter).filter(Boolean).map((d) => join(d, command));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** The interpreter a script's shebang names ("#!/usr/bin/python3", "#!/usr/bin/env python3"), resolved; else null. */
export function shebangInterpreter(script, path = process.env.PATH ?? "") {
  let first;
  try {
    first = readFileSync(script, "utf8").slice(0, 300).split("\n")[0];
  } catch {
    return null;
  }
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return null;
  if (m[1].endsWith("/env") && m[2]) return which(m[2], path);
  return which(m[1], path);
}

/** realpath, or the path itself when it cannot be resolved. */
export function real(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
