/**
 * src/viz/source.ts: the one helper that quotes engine code in the notebooks
 * (6.1 optimizers' update, 6.3 BatchNormalization.forward, 6.4 penalties,
 * 6.5 search code), cut from the file that runs.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sourceExcerpt, sourceMarkdown } from "../src/viz/source";

describe("sourceExcerpt", () => {
  it("a line start: from that line through its closing brace, de-indented, without the comment above", () => {
    const src = sourceExcerpt("src/nn/net-common.ts", "export function addL1Grad(");
    assert.ok(src.startsWith("export function addL1Grad("));
    assert.ok(src.endsWith("}"));
    assert.ok(src.includes("Math.sign(w[i])"));
    assert.ok(!src.includes("accuracyOf"), "stops at the function's end");
  });

  it("a name: the declaration of a method (de-indented) or function, with its doc comment", () => {
    const update = sourceExcerpt("src/optim/sgd.ts", "update");
    assert.match(update, /^update\(/m);
    assert.ok(update.trimEnd().endsWith("}"));
    assert.ok(!/^\s{2}update\(/m.test(update), "de-indented");
    const chol = sourceExcerpt("src/search/cholesky.ts", "cholesky");
    assert.match(chol.split("\n")[0], /^\/\*\*/, "starts with its doc comment");
    assert.match(chol.split("\n")[1], /^export function cholesky\(/);
    assert.match(sourceExcerpt("src/search/cholesky.ts", "cholesky", { comment: false }), /^export function cholesky\(/);
  });

  it("brace counting ends a block at its own closing brace, not at the first inner one", () => {
    const fwd = sourceExcerpt("src/nn/batch-normalization.ts", "forward(x: Matrix");
    const opened = (fwd.match(/{/g) ?? []).length, closed = (fwd.match(/}/g) ?? []).length;
    assert.ok(opened > 1, "has inner blocks");
    assert.equal(opened, closed);
  });

  it("bad input names the argument", () => {
    assert.throws(() => sourceExcerpt("src/nn/net-common.ts", "export function nothingLikeThis("), /start/);
    assert.throws(() => sourceExcerpt("src/nn/net-common.ts", "nothingLikeThis"), /start/);
    assert.throws(() => sourceExcerpt("src/nope.ts", "x"), /file/);
    assert.throws(() => sourceExcerpt("../../etc/passwd", "root"), /file/);
    assert.throws(() => sourceMarkdown("src/optim/sgd.ts", []), /starts/);
  });
});

describe("sourceMarkdown", () => {
  it("caption, then every block of the file in one TypeScript code block", () => {
    assert.equal(sourceMarkdown("src/optim/sgd.ts", "update"), `\`src/optim/sgd.ts\` の \`update\`:\n\n\`\`\`ts\n${sourceExcerpt("src/optim/sgd.ts", "update")}\n\`\`\``);
    const two = sourceMarkdown("src/nn/net-common.ts", ["export function weightDecay(", "export function addL1Grad("]);
    assert.ok(two.startsWith("`src/nn/net-common.ts`\n\n```ts\nexport function weightDecay("));
    assert.ok(two.includes("}\n\nexport function addL1Grad("));
    assert.ok(sourceMarkdown("src/optim/sgd.ts", "update", { caption: "**SGD**" }).startsWith("**SGD**\n\n```ts\n"));
  });
});
