/** The 6-8 answer key's last cell: every key re-checked against the engine, as a table per notebook. */
import { setWarningHandler } from "../core/warn";
import { currentBudget } from "../core/budget";
import { markdown } from "../viz/markdown";
import { engineVerdict } from "./engine-check";
import { QUESTIONS } from "./questions/index";
import { label } from "./render";
import type { Home, Question } from "./types";

export interface KeyCheckRow {
  home: Home;
  total: number;
  agrees: number;
  notComputable: number;
  /** Questions whose key the engine contradicts ("Q05: engine 0.43"). */
  disagrees: string[];
  /** Engine warnings raised while checking (a question that builds the book's trap on purpose): "Q52: message". */
  warnings: string[];
}

export function keyCheck(questions: readonly Question[] = QUESTIONS): KeyCheckRow[] {
  const rows = new Map<Home, KeyCheckRow>();
  for (const q of questions) {
    const row = rows.get(q.home) ?? { home: q.home, total: 0, agrees: 0, notComputable: 0, disagrees: [], warnings: [] };
    rows.set(q.home, row);
    row.total++;
    const previous = setWarningHandler((message) => row.warnings.push(`${label(q)}: ${message}`));
    let v;
    try {
      v = engineVerdict(q);
    } finally {
      setWarningHandler(previous);
    }
    if (v.status === "agrees") row.agrees++;
    else if (v.status === "not-computable") row.notComputable++;
    else row.disagrees.push(`${label(q)}: ${v.detail}`);
  }
  return [...rows.values()].sort((a, b) => a.home.localeCompare(b.home));
}

export function keyCheckMarkdown(rows: KeyCheckRow[] = keyCheck()): string {
  const sum = (f: (r: KeyCheckRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const bad = rows.flatMap((r) => r.disagrees);
  const lines = [
    "| ノートブック | 問題数 | エンジンと一致 | 計算では確かめられない問題 | 食い違い |\n|---|---:|---:|---:|---:|",
    ...rows.map((r) => `| \`${r.home}\` | ${r.total} | ${r.agrees} | ${r.notComputable} | ${r.disagrees.length} |`),
    `| 計 | ${sum((r) => r.total)} | ${sum((r) => r.agrees)} | ${sum((r) => r.notComputable)} | ${bad.length} |`,
  ];
  const verdict = bad.length === 0
    ? `計算で決まる ${sum((r) => r.agrees)} 問の正解は、すべてエンジンの計算と一致しました。`
    : `**エンジンと食い違う正解があります**: ${bad.join("、")}`;
  const warnings = rows.flatMap((r) => r.warnings);
  const note = warnings.length === 0 ? "" :
    `\n\n確かめの途中でエンジンが出した注意 (問題が本書の落とし穴を意図して作っている例です): ${warnings.map((w) => `\`${w}\``).join("、")}`;
  return `${lines.join("\n")}\n\n${verdict}${note}`;
}

export function showKeyCheck(): void {
  console.log(`実行予算: ${currentBudget().toUpperCase()}（正解の確かめは予算によらず同じです）`);
  markdown(keyCheckMarkdown());
}
