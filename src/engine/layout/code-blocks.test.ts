import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { paragraphWords, word } from "../test-support/words.ts";
import { findCodeBlocks } from "./code-blocks.ts";
import { groupLines } from "./group-lines.ts";
import { layoutPage } from "./layout-page.ts";

const MONO = { fontFamily: "monospace", fontName: "CourierNewPSMT", fontId: "f2" } as const;
/** Courier at 10 pt: every character 6 pt wide. */
const CELL = 6;

/** A line of a monospace listing on the character grid: column `column` holds the line's first character. */
function gridLine(text: string, column: number, baseline: number, extra: Partial<Word> = {}): Word[] {
  const words: Word[] = [];
  let at = column;
  for (const token of text.split(/(\s+)/u)) {
    if (token.trim() === "") at += token.length;
    else {
      const left = 60 + at * CELL;
      words.push({
        ...word(token, left, baseline, 10, { ...MONO, ...extra }),
        box: { left, top: baseline - 7.5, right: left + token.length * CELL, bottom: baseline + 2.5 },
      });
      at += token.length;
    }
  }
  return words;
}

function listing(rows: readonly string[], top = 100): Word[] {
  return rows.flatMap((row, index) =>
    gridLine(row.trimStart(), row.length - row.trimStart().length, top + 12 * index),
  );
}

describe("findCodeBlocks", () => {
  it("keeps a listing's lines, indentation and aligned columns", () => {
    const rows = ["SELECT   id,", "         user_name", "FROM     accounts", "WHERE    id = 1;"];
    const { code, rest } = findCodeBlocks(groupLines(listing(rows)));
    assert.equal(rest.length, 0);
    assert.equal(code.length, 1);
    assert.equal(code[0]!.text, rows.join("\n"));
    assert.equal(code[0]!.code, true);
  });

  it("reads spaces from space glyphs where tokens are set apart off the grid", () => {
    // TeX listings (as pdf.js reads CMTT9 in a corpus PDF): `add(a,` is three tokens a little apart, whose
    // advances differ from token to token; real spaces are drawn as glyphs.
    const at = (text: string, left: number, right: number, baseline: number, spaceAfter?: true): Word => ({
      ...word(text, left, baseline, 9, { ...MONO, fontName: "CMTT9", ...(spaceAfter ? { spaceAfter } : {}) }),
      box: { left, top: baseline - 7, right, bottom: baseline + 2 },
    });
    const words = [
      at("function", 134.6, 178.12, 371.9, true),
      at("add", 185.31, 197.58, 371.9),
      at("(a", 201.67, 209.85, 371.9),
      at(",", 213.94, 218.03, 371.9, true),
      at("b", 224.62, 228.07, 371.9),
      at(")", 231.52, 234.97, 371.9, true),
      at("{", 241.57, 246.27, 371.9),
      at("}", 134.24, 138.95, 382.8),
    ];
    const { code } = findCodeBlocks(groupLines(words));
    assert.equal(code.length, 1);
    assert.equal(code[0]!.text.split("\n")[0], "function add(a, b) {");
  });

  it("leaves prose typed in a monospace font as text", () => {
    const rows = [
      "NOTE: Minimum sample size requirements were adjusted for the relative",
      "inefficiency in the sample design by a factor equal to the design",
      "effect (see the appendix), where design effect = complex variance.",
    ];
    assert.equal(findCodeBlocks(groupLines(listing(rows))).code.length, 0);
  });

  it("leaves a list of web addresses and dates as text", () => {
    const rows = ["1 http://www.example.org/a_b", "2 http://www.example.com/", "3 12/31/1999 and 1/2"];
    assert.equal(findCodeBlocks(groupLines(listing(rows))).code.length, 0);
  });

  it("needs two rows: a single monospace line is inline code in running text", () => {
    assert.equal(findCodeBlocks(groupLines(listing(["x = f(y_1);"]))).code.length, 0);
  });

  it("ends a listing at text between its lines", () => {
    const words = [
      ...listing(["a = b;", "c = d;"], 100),
      ...paragraphWords(["Listing 2: the second one"], 60, 124),
      ...listing(["e = f;", "g = h;"], 136),
    ];
    const { code } = findCodeBlocks(groupLines(words));
    assert.deepEqual(
      code.map((block) => block.text),
      ["a = b;\nc = d;", "e = f;\ng = h;"],
    );
  });

  it("does not take TeX's roman and math fonts for code", () => {
    const rows = ["a_1 = b_2;", "c_3 = d_4;"];
    const words = listing(rows).map((w) => ({ ...w, fontName: "CMR10" }));
    assert.equal(findCodeBlocks(groupLines(words)).code.length, 0);
  });
});

describe("layoutPage with a listing", () => {
  it("places the listing among the paragraphs by position", () => {
    const words = [
      ...paragraphWords(["Run the statement below:"], 60, 80),
      ...listing(["x = 1;", "y = x + 1;"], 100),
      ...paragraphWords(["It sets both."], 60, 140),
    ];
    const blocks = layoutPage(words).blocks;
    assert.deepEqual(
      blocks.map((block) => [block.code === true, block.text]),
      [
        [false, "Run the statement below:"],
        [true, "x = 1;\ny = x + 1;"],
        [false, "It sets both."],
      ],
    );
  });
});
