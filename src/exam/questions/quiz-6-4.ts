/** 確認問題 of 6-4-regularization (asked at the end of that notebook). */
import { Matrix } from "../../core/matrix";
import { RNG } from "../../core/rng";
import { Dropout } from "../../nn/dropout";
import { AdamW } from "../../optim/adamw";
import { SGD } from "../../optim/sgd";
import { ruleAgrees } from "../rule-check";
import type { ChoiceLetter, Question } from "../types";
import { adamStep } from "./optimizers";
import { dropoutRun } from "./regularization";

const NB = "6-4-regularization";
const HOME = "6-4-regularization";
const PENALTY = "パラメータノルムペナルティ";

export const QUIZ_6_4: Question[] = [
  {
    id: "q55",
    topic: "regularization",
    format: "choice",
    keyword: "過学習",
    home: HOME,
    title: "過学習が起きる主な原因",
    prompt: `本書 6.4.1 が挙げる、過学習が起きる主な原因の組み合わせとして正しいものはどれですか。`,
    choices: [
      "学習率が大きすぎること、バッチサイズが小さすぎること",
      "パラメータを大量に持ち表現力の高いモデルであること、訓練データが少ないこと",
      "重みの初期値が小さすぎること、活性化関数が sigmoid であること",
      "テストデータが多すぎること、エポック数が少なすぎること",
    ],
    key: "B",
    explanation:
      `本書は「パラメータを大量に持ち、表現力の高いモデルであること」と「訓練データが少ないこと」を挙げ、この 2 つをそろえる (7 層のネットワーク、訓練データ 300 枚) ことで過学習を再現しました。`,
    reread: { notebook: NB, section: "導入：過学習をわざと起こす" },
  },
  {
    id: "q56",
    topic: "regularization",
    format: "numeric",
    keyword: PENALTY,
    home: HOME,
    title: "荷重減衰で重みが縮む割合",
    prompt:
      `SGD (学習係数 $\\eta = 0.01$) で Weight decay ($\\lambda = 0.1$) を使うと、損失の勾配による更新とは別に、重みは 1 回の更新ごとに何倍に縮められますか (小数第 4 位まで)。`,
    key: 0.999,
    digits: 4,
    tolerance: 0.00005,
    explanation:
      `$W \\leftarrow W - \\eta(\\partial L/\\partial W + \\lambda W) = (1 - \\eta\\lambda)W - \\eta\\,\\partial L/\\partial W$ なので、$1 - 0.01 \\times 0.1 = 0.999$ 倍です。「荷重減衰」という名前はこの形から来ています。`,
    reread: { notebook: NB, section: "Weight decay（荷重減衰、L2 正則化）" },
    engineAnswer: () => {
      // data gradient 0: only the penalty's λW moves the weight
      const W = Matrix.row([1]);
      new SGD({ lr: 0.01 }).update({ W }, { W: Matrix.row([0.1 * W.data[0]]) });
      return W.data[0];
    },
  },
  {
    id: "q57",
    topic: "regularization",
    format: "choice",
    keyword: PENALTY,
    home: HOME,
    title: "ちょうど 0 の重みを作りやすい正則化",
    prompt: `学習後に「ちょうど 0」の重みが多い (スパースな) 解を作りやすい正則化はどれですか。`,
    choices: ["L2 正則化 (Weight decay)", "L1 正則化", "Dropout", "Batch Normalization"],
    key: "B",
    explanation:
      `L1 のペナルティ $\\lambda_1|w|$ の勾配は大きさがいつも $\\lambda_1$ なので、重みを 0 まで押し切ります。L2 の勾配 $\\lambda w$ は 0 に近づくほど弱くなり、重みを縮めるだけです。` +
      `なお、ちょうど 0 を得るには近接勾配法 (ソフト閾値処理) を使います。劣勾配のままでは 0 のまわりを行き来するだけです。`,
    reread: { notebook: NB, section: "L1 と L2：重みはどう変わるか" },
  },
  {
    id: "q58",
    topic: "regularization",
    format: "numeric",
    keyword: "ドロップアウト",
    home: HOME,
    title: "本書の Dropout のテスト時の倍率",
    prompt: `本書の形の Dropout で \`dropout_ratio = 0.2\` のとき、テスト時には各ニューロンの出力に何を掛けますか。`,
    key: 0.8,
    digits: 1,
    tolerance: 0.05,
    explanation:
      `訓練時は確率 0.8 でニューロンが残るので、訓練時の出力の期待値は $0.8x$ です。テスト時にこれとそろえるため、$1 - 0.2 = 0.8$ を掛けます。` +
      `inverted dropout なら逆に訓練時に $1/0.8 = 1.25$ を掛け、テスト時は何もしません。`,
    reread: { notebook: NB, section: "Dropout" },
    engineAnswer: () => {
      const r = dropoutRun("book", 0.2);
      return r.test[0] / r.x[0];
    },
  },
  {
    id: "q59",
    topic: "regularization",
    format: "numeric",
    keyword: "ドロップアウト",
    home: HOME,
    title: "inverted dropout の訓練時の出力",
    prompt:
      `inverted dropout (PyTorch などの実装) で、消す確率を $p = 0.5$ とします。訓練時に**残った**ニューロンへの入力が $x = 2$ のとき、そのニューロンの出力はいくつですか。`,
    key: 4,
    digits: 1,
    tolerance: 0.05,
    explanation:
      `inverted dropout は残ったニューロンの出力を $1/(1-p) = 2$ 倍するので $2 \\times 2 = 4$ です。期待値は $0.5 \\times 4 + 0.5 \\times 0 = 2 = x$ で、テスト時の出力 $x$ と等しくなります。`,
    reread: { notebook: NB, section: "Dropout" },
    engineAnswer: () => {
      const layer = new Dropout({ dropoutRatio: 0.5, form: "inverted", rng: new RNG(659) });
      const out = layer.forward(Matrix.row(Array.from({ length: 20 }, () => 2)), true);
      return Math.max(...out.data);
    },
  },
  {
    id: "q60",
    topic: "regularization",
    format: "choice",
    keyword: PENALTY,
    home: HOME,
    title: "Adam と Weight decay",
    prompt: `Adam で Weight decay を使う場合について、正しい記述はどれですか。`,
    choices: [
      "損失に $\\frac{1}{2}\\lambda\\lVert W \\rVert^2$ を加える方法と、毎回重みを直接 $\\eta\\lambda W$ だけ減らす方法 (AdamW) は、SGD と同じく常に同じ更新になる",
      "損失に加えた $\\lambda W$ も Adam の $\\sqrt{v}$ で割られるため、重みごとに減衰の強さが変わり、AdamW とは異なる更新になる",
      "Adam では Weight decay はまったく効果がない",
      "AdamW は $\\lambda W$ を $\\sqrt{v}$ で割ってから引く",
    ],
    key: "B",
    explanation:
      `SGD では 2 つの方法の差は丸め誤差だけですが、Adam では同じ λ でも重みの縮み方が大きく違います。AdamW は減衰を Adam の外に出し、$W \\leftarrow W - \\eta\\lambda W$ を $\\sqrt{v}$ で割らずに行います (D は逆)。`,
    reread: { notebook: NB, section: "Adam と Weight decay" },
    engineChoice: (letter: ChoiceLetter) => {
      const hp = { lr: 0.01, beta1: 0.9, beta2: 0.999 }, lambda = 0.5;
      const adamW = () => new AdamW({ ...hp, weightDecay: lambda });
      const l2SameAsAdamW = ruleAgrees(adamW, (p, g, s) => p - adamStep(g + lambda * p, s, hp));
      const dividedDecay = ruleAgrees(adamW, (p, g, s) => {
        const step = adamStep(g, s, hp);
        return p - step - (hp.lr * lambda * p) / (Math.sqrt(s.v) + 1e-7);
      });
      return { A: l2SameAsAdamW, B: !l2SameAsAdamW, C: undefined, D: dividedDecay }[letter];
    },
  },
  {
    id: "q61",
    topic: "regularization",
    format: "choice",
    keyword: "早期終了 (Early stopping)",
    home: HOME,
    title: "Early stopping の止めどきを決めるデータ",
    prompt: `Early stopping で「学習をいつ止めるか」を決めるのに使うデータはどれですか。`,
    choices: ["訓練データ", "検証データ", "テストデータ", "どれでもよい"],
    key: "B",
    explanation:
      `訓練データの精度は学習を続ければ上がり続けるので止めどきの判断に使えません。テストデータで止めどきを決めると、テストデータに合わせてしまい (ハイパーパラメータをテストデータで調整するのと同じ)、汎化性能を正しく測れなくなります。` +
      `そのため訓練データから検証データを取り分けて使います。`,
    reread: { notebook: NB, section: "Early stopping" },
  },
];
