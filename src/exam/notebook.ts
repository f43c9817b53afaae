/**
 * notebooks/6-6-exam-review.ipynb, generated from the question bank so that
 * the prompts, the answer cells and the keys can never drift apart
 * (test/exam-notebook.test.ts compares the committed file with this output).
 * Regenerate with:  npx tsx src/exam/build-notebooks.ts
 *
 * Answer cells have the id "answer-qNN" and the metadata
 * { "zerokara": { "answer": "qNN" } }, so a test can fill them with the key.
 */
import { MOCK_DEFAULTS, MockExam } from "./mock-exam";
import { QUESTIONS, TOPICS, questionsOf } from "./questions/index";
import { answerCellSource, checkCellSource, promptMarkdown } from "./render";
import type { Question, Topic } from "./types";

export interface NotebookCell {
  cell_type: "markdown" | "code";
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: 4;
  nbformat_minor: 5;
}

/** Jupyter's line array: every line keeps its "\n" except the last. */
export function sourceLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l)).filter((l) => l !== "");
}

export function markdownCell(id: string, text: string, metadata: Record<string, unknown> = {}): NotebookCell {
  return { cell_type: "markdown", id, metadata, source: sourceLines(text) };
}

export function codeCell(id: string, text: string, metadata: Record<string, unknown> = {}): NotebookCell {
  return { cell_type: "code", execution_count: null, id, metadata, outputs: [], source: sourceLines(text) };
}

export const NOTEBOOK_METADATA = {
  kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
  },
};

export function notebook(cells: NotebookCell[], title: string): Notebook {
  return { cells, metadata: { ...NOTEBOOK_METADATA, title }, nbformat: 4, nbformat_minor: 5 };
}

/** JSON as Jupyter writes it (indent 1, trailing newline). */
export function serializeNotebook(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
}

export const EXAM_TITLE = "6-6 E資格対策 — 第6章 総復習ドリル";

const INTRO = `# ${EXAM_TITLE}

第6章「学習に関するテクニック」全体から、E資格の問題演習でよく出る形式の確認問題を集めました。最適化手法・重みの初期値・正規化・正則化・ハイパーパラメータの探索を、1 冊のノートブックで通して復習できます。

**問題の形式**

- **4択** — 正しい式や説明を A〜D から選びます。
- **空欄補充** — 式の空欄 (あ)〜(え) に入るものを語群から番号で選びます。
- **コード穴埋め** — 本書の Python / NumPy コードの空欄 （ア） の 1 行を A〜D から選びます。どの選択肢も、その行を入れたコードをエンジン (\`src/optim\`、\`src/nn\`) と同じデータで動かして正誤を確かめてあります。
- **計算** — Adam の 1 ステップや He の初期値の標準偏差などを手で計算し、数値で答えます。

**答え方**

1. 問題の下にある答えのセルで、\`未回答\` を自分の答えに書き換えて実行します。
2. その下のチェックのセルを実行すると、**〇 正解** / **× 不正解** / **― 未回答** と、解説・復習すべきノートブックと節が表示されます。
3. 最後のセルで、分野ごとの得点と復習リストが表示されます。

答えを書き換えていないセルはすべて「未回答」になるだけで、エラーで止まることはありません。「すべて実行」で一度流してから、1 問ずつ解いていってもかまいません。間違った答えもエラーにはならず「不正解」と表示されます。ただし TypeScript として書けていない答え (閉じていない括弧や、式の中の定義されていない名前) はそのセルでコンパイルエラーになるので、そのセルを直して実行し直してください。間違えた問題は、解説を開く前に復習リストのノートブックを読み直して、もう一度答えてみましょう。

ドリルを終えたら、最後の**模擬試験モード**で、問題集全体からランダムに選んだ問題を時間を計って解けます (問題数と乱数の種を変えられます)。

公式だけを確認したいときは \`6-7-formula-sheet\` (印刷用の公式集) を、全問の正解と解説をまとめて見たいとき (答え合わせや、印刷して配るとき) は \`6-8-answer-key\` (解答集) を使ってください。`;

const SETUP = `import { ExamSession, 未回答, A, B, C, D } from "./src/exam/index";
import { currentBudget } from "./src/core/budget";

console.log(\`実行予算: \${currentBudget().toUpperCase()}（問題と答えは予算によらず同じです）\`);
const exam = new ExamSession();
exam.overview();`;

const TOPIC_LEAD: Record<Topic, string> = {
  optimizer: "SGD・Momentum・AdaGrad・RMSprop・Adam・AdamW の更新式を、本書の記法と E資格 (Goodfellow) の記法の両方で確認します。",
  init: "Xavier と He の初期値の式と、それぞれが向いている活性化関数、重みを均一にしてはいけない理由を確認します。",
  normalization: "Batch Normalization の計算を手で追い、学習時とテスト時の違い、Layer Normalization との違いを確認します。",
  regularization: "荷重減衰 (L2)・L1・Dropout の 2 つの実装・Early stopping を確認します。",
  search: "検証データの役割、対数スケールでのサンプリング、ランダムサーチとグリッドサーチ、ベイズ最適化の獲得関数を確認します。",
};

