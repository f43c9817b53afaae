import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as dfd from "danfojs-node";
import { ArgumentError } from "../src/core/errors";
import { formatNumber, formatSeconds } from "../src/viz/format";
import { formatCell, quietDanfo, tableData, tableHtml, tableText, textWidth } from "../src/viz/table";

describe("number formatting", () => {
  it("significant digits, integers untouched, exponent for extremes", () => {
    assert.equal(formatNumber(0.312345), "0.3123");
    assert.equal(formatNumber(98.125), "98.13");
    assert.equal(formatNumber(0.5), "0.5");
    assert.equal(formatNumber(1200), "1200");
    assert.equal(formatNumber(-3), "-3");
    assert.equal(formatNumber(1.23456e-7), "1.235e-7");
    assert.equal(formatNumber(1234567.5), "1.235e+6");
    assert.equal(formatNumber(NaN), "NaN");
    assert.equal(formatNumber(-Infinity), "−∞");
    assert.equal(formatNumber(0.31, 2), "0.31");
  });

  it("seconds", () => {
    assert.equal(formatSeconds(14.4), "14 s");
    assert.equal(formatSeconds(125), "2 min 05 s");
    assert.equal(formatSeconds(3780), "1 h 03 min");
  });

  it("cells", () => {
    assert.equal(formatCell(null), "");
    assert.equal(formatCell(0.123456, 4, 2), "0.12");
    assert.equal(formatCell([0.5, 1]), "[0.5, 1]");
    assert.equal(formatCell(true), "true");
  });
});

describe("tables from rows", () => {
  const rows = [
    { optimizer: "SGD", lr: 0.01, loss: 0.312345 },
    { optimizer: "Adam <b>", lr: 0.001, loss: 0.0412 },
  ];

  it("HTML: escaped, numbers right-aligned, caption, labels", () => {
    const h = tableHtml(rows, { caption: "比較 & 結果", labels: { lr: "学習率" } });
    assert.match(h, /<caption[^>]*>比較 &amp; 結果<\/caption>/);
    assert.match(h, /<th style="text-align:right">学習率<\/th>/);
    assert.ok(h.includes("Adam &lt;b&gt;") && !h.includes("<b>"));
    assert.match(h, /<td style="text-align:right">0\.3123<\/td>/);
    assert.match(h, /<td style="text-align:left">SGD<\/td>/);
  });

  it("text: aligned columns, CJK counted as two cells", () => {
    const t = tableText([{ 名前: "確率的勾配降下法", v: 1 }, { 名前: "Adam", v: 10 }]);
    const lines = t.split("\n");
    assert.equal(lines.length, 4);
    assert.equal(textWidth(lines[2]), textWidth(lines[3]));
    assert.ok(lines[3].endsWith("10"));
  });

  it("columns, decimals, maxRows", () => {
    const d = tableData(rows, { columns: ["loss", "optimizer"], decimals: { loss: 2 }, maxRows: 1 });
    assert.deepEqual(d.headers, ["loss", "optimizer"]);
    assert.deepEqual(d.cells, [["0.31", "SGD"]]);
    assert.equal(d.hidden, 1);
    assert.match(tableHtml(rows, { maxRows: 1 }), /ほか 1 行/);
  });

  it("bad input names the argument", () => {
    assert.throws(() => tableData("x" as never), (e: unknown) => e instanceof ArgumentError && e.argument === "input");
    assert.throws(() => tableData([1] as never), /rows\[0\]/);
    assert.throws(() => tableData(rows, { columns: ["nope"] }), /columns: expected names among optimizer, lr, loss/);
    assert.throws(() => tableData(rows, { digits: 0 }), /digits/);
  });
});

describe("tables from danfojs DataFrames", () => {
  quietDanfo(dfd);

  it("rows via toJSON, plain index hidden", () => {
    const df = new dfd.DataFrame({ name: ["SGD", "Adam"], acc: [0.91234, 0.97] });
    const d = tableData(df);
    assert.deepEqual(d.columns, ["name", "acc"]);
    assert.equal(d.index, undefined);
    assert.deepEqual(d.cells, [["SGD", "0.9123"], ["Adam", "0.97"]]);
  });

  it("describe(): its index labels become the first column", () => {
    const df = new dfd.DataFrame({ loss: [1, 2, 3, 4] }).describe();
    const d = tableData(df);
    assert.deepEqual(d.index?.slice(0, 2), ["count", "mean"]);
    assert.match(tableText(df), /^\s+loss\n-+\s+-+\ncount\s+4$/m);
  });

  it("quietDanfo wants the module", () => {
    assert.throws(() => quietDanfo({}), /dfd: expected the danfojs-node module/);
  });
});
