/**
 * Stand-ins for Node's fs and path in the page bundle. Only the GEMM backend
 * loaders touch them (to find the native addon and the .wasm file); in the
 * page every such load fails and the plain TypeScript kernel is used.
 */
const noFs = (): never => {
  throw new Error("no file system in the page");
};
export const realpathSync = noFs;
export const readFileSync = noFs;
export const existsSync = (): boolean => false;
export const join = (...parts: string[]): string => parts.join("/");
export const dirname = (p: string): string => p.replace(/\/[^/]*$/, "");
export const basename = (p: string): string => p.replace(/^.*\//, "");
