/**
 * Errors that name the argument at fault and what was expected (docs/ARCHITECTURE.md, "Errors").
 * Every public function of the engine validates its input with these helpers
 * instead of letting a NaN or an out-of-range index travel deep into a loop.
 */
/**
 * An error the user fixes by changing what they gave: an argument, an option,
 * a file. The CLI prints its message on one line (no stack) and exits 2.
 */
export class InputError extends Error {}

export class ArgumentError extends InputError {
  constructor(
    readonly argument: string,
    readonly expected: string,
    readonly got?: unknown,
  ) {
    super(
      `${argument}: expected ${expected}` + (got === undefined ? "" : `, got ${describe(got)}`),
    );
    this.name = "ArgumentError";
  }
}

/** Mismatched matrix shapes: `argument` has `got`, the operation needs `expected`. */
export class ShapeError extends ArgumentError {
  constructor(argument: string, expected: string, got: string) {
    super(argument, `shape ${expected}`, new Shape(got));
    this.name = "ShapeError";
  }
}

class Shape {
  constructor(readonly text: string) {}
}

export function describe(v: unknown): string {
  if (v instanceof Shape) return v.text;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} of length ${(v as Float64Array).length}`;
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return String(v);
}

export function assertFinite(name: string, v: number): void {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ArgumentError(name, "a finite number", v);
}

export function assertPositive(name: string, v: number): void {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new ArgumentError(name, "a finite number > 0", v);
  }
}

export function assertInteger(name: string, v: number, min = 0, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ArgumentError(name, `an integer ${range}`, v);
  }
}

export function assertInRange(name: string, v: number, lo: number, hi: number, hiInclusive = false): void {
  const ok = typeof v === "number" && v >= lo && (hiInclusive ? v <= hi : v < hi);
  if (!ok) throw new ArgumentError(name, `a number in [${lo}, ${hi}${hiInclusive ? "]" : ")"}`, v);
}

/** Throws when the array holds a NaN or ±Infinity, naming the first bad index. */
export function assertAllFinite(name: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) {
      throw new ArgumentError(name, "only finite numbers", `${describe(v)} at flat index ${i}`);
    }
  }
}
