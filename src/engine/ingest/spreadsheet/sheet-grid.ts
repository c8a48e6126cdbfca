/**
 * The reader-independent model of one spreadsheet sheet: its non-empty cells (merged ranges as one cell
 * with spans) on a grid whose hidden rows and columns have already been dropped when asked, so region
 * finding and table building (sheet-blocks.ts) never see workbook-library types. XLSX and CSV readers
 * both produce it.
 */
import type { FigureType } from "../../document/block.ts";
import type { CellMetadata } from "../../document/table.ts";

export interface GridCell {
  /** 0-based position on the (hidden-free) grid. */
  readonly row: number;
  readonly column: number;
  /** ≥ 1; merged ranges span several positions. */
  readonly rowSpan: number;
  readonly columnSpan: number;
  /** The text as shown (number format applied) or the raw value, per excelUseRawCellValues. */
  readonly text: string;
  /** A number, date or boolean (typed data), as opposed to text: header detection reads it. */
  readonly numeric: boolean;
  /** Bold font, for header detection (known for XLSX, false for CSV). */
  readonly bold: boolean;
  /** Present only when the advanced options ask for cell metadata or formatting. */
  readonly metadata?: CellMetadata;
}

export interface SheetGrid {
  /** The sheet's name; absent for CSV, which has no sheets. */
  readonly name?: string;
  /** 0-based position of the sheet in the workbook (Extend's metadata.sheet.index). */
  readonly index: number;
  /** Non-empty cells, row-major by top-left position. */
  readonly cells: readonly GridCell[];
  /** Charts and pictures on the sheet, at the grid row and column their anchor starts in. */
  readonly figures?: readonly GridFigure[];
  /** Cell comments as "[author: …]: text" lines, row-major; they follow the sheet's content. */
  readonly comments?: readonly string[];
  /** Formula cells without a cached result (read as empty: formulas are not recalculated); 0 if absent. */
  readonly uncalculatedFormulas?: number;
}

export interface GridFigure {
  readonly row: number;
  readonly column: number;
  readonly figureType: FigureType;
  /** A chart's title, kind and cached data; empty for pictures. */
  readonly text: string;
}

/** "A" for 0, "Z" for 25, "AA" for 26, … */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 reference of a 0-based row and column. */
export function cellReference(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}
