export * from "./formula-error";
export * from "./function-2d";
export * from "./presets";
export * from "./optimize-path";
export * from "./formula-math";
