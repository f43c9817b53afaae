/**
 * The update rules of the formula sheet (6-7): each in three notations —
 * the book's (η, α, h, ∂L/∂W), E資格 = Goodfellow et al. "Deep Learning"
 * (ε learning rate, α momentum, ρ decay, δ small constant, ρ1/ρ2 Adam's
 * decays) and d2l.ai (η, β, γ, ε) — with the typical defaults, and the same
 * step as TypeScript (the engine's loop in src/optim) and as NumPy (the
 * book's common/optimizer.py). test/exam-formula-sheet.test.ts runs both
 * code twins against the engine's optimizer (NumPy with /usr/bin/python3).
 *
 * Code twins, shared conventions: `W` and `grad` are the parameter and its
 * gradient (Float64Array / ndarray), the state arrays are named as in the
 * book (v, h, m), `t` is Adam's step count (a number updated by the twin),
 * hyperparameters are variables (camelCase in TS, the book's snake_case in
 * NumPy). No blank lines inside a twin (they go into HTML blocks).
 */
import { createOptimizer } from "../../optim/registry";
import type { Optimizer } from "../../optim/optimizer";

export interface UpdateRule {
  key: "sgd" | "momentum" | "nesterov" | "adagrad" | "rmsprop" | "adam" | "adamw";
  name: string;
  /** One line of Japanese: what the rule does. */
  idea: string;
  /** LaTeX per notation (several formulas joined by ",\ "), null when the source has no such rule. */
  book: string;
  exam: string;
  d2l: string;
  /** Typical values per notation (Markdown). */
  defaults: { book: string; exam: string; d2l: string };
  /** State arrays, zero at the start (np.zeros_like(W)). */
  state: string[];
  /** Hyperparameters: TS name → NumPy name and the test value. */
  hyper: Record<string, { py: string; value: number }>;
  ts: string;
  numpy: string;
  /** The engine's optimizer with the test values. */
  engine: () => Optimizer;
}

const DL = "\\frac{\\partial L}{\\partial W}";

const ADAM_TS = `t += 1;
const lrT = lr * Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
for (let i = 0; i < W.length; i++) {
  m[i] += (1 - beta1) * (grad[i] - m[i]);
  v[i] += (1 - beta2) * (grad[i] ** 2 - v[i]);
  W[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-7);
}`;

const ADAM_PY = `t += 1
lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
m += (1 - beta1) * (grad - m)
v += (1 - beta2) * (grad**2 - v)
W -= lr_t * m / (np.sqrt(v) + 1e-7)`;

const ADAM_HYPER = { lr: { py: "lr", value: 0.01 }, beta1: { py: "beta1", value: 0.8 }, beta2: { py: "beta2", value: 0.95 } };

