/*
 * zerokara_blas: the system BLAS (OpenBLAS) as a Node-API addon.
 *
 * Exposes one routine, BLAS dgemm on row-major Float64Arrays:
 *   dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
 *   C <- alpha * op(A) * op(B) + beta * C
 * Every argument is checked (types, integer ranges, leading dimensions, array
 * lengths, C not overlapping A or B) so that a mistake throws a JS error that
 * names the argument instead of reading or writing outside an array.
 * Also: info() -> { config, corename, threads } and setNumThreads(n).
 *
 * Built by scripts/build-native.mjs with gcc against node-api-headers and
 * -lopenblas (no node-gyp). Loaded by src/core/gemm-blas.ts.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* OpenBLAS extensions (declared here too in case cblas.h is the reference one). */
extern void openblas_set_num_threads(int num_threads);
extern int openblas_get_num_threads(void);
extern char *openblas_get_config(void);
extern char *openblas_get_corename(void);

#define ARGC 13
static const char *const NAMES[ARGC] = {"transA", "transB", "m", "n", "k", "alpha", "a",
                                        "lda", "b", "ldb", "beta", "c", "ldc"};

/* Throw "dgemm: <arg>: expected ..." and return 0 (so callers can `return fail(...)`). */
static int fail(napi_env env, int is_range, const char *arg, const char *fmt, double x, double y) {
  char msg[256];
  int len = snprintf(msg, sizeof msg, "dgemm: %s: expected ", arg);
  snprintf(msg + len, sizeof msg - (size_t)len, fmt, x, y);
  if (is_range) napi_throw_range_error(env, "ERR_ZEROKARA_ARG", msg);
  else napi_throw_type_error(env, "ERR_ZEROKARA_ARG", msg);
  return 0;
}

static const char *type_name(napi_env env, napi_value v) {
  static const char *const names[] = {"undefined", "null",     "boolean", "number", "string",
                                      "symbol",    "object",   "function", "external", "bigint"};
  napi_valuetype t;
  bool b = false;
  if (napi_typeof(env, v, &t) != napi_ok || t > napi_bigint) return "unknown";
  if (t == napi_object && napi_is_typedarray(env, v, &b) == napi_ok && b) {
    napi_typedarray_type tt;
    size_t len, off;
    void *d;
    napi_value ab;
    static const char *const tnames[] = {"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
                                         "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
                                         "Float64Array", "BigInt64Array", "BigUint64Array"};
    if (napi_get_typedarray_info(env, v, &tt, &len, &d, &ab, &off) == napi_ok && tt <= napi_biguint64_array)
      return tnames[tt];
  }
  if (t == napi_object && napi_is_array(env, v, &b) == napi_ok && b) return "Array";
  return names[t];
}

/* Type mismatch: "dgemm: <arg>: expected <what>, got <type>". */
static int type_fail(napi_env env, int i, const char *what, napi_value v) {
  char msg[200];
  snprintf(msg, sizeof msg, "dgemm: %s: expected %s, got %s", NAMES[i], what, type_name(env, v));
  napi_throw_type_error(env, "ERR_ZEROKARA_ARG", msg);
  return 0;
}

static int get_bool(napi_env env, napi_value v, int i, int *out) {
  bool b;
  if (napi_get_value_bool(env, v, &b) != napi_ok) return type_fail(env, i, "a boolean", v);
  *out = b;
  return 1;
}

static int get_number(napi_env env, napi_value v, int i, double *out) {
  if (napi_get_value_double(env, v, out) != napi_ok) return type_fail(env, i, "a number", v);
  return 1;
}

/* An integer in [lo, INT_MAX]. */
static int get_int(napi_env env, napi_value v, int i, int lo, int *out) {
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok) return type_fail(env, i, "an integer", v);
  if (!(d >= lo && d <= INT_MAX && d == floor(d)))
    return fail(env, 1, NAMES[i], "an integer >= %.0f, got %g", lo, d);
  *out = (int)d;
  return 1;
}

typedef struct {
  double *data;
  size_t length;
  void *buffer_start; /* for the overlap check */
} f64view;

static int get_f64(napi_env env, napi_value v, int i, f64view *out) {
  bool is_ta = false;
  napi_typedarray_type type;
  napi_value ab;
  size_t offset;
  void *data;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta)
    return type_fail(env, i, "a Float64Array", v);
  if (napi_get_typedarray_info(env, v, &type, &out->length, &data, &ab, &offset) != napi_ok ||
      type != napi_float64_array)
    return type_fail(env, i, "a Float64Array", v);
  out->data = (double *)data;
  out->buffer_start = (char *)data - offset;
  return 1;
}

