/**
 * The Markdown of the formula sheet (6-7) apart from the update rules:
 * notation cross-walk, initialisers, normalisation, regularisation, early
 * stopping and the acquisition functions of Bayesian optimisation.
 * Formulas are in the book's notation first, then E資格 (Goodfellow et al.)
 * and d2l; pipes inside formulas are written \lvert \rvert so that Markdown
 * tables stay intact, and a norm ‖w‖ as two of them (NORM): the double-bar
 * character would make MathJax load an operator table (optable/
 * GeneralPunctuation.js) that the offline handout does not carry.
 */

/** ‖x‖ drawn with two single bars (see the header). */
const NORM = (x: string): string => `\\lvert\\!\\lvert ${x} \\rvert\\!\\rvert`;

export const NOTATION = `## 記号の対応表

同じ量に、本・試験・フレームワークで別の文字が使われます。E資格の問題文は Goodfellow らの教科書『Deep Learning』の記号に近く、d2l (Dive into Deep Learning) や PyTorch とも違うので、まずここを押さえます。

| 量 | 本書 | E資格 (Goodfellow) | d2l | PyTorch の引数 |
|:--|:--|:--|:--|:--|
| 学習係数 (学習率) | $\\eta$ (\`lr\`) | $\\epsilon$ | $\\eta$ | \`lr\` |
| パラメータ | $W$ | $\\theta$ | $\\mathbf{x}$, $\\mathbf{w}$ | \`params\` |
| 勾配 | $\\frac{\\partial L}{\\partial W}$ | $g$ (ミニバッチでは $\\hat{g}$) | $\\mathbf{g}_t$ | \`p.grad\` |
| モーメンタム係数 | $\\alpha$ (\`momentum\`) | $\\alpha$ | $\\beta$ | \`momentum\` |
| 2 乗勾配の減衰率 (RMSprop) | $\\rho$ (\`decay_rate\`) | $\\rho$ | $\\gamma$ | \`alpha\` |
| Adam の減衰率 | $\\beta_1, \\beta_2$ | $\\rho_1, \\rho_2$ | $\\beta_1, \\beta_2$ | \`betas\` |
| ゼロ除算を防ぐ定数 | \`1e-7\` (コード中) | $\\delta$ | $\\epsilon$ | \`eps\` |
| 荷重減衰の係数 | $\\lambda$ | $\\alpha$ | $\\lambda$ | \`weight_decay\` |
| 速度・2 乗勾配の累積 | $v$, $h$ | $v$, $r$ (Adam は $s$, $r$) | $\\mathbf{v}$, $\\mathbf{s}$ | (内部状態) |

**取り違えやすい点**: E資格の $\\epsilon$ は学習率、d2l や PyTorch の $\\epsilon$ (\`eps\`) はゼロ除算を防ぐ定数です。Goodfellow の $\\alpha$ はモーメンタム係数にも荷重減衰の係数にも使われます。PyTorch の BatchNorm の \`momentum=0.1\` は本書の \`momentum=0.9\` と同じ更新 (意味が逆)。Goodfellow の Dropout の $p$ は「残す」確率です。`;

export const UPDATE_RULES_HEAD = `## パラメータの更新 (6.1)

それぞれ、本書・E資格・d2l の記法での式と典型的な値、その下に同じ 1 ステップを TypeScript (このプロジェクトの \`src/optim\` と同じループ) で示します。「NumPy」を開くと、本書の \`common/optimizer.py\` と同じ手順の NumPy 版が並んでいます (E資格の試験は Python です)。$\\odot$ は要素ごとの積、状態 ($v, h, m$) は最初 0 です。`;

export const INIT = `## 重みの初期値 (6.2)

前層のノード数を $n$ ($n_\\text{in}$)、次層のノード数を $n_\\text{out}$ とします。入力と重みが独立で平均 0 なら $\\mathrm{Var}[a] = n\\, \\mathrm{Var}[w]\\, \\mathrm{Var}[x]$ なので、$\\mathrm{Var}[w] = 1/n$ で分散が保たれます。ReLU は半分を 0 にするので $2/n$ です。

| 名前 | ガウス分布の標準偏差 $\\sigma$ | 一様分布で書くと $U(-a, a)$ | 向く活性化関数 | 本書の \`weight_init_std\` |
|:--|:--|:--|:--|:--|
| Xavier (本書の形) | $\\sqrt{1/n}$ | $a = \\sqrt{3/n}$ | sigmoid, tanh | \`'sigmoid'\`, \`'xavier'\` |
| Glorot (論文の形) | $\\sqrt{2/(n_\\text{in} + n_\\text{out})}$ | $a = \\sqrt{6/(n_\\text{in} + n_\\text{out})}$ | sigmoid, tanh | (\`src/nn/init.ts\` の \`'glorot'\`) |
| He | $\\sqrt{2/n}$ | $a = \\sqrt{6/n}$ | ReLU | \`'relu'\`, \`'he'\` |
| 小さな定数 | $0.01$ | — | (深いと勾配消失) | \`0.01\` |

Goodfellow は Glorot の一様分布の形を「正規化初期化 (normalized initialization)」と呼びます。d2l も Xavier を $\\sigma^2 = 2/(n_\\text{in} + n_\\text{out})$ で説明します。すべて同じ値で初期化すると、隠れ層のニューロンが同じ勾配を受けて同じ値のまま動く (対称性が崩れない) ので、初期値はランダムにします。`;

