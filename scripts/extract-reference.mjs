#!/usr/bin/env node
/**
 * Regenerates data/reference/*.json and data/reference/raw/*.stdout.txt from the
 * book's own chapter-6 notebook (oreilly-japan/deep-learning-from-scratch,
 * notebooks/ch06.ipynb): the printed stdout of each ch06/*.py cell is kept
 * verbatim in raw/, and every number in it is parsed into one JSON file per
 * script, with the settings the script used (read from ch06/*.py; each setting
 * is checked against the cell's source text below, so a changed notebook fails
 * loudly instead of silently mislabelling numbers).
 *
 * Usage:
 *   G=/work/.mirror/oreilly-japan+deep-learning-from-scratch/repo
 *   git --git-dir=$G show HEAD:notebooks/ch06.ipynb > /tmp/ch06.ipynb
 *   node scripts/extract-reference.mjs /tmp/ch06.ipynb --commit "$(git --git-dir=$G rev-parse HEAD)"
 *
 * Options:
 *   --commit <sha>  commit of the book repository the notebook was read from. Without it, the
 *                   commit already recorded in data/reference is kept if (and only if) the
 *                   notebook bytes hash to the same git blob id; otherwise "unknown".
 *   --out <dir>     output directory (default: data/reference next to this script)
 *   --check         write nothing; exit 1 if any file on disk differs from what would be written
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPOSITORY = "oreilly-japan/deep-learning-from-scratch";
const NOTEBOOK_PATH = "notebooks/ch06.ipynb";

const NOTE =
  "ONE unseeded run. The book's scripts never call np.random.seed, so every number here is a " +
  "single random sample (initial weights, mini-batches, dropout masks, shuffles, search draws): " +
  "a re-run of the same script prints different digits. Compare trends and ranges, not digits.";

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const args = { notebook: undefined, commit: undefined, out: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--commit") args.commit = argv[++i];
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--check") args.check = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a.startsWith("--")) fail(`unknown option ${a}`);
    else if (args.notebook === undefined) args.notebook = a;
    else fail(`unexpected argument ${a}`);
  }
  return args;
}

function fail(msg) {
  process.stderr.write(`extract-reference: ${msg}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- notebook access
function textOf(v) {
  return Array.isArray(v) ? v.join("") : String(v ?? "");
}

/** The code cell that follows the markdown header "# ch06/<name>.py". */
function findScriptCell(nb, script) {
  const cells = nb.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.cell_type === "markdown" && textOf(c.source).trim() === `# ${script}`) {
      for (let j = i + 1; j < cells.length; j++) {
        if (cells[j].cell_type === "code") return { index: j, cell: cells[j] };
        if (cells[j].cell_type === "markdown") break;
      }
    }
  }
  throw new Error(`no code cell under the header "# ${script}"`);
}

/** stdout text concatenated in order, and each stderr chunk with the stdout line count before it. */
function streams(cell) {
  let stdout = "";
  const stderr = [];
  for (const o of cell.outputs ?? []) {
    if (o.output_type !== "stream") continue;
    const t = textOf(o.text);
    if (o.name === "stdout") stdout += t;
    else if (o.name === "stderr") stderr.push({ afterStdoutLine: lineCount(stdout), text: t });
  }
  return { stdout, stderr };
}

function lineCount(s) {
  return s === "" ? 0 : s.split("\n").length - (s.endsWith("\n") ? 1 : 0);
}

/** Every setting recorded in the JSON is asserted against the cell source. */
function expectSource(script, source, ...snippets) {
  for (const s of snippets) {
    if (!source.includes(s)) throw new Error(`${script}: cell source no longer contains ${JSON.stringify(s)}`);
  }
}

// ---------------------------------------------------------------- number parsing
const NUM = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

function num(text, where) {
  const v = Number(text);
  if (!Number.isFinite(v)) throw new Error(`${where}: not a finite number: ${JSON.stringify(text)}`);
  return v;
}

function lines(stdout) {
  const ls = stdout.split("\n");
  if (ls[ls.length - 1] === "") ls.pop();
  return ls;
}

/** Walk the lines with a list of [regex, handler]; any line no rule consumes is an error. */
function consume(script, stdout, rules) {
  lines(stdout).forEach((line, i) => {
    for (const [re, fn] of rules) {
      const m = re.exec(line);
      if (m) return fn(m, i + 1);
    }
    throw new Error(`${script}: stdout line ${i + 1} not understood: ${JSON.stringify(line)}`);
  });
}

