/**
 * Column kernels for an n×d row-major array (a mini-batch: one sample per row,
 * one feature per column), as NumPy's axis=0 reductions and row broadcasts.
 * They walk the array column by column (k = i·d + j steps down the rows), so the
 * column's constant or running sum stays in a register; every sum is still taken
 * in row order. BatchNormalization is written with them, one book line each.
 */

/** out[j] = Σ_i a[i, j]   (a.sum(axis=0)) */
export function columnSums(a: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = j; k < n * d; k += d) s += a[k];
    out[j] = s;
  }
}

/** out[j] = Σ_i a[i, j] / n   (a.mean(axis=0)) */
export function columnMeans(a: Float64Array, n: number, d: number, out: Float64Array): void {
  columnSums(a, n, d, out);
  for (let j = 0; j < d; j++) out[j] /= n;
}

/** out[j] = Σ_i a[i, j]² / n   (np.mean(a**2, axis=0)) */
export function columnMeanSquares(a: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = j; k < n * d; k += d) s += a[k] * a[k];
    out[j] = s / n;
  }
}

/** out[j] = Σ_i a[i, j]·b[i, j]   (np.sum(a * b, axis=0)) */
export function columnSumsOfProducts(a: Float64Array, b: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = j; k < n * d; k += d) s += a[k] * b[k];
    out[j] = s;
  }
}

/** out[j] = Σ_i a[i, j]·b[i, j] / div[j]   (np.sum((a * b) / div, axis=0): each term divided, then summed) */
export function columnSumsOfProductsOver(a: Float64Array, b: Float64Array, div: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const q = div[j];
    let s = 0;
    for (let k = j; k < n * d; k += d) s += (a[k] * b[k]) / q;
    out[j] = s;
  }
}

/** out = a − row   (row broadcast to every row; out may be a) */
export function subtractRow(a: Float64Array, row: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const r = row[j];
    for (let k = j; k < n * d; k += d) out[k] = a[k] - r;
  }
}

/** out = a / row   (out may be a) */
export function divideByRow(a: Float64Array, row: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const r = row[j];
    for (let k = j; k < n * d; k += d) out[k] = a[k] / r;
  }
}

/** out = row · a   (out may be a) */
export function multiplyByRow(row: Float64Array, a: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const r = row[j];
    for (let k = j; k < n * d; k += d) out[k] = r * a[k];
  }
}

/** out = scale · a + shift   (gamma · xn + beta) */
export function scaleShiftRows(scale: Float64Array, a: Float64Array, shift: Float64Array, n: number, d: number, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const s = scale[j], t = shift[j];
    for (let k = j; k < n * d; k += d) out[k] = s * a[k] + t;
  }
}

/** y += c · a · row   (row broadcast; the BN backward's dxc += (2/N) · xc · dvar) */
export function addScaledProductRow(c: number, a: Float64Array, row: Float64Array, n: number, d: number, y: Float64Array): void {
  for (let j = 0; j < d; j++) {
    const r = row[j];
    for (let k = j; k < n * d; k += d) y[k] += c * a[k] * r;
  }
}
