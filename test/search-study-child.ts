/**
 * Child process for the kill-and-resume test (test/search-study.test.ts): runs
 * a study whose trials take a while, appending to the log given as argv[2].
 * The parent kills it with SIGKILL mid-study (or starts a second writer beside
 * it: test/study-log-safety.test.ts). A refused study prints its message and exits 2.
 */
import { studyFixture } from "./search-study-fixture";
import { optimize } from "../src/search/study";

const storage = process.argv[2];
const delayMs = Number(process.argv[3] ?? 150);
optimize({ ...studyFixture(), storage, objective: studyFixture().slowObjective(delayMs) }).then(
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  },
);