export const NORMALIZATION = `## 正規化 (6.3)

### Batch Normalization

| 記法 | 学習時の計算 (ミニバッチ $\\mathcal{B} = \\{x_1, \\dots, x_m\\}$、特徴量ごと) | 典型的な値 |
|:--|:--|:--|
| 本書 | $\\mu_B = \\frac{1}{m} \\sum_{i} x_i$<br>$\\sigma_B^2 = \\frac{1}{m} \\sum_{i} (x_i - \\mu_B)^2$<br>$\\hat{x}_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}}$<br>$y_i = \\gamma \\hat{x}_i + \\beta$ | $\\varepsilon$ = \`10e-7\` (つまり $10^{-6}$)、$\\gamma = 1, \\beta = 0$ から学習 |
| E資格 (Goodfellow) | $H' = \\frac{H - \\mu}{\\sigma}$<br>$\\mu = \\frac{1}{m} \\sum_i H_{i,:}$<br>$\\sigma = \\sqrt{\\delta + \\frac{1}{m} \\sum_i (H - \\mu)_i^2}$<br>出力は $\\gamma H' + \\beta$ | $\\delta = 10^{-8}$ など |
| d2l | $\\mathrm{BN}(\\mathbf{x}) = \\boldsymbol{\\gamma} \\odot \\frac{\\mathbf{x} - \\hat{\\boldsymbol{\\mu}}_\\mathcal{B}}{\\hat{\\boldsymbol{\\sigma}}_\\mathcal{B}} + \\boldsymbol{\\beta}$<br>$\\hat{\\boldsymbol{\\sigma}}_\\mathcal{B}^2 = \\frac{1}{\\lvert \\mathcal{B} \\rvert} \\sum_{\\mathbf{x} \\in \\mathcal{B}} (\\mathbf{x} - \\hat{\\boldsymbol{\\mu}}_\\mathcal{B})^2 + \\epsilon$ | PyTorch は \`eps=1e-5\` |

分散はデータ数 $m$ で割ります (不偏分散ではない)。学習中に移動平均 $\\text{running} \\leftarrow \\text{momentum} \\cdot \\text{running} + (1 - \\text{momentum}) \\cdot \\mu_B$ ($\\sigma_B^2$ も同様、本書の momentum = 0.9、PyTorch の \`momentum=0.1\` は $1 - 0.9$ の意味) を蓄え、推論時は $\\hat{x} = (x - \\mathrm{running\\_mean}) / \\sqrt{\\mathrm{running\\_var} + \\varepsilon}$ とします。

### Batch / Layer / Instance / Group Normalization

入力が $N \\times C \\times H \\times W$ (サンプル × チャネル × 高さ × 幅) のとき、どれも $\\hat{x} = (x - \\mu) / \\sqrt{\\sigma^2 + \\varepsilon}$ で、平均・分散をとる範囲だけが違います ($G$ はグループ数)。

| 手法 | 平均・分散をとる範囲 | $(\\mu, \\sigma^2)$ の組の数 | 学習時と推論時 | 主な用途 |
|:--|:--|:--|:--|:--|
| Batch Norm (BN) | 同じチャネルの $(N, H, W)$ | $C$ | 違う (推論は移動平均) | CNN 全般 |
| Layer Norm (LN) | 同じサンプルの $(C, H, W)$ | $N$ | 同じ | RNN, Transformer |
| Instance Norm (IN) | 同じサンプル・チャネルの $(H, W)$ | $N C$ | 同じ | スタイル変換 |
| Group Norm (GN) | 同じサンプルの $C/G$ チャネルずつの $(C/G, H, W)$ | $N G$ | 同じ | 小さなバッチ (検出・分割) |

GN は $G = 1$ で LN、$G = C$ で IN に一致します。`;

