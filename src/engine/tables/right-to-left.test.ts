import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ruling } from "../document/ruling.ts";
import { word } from "../test-support/words.ts";
import { detectTables } from "./detect-tables.ts";
import { isRightToLeftText, mirrorColumns } from "./right-to-left.ts";

const h = (position: number): Ruling => ({ orientation: "horizontal", position, start: 100, end: 400 });
const v = (position: number): Ruling => ({ orientation: "vertical", position, start: 100, end: 160 });
/** A ruled 2 × 2 grid: columns x 100–250 and 250–400, rows y 100–130 and 130–160. */
const GRID = [h(100), h(130), h(160), v(100), v(250), v(400)];
const rtl = (text: string, left: number, baseline: number) =>
  word(text, left, baseline, 10, { direction: "rtl" });

describe("right-to-left tables", () => {
  it("counts columns from the right when the table's text runs right to left", () => {
    // Labels on the right (the first column of a Persian form grid), values on the left.
    const words = [
      rtl("مقدار", 120, 120),
      rtl("عنوان", 320, 120),
      rtl("۲۰۳۰۰", 120, 150),
      rtl("شماره", 320, 150),
    ];
    const [detected] = detectTables({ words, rulings: GRID, width: 500, height: 300 });
    assert.ok(detected !== undefined);
    const rows = detected.table.cells.map((cell) => [cell.rowIndex, cell.columnIndex, cell.text]);
    assert.deepEqual(rows, [
      [0, 0, "عنوان"],
      [0, 1, "مقدار"],
      [1, 0, "شماره"],
      [1, 1, "۲۰۳۰۰"],
    ]);
  });

  it("keeps left-to-right tables as they are", () => {
    const words = [
      word("Name", 120, 120),
      word("Value", 320, 120),
      word("Width", 120, 150),
      word("12", 320, 150),
    ];
    const [detected] = detectTables({ words, rulings: GRID, width: 500, height: 300 });
    assert.ok(detected !== undefined);
    assert.deepEqual(
      detected.table.cells.map((cell) => [cell.columnIndex, cell.text]),
      [
        [0, "Name"],
        [1, "Value"],
        [0, "Width"],
        [1, "12"],
      ],
    );
  });

  it("mirrors spanning cells by their whole span", () => {
    const cell = { rowIndex: 0, rowSpan: 1, text: "", box: null, header: false };
    const mirrored = mirrorColumns(
      [
        { ...cell, columnIndex: 0, columnSpan: 2, text: "a" },
        { ...cell, columnIndex: 2, columnSpan: 1, text: "b" },
      ],
      3,
    );
    assert.deepEqual(
      mirrored.map((c) => [c.columnIndex, c.columnSpan, c.text]),
      [
        [0, 1, "b"],
        [1, 2, "a"],
      ],
    );
  });

  it("weighs directions by characters", () => {
    assert.equal(isRightToLeftText([rtl("سلام", 0, 10), word("R", 50, 10)]), true);
    assert.equal(isRightToLeftText([rtl("و", 0, 10), word("Python", 50, 10)]), false);
  });
});
