/**
 * The Plotly figure spec every figure in the project is built as: plain JSON
 * ({ data, layout, config, frames }) that plotly.js draws in the browser.
 * The types are deliberately loose (Plotly has hundreds of attributes); this
 * module only checks the outer shape and prepares the figure for output.
 */
import { ArgumentError } from "../core/errors";

export type PlotlyTrace = { type?: string; name?: string; [attribute: string]: unknown };
export type PlotlyLayout = { [attribute: string]: unknown };
export type PlotlyConfig = { [option: string]: unknown };
export type PlotlyFrame = { name?: string | number; data?: PlotlyTrace[]; layout?: PlotlyLayout; [key: string]: unknown };

export interface PlotlyFigure {
  data: PlotlyTrace[];
  layout?: PlotlyLayout;
  config?: PlotlyConfig;
  /** Animation frames: a Plotly play button / slider steps through them client-side. */
  frames?: PlotlyFrame[];
}

/** Offline, resizing with the page, no Plotly logo link. */
export const DEFAULT_CONFIG: PlotlyConfig = { responsive: true, displaylogo: false };
export const DEFAULT_HEIGHT = 450;

/** Throws an ArgumentError naming `name` unless `fig` looks like a Plotly figure. */
export function checkFigure(fig: unknown, name = "fig"): asserts fig is PlotlyFigure {
  if (fig === null || typeof fig !== "object" || Array.isArray(fig)) {
    throw new ArgumentError(name, "a Plotly figure { data: [...], layout?, config?, frames? }", fig);
  }
  const f = fig as Partial<PlotlyFigure>;
  if (!Array.isArray(f.data)) throw new ArgumentError(`${name}.data`, "an array of traces", f.data);
  f.data.forEach((t, i) => {
    if (t === null || typeof t !== "object" || Array.isArray(t)) throw new ArgumentError(`${name}.data[${i}]`, "a trace object", t);
  });
  for (const key of ["layout", "config"] as const) {
    const v = f[key];
    if (v !== undefined && (v === null || typeof v !== "object" || Array.isArray(v))) {
      throw new ArgumentError(`${name}.${key}`, "an object", v);
    }
  }
  if (f.frames !== undefined && !Array.isArray(f.frames)) throw new ArgumentError(`${name}.frames`, "an array of frames", f.frames);
}

/**
 * Deep copy as plain JSON data: typed arrays become arrays (JSON.stringify
 * would turn a Float64Array into {"0": …}), non-finite numbers become null
 * (Plotly draws a gap), functions and undefined are dropped.
 */
export function toPlain(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return typeof value === "function" ? undefined : value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlain(typeof v === "bigint" ? Number(v) : v));
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toPlain(v)));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = toPlain(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** A checked plain copy with the project's default config; the input is not modified. */
export function prepareFigure(fig: PlotlyFigure): PlotlyFigure {
  checkFigure(fig);
  const plain = toPlain(fig) as PlotlyFigure;
  const out: PlotlyFigure = {
    data: plain.data,
    layout: plain.layout ?? {},
    config: { ...DEFAULT_CONFIG, ...(plain.config ?? {}) },
  };
  if (plain.frames && plain.frames.length > 0) out.frames = plain.frames;
  return out;
}

/** Height in CSS pixels for the figure's div: layout.height, else the default. */
export function figureHeight(fig: PlotlyFigure): number {
  const h = fig.layout?.height;
  return typeof h === "number" && Number.isFinite(h) && h > 0 ? h : DEFAULT_HEIGHT;
}

/** The title text of a figure, whether given as a string or as { text }. */
export function figureTitle(fig: PlotlyFigure): string | undefined {
  const t = fig.layout?.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") return (t as { text: string }).text;
  return undefined;
}

/** One line describing a figure, printed where no figure can be drawn (tests, CLI). */
export function describeFigure(fig: PlotlyFigure): string {
  const types = fig.data.map((t) => (typeof t.type === "string" ? t.type : "scatter"));
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const traces = [...counts].map(([t, n]) => (n > 1 ? `${n}×${t}` : t)).join(", ");
  const parts = [`${fig.data.length} trace${fig.data.length === 1 ? "" : "s"}${traces ? ` (${traces})` : ""}`];
  const title = figureTitle(fig);
  if (title) parts.unshift(JSON.stringify(title.replace(/<[^>]*>/g, "")));
  if (fig.frames?.length) parts.push(`${fig.frames.length} frames`);
  const sliders = fig.layout?.sliders;
  if (Array.isArray(sliders) && sliders.length) parts.push(`${sliders.length} slider${sliders.length === 1 ? "" : "s"}`);
  const menus = fig.layout?.updatemenus;
  if (Array.isArray(menus) && menus.length) parts.push(`${menus.length} menu${menus.length === 1 ? "" : "s"}`);
  return `[Plotly figure] ${parts.join(", ")}`;
}
