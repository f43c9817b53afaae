/**
 * Learning-rate schedules (学習係数の減衰・スケジューリング) and a wrapper that
 * applies one to ANY optimizer:
 *
 *   const opt = new LrSchedule(new Adam({ lr: 0.001 }), cosineSchedule({ totalSteps: 500 }));
 *   opt.update(params, grads);   // the same contract as the wrapped optimizer
 *
 * A schedule maps the update number t = 0, 1, 2, … (t updates already done)
 * and the base learning rate η to the learning rate of update t:
 *
 *   constant      η_t = η
 *   step          η_t = η · γ^⌊t / s⌋                       (×γ every s updates)
 *   exponential   η_t = η · γ^t
 *   cosine        η_t = η_min + (η − η_min) · (1 + cos(π t / T)) / 2   (t ≤ T; η_min after)
 *   warm-up       η_t = η · (t + 1) / W for t < W, then the next schedule at t − W
 *
 * The wrapper sets the wrapped optimizer's `lr` to η_t just before its
 * update and changes nothing else, so the wrapped update rule (momentum,
 * AdaGrad's h, Adam's m, v, t) is untouched. With the constant schedule the
 * wrapper is the plain optimizer, bit for bit (tested).
 */
import { ArgumentError, assertFinite, assertInteger, assertPositive } from "../core/errors";
import { checkLr, type Optimizer, type OptimizerName, type Params } from "./optimizer";

export interface Schedule {
  /** "constant", "step", "exponential", "cosine", "warmup". */
  readonly kind: string;
  /** Learning rate of update t (t = 0 for the first update) for base learning rate baseLr. */
  lrAt(t: number, baseLr: number): number;
  /** The schedule's settings (for tables and logs). */
  readonly settings: Record<string, number | string>;
  /** One line for a legend, e.g. "step (s = 10, γ = 0.5)". */
  readonly label: string;
}

function checkStep(t: number): void {
  assertInteger("t", t, 0);
}

export function constantSchedule(): Schedule {
  return {
    kind: "constant", settings: {}, label: "一定（constant）",
    lrAt(t, baseLr) {
      checkStep(t);
      return baseLr;
    },
  };
}

export interface StepScheduleOptions {
  /** Multiply the learning rate by gamma every stepSize updates. */
  stepSize: number;
  /** Factor in (0, 1]; PyTorch's StepLR default 0.1. */
  gamma?: number;
}

/** Step decay: η · γ^⌊t/s⌋ (PyTorch StepLR, Keras step decay). */
export function stepSchedule({ stepSize, gamma = 0.1 }: StepScheduleOptions): Schedule {
  assertInteger("stepSize", stepSize, 1);
  checkGamma(gamma);
  return {
    kind: "step", settings: { stepSize, gamma }, label: `ステップ（${stepSize} 回ごとに ×${gamma}）`,
    lrAt(t, baseLr) {
      checkStep(t);
      return baseLr * Math.pow(gamma, Math.floor(t / stepSize));
    },
  };
}

function checkGamma(gamma: number): void {
  assertFinite("gamma", gamma);
  if (!(gamma > 0 && gamma <= 1)) throw new ArgumentError("gamma", "a factor in (0, 1]", gamma);
}

/** Exponential decay: η · γ^t (PyTorch ExponentialLR). */
export function exponentialSchedule({ gamma }: { gamma: number }): Schedule {
  checkGamma(gamma);
  return {
    kind: "exponential", settings: { gamma }, label: `指数（×${Number(gamma.toPrecision(4))} / 回）`,
    lrAt(t, baseLr) {
      checkStep(t);
      return baseLr * Math.pow(gamma, t);
    },
  };
}

export interface CosineScheduleOptions {
  /** T: the update at which the learning rate reaches minLr (it stays there afterwards). */
  totalSteps: number;
  /** η_min (default 0). Must be below the base learning rate. */
  minLr?: number;
}

/** Cosine annealing without restarts (Loshchilov & Hutter 2017; PyTorch CosineAnnealingLR). */
export function cosineSchedule({ totalSteps, minLr = 0 }: CosineScheduleOptions): Schedule {
  assertInteger("totalSteps", totalSteps, 1);
  assertFinite("minLr", minLr);
  if (minLr < 0) throw new ArgumentError("minLr", "a number >= 0", minLr);
  return {
    kind: "cosine", settings: { totalSteps, minLr }, label: `コサイン（T = ${totalSteps}）`,
    lrAt(t, baseLr) {
      checkStep(t);
      if (minLr >= baseLr) throw new ArgumentError("minLr", `below the base learning rate ${baseLr}`, minLr);
      const s = Math.min(t, totalSteps);
      return minLr + ((baseLr - minLr) * (1 + Math.cos((Math.PI * s) / totalSteps))) / 2;
    },
  };
}

