/**
 * Tables: a danfojs DataFrame or an array of row objects as an HTML table in
 * a notebook, plain text elsewhere. danfojs has no HTML output of its own; the
 * rows come from `dfd.toJSON(df)` (one object per row), the row labels from
 * `df.index` when they are not just 0…n−1 (e.g. describe()).
 */
import { ArgumentError } from "../core/errors";
import { formatNumber } from "./format";
import { escapeHtml } from "./html";
import { displayBundle } from "./kernel";

export type TableRow = Record<string, unknown>;

/** The part of a danfojs DataFrame used here (structural, so no danfojs types are loaded). */
export interface DataFrameLike {
  columns: string[];
  index: Array<string | number>;
  shape: number[];
}

export interface TableOptions {
  /** Shown above the table. */
  caption?: string;
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number;
  /** Fixed decimals for some columns, e.g. { accuracy: 3 }. Overrides digits. */
  decimals?: Record<string, number>;
  /** Which columns, in which order (default: all, in first-seen order). */
  columns?: string[];
  /** Header text per column, e.g. { lr: "学習率" }. */
  labels?: Record<string, string>;
  /** Show the row labels column: default only for DataFrames whose index is not 0…n−1. */
  index?: boolean;
  /** Rows shown at most (default 60); the rest is summarised in one line. */
  maxRows?: number;
}

export interface TableData {
  columns: string[];
  headers: string[];
  /** Row labels, when shown. */
  index?: string[];
  /** Formatted cells, row-major. */
  cells: string[][];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  /** Rows not shown because of maxRows. */
  hidden: number;
  caption?: string;
}

export function isDataFrame(x: unknown): x is DataFrameLike {
  if (x === null || typeof x !== "object") return false;
  const d = x as Partial<DataFrameLike>;
  return Array.isArray(d.columns) && Array.isArray(d.index) && Array.isArray(d.shape);
}

/** Rows of a DataFrame via danfojs's own toJSON (loaded lazily: only when a DataFrame is given). */
function dataFrameRows(df: DataFrameLike): TableRow[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const dfd = require("danfojs-node") as { toJSON(df: unknown): unknown };
  const rows = dfd.toJSON(df);
  if (!Array.isArray(rows)) throw new ArgumentError("df", "a danfojs DataFrame (toJSON gave no rows)", rows);
  return rows as TableRow[];
}

export function formatCell(v: unknown, digits = 4, decimals?: number): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (decimals !== undefined && Number.isFinite(v)) return v.toFixed(decimals);
    return formatNumber(v, digits);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    return `[${Array.from(v as ArrayLike<unknown>, (x) => formatCell(x, digits, decimals)).join(", ")}]`;
  }
  return JSON.stringify(v) ?? String(v);
}

/** Formatted table content: checks the input and options, formats every cell. */
export function tableData(input: DataFrameLike | TableRow[], options: TableOptions = {}): TableData {
  const { digits = 4, maxRows = 60 } = options;
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new ArgumentError("digits", "an integer in [1, 17]", digits);
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new ArgumentError("maxRows", "an integer >= 1", maxRows);
  let rows: TableRow[];
  let index: string[] | undefined;
  if (isDataFrame(input)) {
    rows = dataFrameRows(input);
    const labels = input.index.map(String);
    const plain = labels.every((l, i) => l === String(i));
    if (options.index ?? !plain) index = labels;
  } else if (Array.isArray(input)) {
    input.forEach((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r)) throw new ArgumentError(`rows[${i}]`, "an object { column: value }", r);
    });
    rows = input;
    if (options.index) index = rows.map((_, i) => String(i));
  } else {
    throw new ArgumentError("input", "a danfojs DataFrame or an array of row objects", input);
  }
  const seen: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.includes(k)) seen.push(k);
  const columns = options.columns ?? seen;
  for (const c of columns) {
    if (!seen.includes(c) && rows.length > 0) throw new ArgumentError("columns", `names among ${seen.join(", ")}`, c);
  }
  const shown = rows.slice(0, maxRows);
  const numeric = columns.map((c) => {
    const vs = rows.map((r) => r[c]).filter((v) => v !== null && v !== undefined);
    return vs.length > 0 && vs.every((v) => typeof v === "number" || typeof v === "bigint");
  });
  return {
    columns,
    headers: columns.map((c) => options.labels?.[c] ?? c),
    index: index?.slice(0, maxRows),
    cells: shown.map((r) => columns.map((c) => formatCell(r[c], digits, options.decimals?.[c]))),
    numeric,
    hidden: rows.length - shown.length,
    caption: options.caption,
  };
}

export function tableHtml(input: DataFrameLike | TableRow[], options: TableOptions = {}): string {
  const t = tableData(input, options);
  const align = (i: number) => (t.numeric[i] ? ' style="text-align:right"' : ' style="text-align:left"');
  const head =
    "<tr>" + (t.index ? "<th></th>" : "") + t.headers.map((h, i) => `<th${align(i)}>${escapeHtml(h)}</th>`).join("") + "</tr>";
  const body = t.cells
    .map((row, r) =>
      "<tr>" +
      (t.index ? `<th style="text-align:left">${escapeHtml(t.index[r])}</th>` : "") +
      row.map((cell, i) => `<td${align(i)}>${escapeHtml(cell)}</td>`).join("") +
      "</tr>",
    )
    .join("\n");
  const more = t.hidden > 0 ? `<p style="color:#666">… ほか ${t.hidden} 行</p>` : "";
  const caption = t.caption ? `<caption style="caption-side:top;text-align:left;font-weight:bold">${escapeHtml(t.caption)}</caption>` : "";
  return `<table class="zerokara-table">${caption}\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table>${more}`;
}

/** Display width of text in a monospace terminal: CJK characters take two cells. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function tableText(input: DataFrameLike | TableRow[], options: TableOptions = {}): string {
  const t = tableData(input, options);
  const grid = [[...(t.index ? [""] : []), ...t.headers], ...t.cells.map((row, r) => [...(t.index ? [t.index[r]] : []), ...row])];
  const offset = t.index ? 1 : 0;
  const widths = grid[0].map((_, c) => Math.max(...grid.map((row) => textWidth(row[c]))));
  const pad = (s: string, c: number) => {
    const fill = " ".repeat(widths[c] - textWidth(s));
    return c >= offset && t.numeric[c - offset] ? fill + s : s + fill;
  };
  const lines = grid.map((row) => row.map(pad).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  if (t.caption) lines.unshift(t.caption);
  if (t.hidden > 0) lines.push(`… ほか ${t.hidden} 行`);
  return lines.join("\n");
}

/** Show a table: HTML in a notebook, text on stdout elsewhere. */
export function table(input: DataFrameLike | TableRow[], options: TableOptions = {}): void {
  const text = tableText(input, options);
  if (!displayBundle({ "text/html": tableHtml(input, options), "text/plain": text })) console.log(text);
}

/**
 * Call before creating the first DataFrame: danfojs's bundled TensorFlow.js
 * prints a "running TensorFlow.js in Node.js" banner on stderr at its first
 * tensor operation, which would show up as a red stderr output in notebooks.
 * Usage: `import * as dfd from "danfojs-node"; quietDanfo(dfd);`
 */
export function quietDanfo(dfd: { tensorflow?: { enableProdMode?: () => void } }): void {
  const enable = dfd?.tensorflow?.enableProdMode;
  if (typeof enable !== "function") throw new ArgumentError("dfd", "the danfojs-node module (with tensorflow.enableProdMode)", dfd);
  enable.call(dfd.tensorflow);
}
