import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Table } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import { paragraphWords, sentence } from "../test-support/words.ts";
import { streamTables } from "./stream.ts";

/** Words of table rows: each row's cells start at the given x (points), one row every `pitch` from `top`. */
function rows(cells: readonly (readonly string[])[], xs: readonly number[], top: number, pitch = 14): Word[] {
  return cells.flatMap((row, index) =>
    row.flatMap((text, column) => (text === "" ? [] : sentence(text, xs[column]!, top + index * pitch))),
  );
}

function grid(table: Table): string[][] {
  const result = Array.from({ length: table.rowCount }, () => new Array<string>(table.columnCount).fill(""));
  for (const cell of table.cells) result[cell.rowIndex]![cell.columnIndex] = cell.text;
  return result;
}

const FRUIT = [
  ["Item", "Q1", "Q2", "Q3"],
  ["Apples", "10", "20", "30"],
  ["Pears", "11", "21", "31"],
  ["Plums", "12", "22", "32"],
  ["Cherries", "13", "23", "33"],
];
const COLUMNS = [72, 200, 260, 320];
const LONG = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt";

describe("streamTables", () => {
  it("finds a table aligned by text alone between paragraphs, with its header row", () => {
    const words = [
      ...paragraphWords([LONG, LONG], 72, 80),
      ...rows(FRUIT, COLUMNS, 130),
      ...paragraphWords([LONG, LONG], 72, 230),
    ];
    const tables = streamTables(words, []);
    assert.equal(tables.length, 1);
    const [table] = tables;
    assert.deepEqual(grid(table!.table), FRUIT);
    assert.equal(table!.table.headerRowCount, 1);
    assert.equal(table!.table.method, "stream");
    // The paragraphs stay text: none of their words belong to the table.
    assert.ok(table!.words.every((word) => word.box.top > 110 && word.box.bottom < 200));
  });

  it("does not take two columns of running text for a table", () => {
    const column = [
      LONG.slice(0, 40),
      LONG.slice(10, 50),
      LONG.slice(5, 45),
      LONG.slice(0, 42),
      LONG.slice(3, 44),
    ];
    const words = [...paragraphWords(column, 72, 100), ...paragraphWords(column, 320, 100)];
    assert.deepEqual(streamTables(words, []), []);
  });

  it("does not take a bulleted list for a table", () => {
    const words = rows(
      [
        ["•", "Apples"],
        ["•", "Pears"],
        ["•", "Plums"],
        ["•", "Cherries"],
      ],
      [72, 90],
      100,
    );
    assert.deepEqual(streamTables(words, []), []);
  });

  it("merges a label wrapped onto a second line into one cell, and the lines of a header", () => {
    const words = rows(
      [
        ["", "Under 18", "18 years"],
        ["Offense", "years", "and over"],
        ["Murder and nonnegligent", "", ""],
        ["manslaughter", "0.9", "9.1"],
        ["Robbery", "25.5", "76.6"],
        ["Burglary", "60.3", "180.6"],
      ],
      [72, 220, 300],
      100,
      11,
    );
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), [
      ["Offense", "Under 18\nyears", "18 years\nand over"],
      ["Murder and nonnegligent\nmanslaughter", "0.9", "9.1"],
      ["Robbery", "25.5", "76.6"],
      ["Burglary", "60.3", "180.6"],
    ]);
    assert.equal(table.table.headerRowCount, 1);
  });

  it("keeps the second line of a header cell in the header when no column holds numbers", () => {
    const words = rows(
      [
        ["", "State funded", "Private"],
        ["", "legal aid", ""],
        ["Persons with disabilities", "yes", "no"],
        ["Children", "yes", "yes"],
        ["Women", "no", "yes"],
        ["The elderly", "yes", "no"],
      ],
      [72, 240, 330],
      100,
      11,
    );
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    assert.deepEqual(grid(table.table), [
      ["", "State funded\nlegal aid", "Private"],
      ["Persons with disabilities", "yes", "no"],
      ["Children", "yes", "yes"],
      ["Women", "no", "yes"],
      ["The elderly", "yes", "no"],
    ]);
  });

  it("reads a label spanning two sub-columns as one spanning header cell", () => {
    const words = [
      ...sentence("Total population", 205, 100),
      ...rows(
        [
          ["State", "Men", "Women"],
          ["Kerala", "120", "130"],
          ["Assam", "140", "150"],
          ["Bihar", "160", "170"],
        ],
        [72, 200, 260],
        114,
      ),
    ];
    const [table] = streamTables(words, []);
    assert.ok(table !== undefined);
    const total = table.table.cells.find((cell) => cell.text === "Total population");
    assert.deepEqual([total?.rowIndex, total?.columnIndex, total?.columnSpan], [0, 1, 2]);
    assert.equal(table.table.headerRowCount, 2);
  });
});
