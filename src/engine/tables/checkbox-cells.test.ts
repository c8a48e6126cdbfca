import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { CHECKED, UNCHECKED } from "../layout/checkboxes.ts";
import { sentence, word } from "../test-support/words.ts";
import { detectTables } from "./detect-tables.ts";

const h = (position: number): Ruling => ({ orientation: "horizontal", position, start: 100, end: 400 });
const v = (position: number): Ruling => ({ orientation: "vertical", position, start: 100, end: 160 });

describe("checkbox words in tables", () => {
  it("fill the cells of a ruled form grid", () => {
    const words = [
      ...sentence("Mandatory?", 120, 120),
      word(UNCHECKED, 270, 120),
      word("Yes", 290, 120),
      word(CHECKED, 320, 120),
      word("No", 340, 120),
      ...sentence("Issuer", 120, 150),
      ...sentence("National office", 270, 150),
    ];
    const [detected] = detectTables({
      words,
      rulings: [h(100), h(130), h(160), v(100), v(250), v(400)],
      width: 612,
      height: 792,
    });
    assert.ok(detected !== undefined);
    assert.equal(
      detected.table.cells.find((cell) => cell.rowIndex === 0 && cell.columnIndex === 1)?.text,
      "[ ] Yes [x] No",
    );
  });

  it("do not make a text-aligned table of a legend's squares", () => {
    const legend = (label: string, baseline: number): Word[] => [
      word(UNCHECKED, 100, baseline),
      ...sentence(label, 300, baseline),
    ];
    const words = [
      ...legend("Any disability", 100),
      ...legend("Severe disability", 120),
      ...legend("Needs assistance", 140),
    ];
    const withBoxes = detectTables({ words, rulings: [], width: 612, height: 792 });
    const labelsOnly = detectTables({
      words: words.filter((made) => made.text !== UNCHECKED),
      rulings: [],
      width: 612,
      height: 792,
    });
    assert.equal(withBoxes.length, labelsOnly.length);
  });
});