export const UPDATE_RULES: UpdateRule[] = [
  {
    key: "sgd",
    name: "SGD",
    idea: "勾配の逆向きに、学習係数の分だけ進む。",
    book: `W \\leftarrow W - \\eta ${DL}`,
    exam: `\\theta \\leftarrow \\theta - \\epsilon \\hat{g}`,
    d2l: `\\mathbf{x} \\leftarrow \\mathbf{x} - \\eta\\, \\mathbf{g}`,
    defaults: { book: "$\\eta = 0.01$", exam: "$\\epsilon$ (減衰させることも)", d2l: "$\\eta$" },
    state: [],
    hyper: { lr: { py: "lr", value: 0.1 } },
    ts: `for (let i = 0; i < W.length; i++) {
  W[i] -= lr * grad[i];
}`,
    numpy: `W -= lr * grad`,
    engine: () => createOptimizer("sgd", { lr: 0.1 }),
  },
  {
    key: "momentum",
    name: "Momentum",
    idea: "速度 $v$ に勾配をためて、同じ向きが続くと加速する (ボールが坂を転がるイメージ)。",
    book: `v \\leftarrow \\alpha v - \\eta ${DL},\\ W \\leftarrow W + v`,
    exam: `v \\leftarrow \\alpha v - \\epsilon g,\\ \\theta \\leftarrow \\theta + v`,
    d2l: `\\mathbf{v}_t \\leftarrow \\beta \\mathbf{v}_{t-1} + \\mathbf{g}_t,\\ \\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\eta\\, \\mathbf{v}_t`,
    defaults: { book: "$\\eta = 0.01,\\ \\alpha = 0.9$", exam: "$\\alpha = 0.5,\\ 0.9,\\ 0.99$", d2l: "$\\beta = 0.9$ ($\\mathbf{v}$ は本書の $-v/\\eta$)" },
    state: ["v"],
    hyper: { lr: { py: "lr", value: 0.05 }, momentum: { py: "momentum", value: 0.8 } },
    ts: `for (let i = 0; i < W.length; i++) {
  v[i] = momentum * v[i] - lr * grad[i];
  W[i] += v[i];
}`,
    numpy: `v = momentum * v - lr * grad
W += v`,
    engine: () => createOptimizer("momentum", { lr: 0.05, momentum: 0.8 }),
  },
  {
    key: "nesterov",
    name: "Nesterov (NAG)",
    idea: "一歩先 $\\theta + \\alpha v$ の勾配で速度を直す。本書のコードは、今の位置の勾配だけで済むように書き換えた形 (Bengio et al.)。",
    book: `W \\leftarrow W + \\alpha^2 v - (1 + \\alpha)\\, \\eta ${DL},\\ v \\leftarrow \\alpha v - \\eta ${DL}`,
    exam: `\\tilde{\\theta} \\leftarrow \\theta + \\alpha v,\\ g \\leftarrow \\nabla_{\\tilde{\\theta}} L(\\tilde{\\theta}),\\ v \\leftarrow \\alpha v - \\epsilon g,\\ \\theta \\leftarrow \\theta + v`,
    d2l: `\\mathbf{v}_t \\leftarrow \\beta \\mathbf{v}_{t-1} + \\nabla f(\\mathbf{x}_{t-1} - \\eta \\beta \\mathbf{v}_{t-1}),\\ \\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\eta\\, \\mathbf{v}_t`,
    defaults: { book: "$\\eta = 0.01,\\ \\alpha = 0.9$", exam: "$\\alpha = 0.9$", d2l: "(d2l の記号で書いた形)" },
    state: ["v"],
    hyper: { lr: { py: "lr", value: 0.05 }, momentum: { py: "momentum", value: 0.8 } },
    ts: `for (let i = 0; i < W.length; i++) {
  W[i] += momentum * momentum * v[i];
  W[i] -= (1 + momentum) * lr * grad[i];
  v[i] *= momentum;
  v[i] -= lr * grad[i];
}`,
    numpy: `W += momentum * momentum * v
W -= (1 + momentum) * lr * grad
v *= momentum
v -= lr * grad`,
    engine: () => createOptimizer("nesterov", { lr: 0.05, momentum: 0.8 }),
  },
  {
    key: "adagrad",
    name: "AdaGrad",
    idea: "勾配の 2 乗を足し続け、よく動いたパラメータほど学習係数を小さくする (学習が進むと止まっていく)。",
    book: `h \\leftarrow h + ${DL} \\odot ${DL},\\ W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h}} ${DL}`,
    exam: `r \\leftarrow r + g \\odot g,\\ \\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g`,
    d2l: `\\mathbf{s}_t \\leftarrow \\mathbf{s}_{t-1} + \\mathbf{g}_t^2,\\ \\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\frac{\\eta}{\\sqrt{\\mathbf{s}_t + \\epsilon}} \\odot \\mathbf{g}_t`,
    defaults: { book: "$\\eta = 0.01$, コードは $\\sqrt{h} + 10^{-7}$", exam: "$\\delta = 10^{-7}$", d2l: "$\\epsilon = 10^{-6}$" },
    state: ["h"],
    hyper: { lr: { py: "lr", value: 0.1 } },
    ts: `for (let i = 0; i < W.length; i++) {
  h[i] += grad[i] * grad[i];
  W[i] -= lr * grad[i] / (Math.sqrt(h[i]) + 1e-7);
}`,
    numpy: `h += grad * grad
W -= lr * grad / (np.sqrt(h) + 1e-7)`,
    engine: () => createOptimizer("adagrad", { lr: 0.1 }),
  },
  {
    key: "rmsprop",
    name: "RMSprop",
    idea: "AdaGrad の和を指数移動平均に変え、昔の勾配を忘れる (学習が止まらない)。",
    book: `h \\leftarrow \\rho h + (1 - \\rho) ${DL} \\odot ${DL},\\ W \\leftarrow W - \\eta \\frac{1}{\\sqrt{h} + 10^{-7}} ${DL}`,
    exam: `r \\leftarrow \\rho r + (1 - \\rho)\\, g \\odot g,\\ \\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g`,
    d2l: `\\mathbf{s}_t \\leftarrow \\gamma \\mathbf{s}_{t-1} + (1 - \\gamma)\\, \\mathbf{g}_t^2,\\ \\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\frac{\\eta}{\\sqrt{\\mathbf{s}_t + \\epsilon}} \\odot \\mathbf{g}_t`,
    defaults: { book: "$\\eta = 0.01,\\ \\rho = 0.99$ (decay_rate)", exam: "$\\delta = 10^{-6}$", d2l: "$\\gamma = 0.9,\\ \\epsilon = 10^{-6}$" },
    state: ["h"],
    hyper: { lr: { py: "lr", value: 0.05 }, decayRate: { py: "decay_rate", value: 0.8 } },
    ts: `for (let i = 0; i < W.length; i++) {
  h[i] *= decayRate;
  h[i] += (1 - decayRate) * grad[i] * grad[i];
  W[i] -= lr * grad[i] / (Math.sqrt(h[i]) + 1e-7);
}`,
    numpy: `h *= decay_rate
h += (1 - decay_rate) * grad * grad
W -= lr * grad / (np.sqrt(h) + 1e-7)`,
    engine: () => createOptimizer("rmsprop", { lr: 0.05, decayRate: 0.8 }),
  },
  {
    key: "adam",
    name: "Adam",
    idea: "Momentum (勾配の移動平均 $m$) と RMSprop (2 乗の移動平均 $v$) の組み合わせに、最初の数ステップのバイアス補正を加える。",
    book: `m \\leftarrow m + (1 - \\beta_1)(g - m),\\ v \\leftarrow v + (1 - \\beta_2)(g \\odot g - v),\\ W \\leftarrow W - \\eta \\frac{\\sqrt{1 - \\beta_2^t}}{1 - \\beta_1^t} \\frac{m}{\\sqrt{v} + 10^{-7}}`,
    exam: `s \\leftarrow \\rho_1 s + (1 - \\rho_1) g,\\ r \\leftarrow \\rho_2 r + (1 - \\rho_2)\\, g \\odot g,\\ \\hat{s} = \\frac{s}{1 - \\rho_1^t},\\ \\hat{r} = \\frac{r}{1 - \\rho_2^t},\\ \\theta \\leftarrow \\theta - \\epsilon \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}`,
    d2l: `\\mathbf{v}_t \\leftarrow \\beta_1 \\mathbf{v}_{t-1} + (1 - \\beta_1) \\mathbf{g}_t,\\ \\mathbf{s}_t \\leftarrow \\beta_2 \\mathbf{s}_{t-1} + (1 - \\beta_2) \\mathbf{g}_t^2,\\ \\hat{\\mathbf{v}}_t = \\frac{\\mathbf{v}_t}{1 - \\beta_1^t},\\ \\hat{\\mathbf{s}}_t = \\frac{\\mathbf{s}_t}{1 - \\beta_2^t},\\ \\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\frac{\\eta\\, \\hat{\\mathbf{v}}_t}{\\sqrt{\\hat{\\mathbf{s}}_t} + \\epsilon}`,
    defaults: {
      book: "$\\eta = 0.001,\\ \\beta_1 = 0.9,\\ \\beta_2 = 0.999$",
      exam: "$\\epsilon = 0.001,\\ \\rho_1 = 0.9,\\ \\rho_2 = 0.999,\\ \\delta = 10^{-8}$",
      d2l: "$\\beta_1 = 0.9,\\ \\beta_2 = 0.999,\\ \\epsilon = 10^{-6}$",
    },
    state: ["m", "v"],
    hyper: ADAM_HYPER,
    ts: ADAM_TS,
    numpy: ADAM_PY,
    engine: () => createOptimizer("adam", { lr: 0.01, beta1: 0.8, beta2: 0.95 }),
  },
  {
    key: "adamw",
    name: "AdamW",
    idea: "重み減衰を勾配に混ぜず、重みを直接 $\\eta\\lambda$ の割合で縮めてから Adam の一歩を進む (Loshchilov & Hutter)。本書にはない。",
    book: `W \\leftarrow W - \\eta \\lambda W,\\ W \\leftarrow W - (\\text{Adam の一歩})`,
    exam: `\\theta \\leftarrow \\theta - \\epsilon \\lambda \\theta - \\epsilon \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}`,
    d2l: `\\mathbf{x}_t \\leftarrow \\mathbf{x}_{t-1} - \\eta \\left( \\frac{\\hat{\\mathbf{v}}_t}{\\sqrt{\\hat{\\mathbf{s}}_t} + \\epsilon} + \\lambda \\mathbf{x}_{t-1} \\right)`,
    defaults: { book: "(src/optim/adamw.ts) $\\lambda = 0.01$", exam: "(E資格の記号で書いた形)", d2l: "(d2l の記号で書いた形) PyTorch も $\\lambda = 0.01$" },
    state: ["m", "v"],
    hyper: { ...ADAM_HYPER, weightDecay: { py: "weight_decay", value: 0.5 } },
    ts: `for (let i = 0; i < W.length; i++) {
  W[i] -= lr * weightDecay * W[i];
}
${ADAM_TS}`,
    numpy: `W -= lr * weight_decay * W
${ADAM_PY}`,
    engine: () => createOptimizer("adamw", { lr: 0.01, beta1: 0.8, beta2: 0.95, weightDecay: 0.5 }),
  },
];
