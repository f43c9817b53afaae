/**
 * The CLI's experiments by name. Each entry loads its module only when that
 * experiment is asked for (`npm run -s exp -- <name>`), so one run never
 * requires every experiment file. Adding an experiment: export `cli` from its
 * file (see experiment.ts) and add one line here.
 */
import type { CliExperiment } from "./experiment";

type Loader = () => Promise<{ cli: CliExperiment }>;

export const EXPERIMENTS: Readonly<Record<string, Loader>> = {
  "optimizers-2d": () => import("../experiments/optimizers/paths-2d"),
  "optimizers-mnist": () => import("../experiments/optimizers/mnist"),
  "init-histogram": () => import("../experiments/init/histogram"),
  "init-mnist": () => import("../experiments/init/mnist"),
  "batchnorm-grid": () => import("../experiments/batchnorm/grid"),
  "batchnorm-evaluation": () => import("../experiments/batchnorm/evaluation"),
  "batchnorm-gradcheck": () => import("../experiments/batchnorm/gradcheck"),
  "norm-variants": () => import("../experiments/batchnorm/norm-variants"),
  overfit: () => import("../experiments/regularization/overfit"),
  "regularization-summary": () => import("../experiments/regularization/summary"),
  hpo: () => import("../experiments/search/hpo"),
};

export const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS);

/** The experiment called `name`, loaded now; undefined for an unknown name. */
export async function loadExperiment(name: string): Promise<CliExperiment | undefined> {
  const load = Object.prototype.hasOwnProperty.call(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
  if (!load) return undefined;
  const { cli } = await load();
  if (cli.name !== name) throw new Error(`registry: ${name} loads the experiment ${cli.name}`);
  return cli;
}
