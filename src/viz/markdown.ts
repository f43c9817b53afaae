/**
 * Markdown, LaTeX and HTML outputs from code, e.g. the LaTeX of a mathjs
 * derivative. Math is sent as text/markdown with $…$ / $$…$$: Jupyter renders
 * it with its own MathJax, and the handout export typesets it into SVG at
 * export time (scripts/lib/mathjax.mjs). Outside a kernel the text is printed.
 */
import { ArgumentError } from "../core/errors";
import { displayBundle } from "./kernel";

function checkText(name: string, v: unknown): asserts v is string {
  if (typeof v !== "string") throw new ArgumentError(name, "a string", v);
}

/** Display Markdown (may contain $…$ math). */
export function markdown(md: string): void {
  checkText("md", md);
  if (!displayBundle({ "text/markdown": md, "text/plain": md })) console.log(md);
}

/** The Markdown for a LaTeX formula: $$…$$ on its own lines, or $…$ inline. */
export function latexMarkdown(tex: string, options: { inline?: boolean } = {}): string {
  checkText("tex", tex);
  const body = tex.trim();
  if (body === "") throw new ArgumentError("tex", "a non-empty LaTeX formula", tex);
  return options.inline ? `$${body}$` : `$$\n${body}\n$$`;
}

/** Display a LaTeX formula (display style unless inline), optionally after a Markdown caption. */
export function latex(tex: string, options: { inline?: boolean; caption?: string } = {}): void {
  const md = (options.caption ? `${options.caption}\n\n` : "") + latexMarkdown(tex, options);
  if (!displayBundle({ "text/markdown": md, "text/plain": tex.trim() })) console.log(tex.trim());
}

/** Display raw HTML (no scripts needed; sanitised frontends may drop them). */
export function html(markup: string, plain = "[HTML]"): void {
  checkText("markup", markup);
  if (!displayBundle({ "text/html": markup, "text/plain": plain })) console.log(plain);
}
