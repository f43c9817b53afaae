/**
 * NumPy-like helpers on numbers for the one-line code answers. NumPy's
 * `np.sqrt(h)` acts element by element; a code answer here is that same
 * expression for one element, so `np.sqrt(h)` takes and returns a number.
 */
export const np = {
  sqrt: Math.sqrt,
  square: (x: number): number => x * x,
  abs: Math.abs,
  sign: Math.sign,
  exp: Math.exp,
  log: Math.log,
  power: Math.pow,
  maximum: Math.max,
  minimum: Math.min,
} as const;
