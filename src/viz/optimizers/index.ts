/** What notebook 6.1 imports: `import { … } from "./src/viz/optimizers/index";` */
export * from "./landscape-info";
export * from "./path-info";
export * from "./sweep-info";
export * from "./sgd-errors-info";
export * from "./figures-2d";
export * from "./mnist-info";
export * from "./mnist-figures";
export * from "./table-rows";
