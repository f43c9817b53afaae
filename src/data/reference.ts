/**
 * The book's published chapter-6 numbers (data/reference/*.json), typed.
 *
 * Each file was extracted by scripts/extract-reference.mjs from the outputs of the
 * book's own notebook (oreilly-japan/deep-learning-from-scratch, notebooks/ch06.ipynb);
 * the verbatim stdout is in data/reference/raw/. Every file is ONE unseeded run of
 * the book's script: use these numbers for "book vs ours" tables and sanity ranges,
 * never as exact targets.
 *
 * Every accessor returns a fresh copy, so callers may mutate what they get.
 */
import * as fs from "fs";
import * as path from "path";
import { ArgumentError } from "../core/errors";
import { projectPath } from "../core/project-root";

/** data/reference in the repository (found through symlinks, see project-root.ts). */
export const REFERENCE_DIR = projectPath("data", "reference");

export const REFERENCE_SCRIPTS = [
  "optimizer_compare_mnist",
  "weight_init_compare",
  "batch_norm_gradient_check",
  "batch_norm_test",
  "overfit_weight_decay",
  "overfit_dropout",
  "hyperparameter_optimization",
] as const;
export type ReferenceScript = (typeof REFERENCE_SCRIPTS)[number];

/** Where the numbers came from. */
export interface ReferenceSource {
  repository: string;
  /** The notebook inside the book repository ("notebooks/ch06.ipynb"). */
  path: string;
  /** 0-based index of the code cell in the notebook's `cells`. */
  cellIndex: number;
  executionCount: number | null;
  /** Commit of the book repository the notebook was read from. */
  commit: string;
  /** git blob id (sha1) of the notebook file that was parsed. */
  notebookBlob: string;
  /** The script the cell reproduces, e.g. "ch06/optimizer_compare_mnist.py". */
  script: string;
  kernel: string | null;
  /** Repo-relative path of the verbatim stdout. */
  raw: string;
}

/** One stderr chunk of the cell (warnings), placed after `afterStdoutLine` stdout lines. */
export interface StderrChunk {
  afterStdoutLine: number;
  text: string;
}

export interface ReferenceFile<S, D> {
  script: string;
  source: ReferenceSource;
  /** Says that this is one unseeded run. */
  note: string;
  generatedBy: string;
  /** The script's settings, read from ch06/*.py (numbers typed; the rest descriptive). */
  settings: S;
  data: D;
  /** Our reading of puzzling output, where there is some (not the book's words). */
  interpretation?: string;
  stderr: StderrChunk[];
}

type Described = { [key: string]: unknown };

export type OptimizerName = "SGD" | "Momentum" | "AdaGrad" | "Adam";
export const BOOK_OPTIMIZERS: readonly OptimizerName[] = ["SGD", "Momentum", "AdaGrad", "Adam"];
export type WeightInitName = "std=0.01" | "Xavier" | "He";
export const BOOK_WEIGHT_INITS: readonly WeightInitName[] = ["std=0.01", "Xavier", "He"];

/** Losses printed every `printEvery` iterations: `loss[name][k]` belongs to `iterations[k]`. */
export interface LossCurves<K extends string> {
  iterations: number[];
  loss: Record<K, number[]>;
}

export interface IterationSettings extends Described {
  batchSize: number;
  maxIterations: number;
  printEvery: number;
  network: Described & { hiddenSizeList: number[] };
}

export interface BatchNormGradientCheckData {
  /** key → mean |backprop − numerical| over the parameter's entries, in the printed order. */
  meanAbsDiff: Record<string, number>;
}

export interface BatchNormRun {
  /** 1-based, as printed ("============== 3/16 =============="). */
  index: number;
  weightScale: number;
  /** Train accuracy of the network WITHOUT BN (first printed column), one per epoch. */
  normal: number[];
  /** Train accuracy of the network WITH BN (second printed column), one per epoch. */
  batchNorm: number[];
}

