/**
 * よくある誤解 (6.1): Adam's bias correction written without the power t,
 * m̂ = m / (1 − β1), v̂ = v / (1 − β2) — as one source article prints it.
 *
 * With a constant gradient g the paper's correction makes every step exactly
 * η (m_t = (1 − β1^t) g and v_t = (1 − β2^t) g², so m̂/√v̂ = 1). The fixed
 * divisors give (1 − β1^t)/(1 − β1) · √((1 − β2)/(1 − β2^t)) instead: 1 at
 * t = 1, about 2 near t = 10, then down to √(1 − β2)/(1 − β1) ≈ 0.316 for ever.
 * The "with power" column is measured on the engine's Adam, not computed.
 */
import { ArgumentError, assertInteger } from "../../core/errors";
import { Matrix } from "../../core/matrix";
import { Adam } from "../../optim/adam";

export interface BiasCorrectionRow {
  t: number;
  /** |Δw| / η of the engine's Adam (the book's code, correction with the power t). */
  withPower: number;
  /** |Δw| / η with the article's m / (1 − β1), v / (1 − β2). */
  withoutPower: number;
}

export interface BiasCorrectionOptions {
  beta1?: number;
  beta2?: number;
  /** Steps t to report (1-based, increasing). */
  steps?: number[];
}

export function adamBiasCorrectionRows(options: BiasCorrectionOptions = {}): BiasCorrectionRow[] {
  const { beta1 = 0.9, beta2 = 0.999, steps = [1, 2, 5, 10, 30, 100, 1000, 10000] } = options;
  steps.forEach((t, i) => {
    assertInteger(`steps[${i}]`, t, 1);
    if (i > 0 && t <= steps[i - 1]) throw new ArgumentError(`steps[${i}]`, `a step after ${steps[i - 1]}`, t);
  });
  const lr = 1e-3, g = 1;
  const adam = new Adam({ lr, beta1, beta2 });
  const params = { W: Matrix.zeros(1, 1) }, grads = { W: Matrix.from([[g]]) };
  let m = 0, v = 0; // the article's own state
  const rows: BiasCorrectionRow[] = [];
  const last = steps[steps.length - 1] ?? 0;
  for (let t = 1, k = 0; t <= last; t++) {
    const before = params.W.data[0];
    adam.update(params, grads);
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const articleStep = (m / (1 - beta1)) / Math.sqrt(v / (1 - beta2));
    if (t === steps[k]) {
      rows.push({ t, withPower: Math.abs(params.W.data[0] - before) / lr, withoutPower: articleStep });
      k++;
    }
  }
  return rows;
}
