/** Plots of hyperparameter search studies: pure …Info() functions and their Plotly figures. */
export * from "./best-k";
export * from "./bo-1d";
export * from "./bo-surface";
export * from "./common";
export * from "./compare";
export * from "./contour";
export * from "./grid-vs-random";
export * from "./optimization-history";
export * from "./parallel-coordinate";
export * from "./slice";
export * from "./trials-table";
export * from "./study-progress";
