import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupLines } from "../layout/group-lines.ts";
import { groupParagraphs } from "../layout/group-paragraphs.ts";
import { sentence } from "../test-support/words.ts";
import { nestListItems } from "./list-levels.ts";

describe("nestListItems", () => {
  it("nests items by marker indentation and returns to outer levels", () => {
    const words = [
      ...sentence("• Fruit", 72, 100),
      ...sentence("– Apples", 90, 112),
      ...sentence("– Pears", 90, 124),
      ...sentence("• Vegetables", 72, 136),
      ...sentence("1. Leeks", 108, 148),
    ];
    const blocks = nestListItems(groupParagraphs(groupLines(words)));
    assert.deepEqual(
      blocks.map((block) => block.listItem?.level),
      [0, 1, 1, 0, 1],
    );
  });

  it("starts over after a block that is not a list item", () => {
    const words = [
      ...sentence("• One", 90, 100),
      ...sentence("A paragraph between the two lists.", 72, 120),
      ...sentence("• Two", 90, 140),
    ];
    const blocks = nestListItems(groupParagraphs(groupLines(words)));
    assert.deepEqual(
      blocks.map((block) => block.listItem?.level),
      [0, undefined, 0],
    );
  });
});
