/** Figures and tables of notebook 6.3 (Batch Normalization). */
export * from "./colors";
export * from "./grid-info";
export * from "./grid-figure";
export * from "./heatmap-info";
export * from "./heatmap-figure";
export * from "./comparison-info";
export * from "./evaluation-info";
export * from "./evaluation-figure";
export * from "./running-stats-figure";
export * from "./graph-info";
export * from "./graph-figure";
export * from "./norm-axes-info";
export * from "./norm-axes-figure";