function questionCells(q: Question): NotebookCell[] {
  return [
    markdownCell(`prompt-${q.id}`, promptMarkdown(q)),
    codeCell(`answer-${q.id}`, answerCellSource(q), { zerokara: { answer: q.id } }),
    codeCell(`check-${q.id}`, checkCellSource(q)),
  ];
}

const SUMMARY_HEAD = `## 結果とふり返り

次のセルで、分野ごとの得点と、復習するノートブックの一覧が表示されます。答えを直したら、その問題のチェックのセルとこのセルをもう一度実行してください。`;

const MOCK_HEAD = `## 模擬試験モード

ドリルを一通り解いたら、本番のように**時間を計って**解いてみましょう。次のセルは、問題集の全 ${QUESTIONS.length} 問 (各章の確認問題とこのドリル) から、5 つの分野にまんべんなく ${MOCK_DEFAULTS.n} 問を選んで出題し、解き終えるまでの**目安の時間**を表示します。

- **問題数と組み合わせを変えるには**: セルの \`new MockExam({ n: ${MOCK_DEFAULTS.n}, seed: ${MOCK_DEFAULTS.seed} })\` の \`n\` (問題数、1〜${QUESTIONS.length}) と \`seed\` (乱数の種、整数) を書き換えて実行します。同じ \`n\` と \`seed\` なら、いつ、だれが実行しても同じ問題が同じ順に出ます (エンジンの乱数生成器を使っています)。\`seed\` を変えると別の組み合わせになるので、勉強会で全員が同じ \`seed\` を使えば同じ模擬試験を一緒に解けます。
- **答え方**: その下の答えのセルで、問題の ID (\`q12\` など) ごとに \`未回答\` を答えに書き換えます。形式はドリルと同じです。\`n\` や \`seed\` を変えたときは、出題のセルの最後に表示される「答えのセルのひな形」で答えのセルを置き換えてください。
- **採点**: 最後のセルで、得点と、**E資格のキーワードごと**の正解数と読み直す節 (ノートブックと見出し) の表が表示されます。正解と解説は \`6-8-answer-key\` にあります。`;

const MOCK_DRAW = `import { MockExam } from "./src/exam/mock-exam";

// n: 問題数 (1〜${QUESTIONS.length})、seed: 乱数の種 (整数)。書き換えて実行すると別の模擬試験になります。
const mock = new MockExam({ n: ${MOCK_DEFAULTS.n}, seed: ${MOCK_DEFAULTS.seed} });
mock.show();`;

const OUTRO = `## おわりに

- 本番の E資格では、同じ量に別の文字が使われます (本書の $\\eta$ = Goodfellow の $\\epsilon$、本書の $\\alpha$ = Goodfellow の $\\alpha$、d2l の $\\beta$ など)。記号の対応は \`6-7-formula-sheet\` の表で確認できます。
- コード穴埋めは本書の \`common/\` のコードそのものです。公式集の「NumPy」の折りたたみに、各更新式の NumPy 版を並べてあります。
- 問題は \`src/exam/questions/\` にあり、正解はすべてエンジンで計算して確かめています (\`test/exam-questions.test.ts\`)。`;

/** The whole exam notebook. */
export function examNotebook(filled = false): Notebook {
  const cells: NotebookCell[] = [markdownCell("intro", INTRO), codeCell("setup", SETUP)];
  for (const topic of Object.keys(TOPICS) as Topic[]) {
    const qs = questionsOf("6-6-exam-review").filter((q) => q.topic === topic);
    if (qs.length === 0) continue;
    cells.push(markdownCell(`topic-${topic}`, `## ${TOPICS[topic].title}\n\n${TOPIC_LEAD[topic]} 復習用のノートブック: \`${TOPICS[topic].notebook}\``));
    for (const q of qs) {
      const [prompt, answer, checkCell] = questionCells(q);
      if (filled) answer.source = sourceLines(answerCellSource(q, true));
      cells.push(prompt, answer, checkCell);
    }
  }
  cells.push(markdownCell("summary-head", SUMMARY_HEAD), codeCell("summary", "exam.summary();"));
  const mock = new MockExam(MOCK_DEFAULTS);
  cells.push(
    markdownCell("mock-head", MOCK_HEAD),
    codeCell("mock-draw", MOCK_DRAW),
    codeCell("mock-answers", mock.answerCellSource(filled), { zerokara: { mockAnswers: true } }),
    codeCell("mock-score", "mock.score(mockAnswers);"),
  );
  cells.push(markdownCell("outro", OUTRO));
  return notebook(cells, EXAM_TITLE);
}
