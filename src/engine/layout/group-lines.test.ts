import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { sentence, word } from "../test-support/words.ts";
import { groupLines } from "./group-lines.ts";

describe("groupLines", () => {
  it("orders the words of a baseline and separates them by spaces", () => {
    const words = sentence("the quick brown fox", 72, 100).reverse();
    const lines = groupLines(words);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.text, "the quick brown fox");
    assert.deepEqual(lines[0]!.box, { left: 72, top: 92.5, right: 167, bottom: 102.5 });
    assert.equal(lines[0]!.baseline, 100);
  });

  it("joins runs that touch (a word split for kerning) without a space", () => {
    const lines = groupLines([word("Hel", 72, 100), word("lo", 87.2, 100), word("world", 103, 100)]);
    assert.equal(lines[0]!.text, "Hello world");
  });

  it("separates an OCR engine's words by spaces however close their ink comes", () => {
    const lines = groupLines([
      word("of", 72, 100, 10, { sourceLine: 0 }),
      word("the", 82.5, 100, 10, { sourceLine: 0 }),
    ]);
    assert.equal(lines[0]!.text, "of the");
  });

  it("keeps a raised, smaller superscript on its line and sizes the line by its body text", () => {
    const lines = groupLines([...sentence("energy E=mc", 72, 100), word("2", 132, 97, 6)]);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.text, "energy E=mc 2");
    assert.equal(lines[0]!.fontSize, 10);
  });

  it("never joins words of different OCR lines, even beside a tall drop cap that overlaps both", () => {
    // A drop cap's OCR line is three text lines tall; the lines beside it are tesseract's own.
    const lines = groupLines([
      word("S", 72, 124, 36, { sourceLine: 0 }),
      word("HE", 100, 100, 10, { sourceLine: 0 }),
      word("wandered", 100, 112, 10, { sourceLine: 1 }),
      word("around", 150, 112, 10, { sourceLine: 1 }),
    ]);
    assert.deepEqual(
      lines.map((line) => line.text),
      ["S HE", "wandered around"],
    );
  });

  it("splits a baseline at a column gutter and stacks lines top to bottom", () => {
    const lines = groupLines([
      ...sentence("left column", 72, 100),
      ...sentence("right column", 320, 100),
      ...sentence("next line", 72, 112),
    ]);
    assert.deepEqual(
      lines.map((line) => line.text),
      ["left column", "right column", "next line"],
    );
  });

  it("splits lines at a narrow column gutter that several lines share, not at one wide space", () => {
    // Two columns 12 pt apart (1.2 em): too close for the gap rule alone, but a river down the page.
    const words = [0, 1, 2, 3, 4].flatMap((row) => [
      ...sentence("left column text here", 72, 100 + 12 * row),
      ...sentence("right column words", 189, 100 + 12 * row),
    ]);
    assert.deepEqual(
      groupLines(words)
        .map((line) => line.text)
        .slice(0, 2),
      ["left column text here", "right column words"],
    );
    const justified = [
      ...sentence("one loose", 72, 100),
      ...sentence("line", 129, 100),
      ...sentence("a tight line of text here", 72, 112),
    ];
    assert.equal(groupLines(justified)[0]!.text, "one loose line");
  });

  it("drops text drawn twice in the same place (fake bold)", () => {
    const lines = groupLines([word("Bold", 72, 100), word("Bold", 72.2, 100), word("text", 95, 100)]);
    assert.equal(lines[0]!.text, "Bold text");
    assert.deepEqual(
      lines[0]!.words.map((kept) => kept.bold),
      [true, undefined],
      "the overprinted word is marked bold",
    );
    const exact = groupLines([word("Same", 72, 100), word("Same", 72, 100)]);
    assert.equal(exact[0]!.words[0]!.bold, undefined, "an exact repeat says nothing about weight");
  });

  it("keeps rotated text on lines of its own", () => {
    const vertical = (text: string, top: number): Word => ({
      ...word(text, 0, 0),
      box: { left: 500, top, right: 510, bottom: top + text.length * 5 },
      baseline: { x: 502.5, y: top },
      angle: 90,
    });
    const lines = groupLines([
      ...sentence("horizontal", 72, 100),
      vertical("down", 95),
      vertical("wards", 118),
    ]);
    assert.deepEqual(
      lines.map((line) => [line.text, line.angle]),
      [
        ["horizontal", 0],
        ["down wards", 90],
      ],
    );
  });

  it("reads right-to-left lines from the right", () => {
    const rtl = { direction: "rtl" as const };
    const lines = groupLines([word("ثانية", 100, 100, 10, rtl), word("كلمة", 140, 100, 10, rtl)]);
    assert.equal(lines[0]!.text, "كلمة ثانية");
    assert.equal(lines[0]!.direction, "rtl");
  });
});
