/**
 * npm dependencies: installed with `npm ci` when node_modules is missing or
 * was installed from another package-lock.json. After a successful install
 * the lockfile's hash is stored in node_modules; an interrupted or failed
 * install leaves no stamp, so the next run installs again.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SetupError, detail, secondsSince, step } from "./log.mjs";

export const STAMP = join("node_modules", ".zerokara-lock.sha256");

export function lockHash(root) {
  const lock = join(root, "package-lock.json");
  if (!existsSync(lock)) throw new SetupError("package-lock.json がありません。 / package-lock.json is missing (it is committed; is this a full clone?)");
  return createHash("sha256").update(readFileSync(lock)).digest("hex");
}

/**
 * True when npm's own record of the installed tree (node_modules/.package-lock.json,
 * written at the end of `npm ci` / `npm install`) has exactly the lockfile's
 * packages and versions; optional packages for other platforms may be absent.
 * Lets a plain `npm ci` by the user count as done (no second install).
 */
export function installedFromLockfile(root) {
  try {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages ?? {};
    const hidden = JSON.parse(readFileSync(join(root, "node_modules", ".package-lock.json"), "utf8")).packages ?? {};
    for (const [key, entry] of Object.entries(lock)) {
      if (key === "") continue;
      if (!hidden[key]) {
        if (entry.optional) continue;
        return false;
      }
      if (hidden[key].version !== entry.version) return false;
    }
    return Object.keys(hidden).every((key) => key in lock);
  } catch {
    return false;
  }
}

/** Why an install is needed, or null when node_modules matches the lockfile. Pure apart from reading files. */
export function depsProblem(root) {
  if (!existsSync(join(root, "node_modules"))) return "node_modules がありません / node_modules is missing";
  const stamp = join(root, STAMP);
  const current = existsSync(stamp) && readFileSync(stamp, "utf8").trim() === lockHash(root);
  if (current) return null;
  if (installedFromLockfile(root)) {
    writeFileSync(stamp, `${lockHash(root)}\n`); // installed by npm ci outside this script: record it
    return null;
  }
  return existsSync(stamp) ? "package-lock.json が変わりました / package-lock.json changed" : "インストール記録がありません / no record of a completed npm ci";
}

export function ensureDeps(root) {
  step("npm パッケージを確認しています / checking npm packages");
  const problem = depsProblem(root);
  if (!problem) {
    detail("node_modules は package-lock.json と一致しています / up to date");
    return { installed: false };
  }
  detail(`${problem} → npm ci`);
  const hash = lockHash(root);
  const t0 = performance.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.error || r.status !== 0) {
    throw new SetupError(`npm ci に失敗しました (exit ${r.status ?? r.error?.message})。上の npm の出力を確認してください。\n` +
      "npm ci failed; see npm's output above (network? Node.js >= 20?).");
  }
  writeFileSync(join(root, STAMP), `${hash}\n`);
  detail(`npm ci: ${secondsSince(t0)} s`);
  return { installed: true };
}
