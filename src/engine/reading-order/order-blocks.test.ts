import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { Word } from "../document/word.ts";
import { groupLines } from "../layout/group-lines.ts";
import { groupParagraphs } from "../layout/group-paragraphs.ts";
import { paragraphWords, sentence } from "../test-support/words.ts";
import { orderBlocks } from "./order-blocks.ts";

/** Three lines of column text starting with `label`, 150 pt wide at 10 pt. */
function column(label: string, left: number, top: number): Word[] {
  return paragraphWords(
    [`${label} aaaa bbbb cccc dddd eeee ff`, "gggg hhhh iiii jjjj kkkk llll mm", "nnnn oooo"],
    left,
    top,
  );
}

/** Two full lines of Hebrew column text after a Latin label (the label is drawn at the left end). */
function rtlColumn(label: string, left: number, top: number): Word[] {
  return paragraphWords(
    [`${label} אאאא בבבב גגגג דדדד הההה וו`, "זזזז חחחח טטטט יייי כככך לללל ממ"],
    left,
    top,
  ).map((made) => ({ ...made, direction: "rtl" }));
}

function order(words: readonly Word[], rightToLeft = false): string[] {
  const blocks = groupParagraphs(groupLines(words));
  // Words of a right-to-left line are placed from its right end: the label, leftmost, reads last.
  return orderBlocks(blocks, rightToLeft).map((block) => {
    const first = block.lines[0]!;
    const parts = first.text.split(" ");
    return first.direction === "rtl" ? parts[parts.length - 1]! : block.text.split(" ")[0]!;
  });
}

describe("orderBlocks", () => {
  it("reads two columns one after the other even where their paragraph breaks line up", () => {
    const words = [
      ...column("L1", 72, 100),
      ...column("L2", 72, 150),
      ...column("R1", 320, 100),
      ...column("R2", 320, 150),
    ];
    assert.deepEqual(order(words), ["L1", "L2", "R1", "R2"]);
  });

  it("keeps a full-width title and a full-width break in place between column regions", () => {
    const wide = "WIDE aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp";
    const words = [
      ...sentence("Title of the paper", 200, 70, 18),
      ...column("L1", 72, 100),
      ...column("R1", 320, 100),
      ...sentence(wide, 72, 150),
      ...column("L2", 72, 180),
      ...column("R2", 320, 180),
    ];
    assert.deepEqual(order(words), ["Title", "L1", "R1", "WIDE", "L2", "R2"]);
  });

  it("reads form rows across: single lines sharing baselines are rows, not columns", () => {
    const words = [
      ...sentence("Name", 72, 100),
      ...sentence("Jane Doe", 300, 100),
      ...sentence("Date", 72, 130),
      ...sentence("2024-01-31", 300, 130),
      ...sentence("Amount", 72, 160),
      ...sentence("$4.11", 300, 160),
    ];
    assert.deepEqual(order(words), ["Name", "Jane", "Date", "2024-01-31", "Amount", "$4.11"]);
  });

  it("keeps reading by column where single-line items of both columns share a baseline", () => {
    const words = [
      ...column("L1", 72, 100),
      ...column("R1", 320, 100),
      ...sentence("• Lone left item", 72, 150),
      ...sentence("• Lone right item", 320, 150),
      ...column("L2", 72, 170),
      ...column("R2", 320, 170),
    ];
    assert.deepEqual(order(words), ["L1", "•", "L2", "R1", "•", "R2"]);
  });

  it("reads a sidebar of short lines before the main column beside it", () => {
    const words = [
      ...sentence("Highlights", 72, 100),
      ...sentence("Fast", 72, 131),
      ...sentence("Cheap", 72, 166),
      ...column("Main1", 250, 100),
      ...column("Main2", 250, 150),
    ];
    assert.deepEqual(order(words), ["Highlights", "Fast", "Cheap", "Main1", "Main2"]);
  });

  it("reads columns from the right on right-to-left pages", () => {
    const words = [...rtlColumn("L1", 72, 100), ...rtlColumn("R1", 320, 100)];
    assert.deepEqual(order(words, true), ["R1", "L1"]);
  });

  it("decides the column order by the region's own text, not the page's", () => {
    // An English page with two right-to-left boxes side by side below its English columns.
    const words = [
      ...column("L1", 72, 100),
      ...column("R1", 320, 100),
      ...sentence("WIDE aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo", 72, 150),
      ...rtlColumn("A1", 72, 180),
      ...rtlColumn("A2", 320, 180),
    ];
    assert.deepEqual(order(words, false), ["L1", "R1", "WIDE", "A2", "A1"]);
  });

  it("keeps blocks without geometry first, in their order", () => {
    const plain: Block = { type: "text", text: "plain", box: null, lines: [] };
    const placed = groupParagraphs(groupLines(sentence("placed", 72, 100)));
    assert.deepEqual(
      orderBlocks([...placed, plain]).map((block) => block.text),
      ["plain", "placed"],
    );
  });
});
