import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { selectPages } from "./page-selection.ts";

describe("selectPages", () => {
  it("reads every page without ranges", () => {
    assert.deepEqual(selectPages(undefined, 3), [1, 2, 3]);
    assert.deepEqual(selectPages([], 2), [1, 2]);
  });

  it("merges, sorts and clips overlapping and out-of-range ranges", () => {
    assert.deepEqual(
      selectPages(
        [
          { start: 5, end: 9 },
          { start: 2, end: 3 },
          { start: 3, end: 4 },
          { start: 40, end: 50 },
        ],
        6,
      ),
      [2, 3, 4, 5, 6],
    );
  });

  it("selects nothing when every range lies past the end", () => {
    assert.deepEqual(selectPages([{ start: 7, end: 8 }], 6), []);
  });
});
