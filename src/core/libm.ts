/**
 * Deterministic elementary functions: exp, log, sin, cos, tanh (and expm1) that give the same
 * bits on every JavaScript engine.
 *
 * Math.exp/log/sin/cos are not specified to the last bit, and engines differ:
 * Node 20 (V8 11.3) and today's Chromium round about one argument in ten (exp)
 * differently. The live explorers run this engine in the browser and must give
 * Node's numbers bit for bit, so the engine calls these instead wherever the
 * book writes np.exp / np.log / np.sin / np.cos on a path the explorers share.
 *
 * They are ports of fdlibm 5.3 (Sun Microsystems; the code V8's
 * src/base/ieee754.cc was ported from, and that Node 20's Math.* uses):
 * e_exp.c (with V8's exp(1) = e special case), e_log.c, k_sin.c, k_cos.c,
 * s_sin.c, s_cos.c, e_rem_pio2.c, k_rem_pio2.c, s_expm1.c and s_tanh.c. Only + − × ÷ on doubles
 * (each correctly rounded by IEEE 754 in every engine) and bit access through
 * one shared Float64Array / Int32Array pair, so the results equal Node 20's
 * Math.exp/log/sin/cos/tanh/expm1 exactly (test/libm.test.ts checks millions of arguments).
 * exp, expm1 and tanh, which the histogram explorer runs 500 000 times per figure, compare
 * values instead of reading bits and keep their constants local (see the note above exp).
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
F64[0] = 1;
/** Index of the high (sign/exponent) word: 1 on little-endian machines. */
const HI = I32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** High 32 bits of x as a signed int (fdlibm's GET_HIGH_WORD). */
function highWord(x: number): number {
  F64[0] = x;
  return I32[HI];
}
/** Low 32 bits of x as a signed int (GET_LOW_WORD; compare with `| 0` values). */
function lowWord(x: number): number {
  F64[0] = x;
  return I32[LO];
}
/** The double with these two words (INSERT_WORDS). */
function fromWords(hi: number, lo: number): number {
  I32[HI] = hi;
  I32[LO] = lo;
  return F64[0];
}
/** x with its high word replaced (SET_HIGH_WORD). */
function withHighWord(x: number, hi: number): number {
  F64[0] = x;
  I32[HI] = hi;
  return F64[0];
}
/** x with its low word replaced (SET_LOW_WORD). */
function withLowWord(x: number, lo: number): number {
  F64[0] = x;
  I32[LO] = lo;
  return F64[0];
}

// ---------------------------------------------------------------- exp (e_exp.c)

// ln 2 in two pieces, for log's k·ln2. exp and expm1 repeat it, and their other constants,
// as local literals: a module-level constant is a load from the module's closure in V8
// (bundlers and the CommonJS wrapper put it there), a local literal is folded into the
// machine code (exp ran ~2× slower in Chromium with the loads). HUGE, TWO_1023 and POW2
// below are used only off the common path or indexed, where the load does not matter.
const LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
const LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
const HUGE = 1.0e300;
const TWO_1023 = 8.988465674311579539e307; /* 2**1023 */
/** 2^(i − 1022) for i = 0 … 2045 (exact): the scale factor 2^k without a trip through the bit views. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let i = 1023; i < 2046; i++) POW2[i] = POW2[i - 1] * 2;
for (let i = 1021; i >= 0; i--) POW2[i] = POW2[i + 1] / 2;

/*
 * fdlibm compares the high word hx of |x| with bounds such as 0x3ff0a2b2. Positive doubles
 * are ordered like their bit patterns, so `hx < H` is `|x| < B` and `hx > H` is `|x| ≥ B'`
 * with B the double of high word H and low word 0 and B' that of H + 1. exp, expm1 and tanh
 * compare values against those B, written out in decimal (exact) beside their high words:
 * no bit reads on the hot path.
 */

/**
 * e^x, the same bits as Node 20's Math.exp. Reduce x = k·ln2 + r with
 * |r| ≤ ln2/2, approximate e^r by a rational function of r (error < 1 ulp),
 * then scale by 2^k.
 */
export function exp(x: number): number {
  const LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
  const LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
  const INV_LN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */
  const P1 = 1.66666666666666019037e-01; /* 0x3FC55555, 0x5555553E */
  const P2 = -2.77777777770155933842e-03; /* 0xBF66C16C, 0x16BEBD93 */
  const P3 = 6.61375632143793436117e-05; /* 0x3F11566A, 0xAF25DE2C */
  const P4 = -1.65339022054652515390e-06; /* 0xBEBBBD41, 0xC5D26BF1 */
  const P5 = 4.13813679705723846039e-08; /* 0x3E663769, 0x72BEA4D0 */
  const ax = Math.abs(x);
  let hi = 0, lo = 0, k = 0;

  if (!(ax < 709.7822265625)) { // hx ≥ 0x40862e42, |x| ≥ 709.78…: overflow, underflow, ±∞ or NaN
    if (x !== x) return x + x; // NaN
    if (ax === Infinity) return x > 0 ? x : 0; // exp(+∞) = +∞, exp(−∞) = 0
    if (x > 7.09782712893383973096e+02) return HUGE * HUGE; // overflow (o_threshold)
    if (x < -7.45133219101941108420e+02) return 0; // underflow (u_threshold): fdlibm's twom1000², +0
  }

  if (ax >= 0.3465735912322998) { // hx > 0x3fd62e42, |x| > ln2/2: argument reduction
    if (ax < 1.0397205352783203) { // hx < 0x3ff0a2b2, |x| < 1.5 ln2
      if (x === 1) return 2.718281828459045; // V8's special case e (the formula below is 1 ulp off there)
      hi = x > 0 ? x - LN2_HI : x + LN2_HI;
      lo = x > 0 ? LN2_LO : -LN2_LO;
      k = x > 0 ? 1 : -1;
    } else {
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0; // C's (int) truncates toward 0
      hi = x - k * LN2_HI; // k·LN2_HI is exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) { // hx < 0x3e300000, |x| < 2^−28
    return 1 + x;
  }

  // x is now in the primary range
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO_1023;
    return y * POW2[k + 1022]; // 2^k (fdlibm builds it from the exponent bits)
  }
  return y * POW2[k + 1000 + 1022] * 9.33263618503218878990e-302; // 2^(k+1000) · 2^−1000
}

// ---------------------------------------------------------------- log (e_log.c)

const TWO54 = 1.80143985094819840000e+16; /* 0x43500000, 0x00000000 */
const LG1 = 6.666666666666735130e-01; /* 3FE55555 55555593 */
const LG2 = 3.999999999940941908e-01; /* 3FD99999 9997FA04 */
const LG3 = 2.857142874366239149e-01; /* 3FD24924 94229359 */
const LG4 = 2.222219843214978396e-01; /* 3FCC71C5 1D8E78AF */
const LG5 = 1.818357216161805012e-01; /* 3FC74664 96CB03DE */
const LG6 = 1.531383769920937332e-01; /* 3FC39A09 D078C69F */
const LG7 = 1.479819860511658591e-01; /* 3FC2F112 DF3E5244 */

/**
 * Natural logarithm, the same bits as Node 20's Math.log. Write x = 2^k·(1+f)
 * with √2/2 < 1+f < √2, then log(1+f) = 2s + 2s³/3 + … with s = f/(2+f),
 * the tail by a polynomial (error < 1 ulp).
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) { // x < 2^−1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity; // log(±0) = −∞
    if (hx < 0) return NaN; // log(negative) = NaN
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) { // −2^−20 ≤ f < 2^−20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

// ------------------------------------------------- sin, cos kernels on [−π/4, π/4]

const S1 = -1.66666666666666324348e-01; /* 0xBFC55555, 0x55555549 */
const S2 = 8.33333333332248946124e-03; /* 0x3F811111, 0x1110F8A6 */
const S3 = -1.98412698298579493134e-04; /* 0xBF2A01A0, 0x19C161D5 */
const S4 = 2.75573137070700676789e-06; /* 0x3EC71DE3, 0x57B1FE7D */
const S5 = -2.50507602534068634195e-08; /* 0xBE5AE5E6, 0x8A2B9CEB */
const S6 = 1.58969099521155010221e-10; /* 0x3DE5D93A, 0x5ACFD57C */

/** sin(x + y) for |x| ≤ π/4, y the tail of x (k_sin.c); iy = 0 when y is known to be 0. */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return x; // |x| < 2^−27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = 4.16666666666666019037e-02; /* 0x3FA55555, 0x5555554C */
const C2 = -1.38888888888741095749e-03; /* 0xBF56C16C, 0x16C15177 */
const C3 = 2.48015872894767294178e-05; /* 0x3EFA01A0, 0x19CB1590 */
const C4 = -2.75573143513906633035e-07; /* 0xBE927E4F, 0x809C52AD */
const C5 = 2.08757232129817482790e-09; /* 0x3E21EE9E, 0xBDB4B1C4 */
const C6 = -1.13596475577881948265e-11; /* 0xBDA8FAE9, 0xBE8838D4 */

/** cos(x + y) for |x| ≤ π/4, y the tail of x (k_cos.c of fdlibm 5.3). */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && (x | 0) === 0) return 1; // |x| < 2^−27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

