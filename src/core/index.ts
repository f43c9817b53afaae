export * from "./errors";
export * from "./rng";
export * from "./matrix";
export * from "./ops";
export * from "./gemm";
export * from "./backends";
export * from "./budget";
