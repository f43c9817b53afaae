/** Hyperparameter search: random, grid, Bayesian optimisation (GP + EI/PI/UCB), a resumable study log. */
export * from "./acquisition";
export * from "./bayes-sampler";
export * from "./cholesky";
export * from "./gaussian-process";
export * from "./grid-sampler";
export * from "./kernel";
export * from "./normal";
export * from "./random-sampler";
export * from "./sampler";
export * from "./space";
export * from "./study";
export * from "./study-log";
export * from "./trial";
