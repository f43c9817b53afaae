/**
 * Drop the CSS rules a page can never use. nbconvert's lab template inlines
 * all of JupyterLab's stylesheet (≈ 540 kB: file browser, menus, dialogs …)
 * while a handout uses some fifty of its classes. A rule is kept unless every
 * one of its selectors names a class that no element of the page carries
 * (classes inside :not(…) do not count: they need not be present to match).
 * Rules without classes (elements, :root variables, attributes), @font-face,
 * @keyframes, @page are kept; @media/@supports blocks are purged inside and
 * dropped when empty. Then custom properties (--jp-icon-… data URIs, ≈ 70 kB)
 * that nothing reads through var(…) are dropped. Comments go, except licence
 * headers.
 */

/** Class names on the elements of an HTML page (outside scripts and styles). */
export function usedClasses(html) {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "");
  const used = new Set();
  for (const m of body.matchAll(/\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) for (const c of (m[1] ?? m[2]).split(/\s+/)) if (c) used.add(c);
  return used;
}

function selectorMayMatch(selector, used) {
  let s = selector;
  // :not(…) may nest parentheses once (:not(:has(.x))); strip innermost groups until none is left
  for (let i = 0; i < 4 && /:not\(/.test(s); i++) s = s.replace(/:not\([^()]*(\([^()]*\)[^()]*)*\)/g, "");
  for (const m of s.matchAll(/\.(-?[_a-zA-Z][-\w]*)/g)) if (!used.has(m[1])) return false;
  return true;
}

/** Split CSS text into top-level items: { prelude, body } blocks or raw statements. */
function items(css) {
  const out = [];
  let i = 0;
  const n = css.length;
  while (i < n) {
    const open = css.indexOf("{", i);
    const semi = css.indexOf(";", i);
    if (open < 0) {
      if (css.slice(i).trim()) out.push({ raw: css.slice(i) });
      break;
    }
    if (semi >= 0 && semi < open && css.slice(i, semi).trim().startsWith("@")) {
      out.push({ raw: css.slice(i, semi + 1) }); // @import / @charset
      i = semi + 1;
      continue;
    }
    let depth = 0;
    let j = open;
    for (; j < n; j++) {
      const c = css[j];
      if (c === '"' || c === "'") {
        const end = css.indexOf(c, j + 1);
        j = end < 0 ? n : end;
      } else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    out.push({ prelude: css.slice(i, open).trim(), body: css.slice(open + 1, j) });
    i = j + 1;
  }
  return out;
}

function purgeBlock(css, used) {
  const kept = [];
  for (const it of items(css)) {
    if (it.raw !== undefined) {
      if (it.raw.trim()) kept.push(it.raw.trim());
      continue;
    }
    const p = it.prelude;
    if (/^@(media|supports|layer|container)\b/i.test(p)) {
      const inner = purgeBlock(it.body, used);
      if (inner.trim()) kept.push(`${p} {\n${inner}\n}`);
    } else if (p.startsWith("@")) {
      kept.push(`${p} {${it.body}}`);
    } else if (p.split(",").some((s) => selectorMayMatch(s, used))) {
      kept.push(`${p} {${it.body}}`);
    }
  }
  return kept.join("\n");
}

/** Split a declaration block at top-level ";" (not inside quotes or parentheses: data URIs hold ";base64"). */
function declarations(body) {
  const out = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) { if (c === quote) quote = ""; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === ";" && depth === 0) { out.push(body.slice(start, i)); start = i + 1; }
  }
  out.push(body.slice(start));
  return out.filter((d) => d.trim());
}

const CUSTOM = /^\s*(--[\w-]+)\s*:/;

/** Drop custom property declarations whose name no var(…) in `css` or `alsoReads` refers to. */
export function dropUnusedVariables(css, alsoReads = "") {
  // references inside a variable's own value count only when that variable is kept: iterate to a fixed point
  const byName = new Map();
  for (const m of css.matchAll(/\{([^{}]*)\}/g)) {
    for (const d of declarations(m[1])) {
      const k = CUSTOM.exec(d);
      if (k) byName.set(k[1], (byName.get(k[1]) ?? "") + d);
    }
  }
  const refs = (text) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  const nonCustom = css.replace(/\{([^{}]*)\}/g, (_, b) => `{${declarations(b).filter((d) => !CUSTOM.test(d)).join(";")}}`);
  const read = new Set([...refs(nonCustom), ...refs(alsoReads)]);
  const queue = [...read];
  while (queue.length) for (const r of refs(byName.get(queue.pop()) ?? "")) if (!read.has(r)) { read.add(r); queue.push(r); }
  return css.replace(/\{([^{}]*)\}/g, (all, b) => {
    const ds = declarations(b);
    const kept = ds.filter((d) => { const k = CUSTOM.exec(d); return !k || read.has(k[1]); });
    return kept.length === ds.length ? all : `{${kept.join(";")}${kept.length ? ";" : ""}}`;
  }).replace(/^[^{}@]+\{\s*\}\n?/gm, "");
}

/** The CSS with only the rules that may apply to elements carrying `used` classes. */
export function purgeCss(css, used, alsoReads = "") {
  const licences = [...css.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => m[0]).filter((c) => /copyright|licen[cs]e/i.test(c));
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
  return [...new Set(licences)].join("\n") + "\n" + dropUnusedVariables(purgeBlock(plain, used), alsoReads);
}

/** Purge every <style> block of a page larger than `minBytes` against the page's own classes. */
export function purgePageCss(html, { minBytes = 20000, keep = [] } = {}) {
  const used = usedClasses(html);
  for (const c of keep) used.add(c);
  // variables may be read by the other style blocks and by inline styles: everything but the block itself
  return html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (all, open, css, close, at) =>
    css.length < minBytes ? all : `${open}\n${purgeCss(css, used, html.slice(0, at) + html.slice(at + all.length))}\n${close}`);
}
