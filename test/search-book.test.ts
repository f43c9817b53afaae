/**
 * src/experiments/search/book.ts: the book's recorded search is read from the
 * repository's data/reference (not from a path relative to the wrong folder),
 * and the study cache lives under the repository's data/cache.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { bookHpo, repoPath } from "../src/experiments/search/book";
import { bookReference } from "../src/data/reference";

describe("search/book", () => {
  it("repoPath is the repository root", () => {
    assert.equal(fs.realpathSync(repoPath()), fs.realpathSync(path.join(__dirname, "..")));
    assert.ok(fs.existsSync(repoPath("package.json")));
  });
  it("bookHpo reads the book's 100 trials, the same as the reference loader", () => {
    const hpo = bookHpo();
    assert.equal(hpo.trials.length, 100);
    assert.deepEqual(hpo, bookReference("hyperparameter_optimization").data);
  });
});
