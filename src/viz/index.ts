/** The general toolkit notebooks import: `import { show, table, progress, markdown, latex, showSource } from "./src/viz/index";` (chapter figures: ./src/viz/<chapter>/index). */
export * from "./figure";
export { show, figureBundle, PLOTLY_MIME } from "./show";
export type { ShowOptions } from "./show";
export { figureHtml } from "./figure-html";
export { markdown, latex, latexMarkdown, html } from "./markdown";
export { table, tableHtml, tableText, tableData, quietDanfo, isDataFrame } from "./table";
export type { TableOptions, TableRow, DataFrameLike } from "./table";
export { progress, Progress, formatProgress } from "./progress";
export type { ProgressOptions, ProgressFields } from "./progress";
export { formatNumber, formatSeconds } from "./format";
export { inKernel } from "./kernel";
export { showSource, sourceMarkdown, sourceExcerpt } from "./source";
export type { SourceOptions, ShowSourceOptions } from "./source";
export { dataFrame, trialsDataFrame, seedSummary, describeColumns } from "./dataframe";
export type { DanfoFrame } from "./dataframe";
