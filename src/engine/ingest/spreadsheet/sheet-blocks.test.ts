import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blockMarkdown } from "../../render/block-markdown.ts";
import { sheetBlocks } from "./sheet-blocks.ts";
import type { GridCell } from "./sheet-grid.ts";
import { cellReference, columnLetters } from "./sheet-grid.ts";

/** Cells from rows of strings ("" is empty); "#n" marks a number. */
function grid(rows: readonly (readonly string[])[]): GridCell[] {
  const cells: GridCell[] = [];
  for (const [row, values] of rows.entries())
    for (const [column, value] of values.entries()) {
      if (value === "") continue;
      const numeric = value.startsWith("#");
      cells.push({
        row,
        column,
        rowSpan: 1,
        columnSpan: 1,
        text: numeric ? value.slice(1) : value,
        numeric,
        bold: false,
      });
    }
  return cells;
}

describe("sheetBlocks", () => {
  it("splits tables at blank rows and columns and reads them top to bottom, left to right", () => {
    const cells = grid([
      ["a", "b", "", "x", "y"],
      ["#1", "#2", "", "#3", "#4"],
      ["", "", "", "", ""],
      ["c", "d", "", "", ""],
      ["#5", "#6", "", "", ""],
    ]);
    const blocks = sheetBlocks({ name: "S", index: 0, cells });
    assert.deepEqual(
      blocks.map((block) => [block.type, block.text]),
      [
        ["heading", "S"],
        ["table", "a\tb\n1\t2"],
        ["table", "x\ty\n3\t4"],
        ["table", "c\td\n5\t6"],
      ],
    );
    assert.equal(blocks[1]!.table!.headerRowCount, 1);
  });

  it("separates tables that touch only at a corner", () => {
    const cells = grid([
      ["a", "b", "", ""],
      ["c", "d", "", ""],
      ["", "", "e", "f"],
      ["", "", "g", "h"],
    ]);
    const blocks = sheetBlocks({ index: 0, cells });
    assert.deepEqual(
      blocks.map((block) => block.text),
      ["a\tb\nc\td", "e\tf\ng\th"],
    );
  });

  it("keeps a sparse table whole and gives a lone title cell as text", () => {
    const cells = grid([
      ["Report", "", ""],
      ["name", "qty", "note"],
      ["x", "#1", ""],
      ["", "#2", "late"],
    ]);
    const blocks = sheetBlocks({ index: 0, cells });
    assert.deepEqual(
      blocks.map((block) => block.type),
      ["text", "table"],
    );
    assert.equal(blocks[0]!.text, "Report");
    assert.equal(
      blockMarkdown(blocks[1]!),
      "| name | qty | note |\n| --- | --- | --- |\n| x | 1 |  |\n|  | 2 | late |",
    );
  });

  it("gives no header row to text over text unless the first row alone is bold", () => {
    const plain = sheetBlocks({
      index: 0,
      cells: grid([
        ["a", "b"],
        ["c", "d"],
      ]),
    });
    assert.equal(plain[0]!.table!.headerRowCount, 0);
    const bold = grid([
      ["a", "b"],
      ["c", "d"],
    ]).map((cell) => ({ ...cell, bold: cell.row === 0 }));
    const styled = sheetBlocks({ index: 0, cells: bold });
    assert.equal(styled[0]!.table!.headerRowCount, 1);
    assert.deepEqual(
      styled[0]!.table!.cells.map((cell) => cell.header),
      [true, true, false, false],
    );
  });

  it("keeps merged cells as spans and does not split a table under a merge", () => {
    const cells: GridCell[] = [
      { row: 0, column: 0, rowSpan: 3, columnSpan: 1, text: "group", numeric: false, bold: false },
      ...grid([
        ["", "a"],
        ["", ""],
        ["", "b"],
      ]),
    ];
    const blocks = sheetBlocks({ index: 0, cells });
    assert.equal(blocks.length, 1);
    const table = blocks[0]!.table!;
    assert.deepEqual([table.rowCount, table.columnCount], [3, 2]);
    assert.deepEqual(
      table.cells.map((cell) => [cell.text, cell.rowSpan]),
      [
        ["group", 3],
        ["a", 1],
        ["b", 1],
      ],
    );
  });

  it("places figures before the first region below their anchor", () => {
    const cells = grid([
      ["a", "b"],
      ["#1", "#2"],
      ["", ""],
      ["", ""],
      ["", ""],
      ["c", "d"],
      ["#3", "#4"],
    ]);
    const blocks = sheetBlocks({
      index: 0,
      cells,
      figures: [
        { row: 3, column: 0, figureType: "chart", text: "Line chart" },
        { row: 9, column: 0, figureType: "image", text: "" },
      ],
    });
    assert.deepEqual(
      blocks.map((block) => [block.type, block.figure?.figureType]),
      [
        ["table", undefined],
        ["figure", "chart"],
        ["table", undefined],
        ["figure", "image"],
      ],
    );
  });

  it("names columns and cells in A1 style", () => {
    assert.deepEqual(
      [columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(701)],
      ["A", "Z", "AA", "ZZ"],
    );
    assert.equal(cellReference(2, 27), "AB3");
  });
});
