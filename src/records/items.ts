/**
 * What `npm run record` records: every experiment whose FULL numbers the
 * notebooks show. Each item splits into independent units (one optimizer, one
 * weight scale, one (configuration, seed) run, one study) that worker
 * processes run in parallel; `combine` puts the units' results together in the
 * same order the experiment function itself uses, so the record equals a
 * sequential run of that function (test/records.test.ts checks it).
 */
import type { Budget } from "../core/budget";
import { OPTIMIZERS_2D } from "../experiments/optimizers/paths-2d";
import { compareOptimizersMnist, optimizersMnistDefaults, BOOK_MNIST_SETTINGS, type OptimizersMnistResult } from "../experiments/optimizers/mnist";
import { initMnist, initMnistDefaults, type InitMnistResult } from "../experiments/init/mnist";
import { batchNormGrid, batchNormGridPlan, type BatchNormGridResult } from "../experiments/batchnorm/grid";
import { batchNormEvaluation, batchNormEvaluationPlan, type EvaluationResult } from "../experiments/batchnorm/evaluation";
import { batchNormGradcheck } from "../experiments/batchnorm/gradcheck";
import { overfitRun, resolveConfig, type OverfitConfig, type OverfitRun } from "../experiments/regularization/overfit";
import { overfitSeries, primeOverfitRun, clearOverfitMemo } from "../experiments/regularization/overfit-seeds";
import { regularizationSettings } from "../experiments/regularization/settings";
import { summaryConfigs, regularizationSummary } from "../experiments/regularization/summary";
import { weightDecaySweep, dropoutSweep } from "../experiments/regularization/sweep";
import { earlyStoppingComparison } from "../experiments/regularization/early-stopping";
import { hpoSettings, hpoData } from "../experiments/search/settings";
import { runHpoStudy, SAMPLER_NAMES, type CompareResult } from "../experiments/search/hpo";

/** A unit is plain JSON: it crosses a process boundary. */
export type Unit = Record<string, unknown>;

export interface RecordItem {
  name: string;
  title: string;
  notebook: string;
  inputs(budget: Budget): Record<string, unknown>;
  seeds(budget: Budget): number[];
  units(budget: Budget): Unit[];
  runUnit(unit: Unit, budget: Budget): unknown | Promise<unknown>;
  combine(parts: unknown[], budget: Budget): unknown | Promise<unknown>;
}

const range = (start: number, n: number): number[] => Array.from({ length: n }, (_, k) => start + k);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * inputs, seeds and units of an item from its experiment's plan for a budget (seed 0): `inputs`
 * picks what the record states, `unit` maps each planned case to one unit of work.
 */
function fromPlan<P extends { seeds: number[] }, C>(
  plan: (o: { budget: Budget; seed: number }) => P,
  inputs: (p: P) => Record<string, unknown>,
  cases: (p: P) => readonly C[],
  unit: (c: C) => Unit,
): Pick<RecordItem, "inputs" | "seeds" | "units"> {
  const of = (budget: Budget) => plan({ budget, seed: 0 });
  return {
    inputs: (budget) => inputs(of(budget)),
    seeds: (budget) => of(budget).seeds,
    units: (budget) => cases(of(budget)).map(unit),
  };
}

const optimizersMnist: RecordItem = {
  name: "optimizers-mnist",
  title: "6.1 MNIST: SGD / Momentum / Nesterov / AdaGrad / RMSprop / Adam（図6-9）",
  notebook: "6-1-optimizers",
  inputs: (budget) => ({ ...optimizersMnistDefaults(budget), batchSize: 128, network: "784-100×4-10 ReLU, He", hyperparams: BOOK_MNIST_SETTINGS }),
  seeds: (budget) => range(0, optimizersMnistDefaults(budget).seeds),
  // each optimizer's series is independent: same seeds, same mini-batches, same initial weights
  units: () => OPTIMIZERS_2D.map((optimizer) => ({ optimizer })),
  runUnit: (u, budget) => compareOptimizersMnist({ budget, optimizers: [u.optimizer as string] }),
  combine(parts) {
    const rs = parts as OptimizersMnistResult[];
    return { ...rs[0], optimizers: Object.assign({}, ...rs.map((r) => r.optimizers)), seconds: sum(rs.map((r) => r.seconds)) };
  },
};

