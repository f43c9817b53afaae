/**
 * An explorer's state in the page's URL hash, so a teacher can share a
 * setting: #<explorer name>=<URI-encoded JSON>. What arrives there is
 * untrusted: it is size-capped here and then checked field by field by the
 * explorer's own check (which names the refused field).
 */
export const MAX_HASH_STATE = 2000;

export function readHashState(name: string, hash: string): { state?: Record<string, unknown>; error?: string } {
  for (const part of hash.replace(/^#/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq < 0 || decodeURIComponent(part.slice(0, eq)) !== name) continue;
    const raw = part.slice(eq + 1);
    if (raw.length > MAX_HASH_STATE) return { error: `URL の設定が長すぎます（${MAX_HASH_STATE} 文字まで）。既定の設定で表示します。` };
    try {
      const v = JSON.parse(decodeURIComponent(raw)) as unknown;
      if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
      return { state: v as Record<string, unknown> };
    } catch (e) {
      return { error: `URL の設定を読めません（${(e as Error).message}）。既定の設定で表示します。` };
    }
  }
  return {};
}

export function writeHashState(name: string, state: unknown, hash: string): string {
  const parts = hash.replace(/^#/, "").split("&").filter((p) => p && decodeURIComponent(p.split("=")[0]) !== name);
  parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(JSON.stringify(state))}`);
  return "#" + parts.join("&");
}
