/**
 * Header continuation across pages (Extend's tableHeaderContinuationEnabled): a headerless table at the
 * start of a page with as many columns as the last table of the previous page gets that table's header
 * rows copied on top. It copies, it does not merge the tables (upstream parity). Only the previous page
 * is consulted, so memory stays flat however long the document is.
 */
import type { Block } from "../document/block.ts";
import type { Table, TableCell } from "../document/table.ts";

/** The previous page's last table with a header, if it is the page's last table. */
export function lastTable(blocks: readonly Block[]): Table | undefined {
  for (let index = blocks.length - 1; index >= 0; index--) {
    const table = blocks[index]!.table;
    if (table !== undefined) return table;
  }
  return undefined;
}

/** `table` with `previous`'s header rows on top, or `table` itself when it does not continue it. */
export function continueHeader(table: Table, previous: Table | undefined): Table {
  if (previous === undefined || table.headerRowCount > 0 || previous.headerRowCount === 0) return table;
  if (previous.columnCount !== table.columnCount) return table;
  const rows = previous.headerRowCount;
  // Copied cells have no place on this page: no box. Spans are kept within the copied rows.
  const header: TableCell[] = previous.cells
    .filter((cell) => cell.rowIndex < rows)
    .map((cell) => ({
      ...cell,
      rowSpan: Math.min(cell.rowSpan, rows - cell.rowIndex),
      box: null,
      header: true,
    }));
  const body = table.cells.map((cell) => ({ ...cell, rowIndex: cell.rowIndex + rows }));
  return {
    ...table,
    rowCount: table.rowCount + rows,
    cells: [...header, ...body],
    headerRowCount: rows,
    copiedHeaderRowCount: rows,
  };
}
