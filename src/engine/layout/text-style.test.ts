import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { word } from "../test-support/words.ts";
import { StyleTally } from "./text-style.ts";

describe("StyleTally", () => {
  it("takes the size, font and weight most characters use", () => {
    const tally = new StyleTally();
    tally.addWord(word("Heading", 72, 100, 14, { fontId: "bold", bold: true }));
    tally.addWord(word("body", 72, 120, 10, { bold: false }));
    tally.addWord(word("text", 100, 120, 10, { bold: false }));
    tally.addWord(word("runs", 130, 120, 10, { bold: false }));
    const style = tally.style();
    assert.deepEqual(
      { size: style.size, fontId: style.fontId, bold: style.bold, characters: style.characters },
      { size: 10, fontId: "f1", bold: false, characters: 19 },
    );
  });

  it("leaves weight unknown when most characters' weight is unknown", () => {
    const tally = new StyleTally();
    tally.addWord(word("known", 72, 100, 10, { bold: true }));
    tally.addWord(word("unknown", 72, 100, 10));
    tally.addWord(word("unknown", 72, 100, 10));
    assert.equal(tally.style().bold, undefined);
  });
});