// ---------------------------------------------- x mod π/2 (e_rem_pio2.c, k_rem_pio2.c)

const INV_PIO2 = 6.36619772367581382433e-01; /* 0x3FE45F30, 0x6DC9C883 */
const PIO2_1 = 1.57079632673412561417e+00; /* 0x3FF921FB, 0x54400000 */
const PIO2_1T = 6.07710050650619224932e-11; /* 0x3DD0B461, 0x1A626331 */
const PIO2_2 = 6.07710050630396597660e-11; /* 0x3DD0B461, 0x1A600000 */
const PIO2_2T = 2.02226624879595063154e-21; /* 0x3BA3198A, 0x2E037073 */
const PIO2_3 = 2.02226624871116645580e-21; /* 0x3BA3198A, 0x2E000000 */
const PIO2_3T = 8.47842766036889956997e-32; /* 0x397B839A, 0x252049C1 */
const TWO24 = 1.67772160000000000000e+07; /* 0x41700000, 0x00000000 */
const TWO_M24 = 5.96046447753906250000e-08; /* 0x3E700000, 0x00000000 */

/** High words of n·π/2 for n = 1 … 32 (fdlibm's npio2_hw): near them the quick reduction cancels. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

/** 2/π in 24-bit pieces (fdlibm's two_over_pi), for the reduction of huge arguments. */
const TWO_OVER_PI = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** π/2 in 24-bit pieces (k_rem_pio2.c's PIo2). */
const PIO2_PIECES = [
  1.57079625129699707031e+00, /* 0x3FF921FB, 0x40000000 */
  7.54978941586159635335e-08, /* 0x3E74442D, 0x00000000 */
  5.39030252995776476554e-15, /* 0x3CF84698, 0x80000000 */
  3.28200341580791294123e-22, /* 0x3B78CC51, 0x60000000 */
  1.27065575308067607349e-29, /* 0x39F01B83, 0x80000000 */
  1.22933308981111328932e-36, /* 0x387A2520, 0x40000000 */
  2.73370053816464559624e-44, /* 0x36E38222, 0x80000000 */
  2.16741683877804819444e-51, /* 0x3569F31D, 0x00000000 */
];

/** x·2^n by exact exponent arithmetic (fdlibm's scalbn, as k_rem_pio2 uses it). */
function scalbn(x: number, n: number): number {
  // every use below keeps x·2^n normal, so multiplying by powers of two in range is exact
  while (n > 1023) { x *= 8.98846567431158e307; n -= 1023; }
  while (n < -1022) { x *= 2.2250738585072014e-308; n += 1022; }
  return x * fromWords((0x3ff + n) << 20, 0);
}

/**
 * k_rem_pio2.c for prec = 2 (double): x (as nx 24-bit pieces tx, scaled by
 * 2^e0) times 2/π, the integer part mod 8 returned, the fraction ×π/2 in y[0] + y[1].
 */
function kernelRemPio2(tx: number[], y: number[], e0: number, nx: number): number {
  const jk = 4; // init_jk[prec = 2]
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);
  const f: number[] = new Array(20).fill(0);
  const q: number[] = new Array(20).fill(0);
  const fq: number[] = new Array(20).fill(0);
  const iq: number[] = new Array(20).fill(0);

  // set up f[0] to f[jx+jk] where f[jx+jk] = two_over_pi[jv+jk]
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : TWO_OVER_PI[j];

  // compute q[0], q[1], … q[jk]
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let jj = 0; jj <= jx; jj++) fw += tx[jj] * f[jx + i - jj];
    q[i] = fw;
  }

  let jz = jk;
  let z: number, n: number, ih: number;
  for (;;) {
    // distill q[] into iq[] reversingly
    let i = 0;
    z = q[jz];
    for (let jj = jz; jj > 0; i++, jj--) {
      const fw = (TWO_M24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[jj - 1] + fw;
    }
    // compute n
    z = scalbn(z, q0); // actual value of z
    z -= 8.0 * Math.floor(z * 0.125); // trim off integer ≥ 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) { // need iq[jz-1] to determine n
      const t = iq[jz - 1] >> (24 - q0);
      n += t;
      iq[jz - 1] -= t << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) { // q > 0.5
      n += 1;
      let carry = 0;
      for (let ii = 0; ii < jz; ii++) { // compute 1 − q
        const jj = iq[ii];
        if (carry === 0) {
          if (jj !== 0) {
            carry = 1;
            iq[ii] = 0x1000000 - jj;
          }
        } else {
          iq[ii] = 0xffffff - jj;
        }
      }
      if (q0 > 0) { // rare case: chance is 1 in 12
        if (q0 === 1) iq[jz - 1] &= 0x7fffff;
        else if (q0 === 2) iq[jz - 1] &= 0x3fffff;
      }
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // check if recomputation is needed
    if (z === 0) {
      let jj = 0;
      for (let ii = jz - 1; ii >= jk; ii--) jj |= iq[ii];
      if (jj === 0) { // need recomputation
        let k = 1;
        while (iq[jk - k] === 0) k++; // k = number of terms needed
        for (let ii = jz + 1; ii <= jz + k; ii++) { // add q[jz+1] to q[jz+k]
          f[jx + ii] = TWO_OVER_PI[jv + ii];
          let fw = 0;
          for (let jjj = 0; jjj <= jx; jjj++) fw += tx[jjj] * f[jx + ii - jjj];
          q[ii] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  // chop off zero terms
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else { // break z into 24-bit if necessary
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWO_M24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // convert integer "bit" chunk to floating-point value
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i];
    fw *= TWO_M24;
  }

  // compute PIo2[0,…,jp] * q[jz,…,0]
  for (let i = jz; i >= 0; i--) {
    let s = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) s += PIO2_PIECES[k] * q[i + k];
    fq[jz - i] = s;
  }

  // compress fq[] into y[] (prec = 2)
  let s = 0;
  for (let i = jz; i >= 0; i--) s += fq[i];
  y[0] = ih === 0 ? s : -s;
  s = fq[0] - s;
  for (let i = 1; i <= jz; i++) s += fq[i];
  y[1] = ih === 0 ? s : -s;
  return n & 7;
}

const REM = [0, 0];

/** n with x = n·π/2 + (REM[0] + REM[1]), |REM[0]| ≤ π/4 (e_rem_pio2.c). */
function remPio2(x: number, y: number[]): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) { // |x| ≤ π/4: no reduction
    y[0] = x;
    y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) { // |x| < 3π/4: n = ±1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { // 33+53 bits of π are enough
        y[0] = z - PIO2_1T;
        y[1] = (z - y[0]) - PIO2_1T;
      } else { // near π/2: 33+33+53 bits
        z -= PIO2_2;
        y[0] = z - PIO2_2T;
        y[1] = (z - y[0]) - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z + PIO2_1T;
      y[1] = (z - y[0]) + PIO2_1T;
    } else {
      z += PIO2_2;
      y[0] = z + PIO2_2T;
      y[1] = (z - y[0]) + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) { // |x| ≲ 2^19·π/2: medium size
    let t = Math.abs(x);
    const n = (t * INV_PIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; // first round, good to 85 bits
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      y[0] = r - w; // quick check, no cancellation
    } else {
      const j = ix >> 20;
      y[0] = r - w;
      let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
      if (i > 16) { // second iteration, good to 118 bits
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - ((t - r) - w);
        y[0] = r - w;
        i = j - ((highWord(y[0]) >> 20) & 0x7ff);
        if (i > 49) { // third iteration, 151 bits
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - ((t - r) - w);
          y[0] = r - w;
        }
      }
    }
    y[1] = (r - y[0]) - w;
    if (hx < 0) {
      y[0] = -y[0];
      y[1] = -y[1];
      return -n;
    }
    return n;
  }
  if (ix >= 0x7ff00000) { // ±∞ or NaN
    y[0] = y[1] = x - x;
    return 0;
  }
  // huge |x|: z = scalbn(|x|, −ilogb(x) + 23), cut into three 24-bit pieces
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  const tx = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(tx, y, e0, nx);
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

/** sin x, the same bits as Node 20's Math.sin (s_sin.c): reduce mod π/2, then the kernel of the quadrant. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // sin(±∞ or NaN) = NaN
  const n = remPio2(x, REM);
  switch (n & 3) {
    case 0: return kernelSin(REM[0], REM[1], 1);
    case 1: return kernelCos(REM[0], REM[1]);
    case 2: return -kernelSin(REM[0], REM[1], 1);
    default: return -kernelCos(REM[0], REM[1]);
  }
}

/** cos x, the same bits as Node 20's Math.cos (s_cos.c). */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // cos(±∞ or NaN) = NaN
  const n = remPio2(x, REM);
  switch (n & 3) {
    case 0: return kernelCos(REM[0], REM[1]);
    case 1: return -kernelSin(REM[0], REM[1], 1);
    case 2: return -kernelCos(REM[0], REM[1]);
    default: return kernelSin(REM[0], REM[1], 1);
  }
}

