import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Word } from "../document/word.ts";
import { sentence } from "../test-support/words.ts";
import { splitKeyValueHead } from "./key-value-head.ts";
import { streamTables } from "./stream.ts";
import { textRows } from "./text-rows.ts";

/** Rows of text, each cell starting at the given x (points), one row every 14 points from `top`. */
function rows(cells: readonly (readonly string[])[], xs: readonly number[], top: number): Word[] {
  return cells.flatMap((row, index) =>
    row.flatMap((text, column) => (text === "" ? [] : sentence(text, xs[column]!, top + index * 14))),
  );
}

const FIELDS = [
  ["Invoice Date:", "Due Date:", "Reference:"],
  ["03/20/2023", "04/04/2023", "CUSTREF123"],
];
const ITEMS = [
  ["Description", "Quantity", "Price"],
  ["Beeswax", "1.00", "42.00"],
  ["Office Chair", "1.00", "70.00"],
  ["Olive Oil", "2.00", "1.00"],
];
const XS = [72, 200, 320];

describe("splitKeyValueHead", () => {
  it("splits labels ending with a colon over values starting under them off a run", () => {
    const run = textRows([...rows(FIELDS, XS, 100), ...rows(ITEMS, XS, 134)]);
    const { head, rest } = splitKeyValueHead(run);
    assert.deepEqual(
      head.map((row) => row.segments.map((segment) => segment.text)),
      FIELDS,
    );
    assert.equal(rest.length, ITEMS.length);
  });

  it("keeps column headers (no colons) and labels over values that do not line up", () => {
    const headers = textRows(rows(ITEMS, XS, 100));
    assert.equal(splitKeyValueHead(headers).head.length, 0);
    const shifted = textRows([...rows([FIELDS[0]!], XS, 100), ...rows([FIELDS[1]!], [72, 230, 320], 114)]);
    assert.equal(splitKeyValueHead(shifted).head.length, 0);
  });
});

describe("streamTables with a block of labels over values above the table", () => {
  it("leaves the block out: the table starts at its header row", () => {
    const [table, ...others] = streamTables([...rows(FIELDS, XS, 100), ...rows(ITEMS, XS, 134)], []);
    assert.deepEqual(others, []);
    assert.ok(table !== undefined);
    assert.equal(table.table.rowCount, ITEMS.length);
    assert.equal(
      table.table.cells.find((cell) => cell.rowIndex === 0 && cell.columnIndex === 0)?.text,
      "Description",
    );
    assert.ok(table.words.every((word) => word.box.top > 120));
  });
});
