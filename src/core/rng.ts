/**
 * One seeded random generator for the whole engine (docs/ARCHITECTURE.md, "Layers": never Math.random).
 *
 * xoshiro128** (Blackman & Vigna) on 32-bit integers: fast in JS, small state,
 * and good statistical quality. The 128-bit state is filled from the seed with
 * splitmix32 so that nearby seeds (0, 1, 2, …) give unrelated streams.
 * `random()` builds a float64 in [0, 1) from 53 random bits, like NumPy.
 */
import { ArgumentError, assertInteger } from "./errors";
import { cos, log, sin } from "./libm";

export class RNG {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  // Box–Muller makes normals in pairs: the second waits in `spare` (a plain double beside a
  // flag, so V8 keeps it unboxed). The next normal is the product fa · fb (see nextFactors).
  private spare = 0;
  private hasSpare = false;
  private fa = 0;
  private fb = 0;

  constructor(readonly seed: number = 0) {
    if (!Number.isInteger(seed)) throw new ArgumentError("seed", "an integer", seed);
    let x = seed >>> 0;
    let hi = Math.floor(seed / 2 ** 32) >>> 0;
    const next = (): number => {
      // splitmix32
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      hi = (hi + 0x632be5ab) | 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float64 in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /**
   * The next standard normal z as two factors fa · fb: (r, cos θ) for the first of a
   * Box–Muller pair, (r·sin θ, 1) for the second. normal() returns mean + std·fa·fb,
   * evaluated left to right as the textbook's mean + std·r·cos θ is.
   */
  private nextFactors(): void {
    if (this.hasSpare) {
      this.hasSpare = false;
      this.fa = this.spare;
      this.fb = 1;
      return;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    // log, sin, cos from libm: the same bits in Node and in the browser (the live explorers)
    const r = Math.sqrt(-2 * log(u));
    this.spare = r * sin(2 * Math.PI * v);
    this.hasSpare = true;
    this.fa = r;
    this.fb = cos(2 * Math.PI * v);
  }

  /** Gaussian N(mean, std²) by the Box–Muller transform (pairs cached). */
  normal(mean = 0, std = 1): number {
    this.nextFactors();
    return mean + std * this.fa * this.fb; // (std·fa)·fb; × 1 is exact for the second of a pair
  }

  /**
   * What fillNormal(out, mean, std) would draw, kept unscaled: afterwards
   * `mean + std * a[i] * b[i]` is bit for bit the out[i] it would have written, for any
   * mean and std, and the generator has moved on exactly as far. The histogram explorer
   * keeps a and b and rescales W when only the weight scale moves (no new draws).
   */
  fillNormalFactors(a: Float64Array, b: Float64Array): void {
    if (b.length !== a.length) throw new ArgumentError("b", `a Float64Array of ${a.length} elements like a`, b.length);
    for (let i = 0; i < a.length; i++) {
      this.nextFactors();
      a[i] = this.fa;
      b[i] = this.fb;
    }
  }

  /** Integer in [low, high), unbiased (rejection sampling). */
  integer(low: number, high: number): number {
    assertInteger("low", low, Number.MIN_SAFE_INTEGER);
    assertInteger("high", high, low + 1);
    const n = high - low;
    if (n <= 2 ** 32) {
      const limit = Math.floor(2 ** 32 / n) * n;
      let r = this.nextUint32();
      while (r >= limit) r = this.nextUint32();
      return low + (r % n);
    }
    return low + Math.floor(this.random() * n);
  }

  /** Fill an array with N(mean, std²) samples. */
  fillNormal(out: Float64Array, mean = 0, std = 1): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.normal(mean, std);
    return out;
  }

  /** Fill an array with uniform samples in [low, high). */
  fillUniform(out: Float64Array, low = 0, high = 1): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform(low, high);
    return out;
  }

  /**
   * A 0/1 mask scaled by `value`: out[i] = value with probability 1 − p, else 0 — the
   * book's dropout mask `np.random.rand(*x.shape) > p`. Each element takes ONE 32-bit
   * draw u and keeps it when u ≥ p·2³² (u/2³² ≥ p): the keep probability is
   * 1 − ⌈p·2³²⌉/2³², exactly 1 − p when p·2³² is whole (0, 0.5, 0.25, …) and within
   * 2⁻³² otherwise. random() would take two draws and float arithmetic per element.
   * The same stream as calling nextUint32() once per element (the state is kept in
   * locals during the loop); branch-free.
   */
  fillMask(out: Float64Array, p: number, value = 1): Float64Array {
    if (!(typeof p === "number" && p >= 0 && p <= 1)) throw new ArgumentError("p", "a probability in [0, 1]", p);
    assertFiniteNumber("value", value);
    const threshold = p * 4294967296;
    let s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    for (let i = 0; i < out.length; i++) {
      const u = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0; // nextUint32(), inlined
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      out[i] = +(u >= threshold) * value;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /** A random permutation of 0..n-1 (Fisher–Yates), like np.random.permutation(n). */
  permutation(n: number): Int32Array {
    assertInteger("n", n, 0);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.integer(0, i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * `size` indices drawn from 0..n-1, like np.random.choice(n, size, replace).
   * With replacement (the book's mini-batch sampling) indices may repeat.
   */
  choice(n: number, size: number, replace = true): Int32Array {
    assertInteger("n", n, 1);
    assertInteger("size", size, 0);
    if (!replace) {
      if (size > n) throw new ArgumentError("size", `<= n (${n}) when replace is false`, size);
      return this.permutation(n).slice(0, size);
    }
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = this.integer(0, n);
    return out;
  }

  /** An independent generator derived from this one (for per-run streams). */
  fork(): RNG {
    return new RNG(this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11));
  }
}

function assertFiniteNumber(name: string, v: number): void {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new ArgumentError(name, "a finite number", v);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
