/** What notebook 6.4 imports: `import { … } from "./src/viz/regularization/index";` */
export * from "./colors";
export * from "./curves-info";
export * from "./curves-figure";
export * from "./sweep-figure";
export * from "./weights-info";
export * from "./weights-figure";
export * from "./equivalence-figure";
export * from "./dropout-figure";
export * from "./early-stopping-figure";
export * from "./summary-info";
