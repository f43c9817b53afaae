/**
 * What forwardActivations keeps between runs when it is given a workspace (the
 * live histogram explorer keeps one for its slider): the random draws of the
 * input and of every W for one (seed, sizes), and the matrices a run writes.
 *
 * When only the weight scale or the activation moves, a run then draws no random
 * numbers and allocates nothing. W = std · N is rebuilt from the kept draws
 * (RNG.fillNormalFactors: the same bits as drawing W again), and x·W and f(a)
 * are written over the previous run's matrices. In a browser the allocation is
 * what mattered: a fresh 1000 × 100 array costs milliseconds on its first touch,
 * and a run needs eleven of them.
 *
 * The matrices of a ForwardResult computed with a workspace belong to it: the
 * next run overwrites them (clone() what you keep).
 */
import type { Matrix } from "../../core/matrix";
import { reuse } from "../../nn/buffer";
import type { Layer } from "../../nn/types";
import { histogramInput, type HistogramSizes } from "./common";

export class ForwardWorkspace {
  private key = "";
  private nodeNum = 0;
  private x: Matrix | null = null;
  /** Layer i's draws: W_i[j] = 0 + std · a[j] · b[j] is what initWeight(std) would draw. */
  private draws: { a: Float64Array; b: Float64Array }[] = [];
  private weights: Matrix[] = [];
  private pre: Matrix[] = [];
  private layers = new Map<string, Layer[]>();

  /**
   * The Gaussian input of these sizes and seed. Draws it, and then every layer's
   * W draws in the order the book draws them, only when the seed or a size changed.
   */
  input(s: HistogramSizes): Matrix {
    const key = `${s.seed} ${s.dataCount} ${s.nodeNum} ${s.hiddenLayerSize}`;
    if (key === this.key && this.x !== null) return this.x;
    this.key = "";
    const { rng, x } = histogramInput(s, this.x ?? undefined);
    const n = s.nodeNum * s.nodeNum;
    this.draws = Array.from({ length: s.hiddenLayerSize }, (_, i) => {
      const old = this.draws[i];
      const d = old !== undefined && old.a.length === n ? old : { a: new Float64Array(n), b: new Float64Array(n) };
      rng.fillNormalFactors(d.a, d.b);
      return d;
    });
    this.x = x;
    this.nodeNum = s.nodeNum;
    this.key = key;
    return x;
  }

  /** Layer i's W = std · N_i (nodeNum × nodeNum), written over the previous run's. */
  weight(i: number, std: number): Matrix {
    const { a, b } = this.draws[i];
    const w = (this.weights[i] = reuse(this.weights[i] ?? null, this.nodeNum, this.nodeNum));
    const d = w.data;
    for (let j = 0; j < d.length; j++) d[j] = 0 + std * a[j] * b[j]; // RNG.normal(0, std), evaluated the same way
    return w;
  }

  /** The matrix that receives layer i's a = x·W. */
  preActivation(i: number, rows: number, cols: number): Matrix {
    return (this.pre[i] = reuse(this.pre[i] ?? null, rows, cols));
  }

  /** Layer i's activation layer: one per depth, so each keeps its own output matrix between runs. */
  layer(activation: string, i: number, make: () => Layer): Layer {
    let list = this.layers.get(activation);
    if (list === undefined) this.layers.set(activation, (list = []));
    return (list[i] ??= make());
  }
}
