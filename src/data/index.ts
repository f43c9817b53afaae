export * from "./mnist";
export * from "./shuffle-dataset";
export * from "./mnist-subset";
