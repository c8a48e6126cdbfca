import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import { unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { sentence } from "../test-support/words.ts";
import type { DetectedTable } from "./build-table.ts";
import { continueHeader, lastTable } from "./continue-header.ts";
import { placeTables } from "./place-tables.ts";

function line(words: readonly Word[]): Line {
  return {
    words,
    text: words.map((word) => word.text).join(" "),
    box: unionBoxes(words.map((word) => word.box))!,
    angle: 0,
    baseline: words[0]!.baseline.y,
    direction: "ltr",
    fontSize: 10,
  };
}

function block(lines: readonly Line[], type: Block["type"] = "text"): Block {
  return { type, text: lines.map((l) => l.text).join(" "), box: unionBoxes(lines.map((l) => l.box))!, lines };
}

function table(rowCount: number, columnCount: number, headerRowCount: number): Table {
  const cells = [];
  for (let row = 0; row < rowCount; row++)
    for (let column = 0; column < columnCount; column++)
      cells.push({
        rowIndex: row,
        columnIndex: column,
        rowSpan: 1,
        columnSpan: 1,
        text: `r${row}c${column}`,
        box: { left: column * 50, top: row * 10, right: column * 50 + 50, bottom: row * 10 + 10 },
        header: row < headerRowCount,
      });
  return { rowCount, columnCount, cells, headerRowCount, method: "stream", copiedHeaderRowCount: 0 };
}

describe("placeTables", () => {
  const intro = line(sentence("Sales by region were as follows:", 72, 100));
  const row1 = line(sentence("North 10 12", 72, 114));
  const row2 = line(sentence("South 9 11", 72, 128));
  const outro = line(sentence("Totals are final.", 72, 160));
  const detected: DetectedTable = {
    table: table(2, 3, 0),
    box: unionBoxes([row1.box, row2.box])!,
    words: [...row1.words, ...row2.words],
  };

  it("takes the table's lines out of text blocks and puts the table where they were", () => {
    // Layout glued the intro to the table's first row; the outro is a block of its own.
    const blocks = [block([intro, row1]), block([row2]), block([outro])];
    const placed = placeTables(blocks, [detected]);
    assert.deepEqual(
      placed.map((b) => [b.type, b.type === "table" ? b.lines.length : b.text]),
      [
        ["text", "Sales by region were as follows:"],
        ["table", 2],
        ["text", "Totals are final."],
      ],
    );
    assert.deepEqual(placed[0]!.box, intro.box);
    assert.equal(placed[1]!.table, detected.table);
    assert.equal(placed[1]!.text, "r0c0\tr0c1\tr0c2\nr1c0\tr1c1\tr1c2");
  });

  it("leaves blocks alone when no table is found, and places a table no block held by position", () => {
    const blocks = [block([intro]), block([outro])];
    assert.deepEqual(placeTables(blocks, []), blocks);
    const placed = placeTables(blocks, [{ ...detected, words: [] }]);
    assert.deepEqual(
      placed.map((b) => b.type),
      ["text", "table", "text"],
    );
  });
});

describe("continueHeader", () => {
  it("copies the previous page's header onto a headerless table with as many columns", () => {
    const previous = table(3, 3, 1);
    const continued = continueHeader(table(2, 3, 0), previous);
    assert.equal(continued.rowCount, 3);
    assert.equal(continued.headerRowCount, 1);
    assert.equal(continued.copiedHeaderRowCount, 1);
    const header = continued.cells.filter((cell) => cell.header);
    assert.deepEqual(
      header.map((cell) => [cell.rowIndex, cell.text, cell.box]),
      [
        [0, "r0c0", null],
        [0, "r0c1", null],
        [0, "r0c2", null],
      ],
    );
    assert.deepEqual(
      continued.cells.filter((cell) => !cell.header).map((cell) => cell.rowIndex),
      [1, 1, 1, 2, 2, 2],
    );
  });

  it("leaves tables that have a header, differ in columns, or follow no headed table", () => {
    const headed = table(2, 3, 1);
    assert.equal(continueHeader(headed, table(3, 3, 1)), headed);
    const narrow = table(2, 2, 0);
    assert.equal(continueHeader(narrow, table(3, 3, 1)), narrow);
    assert.equal(continueHeader(narrow, undefined), narrow);
    assert.equal(continueHeader(narrow, table(3, 2, 0)), narrow);
  });

  it("finds the last table block of a page", () => {
    const first = table(2, 2, 1);
    const second = table(2, 3, 1);
    const blocks: Block[] = [
      { type: "table", text: "", box: null, lines: [], table: first },
      { type: "table", text: "", box: null, lines: [], table: second },
      { type: "text", text: "after", box: null, lines: [] },
    ];
    assert.equal(lastTable(blocks), second);
    assert.equal(lastTable([]), undefined);
  });
});
