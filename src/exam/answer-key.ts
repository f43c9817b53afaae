/**
 * notebooks/6-8-answer-key.ipynb: every question of the bank (the chapters'
 * 確認問題 and the 6-6 drill) with its key and explanation, grouped by the
 * book's section, generated like 6-6 so that the key cannot drift from the
 * bank. One code cell re-checks every key against the engine in front of the
 * reader (key-report.ts). Regenerate with  npx tsx src/exam/build-notebooks.ts
 *
 * Cell ids start with "akey-".
 */
import { CHAPTER_NOTEBOOKS } from "./chapter-quiz";
import { codeCell, markdownCell, notebook, type Notebook, type NotebookCell } from "./notebook";
import { TOPICS, questionsOf } from "./questions/index";
import { FORMAT_LABEL, circled, keyMarkdown, label, rereadText } from "./render";
import { CHOICE_LETTERS, CODE_BLANK, type Home, type Question, type Topic } from "./types";

export const ANSWER_KEY_TITLE = "6-8 解答と解説 — 第6章 確認問題・総復習ドリル";

const INTRO = `# ${ANSWER_KEY_TITLE}

第6章の各ノートブック (\`6-1\`〜\`6-5\`) の最後にある**確認問題**と、\`6-6-exam-review\` の**総復習ドリル**の全問について、正解と解説をまとめた解答集です。本書の節 (6.1〜6.5) ごとに、その章の確認問題、ドリルの問題の順に並べてあります。

- 問題番号は各ノートブックでの番号です。確認問題は「問 1（Q34）」のように章の中の番号と問題の ID を、ドリルは「Q01」のように ID を書いてあります。
- 4択とコード穴埋めでは、正解の選択肢に **← 正解** の印があります。コード穴埋めは、空欄 ${CODE_BLANK} に正解の行を入れて完成させたコードも載せています。
- 計算問題は、正解の値と許容する誤差、解説の計算の手順に加えて、エンジン (\`src/\`) で同じ量を計算した値を載せています。
- 各問の最後に、読み直す節とその問題の E資格のキーワードを書いてあります。

**使い方**: まず各ノートブックで自分で解いてから、答え合わせに使ってください。印刷して配るときは、問題のノートブックのハンドアウト (答えの欄は空欄で印刷されます) とこの解答集を別々に配れます。`;

const CHECK_HEAD = `### 正解をエンジンで確かめる

次のセルは、この解答集に載っているすべての正解を、もう一度エンジンで確かめます。更新式やコードの選択肢は、本書のクラス (\`src/optim\`、\`src/nn\`) と同じデータで動かして一致するものだけが正解になること、計算問題はエンジンで計算した値を丸めると正解になることを調べます。実践についての説明文の問題など、計算では決まらない問題は「計算では確かめられない問題」として数えます。`;

const CHECK_CELL = `import { showKeyCheck } from "./src/exam/key-report";

showKeyCheck();`;

/** The code of a code question with the key's line in the blank, marked. */
export function completedCode(q: Extract<Question, { format: "code" }>): string {
  const line = q.choices[CHOICE_LETTERS.indexOf(q.key)];
  return q.code
    .split("\n")
    .map((l) => (l.trim() === CODE_BLANK ? `${l.replace(CODE_BLANK, line)}  # ← ${CODE_BLANK} の正解` : l))
    .join("\n");
}

/** 6 significant digits, without trailing zeros (0.0100000 → 0.01). */
function sig(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** Body and key of one question, as one Markdown cell. */
export function answerMarkdown(q: Question, heading: string): string {
  const parts = [`#### ${heading}〔${FORMAT_LABEL[q.format]}〕${q.title}`, q.prompt];
  const marked = (choices: readonly string[], code: boolean) =>
    choices.map((c, i) => `- **${CHOICE_LETTERS[i]}.** ${code ? `\`${c}\`` : c}${CHOICE_LETTERS[i] === (q as { key: string }).key ? " **← 正解**" : ""}`).join("\n");
  switch (q.format) {
    case "choice":
      parts.push(marked(q.choices, false), `**正解: ${q.key}**`);
      break;
    case "code":
      parts.push(`${CODE_BLANK} に入る行:\n\n${marked(q.choices, true)}`);
      parts.push(`**正解: ${q.key}**、${CODE_BLANK} に入る行は次のとおりです。\n\n\`\`\`python\n${q.choices[CHOICE_LETTERS.indexOf(q.key)].trim()}\n\`\`\``);
      parts.push(`完成したコード:\n\n\`\`\`python\n${completedCode(q)}\n\`\`\``);
      break;
    case "blanks":
      parts.push("**語群**\n\n" + q.options.map((o, i) => `${circled(i + 1)} ${o}`).join("　"));
      parts.push(`**正解**: ${keyMarkdown(q)}`);
      break;
    case "numeric":
      parts.push(`**正解: ${q.key.toFixed(q.digits)}** (許容する誤差 ±${sig(q.tolerance)}。エンジンで計算した値: ${sig(q.engineAnswer())})`);
      break;
  }
  parts.push(`**解説**: ${q.explanation}`);
  parts.push(`復習: ${rereadText(q.reread)}　／　E資格のキーワード: ${q.keyword}`);
  return parts.join("\n\n");
}

/** The notebooks whose questions are about one topic: its chapter and the drill. */
function chapterOf(topic: Topic): Home | undefined {
  return CHAPTER_NOTEBOOKS.find((h) => h === TOPICS[topic].notebook);
}

export function answerKeyNotebook(): Notebook {
  const cells: NotebookCell[] = [markdownCell("akey-intro", INTRO), markdownCell("akey-check-head", CHECK_HEAD), codeCell("akey-check", CHECK_CELL)];
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    cells.push(markdownCell(`akey-topic-${topic}`, `## ${TOPICS[topic].title}`));
    const chapter = chapterOf(topic);
    const quiz = chapter ? questionsOf(chapter) : [];
    if (chapter && quiz.length > 0) {
      cells.push(markdownCell(`akey-quiz-${topic}`, `### \`${chapter}\` の確認問題 (${quiz.length} 問)`));
      quiz.forEach((q, i) => cells.push(markdownCell(`akey-${q.id}`, answerMarkdown(q, `問 ${i + 1}（${label(q)}）`))));
    }
    const drill = questionsOf("6-6-exam-review").filter((q) => q.topic === topic);
    if (drill.length > 0) {
      cells.push(markdownCell(`akey-drill-${topic}`, `### \`6-6-exam-review\` 総復習ドリル (${drill.length} 問)`));
      for (const q of drill) cells.push(markdownCell(`akey-${q.id}`, answerMarkdown(q, label(q))));
    }
  }
  return notebook(cells, ANSWER_KEY_TITLE);
}
