/**
 * Column order of right-to-left tables. A table set in Arabic, Hebrew or Persian reads from its right
 * edge: its first column (the labels of a label/value form grid, the first field of a record) is the
 * rightmost one. Grids are built left to right on the page, so such a table's columns are mirrored to
 * give Extend's `columnIndex` — and the rendered markdown or HTML row — in reading order.
 */
import type { TableCell } from "../document/table.ts";
import type { Word } from "../document/word.ts";

/** Most of the words' characters run right to left. */
export function isRightToLeftText(words: readonly Word[]): boolean {
  let balance = 0;
  for (const word of words) balance += word.direction === "rtl" ? word.text.length : -word.text.length;
  return balance > 0;
}

/** The cells with columns counted from the right, row-major again. */
export function mirrorColumns(cells: readonly TableCell[], columnCount: number): TableCell[] {
  return cells
    .map((cell) => ({ ...cell, columnIndex: columnCount - cell.columnIndex - cell.columnSpan }))
    .sort((a, b) => a.rowIndex - b.rowIndex || a.columnIndex - b.columnIndex);
}
