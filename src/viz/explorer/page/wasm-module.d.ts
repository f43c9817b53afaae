/** A .wasm file imported by page code: esbuild's binary loader (bundle.ts) inlines its bytes. */
declare module "*.wasm" {
  const bytes: Uint8Array;
  export default bytes;
}