const initMnistItem: RecordItem = {
  name: "init-mnist",
  title: "6.2 MNIST: std=0.01 / Xavier / He（図6-15）",
  notebook: "6-2-weight-init",
  inputs: (budget) => ({ ...initMnistDefaults(budget), batchSize: 128, lr: 0.01 }),
  seeds: (budget) => range(0, initMnistDefaults(budget).seeds),
  // the three initialisations share each seed's mini-batches: one unit per seed would have to re-derive them
  units: () => [{}],
  runUnit: (_u, budget) => initMnist({ budget, seed: 0 }),
  combine: (parts) => parts[0] as InitMnistResult,
};

const batchnormGrid: RecordItem = {
  name: "batchnorm-grid",
  title: "6.3 BN あり・なし × 16 の重みのスケール（図6-19）",
  notebook: "6-3-batch-norm",
  ...fromPlan(batchNormGridPlan, (p) => ({ scales: p.scales, seeds: p.seeds, settings: p.settings }), (p) => p.scales, (scale) => ({ scale })),
  runUnit: (u, budget) => batchNormGrid({ budget, seed: 0, scales: [u.scale as number] }),
  combine(parts) {
    const rs = parts as BatchNormGridResult[];
    const scales = rs.map((r) => r.scales[0]);
    // batchNormGrid orders its runs seed by seed, scale by scale
    const runs = rs[0].seeds.flatMap((sd) => rs.map((r) => r.runs.find((x) => x.seed === sd)!));
    return {
      ...rs[0], scales, runs,
      withBN: rs.map((r) => r.withBN[0]), withoutBN: rs.map((r) => r.withoutBN[0]),
      seconds: sum(rs.map((r) => r.seconds)),
    };
  },
};

const batchnormEvaluation: RecordItem = {
  name: "batchnorm-evaluation",
  title: "6.3 BN の評価：初期値 0.05 / 1 / 0.0001 / He、訓練とテストの認識精度",
  notebook: "6-3-batch-norm",
  ...fromPlan(
    batchNormEvaluationPlan, (p) => ({ inits: p.inits, epochs: p.epochs, seeds: p.seeds, testSize: p.testSize }),
    (p) => p.inits, (init) => ({ init }),
  ),
  runUnit: (u, budget) => batchNormEvaluation({ budget, seed: 0, inits: [u.init as number | "he"] }),
  combine(parts) {
    const rs = parts as EvaluationResult[];
    return { ...rs[0], settings: rs.flatMap((r) => r.settings) };
  },
};

const batchnormGradcheck: RecordItem = {
  name: "batchnorm-gradcheck",
  title: "6.3 BN つきネットの勾配確認（本書の 100-100 のネット、バッチ 1 と 2）",
  notebook: "6-3-batch-norm",
  inputs: () => ({ batches: [1, 2], hiddenSizeList: [100, 100], h: 1e-4 }),
  seeds: () => [0],
  units: () => [{ batch: 1 }, { batch: 2 }],
  runUnit: (u, budget) => batchNormGradcheck({ budget, seed: 0, batch: u.batch as number }),
  combine: (parts) => ({ batch1: parts[0], batch2: parts[1] }),
};

