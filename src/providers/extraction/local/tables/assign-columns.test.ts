/** Optimal property→column assignment, where greedy choice would lose a property. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignColumns } from "./assign-columns.ts";

describe("assignColumns", () => {
  it("maximises the total score", () => {
    // Property 0 (name) fits both columns equally; property 1 (code) fits only column 0.
    assert.deepEqual(
      assignColumns([
        [0.9, 0.9],
        [0.5, 0],
      ]),
      [1, 0],
    );
  });

  it("leaves properties without any match unassigned, and handles more columns than properties", () => {
    assert.deepEqual(
      assignColumns([
        [0, 0, 0.7],
        [0, 0, 0],
      ]),
      [2, undefined],
    );
    assert.deepEqual(assignColumns([]), []);
  });
});
