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
  /**
   * Spreadsheet sources only, when Extend's advanced Excel options ask for it (excelIncludeCellMetadata,
   * excelIncludeCellFormatting): the cell's reference, formula and formatting. Absent otherwise.
   */
  readonly cellMetadata?: CellMetadata;
}

/** A spreadsheet cell's provenance, as Extend's table_cell_details carries it. */
export interface CellMetadata {
  /**
   * A1 reference of the cell as the workbook has it ("B3", or "A1:C1" for a merged range), when cell
   * metadata was asked for.
   */
  readonly reference?: string;
  /** The formula with a leading "=", when the cell has one and cell metadata was asked for. */
  readonly formula?: string;
  /** Present when cell formatting was asked for. */
  readonly formatting?: CellFormatting;
}

export interface CellFormatting {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** CSS colour (#RRGGBB) of the text; absent when default or given only as a theme colour. */
  readonly fontColor?: string;
  /** CSS colour (#RRGGBB) of a solid fill; absent when none. */
  readonly backgroundColor?: string;
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
