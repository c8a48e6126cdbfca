/**
 * A table's structure as the tables stage finds it: a grid of rows and columns with cells that may span
 * several of them. Indices are 0-based (Extend's `rowIndex`/`columnIndex`); boxes are in page points.
 */
import type { Box } from "./box.ts";

export interface TableCell {
  /** 0-based top row and left column of the cell. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** Rows and columns the cell covers, ≥ 1 (merged cells span several). */
  readonly rowSpan: number;
  readonly columnSpan: number;
  /** The cell's text, lines joined by "\n" (a cell may hold several lines). */
  readonly text: string;
  /** In page points; null for header cells copied from a previous page's table. */
  readonly box: Box | null;
  /** A header cell (Extend's `table_head`). */
  readonly header: boolean;
}

/** How the table was found: from ruling lines ("lattice") or from text alignment alone ("stream"). */
export type TableMethod = "lattice" | "stream";

export interface Table {
  readonly rowCount: number;
  readonly columnCount: number;
  /**
   * Row-major by top-left corner; a grid position covered by a spanning cell has no cell of its own,
   * and a position nothing covers (an empty cell) may have none either.
   */
  readonly cells: readonly TableCell[];
  /** Leading rows that are header rows (0 when the table has none). */
  readonly headerRowCount: number;
  readonly method: TableMethod;
  /** Header rows copied from the previous page's table (tableHeaderContinuationEnabled); 0 when none. */
  readonly copiedHeaderRowCount: number;
}
