/** One colour per name, the same in every figure of a notebook; unknown names take the fallback colours in turn. */
export function paletteColor(colors: Record<string, string>, fallback: readonly string[]): (name: string, i?: number) => string {
  return (name, i = 0) => colors[name] ?? fallback[i % fallback.length];
}
