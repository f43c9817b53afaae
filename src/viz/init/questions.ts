/**
 * 確認問題 of notebook 6.2: the keys and explanations live here, not in the
 * notebook's check cells, so a learner reading the check cell does not see the
 * answer. Numeric keys come from the engine (weightInitStd), so they cannot
 * drift from what the notebook teaches. The prompts are in the notebook.
 */
import { weightInitStd } from "../../nn/init";
import { judgeChoice, judgeNumber, type QuizResult } from "./quiz";

interface Question {
  kind: "choice" | "number";
  key: string | number;
  /** Relative tolerance for numbers. */
  tol?: number;
  explanation: string;
}

export const INIT_QUESTIONS: Record<string, Question> = {
  q1: {
    kind: "choice", key: "C",
    explanation:
      "ReLU は負の入力をすべて 0 にするので、$\\mathrm{E}[\\mathrm{ReLU}(a)^2] = \\tfrac12 \\mathrm{Var}[a]$ となり、Xavier のままだと層ごとに分散が半分になります（2.3 の図）。" +
      "重みの分散を 2 倍の $2/n$ にして補うのが He の初期値です。Xavier は sigmoid・tanh のような原点付近で線形な活性化関数向けです。",
  },
  q2: {
    kind: "number", key: weightInitStd("xavier", 100, 100),
    explanation: "$1/\\sqrt{100} = 1/10 = 0.1$ です。このとき $n\\sigma^2 = 100 \\times 0.01 = 1$ となり、線形な層では分散が保たれます。",
  },
  q3: {
    kind: "number", key: weightInitStd("he", 100, 100), tol: 0.005,
    explanation: "$\\sqrt{2/100} = \\sqrt{0.02} \\approx 0.1414$ です。Xavier の $\\sqrt{2} \\approx 1.41$ 倍です。エンジンでは `weightInitStd(\"he\", 100, 100)` で確かめられます。",
  },
  q4: {
    kind: "choice", key: "B",
    explanation:
      "重みが小さいと $a \\approx 0$ となり、sigmoid の出力はどれも 0.5 付近になります。4.2 の「入力による変動」が示すように、2 層目以降の出力は入力をほとんど区別しておらず、" +
      "ニューロンを何個並べても 1 個と変わりません。勾配も小さくなりますが、発散（A）ではなく消失の方向です。",
  },
  q5: {
    kind: "number", key: (100 * weightInitStd(1, 100, 100) ** 2) ** 5,
    explanation: "1 層ごとに $n\\sigma^2 = 100 \\times 1^2 = 100$ 倍になるので、5 層で $100^5 = 10^{10}$ です。2.3 の図の左のパネルがこの値をたどっています。",
  },
  q6: {
    kind: "choice", key: "B",
    explanation: "同じ重みなら順伝播で同じ出力、逆伝播で同じ勾配、更新後も同じ重み、がくり返されます（対称性）。1 章の実験では 1000 回更新してもユニット間の差はちょうど 0 のままでした。",
  },
  q7: {
    kind: "number", key: weightInitStd("glorot", 784, 100), tol: 0.005,
    explanation:
      "$\\sqrt{2/884} \\approx 0.0476$ です。本書の $1/\\sqrt{784} \\approx 0.0357$ より大きくなります。本書の式は順伝播だけを考えた簡略版で、" +
      "逆伝播（$n_\\mathrm{out}$ 側）も考えると $n_\\mathrm{in}$ と $n_\\mathrm{out}$ の平均を使うことになります。$n_\\mathrm{in} = n_\\mathrm{out}$ なら両者は一致します。",
  },
};

/** Judge the learner's answer to question `id` ("q1" …). Never throws on the answer. */
export function checkQuestion(id: string, answer: unknown): QuizResult {
  const q = INIT_QUESTIONS[id];
  if (!q) return { status: "未回答", message: `問題 ${id} はありません（q1〜q${Object.keys(INIT_QUESTIONS).length}）。` };
  return q.kind === "choice"
    ? judgeChoice(answer, String(q.key), q.explanation)
    : judgeNumber(answer, Number(q.key), q.explanation, q.tol);
}
