export * from "./mnist";
export * from "./shuffle-dataset";