// ------------------------------------------------------- tanh (s_tanh.c, s_expm1.c)

/** e^x − 1 without cancellation near 0 (s_expm1.c); tanh needs it. Same bits as Node 20's Math.expm1. */
export function expm1(x: number): number {
  const LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
  const LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
  const INV_LN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */
  const Q1 = -3.33333333333331316428e-02; /* BFA11111 111110F4 */
  const Q2 = 1.58730158725481460165e-03; /* 3F5A01A0 19FE5585 */
  const Q3 = -7.93650757867487942473e-05; /* BF14CE19 9EAADBB7 */
  const Q4 = 4.00821782732936239552e-06; /* 3ED0CFCA 86E65239 */
  const Q5 = -2.01099218183624371326e-07; /* BE8AFDB7 6E09C32D */
  const ax = Math.abs(x);
  let k = 0, c = 0;

  if (!(ax < 38.81622314453125)) { // hx ≥ 0x4043687a, |x| ≥ 56·ln2, or NaN
    if (!(ax < 709.7822265625)) { // hx ≥ 0x40862e42, |x| ≥ 709.78…
      if (x !== x) return x + x; // NaN
      if (ax === Infinity) return x > 0 ? x : -1.0; // expm1(±∞) = {∞, −1}
      if (x > 7.09782712893383973096e+02) return HUGE * HUGE; // overflow (o_threshold)
    }
    if (x < 0) return 1.0e-300 - 1; // x < −56·ln2: −1
  }

  if (ax >= 0.3465735912322998) { // hx > 0x3fd62e42, |x| > ln2/2: argument reduction
    let hi: number, lo: number;
    if (ax < 1.0397205352783203) { // hx < 0x3ff0a2b2, |x| < 1.5 ln2
      if (x > 0) { hi = x - LN2_HI; lo = LN2_LO; k = 1; } else { hi = x + LN2_HI; lo = -LN2_LO; k = -1; }
    } else {
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (ax < 5.551115123125783e-17) { // hx < 0x3c900000, |x| < 2^−54
    return x;
  }

  // x is now in the primary range
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); // c is 0
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
  let y: number;
  if (k <= -2 || k > 56) { // suffices to return exp(x) − 1
    y = 1 - (e - x);
    y = k === 1024 ? y * 2.0 * TWO_1023 : y * POW2[k + 1022]; // × 2^k
    return y - 1;
  }
  if (k < 20) {
    t = 1 - POW2[1022 - k]; // 1 − 2^−k (exact for k < 53)
    y = t - (e - x);
  } else {
    t = POW2[1022 - k]; // 2^−k
    y = x - (e + t);
    y += 1;
  }
  return y * POW2[k + 1022];
}

/** tanh x (s_tanh.c): from expm1 of 2|x|; ±1 beyond |x| = 22. Same bits as Node 20's Math.tanh. */
export function tanh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return x > 0 ? 1 / x + 1 : 1 / x - 1; // tanh(±∞) = ±1, tanh(NaN) = NaN
  let z: number;
  if (ax < 22) { // hx < 0x40360000
    if (ax < 3.725290298461914e-9) return x; // hx < 0x3e300000, |x| < 2^−28
    if (ax >= 1) { // hx ≥ 0x3ff00000
      const t = expm1(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else {
    z = 1; // |x| ≥ 22: 1 − tiny rounds to 1
  }
  return x > 0 ? z : -z;
}
