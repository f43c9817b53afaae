/**
 * Optimizers by name, like the book Trainer's optimizer_class_dict:
 * createOptimizer("Adam", { lr: 0.001 }). Names are case-insensitive; the
 * book's snake_case keys (decay_rate) are accepted beside camelCase.
 */
import { ArgumentError } from "../core/errors";
import { UnknownOptionError } from "../core/options";
import { AdaGrad } from "./adagrad";
import { Adam } from "./adam";
import { AdamW } from "./adamw";
import { Momentum } from "./momentum";
import { Nesterov } from "./nesterov";
import { Optimizer, OptimizerName } from "./optimizer";
import { RMSprop } from "./rmsprop";
import { SGD } from "./sgd";

interface Entry {
  /** Accepted hyperparameter keys (camelCase as in the class options). */
  keys: string[];
  create(h: Record<string, number>): Optimizer;
}

const REGISTRY: Record<OptimizerName, Entry> = {
  sgd: { keys: ["lr"], create: (h) => new SGD(h) },
  momentum: { keys: ["lr", "momentum"], create: (h) => new Momentum(h) },
  nesterov: { keys: ["lr", "momentum"], create: (h) => new Nesterov(h) },
  adagrad: { keys: ["lr"], create: (h) => new AdaGrad(h) },
  rmsprop: { keys: ["lr", "decayRate"], create: (h) => new RMSprop(h) },
  adam: { keys: ["lr", "beta1", "beta2"], create: (h) => new Adam(h) },
  adamw: { keys: ["lr", "beta1", "beta2", "weightDecay"], create: (h) => new AdamW(h) },
};

/** The book's snake_case spellings. */
const ALIASES: Record<string, string> = { decay_rate: "decayRate", weight_decay: "weightDecay" };

export const OPTIMIZER_NAMES = Object.keys(REGISTRY) as OptimizerName[];

export function isOptimizerName(name: string): name is OptimizerName {
  return Object.prototype.hasOwnProperty.call(REGISTRY, name);
}

export function createOptimizer(name: string, hyperparams: Record<string, number> = {}): Optimizer {
  if (typeof name !== "string") throw new ArgumentError("name", `one of ${OPTIMIZER_NAMES.join(", ")}`, name);
  const key = name.trim().toLowerCase();
  if (!isOptimizerName(key)) {
    throw new ArgumentError("name", `one of ${OPTIMIZER_NAMES.join(", ")} (case-insensitive)`, name);
  }
  const entry = REGISTRY[key];
  if (hyperparams === null || typeof hyperparams !== "object") {
    throw new ArgumentError("hyperparams", "an object such as { lr: 0.01 }", hyperparams);
  }
  const h: Record<string, number> = {};
  for (const [k, value] of Object.entries(hyperparams)) {
    const canonical = ALIASES[k] ?? k;
    if (!entry.keys.includes(canonical)) {
      throw new UnknownOptionError(`createOptimizer("${key}")`, k, entry.keys,
        key === "sgd" && k === "momentum" ? 'SGD has no momentum; use createOptimizer("momentum", { lr, momentum })' : "");
    }
    if (typeof value !== "number") throw new ArgumentError(canonical, "a number", value);
    h[canonical] = value;
  }
  return entry.create(h);
}
