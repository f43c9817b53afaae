import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { html, latex, latexMarkdown, markdown } from "../src/viz/markdown";
import { Function2D } from "../src/functions";

const fakeKey = "/fake/node_modules/tslab/dist/jupyter.js";

function fakeKernel(): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  const m = new (require("module") as new (id: string) => NodeJS.Module)(fakeKey);
  m.exports = { lastWriteDisplayData: (message: { data: Record<string, unknown> }) => sent.push(message.data) };
  require.cache[fakeKey] = m;
  return sent;
}

describe("markdown / latex / html outputs", () => {
  afterEach(() => {
    delete require.cache[fakeKey];
  });

  it("latexMarkdown wraps display or inline math", () => {
    assert.equal(latexMarkdown(" x^2 "), "$$\nx^2\n$$");
    assert.equal(latexMarkdown("x^2", { inline: true }), "$x^2$");
    assert.throws(() => latexMarkdown("  "), /tex: expected a non-empty LaTeX formula/);
    assert.throws(() => latexMarkdown(3 as never), /tex: expected a string/);
  });

  it("in a kernel: text/markdown with math plus text/plain", () => {
    const sent = fakeKernel();
    const f = new Function2D("x^2/20 + y^2");
    latex(f.latex(), { caption: "勾配" });
    markdown("**太字**");
    html("<b>x</b>", "x");
    assert.equal(sent.length, 3);
    assert.match(String(sent[0]["text/markdown"]), /^勾配\n\n\$\$\n\\begin\{aligned\}/);
    assert.equal(sent[0]["text/plain"], f.latex());
    assert.deepEqual(Object.keys(sent[1]).sort(), ["text/markdown", "text/plain"]);
    assert.equal(sent[2]["text/html"], "<b>x</b>");
  });

  it("outside a kernel: prints the text", (t) => {
    const log = t.mock.method(console, "log", () => {});
    latex("a+b");
    markdown("# h");
    assert.deepEqual(log.mock.calls.map((c) => c.arguments[0]), ["a+b", "# h"]);
  });
});
