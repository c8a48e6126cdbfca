import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Block } from "../document/block.ts";
import type { Table, TableCell } from "../document/table.ts";
import { splitTableBlock } from "./split-table.ts";

function cell(rowIndex: number, columnIndex: number, text: string, header = false): TableCell {
  const top = rowIndex * 20;
  return {
    rowIndex,
    columnIndex,
    rowSpan: 1,
    columnSpan: 1,
    text,
    header,
    box: { left: columnIndex * 50, top, right: columnIndex * 50 + 50, bottom: top + 20 },
  };
}

const table: Table = {
  rowCount: 5,
  columnCount: 2,
  headerRowCount: 1,
  copiedHeaderRowCount: 0,
  method: "lattice",
  cells: [
    cell(0, 0, "Name", true),
    cell(0, 1, "Qty", true),
    ...[1, 2, 3, 4].flatMap((row) => [cell(row, 0, `item${row}`), cell(row, 1, `${row}`)]),
  ],
};
const block: Block = {
  type: "table",
  text: "Name\tQty\nitem1\t1\nitem2\t2\nitem3\t3\nitem4\t4",
  box: { left: 0, top: 0, right: 100, bottom: 100 },
  lines: [],
  table,
};
const measure = (b: Block) => b.text.length;

describe("splitTableBlock", () => {
  it("keeps a table that fits whole", () => {
    assert.deepEqual(
      splitTableBlock(block, 1000, () => 10),
      [block],
    );
  });

  it("splits between rows, each part repeating the header row", () => {
    // "Name\tQty" (8) + "\n" + "itemN\tN" (7) per row: two body rows make 8 + 2 × 8 = 24.
    const parts = splitTableBlock(block, 24, measure);
    assert.deepEqual(
      parts.map((part) => part.text),
      ["Name\tQty\nitem1\t1\nitem2\t2", "Name\tQty\nitem3\t3\nitem4\t4"],
    );
    for (const part of parts) {
      assert.equal(part.table?.rowCount, 3);
      assert.equal(part.table?.headerRowCount, 1);
      assert.deepEqual(
        part.table?.cells.map((c) => c.rowIndex),
        [0, 0, 1, 1, 2, 2],
      );
    }
    // The second part's box covers its own rows only.
    assert.deepEqual(parts[1]!.box, { left: 0, top: 60, right: 100, bottom: 100 });
  });

  it("gives a row that alone exceeds the limit a part of its own", () => {
    assert.equal(splitTableBlock(block, 1, measure).length, 4);
  });
});
