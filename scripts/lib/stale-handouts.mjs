/**
 * A notebook that fails now must not leave the handout of an earlier successful
 * run in handouts/: the index would say "not created" while an old page, with
 * old numbers, still sits beside it. Remove it (and say so).
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Remove handouts/<name>.html if present; returns its path when something was removed, else null. */
export function dropStaleHandout(outDir, name) {
  const file = join(outDir, `${name}.html`);
  if (!existsSync(file)) return null;
  rmSync(file, { force: true });
  return file;
}
