import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { Box } from "../document/box.ts";
import { groupLines } from "../layout/group-lines.ts";
import { groupParagraphs } from "../layout/group-paragraphs.ts";
import { paragraphWords } from "../test-support/words.ts";
import { continueAroundFloats } from "./float-continuation.ts";

function paragraph(lines: readonly string[], left: number, top: number): Block {
  const [block] = groupParagraphs(groupLines(paragraphWords(lines, left, top)));
  assert.ok(block !== undefined);
  return block;
}

function figure(box: Box): Block {
  return { type: "figure", text: "", box, lines: [], figure: { figureType: "image" } };
}

const texts = (blocks: readonly Block[]) => blocks.map((block) => `${block.type}:${block.text.slice(0, 12)}`);

// Two columns: the left one ends in a paragraph broken off mid-sentence above a figure and its caption;
// the right one starts with the rest of that sentence.
const broken = paragraph(
  ["Boots nuts are made in three styles and", "sizes. The wing type that is the one"],
  72,
  400,
);
const picture = figure({ left: 72, top: 440, right: 300, bottom: 700 });
const caption = paragraph(["Figure 7-26. Self-locking nuts."], 72, 715);

describe("continueAroundFloats", () => {
  it("moves the rest of a sentence split by a figure and its caption up past them", () => {
    const rest = paragraph(["the most common ranges in size", "from No. 6 to No. 8 inch."], 320, 80);
    const next = paragraph(["Stainless steel nuts spin on", "and off by hand."], 320, 120);
    assert.deepEqual(texts(continueAroundFloats([broken, picture, caption, rest, next])), [
      "text:Boots nuts a",
      "text:the most com",
      "figure:",
      "text:Figure 7-26.",
      "text:Stainless st",
    ]);
  });

  it("leaves the order alone when the paragraph before the figure is complete", () => {
    const whole = paragraph(["Boots nuts are made in three styles.", "The wing type is common."], 72, 400);
    const other = paragraph(["the next column starts in lower case", "for some reason."], 320, 80);
    const blocks = [whole, picture, caption, other];
    assert.deepEqual(continueAroundFloats(blocks), blocks);
  });

  it("leaves the order alone when the text after the figure starts a new sentence", () => {
    const other = paragraph(["Stainless steel nuts spin on", "and off by hand."], 320, 80);
    const blocks = [broken, picture, caption, other];
    assert.deepEqual(continueAroundFloats(blocks), blocks);
  });

  it("leaves a line that ends short (a title, a label) where column order puts it", () => {
    const title = paragraph(["Row and Column Access Control Support", "Implement roles"], 72, 400);
    const other = paragraph(["ibm.com/redbooks and some more words", "on a second line."], 320, 80);
    const blocks = [title, picture, caption, other];
    assert.deepEqual(continueAroundFloats(blocks), blocks);
  });
});