/** Every (configuration, seed) run the 6.4 notebook's figures and tables use. */
function regularizationRuns(budget: Budget): { config: OverfitConfig; seed: number }[] {
  const s = regularizationSettings(budget);
  const es = { earlyStopping: s.patience, validationRate: s.validationRate };
  const configs: OverfitConfig[] = [
    {},
    ...s.lambdas.map((v) => ({ weightDecayLambda: v })),
    ...s.dropoutRatios.map((v) => ({ dropoutRatio: v })),
    es,
    ...summaryConfigs(budget).map((c) => c.config),
  ];
  const seen = new Set<string>();
  const out: { config: OverfitConfig; seed: number }[] = [];
  for (const config of configs) {
    const key = JSON.stringify(resolveConfig(config));
    if (seen.has(key)) continue;
    seen.add(key);
    for (const seed of range(0, s.seeds)) out.push({ config, seed });
  }
  return out;
}

const regularization: RecordItem = {
  name: "regularization",
  title: "6.4 過学習・Weight decay・Dropout・Early stopping（300 枚、6 × 100）",
  notebook: "6-4-regularization",
  inputs: (budget) => regularizationSettings(budget) as unknown as Record<string, unknown>,
  seeds: (budget) => range(0, regularizationSettings(budget).seeds),
  units: (budget) => regularizationRuns(budget),
  runUnit(u, budget) {
    const s = regularizationSettings(budget);
    const run = overfitRun({ ...(u.config as OverfitConfig), seed: u.seed as number, budget, epochs: s.epochs, testSize: s.testSize, keepWeights: true });
    return { ...run, weights: undefined, initialWeights: undefined };
  },
  combine(parts, budget) {
    const s = regularizationSettings(budget);
    const sizes = { budget, epochs: s.epochs, testSize: s.testSize };
    clearOverfitMemo();
    regularizationRuns(budget).forEach((u, i) => primeOverfitRun(u.config, u.seed, sizes, parts[i] as OverfitRun));
    const opts = { budget, seed: 0 };
    const result = {
      none: overfitSeries("none", "正則化なし", {}, opts),
      weightDecaySweep: weightDecaySweep(opts),
      dropoutSweep: dropoutSweep(opts),
      earlyStopping: earlyStoppingComparison(opts),
      summary: regularizationSummary(opts),
    };
    clearOverfitMemo();
    return result;
  },
};

const SAMPLERS = SAMPLER_NAMES;

const hpo: RecordItem = {
  name: "hpo",
  title: "6.5 ランダム・グリッド・ベイズ最適化（本書の 6 × 100、100 試行 × 3 seed）",
  notebook: "6-5-hyperparameter-search",
  inputs: (budget) => hpoSettings(budget) as unknown as Record<string, unknown>,
  seeds: (budget) => hpoSettings(budget).compareSeeds,
  units: (budget) => SAMPLERS.flatMap((sampler) => hpoSettings(budget).compareSeeds.map((seed) => ({ sampler, seed }))),
  async runUnit(u, budget) {
    const settings = hpoSettings(budget);
    const seed = u.seed as number;
    const r = await runHpoStudy({ sampler: u.sampler as string, nTrials: settings.compareTrials, seed, budget, data: hpoData(settings, seed) });
    return r.trials;
  },
  combine(parts, budget): CompareResult {
    const settings = hpoSettings(budget);
    const n = settings.compareSeeds.length;
    return {
      budget, nTrials: settings.compareTrials, seeds: settings.compareSeeds,
      groups: SAMPLERS.map((sampler, i) => ({ sampler, runs: parts.slice(i * n, (i + 1) * n) as CompareResult["groups"][number]["runs"] })),
    };
  },
};

export const RECORD_ITEMS: readonly RecordItem[] = [
  optimizersMnist, initMnistItem, batchnormGrid, batchnormEvaluation, batchnormGradcheck, regularization, hpo,
];

export function recordItem(name: string): RecordItem {
  const item = RECORD_ITEMS.find((i) => i.name === name);
  if (!item) throw new Error(`unknown record ${JSON.stringify(name)}; valid: ${RECORD_ITEMS.map((i) => i.name).join(", ")}`);
  return item;
}