// ---------------------------------------------------------------- per-script parsers
function parseIterationLosses(script, stdout, names) {
  const iterations = [];
  const loss = Object.fromEntries(names.map((n) => [n, []]));
  consume(script, stdout, [
    [/^=+iteration:(\d+)=+$/, (m) => iterations.push(Number(m[1]))],
    [
      new RegExp(`^(.+):(${NUM})$`),
      (m, ln) => {
        if (!(m[1] in loss)) throw new Error(`${script}: unexpected series ${m[1]} at line ${ln}`);
        const arr = loss[m[1]];
        if (arr.length !== iterations.length - 1) throw new Error(`${script}: out-of-order line ${ln}`);
        arr.push(num(m[2], `${script}:${ln}`));
      },
    ],
  ]);
  for (const n of names) {
    if (loss[n].length !== iterations.length) throw new Error(`${script}: ${n} has ${loss[n].length} values`);
  }
  return { iterations, loss };
}

const MNIST_NET = { inputSize: 784, outputSize: 10, activation: "relu" };

const extractors = {
  "ch06/optimizer_compare_mnist.py"(source, stdout) {
    expectSource(
      "optimizer_compare_mnist", source,
      "batch_size = 128", "max_iterations = 2000", "load_mnist(normalize=True)",
      "optimizers['SGD'] = SGD()", "optimizers['Momentum'] = Momentum()",
      "optimizers['AdaGrad'] = AdaGrad()", "optimizers['Adam'] = Adam()",
      "hidden_size_list=[100, 100, 100, 100]", "if i % 100 == 0:",
    );
    const data = parseIterationLosses("optimizer_compare_mnist", stdout, ["SGD", "Momentum", "AdaGrad", "Adam"]);
    return {
      settings: {
        dataset: "MNIST train (60000), load_mnist(normalize=True): pixels / 255",
        network: {
          class: "MultiLayerNet",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100],
          weightInitStd: "relu (He: sqrt(2 / fan_in))",
          weightDecayLambda: 0,
        },
        batchSize: 128,
        maxIterations: 2000,
        printEvery: 100,
        optimizers: {
          SGD: { lr: 0.01 },
          Momentum: { lr: 0.01, momentum: 0.9 },
          AdaGrad: { lr: 0.01, eps: 1e-7 },
          Adam: { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7 },
        },
        sameMiniBatchForAllOptimizers: true,
        printedLoss:
          "at iteration i (0-based, i % 100 == 0) each network's loss on that iteration's own mini-batch, " +
          "measured after that iteration's update, i.e. after i + 1 updates; iteration 2000 is never printed",
      },
      data,
    };
  },

  "ch06/weight_init_compare.py"(source, stdout) {
    expectSource(
      "weight_init_compare", source,
      "batch_size = 128", "max_iterations = 2000",
      "weight_init_types = {'std=0.01': 0.01, 'Xavier': 'sigmoid', 'He': 'relu'}",
      "optimizer = SGD(lr=0.01)", "hidden_size_list=[100, 100, 100, 100]", "if i % 100 == 0:",
    );
    const data = parseIterationLosses("weight_init_compare", stdout, ["std=0.01", "Xavier", "He"]);
    return {
      settings: {
        dataset: "MNIST train (60000), load_mnist(normalize=True): pixels / 255",
        network: {
          class: "MultiLayerNet",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100],
          weightDecayLambda: 0,
        },
        weightInit: {
          "std=0.01": "N(0, 1) * 0.01",
          Xavier: "N(0, 1) * sqrt(1 / fan_in)  (weight_init_std='sigmoid'; the activation is still ReLU)",
          He: "N(0, 1) * sqrt(2 / fan_in)  (weight_init_std='relu')",
        },
        optimizer: { name: "SGD", lr: 0.01 },
        batchSize: 128,
        maxIterations: 2000,
        printEvery: 100,
        sameMiniBatchForAllInits: true,
        printedLoss:
          "at iteration i (0-based, i % 100 == 0) each network's loss on that iteration's own mini-batch, " +
          "measured after that iteration's update, i.e. after i + 1 updates; iteration 2000 is never printed",
      },
      data,
    };
  },

  "ch06/batch_norm_gradient_check.py"(source, stdout) {
    expectSource(
      "batch_norm_gradient_check", source,
      "load_mnist(normalize=True, one_hot_label=True)",
      "hidden_size_list=[100, 100], output_size=10",
      "use_batchnorm=True", "x_batch = x_train[:1]", "np.average( np.abs(grad_backprop[key] - grad_numerical[key]) )",
    );
    const meanAbsDiff = {};
    consume("batch_norm_gradient_check", stdout, [
      [new RegExp(`^(\\w+):(${NUM})$`), (m, ln) => (meanAbsDiff[m[1]] = num(m[2], `batch_norm_gradient_check:${ln}`))],
    ]);
    return {
      settings: {
        dataset: "MNIST train, load_mnist(normalize=True, one_hot_label=True)",
        network: {
          class: "MultiLayerNetExtend",
          ...MNIST_NET,
          hiddenSizeList: [100, 100],
          weightInitStd: "relu (He)",
          useBatchnorm: true,
        },
        batch: "x_train[:1], t_train[:1] (a batch of ONE sample)",
        batchSize: 1,
        numericalGradient: { method: "central difference", h: 1e-4, lossTrainFlg: true },
        printed: "key:np.average(np.abs(grad_backprop[key] - grad_numerical[key]))",
      },
      data: { meanAbsDiff },
      interpretation:
        "Our reading of the code, not the book's words: with a batch of one, BatchNormalization in train " +
        "mode gives x - mean(x) = 0, so every BN output equals beta and all gradients upstream of it are " +
        "exactly 0 by both methods (hence the 0.0 lines). beta2 = 0 puts the last ReLU's input exactly at " +
        "its kink: backprop uses the mask x <= 0 (gradient 0) while the central difference sees half the " +
        "right-hand slope, hence the one large difference (beta2). b3's small difference is ordinary " +
        "finite-difference error (the logits are b3 = 0 whatever the weights, so it hardly varies between runs). The check is degenerate; use a batch of 2 or more to test BN.",
    };
  },

  "ch06/batch_norm_test.py"(source, stdout) {
    expectSource(
      "batch_norm_test", source,
      "x_train = x_train[:1000]", "max_epochs = 20", "batch_size = 100", "learning_rate = 0.01",
      "hidden_size_list=[100, 100, 100, 100, 100]", "weight_scale_list = np.logspace(0, -4, num=16)",
      "for _network in (bn_network, network):",
      'print("epoch:" + str(epoch_cnt) + " | " + str(train_acc) + " - " + str(bn_train_acc))',
      "train_acc = network.accuracy(x_train, t_train)", "bn_train_acc = bn_network.accuracy(x_train, t_train)",
    );
    const runs = [];
    consume("batch_norm_test", stdout, [
      [
        /^=+ (\d+)\/16 =+$/,
        (m, ln) => {
          const index = Number(m[1]);
          if (index !== runs.length + 1) throw new Error(`batch_norm_test: run ${index} out of order at line ${ln}`);
          runs.push({ index, weightScale: WEIGHT_SCALES[index - 1], normal: [], batchNorm: [] });
        },
      ],
      [
        new RegExp(`^epoch:(\\d+) \\| (${NUM}) - (${NUM})$`),
        (m, ln) => {
          const r = runs[runs.length - 1];
          if (!r || Number(m[1]) !== r.normal.length) throw new Error(`batch_norm_test: epoch out of order at line ${ln}`);
          r.normal.push(num(m[2], `batch_norm_test:${ln}`));
          r.batchNorm.push(num(m[3], `batch_norm_test:${ln}`));
        },
      ],
    ]);
    if (runs.length !== 16 || runs.some((r) => r.normal.length !== 20)) {
      throw new Error("batch_norm_test: expected 16 runs x 20 epochs");
    }
    return {
      settings: {
        dataset: "MNIST train, first 1000 samples, load_mnist(normalize=True)",
        trainSize: 1000,
        network: {
          class: "MultiLayerNetExtend",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100, 100],
          weightInitStd: "the run's weight scale (N(0, 1) * scale)",
          compared: "use_batchnorm=True (batchNorm) vs the same net without BN (normal)",
        },
        optimizer: { name: "SGD", lr: 0.01, note: "one SGD instance updates both networks (SGD is stateless)" },
        batchSize: 100,
        maxEpochs: 20,
        iterPerEpoch: 10,
        weightScalesExpression: "np.logspace(0, -4, num=16)",
        weightScales: WEIGHT_SCALES,
        sameMiniBatchForBothNetworks: true,
        printedLine:
          "epoch:N | <train acc of the net WITHOUT BN> - <train acc of the net WITH BN>; the ' - ' is a " +
          "separator, not a subtraction. First column = normal (no BN), second column = batchNorm.",
        evaluation:
          "train accuracy on all 1000 training samples (BN in inference mode, running statistics) at " +
          "i % 10 == 0, i.e. after 1, 11, 21, ... 191 updates; epoch N = after 10 N + 1 updates",
      },
      data: {
        epochs: Array.from({ length: 20 }, (_, i) => i),
        weightScales: WEIGHT_SCALES,
        runs,
      },
      interpretation:
        "Our reading, not the book's words: among the 1000 training samples used, label 0 occurs 97 times, " +
        "label 1 116 times and label 7 117 times. So 0.097 is a network whose outputs became NaN (argmax of " +
        "NaN is 0; runs 1-2 print overflow / invalid-value warnings on stderr) and 0.116 / 0.117 is a network " +
        "that predicts one constant class: the net without BN learns nothing at most scales in this run.",
    };
  },

  "ch06/overfit_weight_decay.py"(source, stdout) {
    expectSource(
      "overfit_weight_decay", source,
      "x_train = x_train[:300]", "\nweight_decay_lambda = 0.1", "hidden_size_list=[100, 100, 100, 100, 100, 100]",
      "optimizer = SGD(lr=0.01)", "max_epochs = 201", "batch_size = 100",
    );
    const epochs = [], trainAcc = [], testAcc = [];
    consume("overfit_weight_decay", stdout, [
      [
        new RegExp(`^epoch:(\\d+), train acc:(${NUM}), test acc:(${NUM})$`),
        (m, ln) => {
          epochs.push(Number(m[1]));
          trainAcc.push(num(m[2], `overfit_weight_decay:${ln}`));
          testAcc.push(num(m[3], `overfit_weight_decay:${ln}`));
        },
      ],
    ]);
    return {
      settings: {
        dataset: "MNIST: train = first 300 training samples, test = all 10000 test samples",
        trainSize: 300,
        network: {
          class: "MultiLayerNet",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100, 100, 100],
          weightInitStd: "relu (He)",
          weightDecayLambda: 0.1,
        },
        optimizer: { name: "SGD", lr: 0.01 },
        batchSize: 100,
        maxEpochs: 201,
        iterPerEpoch: 3,
        evaluation:
          "train acc (300 samples) and test acc (10000) at i % 3 == 0; epochs are printed 0-based: " +
          "epoch N = after 3 N + 1 updates",
      },
      data: { epochs, updates: epochs.map((e) => 3 * e + 1), trainAcc, testAcc },
    };
  },

  "ch06/overfit_dropout.py"(source, stdout) {
    expectSource(
      "overfit_dropout", source,
      "x_train = x_train[:300]", "use_dropout = True", "dropout_ratio = 0.2",
      "hidden_size_list=[100, 100, 100, 100, 100, 100]", "epochs=301, mini_batch_size=100",
      "optimizer='sgd', optimizer_param={'lr': 0.01}, verbose=True",
    );
    const epochs = [], trainAcc = [], testAcc = [], trainLoss = [];
    let finalTestAcc;
    consume("overfit_dropout", stdout, [
      [new RegExp(`^train loss:(${NUM})$`), (m, ln) => trainLoss.push(num(m[1], `overfit_dropout:${ln}`))],
      [
        new RegExp(`^=== epoch:(\\d+), train acc:(${NUM}), test acc:(${NUM}) ===$`),
        (m, ln) => {
          epochs.push(Number(m[1]));
          trainAcc.push(num(m[2], `overfit_dropout:${ln}`));
          testAcc.push(num(m[3], `overfit_dropout:${ln}`));
        },
      ],
      [/^=+ Final Test Accuracy =+$/, () => {}],
      [new RegExp(`^test acc:(${NUM})$`), (m, ln) => (finalTestAcc = num(m[1], `overfit_dropout:${ln}`))],
    ]);
    if (finalTestAcc === undefined) throw new Error("overfit_dropout: no final test acc");
    return {
      settings: {
        dataset: "MNIST: train = first 300 training samples, test = all 10000 test samples",
        trainSize: 300,
        network: {
          class: "MultiLayerNetExtend",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100, 100, 100],
          weightInitStd: "relu (He)",
          weightDecayLambda: 0,
          useDropout: true,
          dropoutRatio: 0.2,
          dropoutForm:
            "book form: train keeps a unit when rand > 0.2 (no rescaling); inference multiplies by (1 - 0.2)",
        },
        trainer: {
          class: "Trainer",
          epochs: 301,
          miniBatchSize: 100,
          optimizer: { name: "sgd", lr: 0.01 },
          iterPerEpoch: 3,
          maxIter: 903,
          evaluateSampleNumPerEpoch: null,
        },
        evaluation:
          "Trainer prints epochs 1-based: '=== epoch:N' is measured at iteration 3 (N - 1), i.e. after " +
          "3 N - 2 updates (so epoch:1 here lines up with epoch:0 of overfit_weight_decay); the last two " +
          "iterations (901, 902) run after the last evaluation",
        trainLoss:
          "one value per iteration (903): network.loss on that iteration's mini-batch after its update, " +
          "with train_flg=False, i.e. dropout OFF (inference scaling)",
        finalTestAcc: "accuracy on the 10000 test samples after all 903 updates",
      },
      data: {
        epochs,
        updates: epochs.map((e) => 3 * e - 2),
        trainAcc,
        testAcc,
        iterations: trainLoss.map((_, i) => i),
        trainLoss,
        finalTestAcc,
      },
    };
  },

  "ch06/hyperparameter_optimization.py"(source, stdout) {
    expectSource(
      "hyperparameter_optimization", source,
      "x_train = x_train[:500]", "validation_rate = 0.20", "def __train(lr, weight_decay, epocs=50):",
      "hidden_size_list=[100, 100, 100, 100, 100, 100]", "epochs=epocs, mini_batch_size=100",
      "optimization_trial = 100", "weight_decay = 10 ** np.random.uniform(-8, -4)",
      "lr = 10 ** np.random.uniform(-6, -2)", "graph_draw_num = 20",
      "sorted(results_val.items(), key=lambda x:x[1][-1], reverse=True)",
    );
    const trials = [], best = [];
    consume("hyperparameter_optimization", stdout, [
      [
        new RegExp(`^val acc:(${NUM}) \\| lr:(${NUM}), weight decay:(${NUM})$`),
        (m, ln) =>
          trials.push({
            trial: trials.length + 1,
            valAcc: num(m[1], `hyperparameter_optimization:${ln}`),
            lr: num(m[2], `hyperparameter_optimization:${ln}`),
            weightDecay: num(m[3], `hyperparameter_optimization:${ln}`),
          }),
      ],
      [/^=+ Hyper-Parameter Optimization Result =+$/, () => {}],
      [
        new RegExp(`^Best-(\\d+)\\(val acc:(${NUM})\\) \\| lr:(${NUM}), weight decay:(${NUM})$`),
        (m, ln) => {
          const rank = Number(m[1]);
          const valAcc = num(m[2], `hyperparameter_optimization:${ln}`);
          const lr = num(m[3], `hyperparameter_optimization:${ln}`);
          const weightDecay = num(m[4], `hyperparameter_optimization:${ln}`);
          const t = trials.find((x) => x.lr === lr && x.weightDecay === weightDecay);
          if (!t || t.valAcc !== valAcc) throw new Error(`hyperparameter_optimization: Best-${rank} matches no trial`);
          best.push({ rank, valAcc, lr, weightDecay, trial: t.trial });
        },
      ],
    ]);
    if (trials.length !== 100 || best.length !== 20) throw new Error("hyperparameter_optimization: expected 100 trials and 20 Best lines");
    return {
      settings: {
        dataset:
          "MNIST: first 500 training samples, shuffled (shuffle_dataset, unseeded), first 100 = validation, rest 400 = training",
        trainSize: 400,
        validationNum: 100,
        validationRate: 0.2,
        network: {
          class: "MultiLayerNet",
          ...MNIST_NET,
          hiddenSizeList: [100, 100, 100, 100, 100, 100],
          weightInitStd: "relu (He)",
          weightDecayLambda: "the trial's weight decay",
        },
        trainer: {
          class: "Trainer",
          epochs: 50,
          miniBatchSize: 100,
          optimizer: { name: "sgd", lr: "the trial's lr" },
          iterPerEpoch: 4,
          maxIter: 200,
          verbose: false,
        },
        optimizationTrial: 100,
        search: {
          weightDecay: "10 ** np.random.uniform(-8, -4)  (drawn first)",
          lr: "10 ** np.random.uniform(-6, -2)",
        },
        valAcc:
          "val_acc_list[-1]: accuracy on the 100 validation samples at the 50th evaluation (iteration 196, " +
          "after 197 of the 200 updates); a multiple of 0.01",
        best:
          "the 20 best trials by valAcc (Python's stable sort, so ties keep trial order); 'trial' is our 1-based " +
          "index of the matching 'val acc' line",
      },
      data: { trials, best },
    };
  },
};

