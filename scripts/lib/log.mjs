/**
 * Console output and failures of the set-up scripts. A SetupError is an
 * expected failure (no Jupyter, no root, a notebook that raised): run.mjs
 * prints its message without a stack trace and exits with its code.
 */
export class SetupError extends Error {
  /** @param {string} message what went wrong and exactly what to do @param {number} [code] */
  constructor(message, code = 1) {
    super(message);
    this.name = "SetupError";
    this.code = code;
  }
}

/** A step heading: "==> …". */
export function step(text) {
  console.log(`==> ${text}`);
}

/** An indented detail line under a step. */
export function detail(text) {
  console.log(`    ${text}`);
}

export function warn(text) {
  console.warn(`警告 / warning: ${text}`);
}

/** Seconds since `t0` (from performance.now()), one decimal. */
export function secondsSince(t0) {
  return Math.round((performance.now() - t0) / 100) / 10;
}