export interface BatchNormTestData {
  epochs: number[];
  weightScales: number[];
  runs: BatchNormRun[];
}

export interface BatchNormTestSettings extends Described {
  trainSize: number;
  batchSize: number;
  maxEpochs: number;
  iterPerEpoch: number;
  weightScales: number[];
}

export interface OverfitData {
  /** Epoch labels as printed: 0..200 for weight decay, 1..301 for dropout (the Trainer counts from 1). */
  epochs: number[];
  /** Parameter updates done when each accuracy was measured (aligns the two scripts). */
  updates: number[];
  trainAcc: number[];
  testAcc: number[];
}

export interface OverfitDropoutData extends OverfitData {
  iterations: number[];
  /** Per-iteration mini-batch loss printed by the Trainer (dropout off when measured). */
  trainLoss: number[];
  finalTestAcc: number;
}

export interface OverfitWeightDecaySettings extends Described {
  trainSize: number;
  batchSize: number;
  maxEpochs: number;
  iterPerEpoch: number;
}

export interface OverfitDropoutSettings extends Described {
  trainSize: number;
  trainer: Described & { epochs: number; miniBatchSize: number; iterPerEpoch: number; maxIter: number };
}

export interface HyperparameterTrial {
  /** 1-based order of the "val acc:" line. */
  trial: number;
  valAcc: number;
  lr: number;
  weightDecay: number;
}

export interface HyperparameterBest extends HyperparameterTrial {
  /** 1-based rank as printed ("Best-1"). */
  rank: number;
}

export interface HyperparameterData {
  trials: HyperparameterTrial[];
  best: HyperparameterBest[];
}

export interface HyperparameterSettings extends Described {
  trainSize: number;
  validationNum: number;
  optimizationTrial: number;
  trainer: Described & { epochs: number; miniBatchSize: number; iterPerEpoch: number; maxIter: number };
}

export interface ReferenceFiles {
  optimizer_compare_mnist: ReferenceFile<IterationSettings, LossCurves<OptimizerName>>;
  weight_init_compare: ReferenceFile<IterationSettings, LossCurves<WeightInitName>>;
  batch_norm_gradient_check: ReferenceFile<Described, BatchNormGradientCheckData>;
  batch_norm_test: ReferenceFile<BatchNormTestSettings, BatchNormTestData>;
  overfit_weight_decay: ReferenceFile<OverfitWeightDecaySettings, OverfitData>;
  overfit_dropout: ReferenceFile<OverfitDropoutSettings, OverfitDropoutData>;
  hyperparameter_optimization: ReferenceFile<HyperparameterSettings, HyperparameterData>;
}

const textCache = new Map<ReferenceScript, string>();

function checkScript(script: string): asserts script is ReferenceScript {
  if (!(REFERENCE_SCRIPTS as readonly string[]).includes(script)) {
    throw new ArgumentError("script", `one of ${REFERENCE_SCRIPTS.join(", ")}`, script);
  }
}

