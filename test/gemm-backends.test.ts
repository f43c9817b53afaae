/**
 * Every GEMM backend against a naive triple loop, on shapes that hit the edge
 * cases of a blocked kernel, plus argument errors and the backend choice.
 * A backend that cannot load here is skipped with its reason — except blas
 * under CI=true, where .ci/run installs gcc + OpenBLAS, so it must load.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, test } from "node:test";
import {
  backendNames, backendNotes, registerBackend, backendReport, chooseBackend, getBackend, setBackend, type GemmBackend,
} from "../src/core/gemm";
import { selfTest } from "../src/core/backends";
import { loadBlasAddon, loadBlasBackend } from "../src/core/gemm-blas";
import { jsBackend } from "../src/core/gemm-js";
import { loadWasmBackend } from "../src/core/gemm-wasm";
import { RNG } from "../src/core/rng";

const CI = process.env.CI === "true";

function tryLoad(name: string, load: () => GemmBackend): { backend?: GemmBackend; skip: string | false } {
  try {
    return { backend: load(), skip: false };
  } catch (e) {
    return { skip: `${name} backend not available: ${(e as Error).message}` };
  }
}

const candidates: [string, () => GemmBackend][] = [
  ["js", () => jsBackend],
  ["wasm", () => loadWasmBackend()],
  ["blas", () => loadBlasBackend()],
];

/** C ← alpha·op(A)·op(B) + beta·C, the definition, one element at a time. */
function naive(
  tA: boolean, tB: boolean, m: number, n: number, k: number, alpha: number,
  a: Float64Array, lda: number, b: Float64Array, ldb: number, beta: number, c: Float64Array, ldc: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (tA ? a[p * lda + i] : a[i * lda + p]) * (tB ? b[j * ldb + p] : b[p * ldb + j]);
      c[i * ldc + j] = alpha * s + (beta === 0 ? 0 : beta * c[i * ldc + j]);
    }
  }
}

interface Case { m: number; n: number; k: number; tA: boolean; tB: boolean; alpha: number; beta: number; pad: number }

function cases(): Case[] {
  const out: Case[] = [];
  const shapes: [number, number, number][] = [
    [1, 1, 1], [1, 7, 5], [9, 1, 5], [5, 3, 1], [3, 4, 0], [0, 3, 2], [4, 0, 2],
    [4, 4, 4], [5, 7, 3], [13, 11, 17], [64, 4, 256], [65, 5, 257], [128, 10, 100], [31, 33, 129],
  ];
  const ab: [number, number][] = [[1, 0], [-0.5, 1], [2, 0.25], [0, 0.5], [1, 1]];
  let i = 0;
  for (const [m, n, k] of shapes) {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        const [alpha, beta] = ab[i % ab.length];
        out.push({ m, n, k, tA, tB, alpha, beta, pad: i % 3 });
        i++;
      }
    }
  }
  return out;
}

/** Run one case on `backend` and on the naive loop; leading dims get `pad` extra columns. */
function check(backend: GemmBackend, cs: Case, rng: RNG, nanInC = true): void {
  const { m, n, k, tA, tB, alpha, beta, pad } = cs;
  const [ar, ac] = tA ? [k, m] : [m, k];
  const [br, bc] = tB ? [n, k] : [k, n];
  const lda = Math.max(1, ac + pad), ldb = Math.max(1, bc + (pad === 1 ? 2 : 0)), ldc = Math.max(1, n + pad);
  const a = rng.fillUniform(new Float64Array(ar * lda), -1, 1);
  const b = rng.fillUniform(new Float64Array(br * ldb), -1, 1);
  const c0 = rng.fillUniform(new Float64Array(m * ldc), -1, 1);
  if (beta === 0 && nanInC && c0.length > 0) c0.fill(NaN); // BLAS: beta = 0 means C is not read
  const want = c0.slice();
  naive(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, want, ldc);
  const got = c0.slice();
  backend.dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, got, ldc);
  const label = `${backend.name} ${JSON.stringify(cs)}`;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < ldc; j++) {
      const x = got[i * ldc + j], y = want[i * ldc + j];
      if (j >= n) {
        // padding between rows of C must be left untouched (NaN stays NaN)
        assert.ok(Object.is(x, c0[i * ldc + j]), `${label}: padding C[${i}, ${j}] changed`);
      } else {
        assert.ok(Math.abs(x - y) <= 1e-12 * Math.max(1, k), `${label}: C[${i}, ${j}] = ${x}, want ${y}`);
      }
    }
  }
}