export interface WarmupScheduleOptions {
  /** W: updates 0 … W−1 ramp linearly up to the base learning rate. */
  warmupSteps: number;
  /** The schedule after the warm-up, started at t − W (default constant). */
  after?: Schedule;
}

/**
 * Linear warm-up: η · (t + 1)/W for t < W (the first update already moves,
 * with η/W), then `after` counted from the end of the warm-up.
 */
export function warmupSchedule({ warmupSteps, after = constantSchedule() }: WarmupScheduleOptions): Schedule {
  assertInteger("warmupSteps", warmupSteps, 1);
  if (after === null || typeof after !== "object" || typeof after.lrAt !== "function") {
    throw new ArgumentError("after", "a Schedule (e.g. cosineSchedule({ totalSteps: 100 }))", after);
  }
  return {
    kind: "warmup", settings: { warmupSteps, after: after.kind }, label: `ウォームアップ ${warmupSteps} 回 → ${after.label}`,
    lrAt(t, baseLr) {
      checkStep(t);
      return t < warmupSteps ? (baseLr * (t + 1)) / warmupSteps : after.lrAt(t - warmupSteps, baseLr);
    },
  };
}

/** η_0, η_1, …, η_{steps−1} of a schedule (for figures and tables). */
export function scheduleValues(schedule: Schedule, baseLr: number, steps: number): number[] {
  checkLr(baseLr);
  assertInteger("steps", steps, 0);
  return Array.from({ length: steps }, (_, t) => schedule.lrAt(t, baseLr));
}

/**
 * Any optimizer with a learning-rate schedule. Exposes the Optimizer
 * contract: `update(params, grads)` runs the wrapped optimizer's update with
 * lr = schedule.lrAt(t, baseLr), then t += 1; `lr` is the learning rate the
 * NEXT update will use; `reset()` resets the wrapped state and t.
 */
export class LrSchedule implements Optimizer {
  readonly name: OptimizerName;
  /** The wrapped optimizer's learning rate when it was wrapped (η of the formulas). */
  readonly baseLr: number;
  /** Updates done so far. */
  private t = 0;

  constructor(readonly optimizer: Optimizer, readonly schedule: Schedule) {
    if (optimizer === null || typeof optimizer !== "object" || typeof optimizer.update !== "function") {
      throw new ArgumentError("optimizer", "an Optimizer (e.g. new SGD({ lr: 0.1 }))", optimizer);
    }
    if (schedule === null || typeof schedule !== "object" || typeof schedule.lrAt !== "function") {
      throw new ArgumentError("schedule", "a Schedule (stepSchedule, exponentialSchedule, cosineSchedule, warmupSchedule …)", schedule);
    }
    this.name = optimizer.name;
    this.baseLr = checkLr(optimizer.lr);
    schedule.lrAt(0, this.baseLr); // a bad combination (cosine minLr ≥ lr) fails here, not mid-training
  }

  /** Number of updates done. */
  get steps(): number {
    return this.t;
  }

  get lr(): number {
    return this.schedule.lrAt(this.t, this.baseLr);
  }

  update(params: Params, grads: Params): void {
    const lr = this.lr;
    if (!(lr > 0) || !Number.isFinite(lr)) {
      // e.g. cosine with minLr 0 at t ≥ T: a zero step would silently stop learning
      throw new ArgumentError("schedule", `a positive learning rate at update ${this.t}`, lr);
    }
    setLr(this.optimizer, lr);
    this.optimizer.update(params, grads);
    this.t++;
  }

  reset(): void {
    this.optimizer.reset();
    this.t = 0;
    setLr(this.optimizer, this.baseLr);
  }

  hyperparams(): Record<string, number> {
    const out: Record<string, number> = { ...this.optimizer.hyperparams(), lr: this.baseLr };
    for (const [k, v] of Object.entries(this.schedule.settings)) if (typeof v === "number") out[k] = v;
    return out;
  }
}

/**
 * The optimizer classes read `this.lr` at the start of each update, so the
 * schedule writes it there (TypeScript's `readonly` is a compile-time
 * promise only). An optimizer whose lr cannot be written is reported.
 */
function setLr(optimizer: Optimizer, lr: number): void {
  assertPositive("lr", lr);
  try {
    (optimizer as { lr: number }).lr = lr;
  } catch {
    /* a getter without setter throws in strict mode: reported below */
  }
  if (optimizer.lr !== lr) {
    throw new ArgumentError("optimizer", "an optimizer whose lr property can be set (the schedule writes lr before each update)", optimizer.name);
  }
}
