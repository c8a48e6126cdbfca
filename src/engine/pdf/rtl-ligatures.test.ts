import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { word } from "../test-support/words.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import { ligatureRepairs, repairLigatures } from "./rtl-ligatures.ts";

/** One showText per word list; each glyph a string of characters, drawn left to right; numbers kern. */
function showTexts(...runs: (string | number)[][]): PdfOperatorList {
  return {
    fnArray: runs.map(() => OPS.showText),
    argsArray: runs.map((glyphs) => [glyphs.map((g) => (typeof g === "number" ? g : { unicode: g }))]),
  };
}

describe("ligatureRepairs", () => {
  // "خلال" drawn left to right: lam, the lam-alef ligature (mapped to "لا"), khah. pdf.js reverses the
  // characters of "للاخ" one by one and gives "خالل".
  const khalal = ["ل", "لا", 3, "خ"];

  it("reads a word drawn with a lam-alef glyph in glyph order", () => {
    const repairs = ligatureRepairs(showTexts([...khalal, " ", "ن", "م"]));
    assert.deepEqual([...repairs], [["خالل", "خلال"]]);
    const [mended] = repairLigatures([word("خالل", 100, 100, 10, { direction: "rtl" })], repairs);
    assert.equal(mended!.text, "خلال");
  });

  it("leaves a text alone that glyphs without a ligature spell the same way", () => {
    assert.equal(ligatureRepairs(showTexts(khalal, ["ل", "ل", "ا", "خ"])).size, 0);
  });

  it("ignores left-to-right text and words without multi-character glyphs", () => {
    assert.equal(ligatureRepairs(showTexts(["f", "fi", "x"], ["ت", "ك", "ش"])).size, 0);
  });
});
