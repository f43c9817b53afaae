/**
 * A live progress line for long loops, e.g. "Adam 1200/2000 iterations, loss 0.31, 14 s".
 *
 * In a notebook the line is one output updated in place (display_data, then
 * update_display_data with the same display_id). Updates are throttled
 * (default 4 per second): classic Notebook drops bursts of messages. Outside a
 * kernel it goes to stderr (stdout stays clean for `npm run exp -- --json`):
 * rewritten in place on a terminal, one line every few seconds otherwise.
 */
import { ArgumentError } from "../core/errors";
import { formatNumber, formatSeconds } from "./format";
import { escapeHtml } from "./html";
import { displayBundle, inKernel, newDisplayId } from "./kernel";

export type ProgressFields = Record<string, number | string>;

/** Where lines go; `final` marks the last one. */
export type ProgressSink = (line: string, final: boolean) => void;

export interface ProgressOptions {
  /** Unit after the counts (default "iterations"). */
  unit?: string;
  /** Minimum time between two lines (ms). Default 250 in a kernel or terminal, 5000 in a log. */
  intervalMs?: number;
  /** Override the output (tests); default: kernel display or stderr. */
  sink?: ProgressSink;
  /** Clock in ms (tests); default Date.now. */
  now?: () => number;
}

/** The progress line, pure. */
export function formatProgress(label: string, done: number, total: number, unit: string, fields: ProgressFields, seconds: number): string {
  const parts = [`${label ? `${label} ` : ""}${done}/${total}${unit ? ` ${unit}` : ""}`];
  for (const [k, v] of Object.entries(fields)) parts.push(`${k} ${typeof v === "number" ? formatNumber(v, 2 + (Math.abs(v) < 1 ? 0 : 1)) : v}`);
  parts.push(formatSeconds(seconds));
  return parts.join(", ");
}

function kernelSink(): ProgressSink {
  const displayId = newDisplayId();
  let started = false;
  return (line) => {
    // the class lets the handout's print edition drop progress lines
    displayBundle({ "text/plain": line, "text/html": `<pre class="zerokara-progress">${escapeHtml(line)}</pre>` }, { displayId, update: started });
    started = true;
  };
}

function stderrSink(tty: boolean): ProgressSink {
  return (line, final) => {
    if (tty) process.stderr.write(`\r\x1b[K${line}${final ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
  };
}

export class Progress {
  private readonly sink: ProgressSink;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly unit: string;
  private readonly started: number;
  private last = -Infinity;
  private finished = false;
  private current = 0;
  private fields: ProgressFields = {};

  constructor(readonly label: string, readonly total: number, options: ProgressOptions = {}) {
    if (typeof label !== "string") throw new ArgumentError("label", "a string", label);
    if (!Number.isInteger(total) || total < 0) throw new ArgumentError("total", "an integer >= 0", total);
    const kernel = !options.sink && inKernel();
    const tty = !options.sink && !kernel && process.stderr.isTTY === true;
    this.sink = options.sink ?? (kernel ? kernelSink() : stderrSink(tty));
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? (kernel || tty || options.sink ? 250 : 5000);
    if (!(this.intervalMs >= 0)) throw new ArgumentError("intervalMs", "a number >= 0", options.intervalMs);
    this.unit = options.unit ?? "iterations";
    this.started = this.now();
  }

  /** Report `done` of `total` with extra fields (loss, accuracy, …); prints at most every intervalMs. */
  update(done: number, fields: ProgressFields = {}): void {
    if (this.finished) return;
    this.current = done;
    this.fields = fields;
    const t = this.now();
    if (t - this.last < this.intervalMs) return;
    this.last = t;
    this.sink(this.line(t), false);
  }

  /** Print the final line (always). Fields given here replace the last ones. */
  done(fields?: ProgressFields): void {
    if (this.finished) return;
    this.finished = true;
    if (fields) this.fields = fields;
    if (this.current < this.total) this.current = this.total;
    this.sink(this.line(this.now()), true);
  }

  private line(t: number): string {
    return formatProgress(this.label, this.current, this.total, this.unit, this.fields, (t - this.started) / 1000);
  }
}

/** Start a progress line: `const p = progress("Adam", 2000); … p.update(i, { loss }); … p.done();` */
export function progress(label: string, total: number, options: ProgressOptions = {}): Progress {
  return new Progress(label, total, options);
}
