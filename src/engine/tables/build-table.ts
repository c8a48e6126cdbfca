/**
 * Turns a grid and the words in its cells into a Table: cell texts, header rows, and the checks that
 * tell a table from a ruled box or a drawing (text in at least two rows and two columns).
 */
import { type Box, unionBoxes } from "../document/box.ts";
import type { Table, TableCell, TableMethod } from "../document/table.ts";
import type { Word } from "../document/word.ts";
import type { Grid } from "./grid.ts";
import { isRightToLeftText, mirrorColumns } from "./right-to-left.ts";
import { headerRowCount } from "./table-header.ts";
import { cellText } from "./text-rows.ts";

/** Share of grid positions that must hold text. */
const MIN_FILLED_SHARE = 0.3;

export interface DetectedTable {
  readonly table: Table;
  /** In page points. */
  readonly box: Box;
  /** Every word inside the table: text blocks must not repeat them. */
  readonly words: readonly Word[];
}

export interface BuildOptions {
  readonly method: TableMethod;
  /** Cell boxes: the grid's cell rectangles (ruled tables) or the box around the cell's words. */
  readonly cellBoxes: "grid" | "words";
  /** Header rows known from the detector (e.g. ruled off), or undefined to infer them. */
  readonly headerRows?: number | undefined;
}

/**
 * A word from a font without a usable character map decodes to control codes: no text for a cell (the
 * layout stage leaves such lines out of the text blocks too).
 */
function isUndecodable(text: string): boolean {
  const control = text.match(/\p{Cc}/gu)?.length ?? 0;
  return control > 0 && control * 2 >= text.length;
}

/** The table, or undefined when the grid holds too little text to be one. */
export function buildTable(
  grid: Grid,
  cellWords: readonly (readonly Word[])[],
  options: BuildOptions,
): DetectedTable | undefined {
  const rowCount = grid.ys.length - 1;
  const columnCount = grid.xs.length - 1;
  const texts = cellWords.map((words) => cellText(words.filter((word) => !isUndecodable(word.text))));
  const rowsWithText = new Set<number>();
  const columnsWithText = new Set<number>();
  grid.cells.forEach((cell, index) => {
    if (texts[index] === "") return;
    rowsWithText.add(cell.rowIndex);
    columnsWithText.add(cell.columnIndex);
  });
  if (rowsWithText.size < 2 || columnsWithText.size < 2) return undefined;
  // Mostly empty grids are drawings: a chart's gridlines with a few value labels.
  let filled = 0;
  grid.cells.forEach((cell, index) => {
    if (texts[index] !== "") filled += cell.rowSpan * cell.columnSpan;
  });
  if (filled < MIN_FILLED_SHARE * rowCount * columnCount) return undefined;
  const inputs = grid.cells.map((cell, index) => ({
    ...cell,
    text: texts[index]!,
    words: cellWords[index]!,
  }));
  const headerRows = options.headerRows ?? headerRowCount(inputs, rowCount, columnCount);
  const gridCells: TableCell[] = grid.cells.map((cell, index) => ({
    rowIndex: cell.rowIndex,
    columnIndex: cell.columnIndex,
    rowSpan: cell.rowSpan,
    columnSpan: cell.columnSpan,
    text: texts[index]!,
    box:
      options.cellBoxes === "grid"
        ? cell.box
        : (unionBoxes(cellWords[index]!.map((word) => word.box)) ?? cell.box),
    header: cell.rowIndex < headerRows,
  }));
  const words = cellWords.flat();
  const cells = isRightToLeftText(words) ? mirrorColumns(gridCells, columnCount) : gridCells;
  return {
    table: {
      rowCount,
      columnCount,
      cells,
      headerRowCount: headerRows,
      method: options.method,
      copiedHeaderRowCount: 0,
    },
    box: grid.box,
    words,
  };
}
