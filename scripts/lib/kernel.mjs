/**
 * The tslab kernel: registered for the user's Jupyter with `tslab install`
 * (for npm run lab, VS Code, …), and a private copy of its kernelspec under
 * build/jupyter for headless runs, put first on JUPYTER_PATH so nbconvert runs
 * this clone's tslab with this node even if another clone registered the
 * user-wide one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { SetupError, detail, step } from "./log.mjs";

export const KERNEL_NAME = "tslab";

export function tslabBinary(root) {
  return join(root, "node_modules", ".bin", "tslab");
}

/** The kernelspec tslab installs for `binary` (same content as tslab's python/install.py). */
export function tslabKernelSpec(binary) {
  return {
    argv: [binary, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
  };
}

const FIND_SPEC = `
import json
from jupyter_client.kernelspec import KernelSpecManager
try:
    s = KernelSpecManager().get_kernel_spec(${JSON.stringify(KERNEL_NAME)})
    print(json.dumps({"resource_dir": s.resource_dir, "argv": s.argv, "language": s.language}))
except Exception:
    print("null")
`;

/** The tslab kernelspec this Python's Jupyter sees, or null. `env` can set JUPYTER_PATH. */
export function findKernelSpec(python, env = process.env) {
  const r = spawnSync(python, ["-c", FIND_SPEC], { encoding: "utf8", env, timeout: 60000 });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop());
  } catch {
    return null;
  }
}

/**
 * Register tslab for `python` unless its Jupyter already starts this clone's
 * tslab. Idempotent: a second run only reads the existing kernelspec.
 */
export function ensureKernel(python, root) {
  step("tslab カーネルを確認しています / checking the tslab kernel");
  const binary = tslabBinary(root);
  if (!existsSync(binary)) throw new SetupError(`${binary} がありません。npm ci を実行してください。 / ${binary} is missing: run npm ci.`);
  const env = { ...process.env };
  delete env.JUPYTER_PATH; // the user's view, not the private headless one
  const before = findKernelSpec(python, env);
  if (before?.argv?.[0] === binary) {
    detail(`登録済み / already registered: ${before.resource_dir}`);
    return { changed: false, spec: before };
  }
  if (before) detail(`${before.resource_dir} は別の tslab (${before.argv?.[0]}) を指しています。登録し直します。 / points elsewhere: re-registering`);
  const r = spawnSync(process.execPath, [binary, "install", `--python=${python}`, `--binary=${binary}`], { encoding: "utf8", env });
  const after = findKernelSpec(python, env);
  if (r.status !== 0 || after?.argv?.[0] !== binary) {
    throw new SetupError(
      `tslab カーネルを登録できませんでした。 / Could not register the tslab kernel:\n${(r.stdout ?? "") + (r.stderr ?? "")}\n` +
        `手動で / by hand: ${binary} install --python=${python} --binary=${binary}`,
    );
  }
  detail(`登録しました / registered: ${after.resource_dir}`);
  return { changed: true, spec: after };
}

/** Write build/jupyter/kernels/tslab/kernel.json (only when it changes) and return the JUPYTER_PATH to use. */
export function headlessJupyterPath(root, env = process.env) {
  const dir = join(root, "build", "jupyter");
  const kdir = join(dir, "kernels", KERNEL_NAME);
  // Run tslab's script with this node: a Jupyter started without node on PATH still works.
  const spec = tslabKernelSpec(join(root, "node_modules", "tslab", "bin", "tslab"));
  spec.argv.unshift(process.execPath);
  const text = `${JSON.stringify(spec, null, 1)}\n`;
  const file = join(kdir, "kernel.json");
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
    mkdirSync(kdir, { recursive: true });
    writeFileSync(file, text);
  }
  return [dir, env.JUPYTER_PATH].filter(Boolean).join(delimiter);
}
