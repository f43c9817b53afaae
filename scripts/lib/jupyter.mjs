/**
 * Find a Python whose Jupyter can execute and export notebooks (nbconvert +
 * nbclient + jupyter_client, and IPython for `tslab install`), or install one
 * with apt on Debian when running as root, or stop with exact instructions.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { SetupError, detail, step } from "./log.mjs";
import { real, shebangInterpreter, which } from "./which.mjs";

export const APT_JUPYTER = ["jupyter-notebook", "python3-nbconvert", "jupyter-nbconvert", "python3-nbclient", "python3-ipykernel", "jupyter-client"];
/** For the native GEMM addon (scripts/build-native.mjs). */
export const APT_NATIVE = ["gcc", "libopenblas-dev"];
/** Python modules required, and the optional front ends reported. */
export const REQUIRED_MODULES = ["nbconvert", "nbclient", "jupyter_client", "IPython"];
const OPTIONAL_MODULES = ["notebook", "jupyterlab"];

const PROBE = `
import json, sys
out = {"executable": sys.executable, "version": sys.version.split()[0], "modules": {}}
for name in ${JSON.stringify([...REQUIRED_MODULES, ...OPTIONAL_MODULES])}:
    try:
        m = __import__(name)
        out["modules"][name] = str(getattr(m, "__version__", "?"))
    except Exception:
        out["modules"][name] = None
print(json.dumps(out))
`;

/**
 * Pythons to try, in order: ZEROKARA_PYTHON alone when set; otherwise
 * /usr/bin/python3, python3 and python on PATH, the Python behind a `jupyter`
 * command on PATH, /usr/local/bin/python3. Duplicates (same real file) removed.
 */
export function candidatePythons(env = process.env) {
  if (env.ZEROKARA_PYTHON) return [env.ZEROKARA_PYTHON];
  const path = env.PATH ?? "";
  const jupyter = which("jupyter", path);
  const list = [
    "/usr/bin/python3",
    which("python3", path),
    which("python", path),
    jupyter && shebangInterpreter(jupyter, path),
    "/usr/local/bin/python3",
  ].filter((p) => p && existsSync(p));
  const seen = new Set();
  return list.filter((p) => {
    const r = real(p);
    if (seen.has(r)) return false;
    seen.add(r);
    return true;
  });
}

/** Which modules a Python has: { python, version, modules: { name: version|null } }, or null if it does not run. */
export function probePython(python) {
  const r = spawnSync(python, ["-c", PROBE], { encoding: "utf8", timeout: 60000, env: { ...process.env, PYTHONWARNINGS: "ignore" } });
  if (r.error || r.status !== 0) return null;
  try {
    const info = JSON.parse(r.stdout.trim().split("\n").pop());
    return { python, version: info.version, modules: info.modules };
  } catch {
    return null;
  }
}

export function missingModules(info) {
  return REQUIRED_MODULES.filter((m) => !info?.modules?.[m]);
}

/** The first candidate with every required module: { python, info } or { probed: [...] }. */
export function findJupyter(candidates) {
  const probed = [];
  for (const python of candidates) {
    const info = probePython(python);
    probed.push({ python, info });
    if (info && missingModules(info).length === 0) return { python, info, probed };
  }
  return { python: null, info: null, probed };
}

export function platform() {
  return {
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    isDebian: existsSync("/etc/debian_version") && which("apt-get") !== null,
  };
}

/** The message when no usable Jupyter is found and we will not install one. Pure. */
export function installAdvice({ isRoot, isDebian, probed, explicit }) {
  const lines = ["Jupyter (nbconvert と nbclient を含むもの) が見つかりません。 / No Jupyter with nbconvert and nbclient was found."];
  for (const { python, info } of probed) {
    lines.push(info ? `  ${python} (Python ${info.version}): ${missingModules(info).join(", ")} がありません / missing` : `  ${python}: 起動できません / does not run`);
  }
  if (probed.length === 0) lines.push("  Python 3 が見つかりません / no Python 3 found");
  lines.push("", "次のどれかでインストールしてから、もう一度 npm start / npm test を実行してください:");
  lines.push("Install one of these, then run npm start / npm test again:");
  if (isDebian) {
    lines.push(`  ${isRoot ? "" : "sudo "}apt-get update && ${isRoot ? "" : "sudo "}apt-get install -y ${[...APT_JUPYTER, ...APT_NATIVE].join(" ")}`);
  }
  const py = explicit ?? "python3";
  lines.push(`  ${py} -m pip install --user jupyterlab      (or: pip install jupyterlab, in a venv or conda env)`);
  lines.push("Python を指定するには / to choose the Python: ZEROKARA_PYTHON=/path/to/python npm start");
  return lines.join("\n");
}

/** apt-get update + install, non-interactive. Throws SetupError when apt fails. */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-q"], ["install", "-y", "-q", ...packages]]) {
    detail(`apt-get ${args.join(" ")}`);
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "inherit", "inherit"], env });
    if (r.error || r.status !== 0) {
      throw new SetupError(
        `apt-get ${args[0]} に失敗しました (exit ${r.status ?? r.error?.message}). 上の apt の出力を確認してください。\n` +
          `apt-get ${args[0]} failed; see apt's output above. Packages wanted: ${packages.join(" ")}`,
      );
    }
  }
}

/** What to do when no usable Jupyter was found: "apt" (install) or "advise" (stop with instructions). Pure. */
export function planWithoutJupyter({ isRoot, isDebian, env = {} }) {
  if (env.ZEROKARA_PYTHON || env.ZEROKARA_NO_APT || !isRoot || !isDebian) return "advise";
  return "apt";
}

/** The real effects ensureJupyter uses; tests pass fakes. */
export const SYSTEM = { candidatePythons, findJupyter, platform, aptInstall, probePython };

/**
 * The Python to use. Installs Jupyter with apt when none is found and this is
 * Debian as root (and ZEROKARA_PYTHON is not set); otherwise stops with advice.
 * Returns { python, info, installed }.
 */
export function ensureJupyter(env = process.env, sys = SYSTEM) {
  step("Jupyter を探しています / looking for Jupyter (nbconvert + nbclient)");
  const found = sys.findJupyter(sys.candidatePythons(env));
  if (found.python) {
    const m = found.info.modules;
    detail(`${found.python}: Python ${found.info.version}, nbconvert ${m.nbconvert}, nbclient ${m.nbclient}` +
      (m.jupyterlab ? `, JupyterLab ${m.jupyterlab}` : m.notebook ? `, Notebook ${m.notebook}` : ""));
    return { python: found.python, info: found.info, installed: false };
  }
  const { isRoot, isDebian } = sys.platform();
  if (planWithoutJupyter({ isRoot, isDebian, env }) === "advise") {
    throw new SetupError(installAdvice({ isRoot, isDebian, probed: found.probed, explicit: env.ZEROKARA_PYTHON }));
  }
  step("Jupyter を apt でインストールします / installing Jupyter with apt (root on Debian)");
  sys.aptInstall([...APT_JUPYTER, ...APT_NATIVE]);
  const info = sys.probePython("/usr/bin/python3");
  const missing = missingModules(info);
  if (!info || missing.length) {
    throw new SetupError(`apt でインストールしましたが /usr/bin/python3 に ${missing.join(", ")} がありません。\n` +
      `apt installed the packages but /usr/bin/python3 still lacks ${missing.join(", ")}.`);
  }
  detail(`/usr/bin/python3: nbconvert ${info.modules.nbconvert}, nbclient ${info.modules.nbclient}`);
  return { python: "/usr/bin/python3", info, installed: true };
}