/* A stored rows x cols (row-major, leading dimension ld) needs (rows-1)*ld + cols elements. */
static int check_storage(napi_env env, int arr, int ldarg, int rows, int cols, int ld, size_t length) {
  if (ld < (cols > 1 ? cols : 1))
    return fail(env, 1, NAMES[ldarg], "an integer >= %.0f (the stored columns), got %.0f", cols > 1 ? cols : 1, ld);
  double need = rows == 0 || cols == 0 ? 0 : (double)(rows - 1) * ld + cols;
  if ((double)length < need)
    return fail(env, 1, NAMES[arr], "a Float64Array of length >= %.0f for this shape, got length %.0f", need,
                (double)length);
  return 1;
}

static int overlaps(const f64view *x, const f64view *y) {
  if (x->buffer_start != y->buffer_start) return 0;
  uintptr_t x0 = (uintptr_t)x->data, x1 = x0 + x->length * sizeof(double);
  uintptr_t y0 = (uintptr_t)y->data, y1 = y0 + y->length * sizeof(double);
  return x0 < y1 && y0 < x1 && x->length > 0 && y->length > 0;
}

static napi_value Dgemm(napi_env env, napi_callback_info info) {
  size_t argc = ARGC;
  napi_value argv[ARGC];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return NULL;
  if (argc != ARGC) {
    fail(env, 0, "arguments", "13 (transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc), got %.0f",
         (double)argc, 0);
    return NULL;
  }
  int ta = 0, tb = 0, m = 0, n = 0, k = 0, lda = 1, ldb = 1, ldc = 1;
  double alpha = 0, beta = 0;
  f64view a, b, c;
  if (!get_bool(env, argv[0], 0, &ta) || !get_bool(env, argv[1], 1, &tb) || !get_int(env, argv[2], 2, 0, &m) ||
      !get_int(env, argv[3], 3, 0, &n) || !get_int(env, argv[4], 4, 0, &k) ||
      !get_number(env, argv[5], 5, &alpha) || !get_f64(env, argv[6], 6, &a) ||
      !get_int(env, argv[7], 7, 1, &lda) || !get_f64(env, argv[8], 8, &b) || !get_int(env, argv[9], 9, 1, &ldb) ||
      !get_number(env, argv[10], 10, &beta) || !get_f64(env, argv[11], 11, &c) ||
      !get_int(env, argv[12], 12, 1, &ldc))
    return NULL;
  /* stored shapes: A is m x k (k x m if transposed), B is k x n (n x k), C is m x n */
  if (!check_storage(env, 6, 7, ta ? k : m, ta ? m : k, lda, a.length) ||
      !check_storage(env, 8, 9, tb ? n : k, tb ? k : n, ldb, b.length) ||
      !check_storage(env, 11, 12, m, n, ldc, c.length))
    return NULL;
  if (overlaps(&c, &a) || overlaps(&c, &b)) {
    fail(env, 1, "c", "memory that does not overlap a or b", 0, 0);
    return NULL;
  }
  if (m == 0 || n == 0) return NULL;
  cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, alpha,
              a.data, lda, b.data, ldb, beta, c.data, ldc);
  return NULL;
}

static napi_value Info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value obj, v;
  napi_create_object(env, &obj);
  napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, obj, "config", v);
  napi_create_string_utf8(env, openblas_get_corename(), NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, obj, "corename", v);
  napi_create_int32(env, openblas_get_num_threads(), &v);
  napi_set_named_property(env, obj, "threads", v);
  return obj;
}

static napi_value SetNumThreads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  double d = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_double(env, argv[0], &d) != napi_ok || !(d >= 1 && d <= 1024 && d == floor(d))) {
    napi_throw_range_error(env, "ERR_ZEROKARA_ARG", "setNumThreads: n: expected an integer in [1, 1024]");
    return NULL;
  }
  openblas_set_num_threads((int)d);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"dgemm", NULL, Dgemm, NULL, NULL, NULL, napi_enumerable, NULL},
      {"info", NULL, Info, NULL, NULL, NULL, napi_enumerable, NULL},
      {"setNumThreads", NULL, SetNumThreads, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
