/**
 * A table as item extraction reads it, whichever way it was found (the parse's table blocks or the
 * extractor's own header detection): columns, some mapped to item properties, and rows of cells, each
 * cell a span so values stay tied to the words that print them.
 */
import type { Span } from "../fields/span.ts";
import type { Line } from "../layout/layout-model.ts";

export interface TableColumn {
  readonly left: number;
  readonly right: number;
  /** The header text as printed ("" when the table has no header for it). */
  readonly header: string;
}

export interface TableRow {
  /** One entry per column; undefined for an empty cell. */
  readonly cells: readonly (Span | undefined)[];
  /** The layout line of the row, when it comes from the layout (gaps decide continuation lines). */
  readonly line: Line | undefined;
}

export interface ItemTable {
  readonly source: "layout" | "parse";
  readonly fileIndex: number;
  readonly page: number;
  /** Top of the header, for ordering tables in reading order. */
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly TableColumn[];
  /** The column of each item property, or undefined when no header names it. */
  readonly propertyColumns: readonly (number | undefined)[];
  /** Header-match score of each property's column (0 when unmapped). */
  readonly propertyScores: readonly number[];
  readonly rows: readonly TableRow[];
  /** Header lines (layout tables), for the reasoning insight. */
  readonly headerText: string;
}

/** Sum of header-match scores: how well the table's headers fit the item's properties. */
export function headerFit(table: ItemTable): number {
  return table.propertyScores.reduce((sum, score) => sum + score, 0);
}

export function mappedCount(table: ItemTable): number {
  return table.propertyColumns.filter((column) => column !== undefined).length;
}
