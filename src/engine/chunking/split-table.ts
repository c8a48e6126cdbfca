/**
 * Splits a table block that is too long for one chunk between rows: each part keeps the table's header
 * rows, so every part reads as a table on its own. Rows are never cut.
 */
import type { Block } from "../document/block.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Table, TableCell } from "../document/table.ts";

/**
 * Parts of `block` (a table) each at most `maxCharacters` long as `measure` counts, where a single row
 * allows it; a row longer than the limit on its own still makes one part. Blocks that are not tables,
 * or fit, come back alone.
 */
export function splitTableBlock(
  block: Block,
  maxCharacters: number,
  measure: (block: Block) => number,
): Block[] {
  const table = block.table;
  if (table === undefined || measure(block) <= maxCharacters) return [block];
  const headerRows = Math.min(table.headerRowCount, table.rowCount);
  const parts: Block[] = [];
  let start = headerRows;
  while (start < table.rowCount) {
    // Grow the part row by row while it fits; always take at least one body row.
    let end = start + 1;
    let part = tablePart(block, table, headerRows, start, end);
    while (end < table.rowCount) {
      const next = tablePart(block, table, headerRows, start, end + 1);
      if (measure(next) > maxCharacters) break;
      end++;
      part = next;
    }
    parts.push(part);
    start = end;
  }
  return parts.length === 0 ? [block] : parts;
}

/** The header rows plus body rows [start, end) as a block of their own. */
function tablePart(block: Block, table: Table, headerRows: number, start: number, end: number): Block {
  const cells: TableCell[] = [];
  for (const cell of table.cells) {
    const inHeader = cell.rowIndex < headerRows;
    const inBody = cell.rowIndex >= start && cell.rowIndex < end;
    if (!inHeader && !inBody) continue;
    const rowIndex = inHeader ? cell.rowIndex : cell.rowIndex - start + headerRows;
    const lastRow = inHeader ? headerRows : end;
    const rowSpan = Math.max(1, Math.min(cell.rowSpan, lastRow - cell.rowIndex));
    cells.push({ ...cell, rowIndex, rowSpan });
  }
  const rowCount = headerRows + (end - start);
  const part: Table = {
    ...table,
    rowCount,
    cells,
    copiedHeaderRowCount: Math.min(table.copiedHeaderRowCount, headerRows),
  };
  // The part's box covers its own rows (and the header where the page draws it, above the first part).
  const boxes = cells
    .filter((cell) => cell.rowIndex >= headerRows || start === headerRows)
    .map((cell) => cell.box)
    .filter((box): box is Box => box !== null);
  return {
    ...block,
    text: tableText(part),
    box: unionBoxes(boxes) ?? block.box,
    lines: [],
    table: part,
  };
}

/** The plain rendering a table block's `text` holds: rows by line, cells by tab. */
function tableText(table: Table): string {
  const rows: string[][] = Array.from({ length: table.rowCount }, () =>
    Array.from({ length: table.columnCount }, () => ""),
  );
  for (const cell of table.cells) {
    const row = rows[cell.rowIndex];
    if (row !== undefined && cell.columnIndex < row.length)
      row[cell.columnIndex] = cell.text.replace(/\n/g, " ");
  }
  return rows.map((row) => row.join("\t")).join("\n");
}
