/**
 * Cell blocks of a table (Extend's blockOptions.tables.cellBlocksEnabled): one `table_head` or
 * `table_cell` block per cell, a child of the table block, with its own box in page points and 0-based
 * rowIndex/columnIndex. Header cells copied from a previous page have no box on this page.
 */
import type { Extend } from "extend-ai";
import type { Page } from "../document/page.ts";
import type { Table } from "../document/table.ts";
import { blockGeometry } from "./block-geometry.ts";
import { blockId } from "./block-id.ts";

export interface TableBlockOptions {
  /** Extend's blockOptions.tables.cellBlocksEnabled: cells as child blocks of the table. */
  readonly tableCellBlocks?: boolean | undefined;
}

/** The rendered table block with its table details and, when asked for, its cells as children. */
export function withTableDetails(
  rendered: Extend.Block,
  table: Table,
  page: Page,
  options: TableBlockOptions,
): Extend.Block {
  const details: Extend.BlockDetails = {
    type: "table_details",
    rowCount: table.rowCount,
    columnCount: table.columnCount,
  };
  if (options.tableCellBlocks !== true) return { ...rendered, details };
  return {
    ...rendered,
    details,
    children: tableCellBlocks(table, rendered.id, page, rendered.metadata),
  };
}

export function tableCellBlocks(
  table: Table,
  tableId: string,
  page: Page,
  metadata: Extend.BlockMetadata,
): Extend.Block[] {
  return table.cells.map((cell) => {
    const content = cell.text.replace(/\s*\n\s*/gu, " ").trim();
    // The table id and position keep ids distinct for cells that read and sit alike.
    const id = blockId(
      page.number,
      `${tableId}\u0000${cell.rowIndex},${cell.columnIndex}\u0000${content}`,
      cell.box,
    );
    return {
      object: "block",
      id,
      parentBlockId: tableId,
      type: cell.header ? "table_head" : "table_cell",
      content,
      details: {
        type: "table_cell_details",
        rowIndex: cell.rowIndex,
        columnIndex: cell.columnIndex,
        // Spreadsheet cells under the advanced Excel options: reference, formula, formatting.
        ...(cell.cellMetadata === undefined
          ? {}
          : {
              ...(cell.cellMetadata.reference !== undefined
                ? { cellReference: cell.cellMetadata.reference }
                : {}),
              ...(cell.cellMetadata.formula !== undefined ? { formula: cell.cellMetadata.formula } : {}),
              ...(cell.cellMetadata.formatting !== undefined
                ? { formatting: { ...cell.cellMetadata.formatting } }
                : {}),
            }),
      },
      metadata,
      ...blockGeometry(cell.box, page),
    };
  });
}
