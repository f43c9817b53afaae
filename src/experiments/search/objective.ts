/**
 * The objective of the book's search: train MultiLayerNet with SGD(lr) and
 * weight decay λ on the 400 training samples, and score the validation
 * accuracy after the last epoch (the book's val_acc_list[-1]). The Trainer
 * gets the validation set in the place of the test set, as in the book.
 * A run whose loss becomes NaN/Inf is reported as a failed trial.
 */
import { RNG } from "../../core/rng";
import { MultiLayerNet } from "../../nn/index";
import type { Objective } from "../../search/study";
import { Trainer } from "../../train/index";
import { HPO_DEFAULTS, HpoData, HpoSettings } from "./settings";

export function hpoObjective(s: HpoSettings, data: HpoData): Objective {
  return (params, trial) => {
    const lr = params.lr ?? HPO_DEFAULTS.lr;
    const weightDecay = params.weightDecay ?? HPO_DEFAULTS.weightDecay;
    const rng = new RNG(trial.seed);
    const network = new MultiLayerNet({
      inputSize: 784,
      hiddenSizeList: s.hiddenSizeList,
      outputSize: 10,
      weightDecayLambda: weightDecay,
      rng,
    });
    const trainer = new Trainer({
      network,
      xTrain: data.xTrain,
      tTrain: data.tTrain,
      xTest: data.xVal,
      tTest: data.tVal,
      epochs: s.epochs,
      miniBatchSize: s.miniBatchSize,
      optimizer: "sgd",
      optimizerParam: { lr },
      evaluateSampleNumPerEpoch: s.evaluateSampleNumPerEpoch,
      rng,
    });
    const r = trainer.train();
    const curves = { valAcc: r.testAccList, trainAcc: r.trainAccList };
    if (r.diverged) return { failed: `loss became NaN/Inf at iteration ${r.divergedAt}`, curves };
    return { score: r.testAccList[r.testAccList.length - 1], curves };
  };
}