for (const [name, load] of candidates) {
  const { backend, skip } = tryLoad(name, load);
  const mustHave = name === "blas" && CI;
  describe(`GEMM backend ${name}`, { skip: mustHave ? false : skip }, () => {
    test("loads (required under CI)", () => {
      assert.ok(backend, typeof skip === "string" ? skip : "not loaded");
      assert.equal(backend.name, name);
      assert.doesNotThrow(() => selfTest(backend));
    });

    test("matches the naive triple loop on all transposes, odd shapes, alpha/beta, leading dims", () => {
      const rng = new RNG(11);
      for (const cs of cases()) check(backend!, cs, rng);
    });

    test("beyond one cache block in every dimension (m > 64, n > 1024, k > 256)", () => {
      const rng = new RNG(12);
      check(backend!, { m: 70, n: 1030, k: 300, tA: false, tB: true, alpha: 1, beta: 0, pad: 1 }, rng);
      check(backend!, { m: 67, n: 1027, k: 259, tA: true, tB: false, alpha: 0.5, beta: 1, pad: 0 }, rng);
    });

    test("works on subarray views (byteOffset ≠ 0) and repeated calls reuse state correctly", () => {
      const rng = new RNG(13);
      const big = rng.fillUniform(new Float64Array(64), -1, 1);
      const a = big.subarray(3, 3 + 6), b = big.subarray(20, 20 + 6); // 2×3, 3×2
      const want = new Float64Array(4), got = new Float64Array(8).subarray(2, 6);
      naive(false, false, 2, 2, 3, 1, a, 3, b, 2, 0, want, 2);
      for (let r = 0; r < 3; r++) {
        backend!.dgemm(false, false, 2, 2, 3, 1, a, 3, b, 2, 0, got, 2);
        for (let i = 0; i < 4; i++) assert.ok(Math.abs(got[i] - want[i]) < 1e-14);
      }
    });

    test("k = 0 or alpha = 0 gives beta·C; beta = 0 there zeroes C even if it held NaN", () => {
      const c = Float64Array.of(NaN, 2, 3, 4);
      backend!.dgemm(false, false, 2, 2, 0, 1, new Float64Array(0), 1, new Float64Array(0), 2, 0, c, 2);
      assert.deepEqual([...c], [0, 0, 0, 0]);
      const d = Float64Array.of(1, 2, 3, 4);
      const ones = new Float64Array(4).fill(1);
      backend!.dgemm(false, false, 2, 2, 2, 0, ones, 2, ones, 2, 2, d, 2);
      assert.deepEqual([...d], [2, 4, 6, 8]);
    });

    test("bad arguments throw an error naming the argument (never a crash or a read past an array)", () => {
      const a = new Float64Array(6), b = new Float64Array(6), c = new Float64Array(4);
      const call = (...args: unknown[]) => () =>
        (backend!.dgemm as (...x: unknown[]) => void)(...args);
      const ok: unknown[] = [false, false, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2];
      assert.doesNotThrow(call(...ok));
      const bad: [number, unknown, RegExp][] = [
        [0, 1, /transA/],
        [1, "no", /transB/],
        [2, -1, /\bm\b/],
        [3, 2.5, /\bn\b/],
        [4, NaN, /\bk\b/],
        [5, "1", /alpha/],
        [6, new Float32Array(6), /\ba\b.*Float64Array/],
        [6, [1, 2, 3, 4, 5, 6], /\ba\b.*Float64Array/],
        [6, new Float64Array(5), /\ba\b.*length >= 6/],
        [7, 2, /lda/],
        [8, new Float64Array(3), /\bb\b.*length/],
        [9, 1, /ldb/],
        [10, undefined, /beta/],
        [11, new Float64Array(3), /\bc\b.*length/],
        [12, 0, /ldc/],
      ];
      for (const [i, v, re] of bad) {
        const args = [...ok];
        args[i] = v;
        assert.throws(call(...args), re, `argument ${i} = ${String(v)}`);
      }
      // C overlapping A would silently corrupt the product
      const shared = new Float64Array(10);
      assert.throws(call(false, false, 2, 2, 2, 1, shared.subarray(0, 4), 2, b, 2, 0, shared.subarray(2, 6), 2), /\bc\b.*overlap/);
      assert.throws(call(false, false, 2, 2), /./); // too few arguments
    });
  });
}

describe("BLAS addon loading", () => {
  test("build-native never fails the setup: no compiler → one 'skipped' line, exit 0", () => {
    const r = spawnSync(process.execPath, ["scripts/build-native.mjs", "--force"], {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, CC: "/nonexistent/cc" },
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^native BLAS addon: skipped: no C compiler \(\/nonexistent\/cc\) found; on Debian: apt-get install gcc libopenblas-dev/);
    assert.equal(r.stdout.trim().split("\n").length, 1);
  });

  test("a missing addon file gives one line that says how to build it", () => {
    assert.throws(() => loadBlasAddon(path.join(__dirname, "no-such-addon.node")), /not built.*build-native\.mjs/);
  });
  test("the wasm loader says how to rebuild a missing kernel", () => {
    assert.throws(() => loadWasmBackend(path.join(__dirname, "no-such-kernel.wasm")), /build-wasm\.mjs/);
  });
});

describe("backend registration and choice", () => {
  test("preference order is blas > wasm > js", () => {
    assert.deepEqual(backendNames(), ["blas", "wasm", "js"]);
  });

  test("ZEROKARA_BACKEND forces a backend; an unknown name is an error naming the valid ones", () => {
    const before = getBackend().name;
    try {
      assert.equal(chooseBackend("js").name, "js");
      assert.match(backendReport(), /GEMM backend: js/);
      assert.throws(() => chooseBackend("cuda"), /ZEROKARA_BACKEND: expected one of blas, wasm, js .*got "cuda"/);
      assert.throws(() => setBackend("gpu"), /backend: expected one of .*blas/);
    } finally {
      setBackend(before);
    }
  });

  test("a forced backend that cannot load says why in one line, then the next one runs", () => {
    const before = getBackend().name;
    const lines: string[] = [];
    try {
      registerBackend("broken", () => { throw new Error("no such device"); }, 99);
      assert.notEqual(chooseBackend("broken", (l) => lines.push(l)).name, "broken");
      assert.deepEqual(lines, ["ZEROKARA_BACKEND=broken: cannot load (no such device); using the next backend"]);
      assert.match(backendReport(), /skipped: broken: no such device/);
    } finally {
      setBackend(before);
    }
  });

  test("the engine picks its backend at import, per ZEROKARA_BACKEND (fresh process)", () => {
    const script = 'const c = require("./src/core"); console.log(c.getBackend().name); console.log(c.backendReport());';
    for (const want of ["js", "wasm"]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
        cwd: path.join(__dirname, ".."),
        env: { ...process.env, ZEROKARA_BACKEND: want },
        encoding: "utf8",
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.split("\n")[0], want);
      assert.match(r.stdout, new RegExp(`GEMM backend: ${want} — `));
    }
  });
});