/**
 * np.logspace(0, -4, num=16) as NumPy evaluates it (repr of each float64, NumPy 2.4.6).
 * Math.pow differs in the last bit for two of them, so the NumPy values are written out.
 */
const WEIGHT_SCALES = [
  1.0, 0.5411695265464637, 0.2928644564625237, 0.15848931924611134, 0.08576958985908942,
  0.046415888336127795, 0.025118864315095794, 0.013593563908785255, 0.007356422544596414,
  0.003981071705534973, 0.0021544346900318843, 0.0011659144011798323, 0.000630957344480193,
  0.0003414548873833601, 0.00018478497974222906, 0.0001,
];

/** JSON.stringify with 2-space indent, but arrays of numbers/strings and short flat objects kept on one line. */
function stringify(value, indent = "") {
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    if (entries.every(([, v]) => v === null || typeof v !== "object")) {
      const flat = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`;
      if (flat.length <= 140) return flat;
    }
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// ---------------------------------------------------------------- main
function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.notebook === undefined) {
    process.stdout.write(
      "usage: node scripts/extract-reference.mjs <ch06.ipynb> [--commit <sha>] [--out <dir>] [--check]\n",
    );
    process.exit(args.help ? 0 : 2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(args.out ?? join(here, "..", "data", "reference"));
  const bytes = readFileSync(args.notebook);
  const blob = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  const nb = JSON.parse(bytes.toString("utf8"));

  let commit = args.commit;
  if (commit === undefined) {
    const prev = join(outDir, "optimizer_compare_mnist.json");
    const old = existsSync(prev) ? JSON.parse(readFileSync(prev, "utf8")).source : undefined;
    if (old && old.notebookBlob === blob) commit = old.commit;
    else {
      commit = "unknown";
      process.stderr.write("extract-reference: no --commit given and the notebook differs; commit recorded as \"unknown\"\n");
    }
  }
  if (commit !== "unknown" && !/^[0-9a-f]{40}$/.test(commit)) fail(`--commit must be 40 hex digits, got ${commit}`);

  const files = new Map();
  for (const [script, extract] of Object.entries(extractors)) {
    const name = script.replace(/^ch06\//, "").replace(/\.py$/, "");
    const { index, cell } = findScriptCell(nb, script);
    const source = textOf(cell.source);
    const { stdout, stderr } = streams(cell);
    const extracted = extract(source, stdout);
    const doc = {
      script,
      source: {
        repository: REPOSITORY,
        path: NOTEBOOK_PATH,
        cellIndex: index,
        executionCount: cell.execution_count ?? null,
        commit,
        notebookBlob: blob,
        script,
        kernel: nb.metadata?.language_info?.version ? `python ${nb.metadata.language_info.version}` : null,
        raw: `data/reference/raw/${name}.stdout.txt`,
      },
      note: NOTE,
      generatedBy: "scripts/extract-reference.mjs",
      ...extracted,
      stderr,
    };
    files.set(join(outDir, `${name}.json`), stringify(doc) + "\n");
    files.set(join(outDir, "raw", `${name}.stdout.txt`), stdout);
  }

  let differ = 0;
  for (const [file, text] of files) {
    if (args.check) {
      const same = existsSync(file) && readFileSync(file, "utf8") === text;
      if (!same) {
        differ++;
        process.stderr.write(`differs: ${file}\n`);
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (args.check) {
    process.stdout.write(differ === 0 ? `ok: ${files.size} files up to date\n` : `${differ} file(s) differ\n`);
    process.exit(differ === 0 ? 0 : 1);
  }
  process.stdout.write(`wrote ${files.size} files to ${outDir}\n`);
}

main();
