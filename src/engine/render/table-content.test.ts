import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyPage } from "../document/page.ts";
import type { Table, TableCell } from "../document/table.ts";
import { tableCellBlocks } from "./table-cell-blocks.ts";
import { tableHtml, tableMarkdown } from "./table-content.ts";

function cell(
  rowIndex: number,
  columnIndex: number,
  text: string,
  extra: Partial<TableCell> = {},
): TableCell {
  const box = {
    left: columnIndex * 100,
    top: rowIndex * 20,
    right: columnIndex * 100 + 100,
    bottom: rowIndex * 20 + 20,
  };
  return { rowIndex, columnIndex, rowSpan: 1, columnSpan: 1, text, box, header: false, ...extra };
}

/** "Region" spans two header rows, "Sales" two columns; a body cell holds two lines and a pipe. */
const SALES: Table = {
  rowCount: 4,
  columnCount: 3,
  headerRowCount: 2,
  method: "lattice",
  copiedHeaderRowCount: 0,
  cells: [
    cell(0, 0, "Region", { rowSpan: 2, header: true }),
    cell(0, 1, "Sales", { columnSpan: 2, header: true }),
    cell(1, 1, "2023", { header: true }),
    cell(1, 2, "2024", { header: true }),
    cell(2, 0, "North\nEast"),
    cell(2, 1, "10 | 12"),
    cell(2, 2, "<15>"),
    cell(3, 0, "South"),
    cell(3, 2, "9"),
  ],
};

describe("table content", () => {
  it("renders a markdown pipe table: first row as header line, spans repeated, cells on one line", () => {
    assert.equal(
      tableMarkdown(SALES),
      [
        "| Region | Sales | Sales |",
        "| --- | --- | --- |",
        "| Region | 2023 | 2024 |",
        "| North East | 10 \\| 12 | <15> |",
        "| South |  | 9 |",
      ].join("\n"),
    );
  });

  it("renders HTML with a thead of th cells, rowspan and colspan, escaped text and line breaks", () => {
    assert.equal(
      tableHtml(SALES),
      [
        "<table>",
        "<thead>",
        '<tr><th rowspan="2">Region</th><th colspan="2">Sales</th></tr>',
        "<tr><th>2023</th><th>2024</th></tr>",
        "</thead>",
        "<tbody>",
        "<tr><td>North<br>East</td><td>10 | 12</td><td>&lt;15&gt;</td></tr>",
        "<tr><td>South</td><td></td><td>9</td></tr>",
        "</tbody>",
        "</table>",
      ].join("\n"),
    );
  });

  it("gives every cell a child block: table_head or table_cell, 0-based indices, box and parent id", () => {
    const children = tableCellBlocks(SALES, "parent-id", emptyPage(3, 612, 792), { page: { number: 3 } });
    assert.equal(children.length, SALES.cells.length);
    assert.deepEqual(
      children.map((child) => [child.type, child.details]),
      SALES.cells.map((source) => [
        source.header ? "table_head" : "table_cell",
        { type: "table_cell_details", rowIndex: source.rowIndex, columnIndex: source.columnIndex },
      ]),
    );
    assert.ok(children.every((child) => child.parentBlockId === "parent-id"));
    assert.equal(new Set(children.map((child) => child.id)).size, children.length);
    assert.deepEqual(children[4]!.boundingBox, { left: 0, top: 40, right: 100, bottom: 60 });
    assert.equal(children[4]!.content, "North East");
    // A header copied from the previous page has no box here.
    const [copied] = tableCellBlocks(
      { ...SALES, cells: [{ ...SALES.cells[0]!, box: null }] },
      "p",
      emptyPage(3, 612, 792),
      {},
    );
    assert.deepEqual(copied!.polygon, []);
    assert.deepEqual(copied!.boundingBox, { left: null, top: null, right: null, bottom: null });
  });
});
