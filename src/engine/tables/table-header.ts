/**
 * How many leading rows of a table are header rows, from what a reader sees: cells spanning over
 * sub-columns or down beside sub-headers, a font the body does not use (bold), or labels above columns
 * of numbers. Returns 0 when nothing sets the first row apart (a headerless continuation, a plain list).
 */
import type { Word } from "../document/word.ts";

export interface HeaderCellInput {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
  readonly text: string;
  readonly words: readonly Word[];
}

/** Header rows never take more than this share of a table (a wall of spans is not all header). */
const MAX_HEADER_SHARE = 0.5;
/** A column is numeric when at least this share of its body cells are numbers. */
const NUMERIC_COLUMN_SHARE = 0.6;
const NUMBER = /^[-+–−(]?[$€£¥%]?\s?\d[\d\s.,'’]*(?:[%)]|\s?[a-zA-Z%]{0,3})?$/u;

export function isNumeric(text: string): boolean {
  const value = text.trim();
  return value !== "" && (NUMBER.test(value) || /^[-–—.…]+$/u.test(value));
}

export function headerRowCount(
  cells: readonly HeaderCellInput[],
  rowCount: number,
  columnCount: number,
): number {
  if (rowCount < 2) return 0;
  const limit = Math.max(1, Math.floor(rowCount * MAX_HEADER_SHARE));
  const count = Math.max(
    spanHeaderRows(cells, columnCount),
    fontHeaderRows(cells, rowCount),
    numericHeader(cells),
  );
  return Math.min(count, limit);
}

/**
 * Rows tied together by spans from the first row: a cell of row 0 spanning down, or a group label
 * spanning sub-columns (which then sit on the next row).
 */
function spanHeaderRows(cells: readonly HeaderCellInput[], columnCount: number): number {
  let rows = 0;
  let reach = 1;
  // Follow the chain: every row reached by a spanning header cell is header too.
  while (rows < reach) {
    const row = rows;
    rows++;
    for (const cell of cells) {
      if (cell.rowIndex !== row || cell.text === "") continue;
      if (cell.rowSpan > 1) reach = Math.max(reach, row + cell.rowSpan);
      if (cell.columnSpan > 1 && cell.columnSpan < columnCount) reach = Math.max(reach, row + 2);
    }
  }
  return reach > 1 ? reach : 0;
}

/** Leading rows set in a font the body rows do not use (bold or a different face). */
function fontHeaderRows(cells: readonly HeaderCellInput[], rowCount: number): number {
  const rowFonts: (string | undefined)[] = [];
  for (let row = 0; row < rowCount; row++)
    rowFonts.push(dominantFont(cells.filter((cell) => cell.rowIndex === row).flatMap((cell) => cell.words)));
  const body = rowFonts.slice(1).filter((font): font is string => font !== undefined);
  if (body.length === 0) return 0;
  const bodyFont = mode(body);
  // The body must be mostly one font, or a different first row proves nothing.
  if (body.filter((font) => font === bodyFont).length < 0.6 * body.length) return 0;
  let rows = 0;
  while (rows < rowCount - 1) {
    const font = rowFonts[rows];
    if (font === undefined || font === bodyFont) break;
    rows++;
  }
  return rows;
}

/** The first row labels columns whose body cells are numbers. */
function numericHeader(cells: readonly HeaderCellInput[]): number {
  const byColumn = new Map<number, HeaderCellInput[]>();
  for (const cell of cells) {
    if (cell.text === "" || cell.columnSpan > 1) continue;
    const list = byColumn.get(cell.columnIndex);
    if (list === undefined) byColumn.set(cell.columnIndex, [cell]);
    else list.push(cell);
  }
  let numericColumns = 0;
  let labelled = 0;
  for (const column of byColumn.values()) {
    const body = column.filter((cell) => cell.rowIndex > 0);
    if (body.length < 2) continue;
    if (body.filter((cell) => isNumeric(cell.text)).length < NUMERIC_COLUMN_SHARE * body.length) continue;
    numericColumns++;
    const first = column.find((cell) => cell.rowIndex === 0);
    if (first !== undefined && !isNumeric(first.text)) labelled++;
  }
  return numericColumns > 0 && labelled >= Math.max(1, numericColumns / 2) ? 1 : 0;
}

function dominantFont(words: readonly Word[]): string | undefined {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word.fontId, (counts.get(word.fontId) ?? 0) + word.text.length);
  let best: string | undefined;
  let bestCount = 0;
  for (const [font, count] of counts) {
    if (count > bestCount) {
      best = font;
      bestCount = count;
    }
  }
  return best;
}

function mode(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
