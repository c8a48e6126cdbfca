import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import { CHECKED, UNCHECKED } from "../layout/checkboxes.ts";
import { sentence, word } from "../test-support/words.ts";
import { detectTables } from "./detect-tables.ts";

const h = (position: number): Ruling => ({ orientation: "horizontal", position, start: 100, end: 400 });
const v = (position: number): Ruling => ({ orientation: "vertical", position, start: 100, end: 160 });

describe("table cell text", () => {
  it("keeps checkbox words in the cells of a ruled form grid", () => {
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
    const cell = detected.table.cells.find((found) => found.rowIndex === 0 && found.columnIndex === 1);
    assert.equal(cell?.text, "[ ] Yes [x] No");
  });

  it("takes no text from a font without a character map (control codes): such a grid is no table", () => {
    const garbled = (left: number, baseline: number) => word("\u0006\u0003\u000e", left, baseline);
    const rulings = [h(100), h(130), h(160), v(100), v(250), v(400)];
    const words = [garbled(120, 120), garbled(270, 120), garbled(120, 150), garbled(270, 150)];
    assert.deepEqual(detectTables({ words, rulings, width: 612, height: 792 }), []);
    const readable = [word("a1", 120, 120), word("b1", 270, 120), word("a2", 120, 150), word("b2", 270, 150)];
    assert.equal(detectTables({ words: readable, rulings, width: 612, height: 792 }).length, 1);
  });
});
