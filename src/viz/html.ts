/**
 * Small string helpers for HTML outputs: escaping text, and embedding JSON or
 * a whole JavaScript file inside a <script> element without ending it early.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON for inline <script>: `<` becomes \u003c (so no `</script>` or `<!--`
 * can appear) and U+2028/U+2029, which are line breaks in older JS parsers,
 * are escaped too. The result is still valid JSON and a valid JS expression.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Make JavaScript source safe to put between <script> and </script>.
 * The HTML parser ends a script at `</script` and changes state at `<!--` and
 * `<script` (any letter case). Each `<` of those sequences becomes `\x3C`,
 * which means the same character inside string, template and regex literals —
 * the only places a minified bundle has them.
 */
export function escapeScriptSource(source: string): string {
  return source.replace(/<(?=\/script|!--|script)/gi, "\\x3C");
}