/** The whole reference file of one book script (a fresh copy). */
export function bookReference<S extends ReferenceScript>(script: S): ReferenceFiles[S] {
  checkScript(script);
  let text = textCache.get(script);
  if (text === undefined) {
    const file = path.join(REFERENCE_DIR, `${script}.json`);
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing; regenerate it with scripts/extract-reference.mjs (see data/reference/README.md)`);
    }
    text = fs.readFileSync(file, "utf8");
    textCache.set(script, text);
  }
  const doc = JSON.parse(text) as ReferenceFiles[S];
  if (doc.script !== `ch06/${script}.py`) {
    throw new Error(`${script}.json describes ${String(doc.script)}, expected ch06/${script}.py`);
  }
  return doc;
}

/** Where one script's numbers came from (repository, notebook path, cell, commit). */
export function bookReferenceSource(script: ReferenceScript): ReferenceSource {
  return bookReference(script).source;
}

/** The verbatim stdout of one script's notebook cell. */
export function bookRawOutput(script: ReferenceScript): string {
  checkScript(script);
  return fs.readFileSync(path.join(REFERENCE_DIR, "raw", `${script}.stdout.txt`), "utf8");
}

/** optimizer_compare_mnist.py: SGD / Momentum / AdaGrad / Adam losses at iterations 0, 100, …, 1900. */
export function bookOptimizerLosses(): LossCurves<OptimizerName> {
  return bookReference("optimizer_compare_mnist").data;
}

/** weight_init_compare.py: std=0.01 / Xavier / He losses at iterations 0, 100, …, 1900. */
export function bookWeightInitLosses(): LossCurves<WeightInitName> {
  return bookReference("weight_init_compare").data;
}

export type LossScript = "optimizer_compare_mnist" | "weight_init_compare";

/**
 * The loss the book printed for `name` at `iteration` (a multiple of 100 in 0..1900).
 * Throws ArgumentError for a name or iteration the script did not print.
 */
export function bookLossAt(script: LossScript, name: string, iteration: number): number {
  if (script !== "optimizer_compare_mnist" && script !== "weight_init_compare") {
    throw new ArgumentError("script", '"optimizer_compare_mnist" or "weight_init_compare"', script);
  }
  const { iterations, loss } = bookReference(script).data as LossCurves<string>;
  const series = Object.prototype.hasOwnProperty.call(loss, name) ? loss[name] : undefined;
  if (series === undefined) throw new ArgumentError("name", `one of ${Object.keys(loss).join(", ")}`, name);
  const k = iterations.indexOf(iteration);
  if (k < 0) {
    throw new ArgumentError("iteration", `one of the printed iterations ${iterations[0]}, ${iterations[1]}, …, ${iterations[iterations.length - 1]}`, iteration);
  }
  return series[k];
}

/** batch_norm_gradient_check.py: mean |backprop − numerical| per parameter (batch of ONE sample). */
export function bookBatchNormGradientCheck(): Record<string, number> {
  return bookReference("batch_norm_gradient_check").data.meanAbsDiff;
}

/** batch_norm_test.py as a grid: rows = the 16 weight scales (1 → 1e-4), columns = the 20 epochs. */
export interface BatchNormGrid {
  weightScales: number[];
  epochs: number[];
  /** normal[s][e]: train accuracy WITHOUT BN (the first printed column). */
  normal: number[][];
  /** batchNorm[s][e]: train accuracy WITH BN (the second printed column). */
  batchNorm: number[][];
}

export function bookBatchNormGrid(): BatchNormGrid {
  const d = bookReference("batch_norm_test").data;
  return {
    weightScales: d.runs.map((r) => r.weightScale),
    epochs: d.epochs,
    normal: d.runs.map((r) => r.normal),
    batchNorm: d.runs.map((r) => r.batchNorm),
  };
}

export type OverfitKind = "weight_decay" | "dropout";

/** overfit_weight_decay.py / overfit_dropout.py: train and test accuracy per printed epoch. */
export function bookOverfit(kind: "weight_decay"): OverfitData;
export function bookOverfit(kind: "dropout"): OverfitDropoutData;
export function bookOverfit(kind: OverfitKind): OverfitData | OverfitDropoutData;
export function bookOverfit(kind: OverfitKind): OverfitData | OverfitDropoutData {
  if (kind === "weight_decay") return bookReference("overfit_weight_decay").data;
  if (kind === "dropout") return bookReference("overfit_dropout").data;
  throw new ArgumentError("kind", '"weight_decay" or "dropout"', kind);
}

/** hyperparameter_optimization.py: the 100 trials in the order they ran. */
export function bookHyperparameterTrials(): HyperparameterTrial[] {
  return bookReference("hyperparameter_optimization").data.trials;
}

/** hyperparameter_optimization.py: the printed Best-1 … Best-20 list. */
export function bookHyperparameterBest(): HyperparameterBest[] {
  return bookReference("hyperparameter_optimization").data.best;
}