export const REGULARIZATION = `## 正則化 (6.4)

### 荷重減衰 (L2 正則化) と L1 正則化

| 記法 | L2: 損失と勾配 | L1: 損失と勾配 | 典型的な値 |
|:--|:--|:--|:--|
| 本書 | $L + \\frac{1}{2} \\lambda W^2$ (全層の $W$ の 2 乗和)<br>$\\frac{\\partial L}{\\partial W} + \\lambda W$ | $L + \\lambda \\sum \\lvert W \\rvert$<br>$\\frac{\\partial L}{\\partial W} + \\lambda\\, \\mathrm{sign}(W)$ | $\\lambda = 0.1$ (\`overfit_weight_decay.py\`)、探索は $10^{-8}$〜$10^{-4}$ |
| E資格 (Goodfellow) | $\\tilde{J} = J + \\frac{\\alpha}{2} \\mathbf{w}^\\top \\mathbf{w}$<br>$\\mathbf{w} \\leftarrow (1 - \\epsilon \\alpha) \\mathbf{w} - \\epsilon \\nabla_{\\mathbf{w}} J$ | $\\tilde{J} = J + \\alpha ${NORM("\\mathbf{w}")}_1$<br>$\\nabla_{\\mathbf{w}} J + \\alpha\\, \\mathrm{sign}(\\mathbf{w})$ | |
| d2l | $L + \\frac{\\lambda}{2} ${NORM("\\mathbf{w}")}^2$<br>$\\mathbf{w} \\leftarrow (1 - \\eta \\lambda) \\mathbf{w} - \\eta \\nabla L$ | ($\\ell_1$ は Lasso として紹介) | PyTorch \`weight_decay\` |

L2 は重みを一定の割合で縮め (0 にはなりにくい)、L1 は一定の力で 0 に引く (スパースになる) と覚えます。バイアスには掛けません。SGD では L2 正則化と重み減衰は同じですが、Adam では違います (→ AdamW)。

### Dropout

消去する割合を $p$ (本書の \`dropout_ratio\`)、残すニューロンで 1 になるマスクを $\\text{mask}$ とします。

| 実装 | 学習時 | 推論時 | 典型的な値 |
|:--|:--|:--|:--|
| 本書の Dropout | $x \\odot \\text{mask}$ | $x\\, (1 - p)$ | 既定 $p = 0.5$、\`overfit_dropout.py\` は 0.2 |
| inverted dropout (PyTorch など、d2l) | $x \\odot \\text{mask} / (1 - p)$ | $x$ | \`nn.Dropout(p=0.5)\` |
| E資格 (Goodfellow) | 残す確率 $p$ でマスク | 重みを $p$ 倍 (weight scaling inference rule) | 入力 0.8、隠れ層 0.5 (残す確率) |

どの形も「推論時の出力 = 学習時の出力の期待値」になるように作られています。

### Early stopping

エポック $e$ ごとに検証データの精度 $\\mathrm{acc}_\\text{val}(e)$ を測り、最高値を更新したら重みを保存します。最高値を更新しないエポックが patience 回続いたら止め、保存した最良の重みに戻します:
$e^\\ast = \\operatorname{arg\\,max}_{e \\le E} \\mathrm{acc}_\\text{val}(e)$、$E - e^\\ast = \\text{patience}$ となった $E$ で停止。
Goodfellow (アルゴリズム 7.1) では $n$ ステップごとに評価し、patience を $p$ と書きます。エポック数そのものをハイパーパラメータとして自動で選ぶ正則化とみなせます。`;

export const SEARCH = `## ハイパーパラメータの探索 (6.5)

- データは訓練・**検証**・テストに分け、ハイパーパラメータは検証データで選びます (テストデータは最後に 1 回だけ)。
- 範囲は対数スケールで一様に: 本書は $\\eta = 10^{U(-6, -2)}$、$\\lambda = 10^{U(-8, -4)}$ (\`10 ** np.random.uniform(-6, -2)\`)。
- 重要なパラメータが少ないときは、同じ試行回数でグリッドサーチより多くの値を試せるランダムサーチが有利です (Bergstra & Bengio)。

### ベイズ最適化の獲得関数 (最大化、ガウス過程の予測 $\\mu(x), \\sigma(x)$、これまでの最良値 $f^+$)

獲得関数は本書にも Goodfellow にも d2l にもないので、ベイズ最適化の解説 (Brochu et al. 2010、Snoek et al. 2012) でよく使われる記号で書きます。

| 獲得関数 | 式 | 意味 | このプロジェクトの既定値 |
|:--|:--|:--|:--|
| PI (改善確率) | $\\mathrm{PI}(x) = \\Phi(z)$、$z = \\frac{\\mu - f^+ - \\xi}{\\sigma}$ | 改善する確率 | $\\xi = 0.01$ |
| EI (期待改善量) | $\\mathrm{EI}(x) = (\\mu - f^+ - \\xi)\\, \\Phi(z) + \\sigma\\, \\phi(z)$ | 改善量の期待値 (第 1 項が活用、第 2 項が探索) | $\\xi = 0$ |
| UCB (信頼上限) | $\\mathrm{UCB}(x) = \\mu + \\kappa \\sigma$ | 楽観的な見積もり | $\\kappa = 2$ |

$\\Phi$ は標準正規分布の累積分布関数、$\\phi$ は確率密度関数 ($\\phi(0) = 1/\\sqrt{2\\pi} \\approx 0.3989$) です。$\\sigma = 0$ では $\\mathrm{EI} = \\max(\\mu - f^+ - \\xi, 0)$。`;
