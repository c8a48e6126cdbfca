import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { hRule as h, vRule as v } from "../test-support/rulings.ts";
import { sentence, word } from "../test-support/words.ts";
import { assignWords, compactGrid } from "./grid.ts";
import { underSegmented } from "./hybrid.ts";
import { latticeGrids } from "./lattice.ts";

/** A fully ruled 2-column table, x 100–500, three body rows 40 pt high from y 100. */
const RULINGS: Ruling[] = [
  h(100, 100, 500),
  h(140, 100, 500),
  h(180, 100, 500),
  h(220, 100, 500),
  v(100, 100, 220),
  v(200, 100, 220),
  v(500, 100, 220),
];

/** Each row: a name in the first cell, and in the second two lines that open with `lead` set apart. */
function rows(lead: (row: number, line: number) => string): Word[] {
  const words: Word[] = [];
  for (let row = 0; row < 3; row++) {
    const top = 100 + 40 * row;
    words.push(word(`NAME_${row}`, 105, top + 15));
    for (let line = 0; line < 2; line++) {
      const baseline = top + 15 + 12 * line;
      words.push(word(lead(row, line), 205, baseline));
      words.push(...sentence("The user profile is allowed to use it.", 235, baseline));
    }
  }
  return words;
}

function isUnderSegmented(words: readonly Word[]): boolean {
  const [grid] = latticeGrids(RULINGS);
  assert.ok(grid !== undefined);
  const compact = compactGrid(grid);
  return underSegmented(compact, assignWords(compact, words));
}

describe("underSegmented", () => {
  it("takes the gap after a bulleted cell's bullets for no column", () => {
    // Symbol-font bullets decode as control characters ("\u0002") or as bullet glyphs.
    assert.equal(isUnderSegmented(rows((row) => (row === 0 ? "\u0002" : "▸"))), false);
  });

  it("still finds a column of values hidden in one ruled cell", () => {
    assert.equal(isUnderSegmented(rows((row, line) => `Q${row}${line}`)), true);
  });
});
