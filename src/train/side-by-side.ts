/**
 * Several networks trained on the same mini-batches, as the book's
 * ch06/optimizer_compare_mnist.py and ch06/weight_init_compare.py do. Each
 * iteration draws one batch (TrainingLoop, MiniBatch) and every network that
 * has not diverged takes:
 *   grads = network.gradient(x_batch, t_batch)
 *   optimizer.update(network.params, grads)
 *   loss = network.loss(x_batch, t_batch)      (after the update, as the book records it)
 * A network whose loss becomes NaN/±∞ stops there (checkDivergence: divergedAt is
 * that 0-based iteration); its later losses stay NaN while the others go on.
 */
import { assertInteger } from "../core/errors";
import type { RNG } from "../core/rng";
import type { Optimizer } from "../optim/optimizer";
import { Divergence, TrainingLoop, checkDivergence } from "./loop";
import type { MiniBatch } from "./mini-batch";
import type { Net } from "./net";

export interface SideBySideRun {
  network: Pick<Net, "params" | "gradient" | "loss">;
  optimizer: Optimizer;
}

export interface SideBySideOptions {
  batch: MiniBatch;
  /** Draws the mini-batches. */
  rng: RNG;
  iterations: number;
  runs: readonly SideBySideRun[];
  /** After every iteration, with each run's loss of that iteration (NaN once diverged). */
  onIteration?: (iter: number, losses: readonly number[]) => void;
}

export interface SideBySideCurve {
  /** The loss of each iteration's mini-batch after its update (NaN from the divergence on). */
  loss: number[];
  /** 0-based iteration whose loss was NaN/±∞, or null. */
  divergedAt: number | null;
  divergence: Divergence | null;
}

export function trainSideBySide(o: SideBySideOptions): SideBySideCurve[] {
  assertInteger("iterations", o.iterations, 1);
  const curves: SideBySideCurve[] = o.runs.map(() => ({
    loss: new Array<number>(o.iterations).fill(NaN), divergedAt: null, divergence: null,
  }));
  const latest = new Array<number>(o.runs.length);
  new TrainingLoop({
    batch: o.batch, rng: o.rng, maxIter: o.iterations,
    step: (x, t, i) => {
      o.runs.forEach(({ network, optimizer }, n) => {
        const c = curves[n];
        if (c.divergence === null) {
          optimizer.update(network.params, network.gradient(x, t));
          const loss = network.loss(x, t);
          c.divergence = checkDivergence(i, loss, network.params);
          if (c.divergence === null) c.loss[i] = loss;
          else c.divergedAt = i;
        }
        latest[n] = c.loss[i];
      });
      o.onIteration?.(i, latest);
    },
  }).run();
  return curves;
}
