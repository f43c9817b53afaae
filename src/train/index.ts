export * from "./smooth-curve";
export * from "./net";
export * from "./early-stopping";
export * from "./trainer";
export * from "./mini-batch";
export * from "./loop";
export * from "./side-by-side";
