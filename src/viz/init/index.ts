/** Figures and tables of notebook 6.2 (重みの初期値). */
export * from "./colors";
export * from "./histogram-info";
export * from "./histogram-figure";
export * from "./stats-info";
export * from "./claims-info";
export * from "./variance-figure";
export * from "./gradient-figure";
export * from "./mnist-info";
export * from "./mnist-figure";
export * from "./symmetry-figure";
