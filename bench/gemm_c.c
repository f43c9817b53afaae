/*
 * Bench helper: OpenBLAS cblas_dgemm called straight from C, the yardstick for the
 * engine's GEMM backends (scripts/bench.mjs compiles it at bench time with gcc -lopenblas).
 *
 *   gemm_c ROUNDS ROUND_MS tA,tB,m,n,k,lda,ldb,ldc[,beta] [...]   (beta: 0 unless given)
 *
 * For each shape: random operands, calls calibrated to fill ROUND_MS, then ROUNDS
 * rounds; prints the median CPU µs per call (process CPU time) as a JSON array. Same
 * method as bench/engine.ts.
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double clock_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
static double now_ms(void) { return clock_ms(CLOCK_MONOTONIC); }
static double cpu_ms(void) { return clock_ms(CLOCK_PROCESS_CPUTIME_ID); }

static int cmp(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

static double *randoms(size_t n) {
  double *p = malloc((n ? n : 1) * sizeof(double));
  for (size_t i = 0; i < n; i++) p[i] = 2.0 * rand() / RAND_MAX - 1.0;
  return p;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s ROUNDS ROUND_MS tA,tB,m,n,k,lda,ldb,ldc[,beta] ...\n", argv[0]);
    return 2;
  }
  int rounds = atoi(argv[1]);
  double round_ms = atof(argv[2]);
  double *us = malloc(sizeof(double) * (rounds > 0 ? rounds : 1));
  printf("[");
  for (int s = 3; s < argc; s++) {
    int ta, tb, m, n, k, lda, ldb, ldc;
    double beta = 0.0;
    if (sscanf(argv[s], "%d,%d,%d,%d,%d,%d,%d,%d,%lf", &ta, &tb, &m, &n, &k, &lda, &ldb, &ldc, &beta) < 8) {
      fprintf(stderr, "bad shape %s\n", argv[s]);
      return 2;
    }
    double *a = randoms((size_t)(ta ? k : m) * lda), *b = randoms((size_t)(tb ? n : k) * ldb);
    double *c = randoms((size_t)m * ldc);
    enum CBLAS_TRANSPOSE TA = ta ? CblasTrans : CblasNoTrans, TB = tb ? CblasTrans : CblasNoTrans;
    double t0 = now_ms();
    long calls = 0;
    while (now_ms() - t0 < round_ms) {
      cblas_dgemm(CblasRowMajor, TA, TB, m, n, k, 1.0, a, lda, b, ldb, beta, c, ldc);
      calls++;
    }
    if (calls < 3) calls = 3;
    for (int r = 0; r < rounds; r++) {
      t0 = cpu_ms();
      for (long i = 0; i < calls; i++) cblas_dgemm(CblasRowMajor, TA, TB, m, n, k, 1.0, a, lda, b, ldb, beta, c, ldc);
      us[r] = (cpu_ms() - t0) * 1e3 / calls;
    }
    qsort(us, rounds, sizeof(double), cmp);
    double med = rounds % 2 ? us[rounds / 2] : (us[rounds / 2 - 1] + us[rounds / 2]) / 2;
    printf("%s%.3f", s > 3 ? "," : "", med);
    free(a);
    free(b);
    free(c);
  }
  printf("]\n");
  free(us);
  return 0;
}
