import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { word } from "../test-support/words.ts";
import { edgeAlignedGutter } from "./edge-aligned-gutters.ts";
import { streamTables } from "./stream.ts";

// 10 pt type, 0.5 em (5 points) per character; cells right-aligned at 200 and left-aligned at 204.5
// leave 4.5 points (0.45 em, narrower than a word gutter) between them.
const EM = 10;
const GUTTER = { left: 200, right: 204.5 };
const right = (text: string, end: number, baseline: number) => word(text, end - text.length * 5, baseline);
/** Rows of a right-aligned cell ending at 200 and a left-aligned one starting at 204.5. */
const pairs = (cells: readonly [string, string][]) =>
  cells.map(([a, b], index) => [right(a, 200, 100 + 14 * index), word(b, 204.5, 100 + 14 * index)]);

describe("edgeAlignedGutter", () => {
  it("holds under a header of two labels when every tight row lines up both edges", () => {
    const rows = pairs([
      ["Disc.%", "Taxes"],
      ["0.00", "15.00%"],
      ["10.00", "15.00%"],
      ["0.00", "5.00%"],
    ]);
    assert.equal(edgeAlignedGutter(rows, GUTTER, EM), true);
  });

  it("fails when the first row is no header: values with their unit (15 Days), or text on one side", () => {
    const values = pairs([
      ["15", "Days"],
      ["30", "Days"],
      ["45", "Days"],
    ]);
    assert.equal(edgeAlignedGutter(values, GUTTER, EM), false);
    const header = [word("Count", 300, 86)];
    const labels = pairs([
      ["I/we", "kept"],
      ["I/we", "sold"],
      ["I/we", "sold"],
    ]);
    assert.equal(edgeAlignedGutter([header, ...labels], GUTTER, EM), false);
  });

  it("fails when one side's edge varies: a unit after a right-aligned number", () => {
    const rows = [
      [right("Qty", 200, 86), word("Unit", 204.5, 86)],
      ...pairs([
        ["1.00", "kg"],
        ["2.00", "Units"],
      ]),
      [right("1.00", 200, 128), word("L", 207, 128)],
    ];
    assert.equal(edgeAlignedGutter(rows, GUTTER, EM), false);
  });
});

describe("streamTables with two columns set tighter than a word space", () => {
  it("splits them where header and values line up on both sides", () => {
    const lines = [
      ["Description", "Disc.%", "Taxes", "Amount"],
      ["Beeswax", "0.00", "15.00%", "42.00"],
      ["Office Chair", "0.00", "15.00%", "70.00"],
      ["Olive Oil", "10.00", "15.00%", "0.90"],
      ["Truffles", "0.00", "", "150.00"],
      ["Wax", "5.00", "5.00%", "9.00"],
    ];
    const words: Word[] = lines.flatMap(([label, discount, taxes, amount], index) => {
      const baseline = 100 + 14 * index;
      return [
        word(label!, 72, baseline),
        right(discount!, 200, baseline),
        ...(taxes === "" ? [] : [word(taxes!, 204.5, baseline)]),
        right(amount!, 300, baseline),
      ];
    });
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.equal(table.table.columnCount, 4);
    const text = (row: number, column: number) =>
      table.table.cells.find((cell) => cell.rowIndex === row && cell.columnIndex === column)?.text;
    assert.deepEqual(
      [text(0, 1), text(0, 2), text(3, 1), text(3, 2)],
      ["Disc.%", "Taxes", "10.00", "15.00%"],
    );
  });
});
