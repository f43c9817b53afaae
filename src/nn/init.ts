/**
 * Weight initialisation by name or by a standard deviation, as the book's
 * `weight_init_std` (MultiLayerNet.__init_weight), plus Glorot's form.
 *
 *   a number          that std, e.g. 0.01
 *   xavier / sigmoid  √(1 / n_in)            the book's "Xavierの初期値"
 *   glorot            √(2 / (n_in + n_out))  Glorot & Bengio's (2010) formula
 *   he / relu         √(2 / n_in)            "Heの初期値"
 * Names are case-insensitive. Biases are not drawn here: they start at zero.
 */
import { ArgumentError, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";
import { RNG } from "../core/rng";

export type WeightInitName = "xavier" | "sigmoid" | "glorot" | "he" | "relu";
export type WeightInit = number | WeightInitName;

const RULES: Record<WeightInitName, (nIn: number, nOut: number) => number> = {
  xavier: (nIn) => Math.sqrt(1 / nIn),
  sigmoid: (nIn) => Math.sqrt(1 / nIn),
  glorot: (nIn, nOut) => Math.sqrt(2 / (nIn + nOut)),
  he: (nIn) => Math.sqrt(2 / nIn),
  relu: (nIn) => Math.sqrt(2 / nIn),
};

export const WEIGHT_INIT_NAMES = Object.keys(RULES) as WeightInitName[];

/** Throws unless `spec` is a finite std > 0 or a known name (any case). */
export function assertWeightInit(spec: unknown, name = "weightInitStd"): asserts spec is WeightInit | string {
  if (typeof spec === "number") {
    if (!Number.isFinite(spec) || spec <= 0) throw new ArgumentError(name, "a finite standard deviation > 0", spec);
    return;
  }
  if (typeof spec !== "string" || !(spec.toLowerCase() in RULES)) {
    throw new ArgumentError(name, `a number > 0 or one of ${WEIGHT_INIT_NAMES.join(", ")}`, spec);
  }
}

/** The standard deviation for a layer of nIn inputs and nOut outputs. */
export function weightInitStd(spec: WeightInit | string, nIn: number, nOut: number): number {
  assertWeightInit(spec);
  assertInteger("nIn", nIn, 1);
  assertInteger("nOut", nOut, 1);
  if (typeof spec === "number") return spec;
  return RULES[spec.toLowerCase() as WeightInitName](nIn, nOut);
}

/** nIn × nOut weights ~ N(0, std²): `std * np.random.randn(n_in, n_out)` with a seeded RNG. */
export function initWeight(spec: WeightInit | string, nIn: number, nOut: number, rng: RNG): Matrix {
  if (!(rng instanceof RNG)) throw new ArgumentError("rng", "an RNG", rng);
  return Matrix.randn(nIn, nOut, rng, weightInitStd(spec, nIn, nOut));
}
