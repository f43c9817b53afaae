/**
 * Named 2-D test functions with plot ranges, start points and known minima.
 * "book" is the book's f(x, y) = x²/20 + y² (figure 6-2 onwards).
 */
import { ArgumentError } from "../core/errors";
import { DEFAULT_FORMULA, Function2D, Function2DOptions } from "./function-2d";

export type PresetName = "book" | "rosenbrock" | "beale" | "saddle" | "himmelblau";

export const PRESETS: Record<PresetName, Function2DOptions & { formula: string }> = {
  book: {
    formula: DEFAULT_FORMULA,
    label: "本書の関数 f(x, y) = x²/20 + y²",
    xRange: [-10, 10],
    yRange: [-10, 10], // the book plots xlim = ylim = (−10, 10)
    start: [-7, 2],
    minima: [[0, 0]],
  },
  rosenbrock: {
    formula: "(1 - x)^2 + 100 * (y - x^2)^2",
    label: "Rosenbrock 関数（細長く曲がった谷）",
    xRange: [-2, 2],
    yRange: [-1, 3],
    start: [-1.2, 1],
    minima: [[1, 1]],
  },
  beale: {
    formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
    label: "Beale 関数（平らな谷と急な壁）",
    xRange: [-4.5, 4.5],
    yRange: [-4.5, 4.5],
    start: [1, 1.5],
    minima: [[3, 0.5]],
  },
  saddle: {
    formula: "x^2 - y^2",
    label: "鞍点 f(x, y) = x² − y²（下に有界でない）",
    xRange: [-2, 2],
    yRange: [-2, 2],
    start: [-1.5, 0.001], // almost on the ridge: the optimizer must escape the saddle at (0, 0)
    minima: [],
  },
  himmelblau: {
    formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    label: "Himmelblau 関数（4 つの極小）",
    xRange: [-5, 5],
    yRange: [-5, 5],
    start: [0, 0],
    minima: [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** A preset by name (case-insensitive). */
export function presetFunction(name: string): Function2D {
  const key = String(name).trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(PRESETS, key)) {
    throw new ArgumentError("name", `one of ${PRESET_NAMES.join(", ")}`, name);
  }
  const { formula, ...options } = PRESETS[key as PresetName];
  return new Function2D(formula, { name: key, ...options });
}
