import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { layoutLines, matchedLines } from "./layout-text.ts";

describe("layout text scoring", () => {
  it("drops trailing spaces, blank lines and the shared left margin", () => {
    assert.deepEqual(layoutLines("      \n     1   IN THE COURT   \n\n     2   x      :\n"), [
      "1   IN THE COURT",
      "2   x      :",
    ]);
  });

  it("counts ground-truth lines reproduced exactly, each once", () => {
    const truth = ["1   A", "2   B      :", "2   B      :"];
    assert.equal(matchedLines(["1   A", "2   B      :", "3   C"], truth), 2);
    assert.equal(matchedLines(["1   A", "2   B     :"], truth), 1);
  });
});
