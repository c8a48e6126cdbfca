/**
 * Rows of a stream table from its text lines: each line's words go to the columns between the gutters
 * (a segment across a gutter is a spanning cell), then lines that continue one cell merge — a wrapped
 * label or description, and the lines of a multi-line header. A horizontal ruling between two lines
 * always separates rows. Distances in points, relative to the font size.
 */
import { type Box, unionBoxes } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import type { Gutter } from "./stream-columns.ts";
import { isNumeric } from "./table-header.ts";
import { cellText, type TextRow } from "./text-rows.ts";

export interface StreamCell {
  readonly columnIndex: number;
  readonly columnSpan: number;
  readonly words: Word[];
}

export interface StreamRow {
  readonly box: Box;
  /** Left to right, not overlapping; columns without text have no cell. */
  readonly cells: StreamCell[];
  /** The row holds the table's header (leading lines above the first line of numbers). */
  readonly header: boolean;
}

/** Lines this close (gap in ems) are lines of one paragraph; wrapped cells are set this tight. */
export const TIGHT_GAP_EMS = 0.8;
/** A ruling counts as a row separator when it spans this share of the table's width. */
const MIN_RULING_SHARE = 0.5;
/** A gap splits a segment at a column gutter only when wider than this many ems (not a word space). */
const MIN_SPLIT_GAP_EMS = 0.6;
/** A gap holds an aligned gutter when it reaches its edges within this many ems. */
const GUTTER_EDGE_SLACK_EMS = 0.1;
/** A line carrying on the row above fills at most this many cells (wrapped descriptions). */
const MAX_CONTINUED_CELLS = 2;
/** A header holds at most this many lines. */
const MAX_HEADER_LINES = 8;

interface Line {
  readonly row: TextRow;
  readonly cells: StreamCell[];
}

/** Table rows from the run's lines; `xs` are the column boundaries (gutter middles and outer edges). */
export function tableRows(
  run: readonly TextRow[],
  xs: readonly number[],
  gutters: readonly Gutter[],
  rulings: readonly Ruling[],
): StreamRow[] {
  const lines: Line[] = run.map((row) => ({ row, cells: lineCells(row, xs, gutters) }));
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const separators = rulings
    .filter((ruling) => ruling.orientation === "horizontal")
    .filter(
      (ruling) =>
        Math.min(ruling.end, right) - Math.max(ruling.start, left) >= MIN_RULING_SHARE * (right - left),
    )
    .map((ruling) => ruling.position);
  const ruledBetween = (upper: Line, lower: Line) =>
    separators.some((y) => y >= upper.row.box.bottom - 1 && y <= lower.row.box.top + 1);
  const tight = (upper: Line, lower: Line) =>
    lower.row.box.top - upper.row.box.bottom <=
    TIGHT_GAP_EMS * Math.max(upper.row.fontSize, lower.row.fontSize);

  const numericColumns = numericColumnSet(lines, xs.length - 1);
  const { count: headerLines, evident } = headerLineCount(lines, numericColumns, ruledBetween);
  const rows: StreamRow[] = [];
  // Header: consecutive tight lines without spanning cells are the lines of one multi-line header row.
  let index = 0;
  let group: Line[] = [];
  while (index < headerLines) {
    group = [lines[index]!];
    index++;
    while (
      index < headerLines &&
      !spans(group[group.length - 1]!) &&
      !spans(lines[index]!) &&
      tight(group[group.length - 1]!, lines[index]!) &&
      !ruledBetween(group[group.length - 1]!, lines[index]!)
    ) {
      group.push(lines[index]!);
      index++;
    }
    rows.push(mergeLines(group, evident));
  }
  // Body: a line continues the row above when it only carries on text cells (a wrapped description
  // or a label starting in lower case); a lone label whose next line continues it in lower case opens
  // that line's row instead.
  let pending: Line[] = [];
  // The first line kept apart only for want of a better header (not `evident`) is still a row that the
  // next line may carry on: the second line of a two-line header cell, or of a wrapped first cell.
  let previous: Line[] | undefined = evident || group.length === 0 ? undefined : group;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const last = pending.length > 0 ? pending[pending.length - 1] : previous?.[previous.length - 1];
    if (pending.length > 0 && last !== undefined && tight(last, line) && !ruledBetween(last, line)) {
      pending.push(line);
      if (!labelOnly(line) || !continuesLabel(lines[index + 1], line)) {
        previous = pending;
        rows.push(mergeLines(pending, false));
        pending = [];
      }
      continue;
    }
    if (pending.length > 0) {
      rows.push(mergeLines(pending, false));
      previous = pending;
      pending = [];
    }
    if (previous !== undefined && last !== undefined && tight(last, line) && !ruledBetween(last, line)) {
      if (continuesRow(previous, line, numericColumns)) {
        previous.push(line);
        rows[rows.length - 1] = mergeLines(previous, false);
        continue;
      }
    }
    const next = lines[index + 1];
    if (labelOnly(line) && next !== undefined && tight(line, next) && continuesLabel(next, line)) {
      pending = [line];
      continue;
    }
    previous = [line];
    rows.push(mergeLines(previous, false));
  }
  if (pending.length > 0) rows.push(mergeLines(pending, false));
  return rows;
}

/**
 * The line's cells: each segment goes to the columns whose text it overlaps (a column's text lies
 * between the gutters around it); a segment across a gutter is split where a real gap between its
 * words holds the column boundary, and otherwise spans the columns it overlaps.
 */
function lineCells(row: TextRow, xs: readonly number[], gutters: readonly Gutter[]): StreamCell[] {
  const cells: StreamCell[] = [];
  const em = row.fontSize;
  const columnCount = xs.length - 1;
  const textLeft = (column: number) => (column === 0 ? xs[0]! : gutters[column - 1]!.right);
  const textRight = (column: number) =>
    column === columnCount - 1 ? xs[columnCount]! : gutters[column]!.left;
  for (const segment of row.segments) {
    let pieces: Word[][] = [[...segment.words]];
    xs.slice(1, -1).forEach((boundary, index) => {
      pieces = pieces.flatMap((piece) => splitAt(piece, boundary, gutters[index], em));
    });
    for (const piece of pieces) {
      const left = piece[0]!.box.left;
      const right = Math.max(...piece.map((word) => word.box.right));
      let first = -1;
      let last = -1;
      for (let column = 0; column < columnCount; column++) {
        if (Math.min(right, textRight(column)) - Math.max(left, textLeft(column)) <= 0) continue;
        if (first < 0) first = column;
        last = column;
      }
      // A piece lying wholly in a gutter goes to the column under its centre.
      if (first < 0) first = last = columnOf(xs, (left + right) / 2);
      const open = cells[cells.length - 1];
      if (open !== undefined && open.columnIndex + open.columnSpan > first) {
        // Same column as the previous piece (a narrow gap that is no gutter): one cell.
        open.words.push(...piece);
        const end = Math.max(open.columnIndex + open.columnSpan, last + 1);
        cells[cells.length - 1] = {
          columnIndex: open.columnIndex,
          columnSpan: end - open.columnIndex,
          words: open.words,
        };
      } else {
        cells.push({ columnIndex: first, columnSpan: last - first + 1, words: piece });
      }
    }
  }
  return cells;
}

/**
 * Splits words at the widest gap, clearly wider than a word space, that falls in the gutter around
 * `boundary` (left-aligned labels over right-aligned numbers leave their gap off the gutter's middle),
 * or else at a gap holding the whole of an aligned gutter (cells set tight where most rows part widely).
 */
function splitAt(words: Word[], boundary: number, gutter: Gutter | undefined, em: number): Word[][] {
  const left = Math.min(boundary, gutter?.left ?? boundary);
  const right = Math.max(boundary, gutter?.right ?? boundary);
  let best = -1;
  let bestWidth = MIN_SPLIT_GAP_EMS * em;
  let holding = -1;
  const slack = GUTTER_EDGE_SLACK_EMS * em;
  for (let index = 1; index < words.length; index++) {
    const gapStart = words[index - 1]!.box.right;
    const gapEnd = words[index]!.box.left;
    if (gapStart <= right && gapEnd >= left && gapEnd - gapStart >= bestWidth) {
      best = index;
      bestWidth = gapEnd - gapStart;
    }
    if (gutter?.aligned === true && gapStart <= gutter.left + slack && gapEnd >= gutter.right - slack)
      holding = index;
  }
  if (best < 0) best = holding;
  return best < 0 ? [words] : [words.slice(0, best), words.slice(best)];
}

function columnOf(xs: readonly number[], x: number): number {
  let column = 0;
  while (column < xs.length - 2 && x >= xs[column + 1]!) column++;
  return column;
}

function spans(line: Line): boolean {
  return line.cells.some((cell) => cell.columnSpan > 1);
}

function labelOnly(line: Line): boolean {
  return line.cells.length === 1 && line.cells[0]!.columnIndex === 0 && line.cells[0]!.columnSpan === 1;
}

/** `next` goes on with the label of `label`: its first cell starts in lower case in the label column. */
function continuesLabel(next: Line | undefined, label: Line): boolean {
  if (next === undefined) return false;
  const first = next.cells[0];
  if (first === undefined || first.columnIndex !== 0) return false;
  return /^\p{Ll}/u.test(cellText(first.words)) && !/[:.]$/u.test(cellText(label.cells[0]!.words));
}

/** `line` carries on the row made of `lines`: only text cells, each under a filled cell of that row. */
function continuesRow(lines: readonly Line[], line: Line, numericColumns: ReadonlySet<number>): boolean {
  const filled = new Set(lines.flatMap((other) => other.cells.map((cell) => cell.columnIndex)));
  const texts = line.cells.map((cell) => cellText(cell.words));
  if (line.cells.some((cell) => numericColumns.has(cell.columnIndex) || !filled.has(cell.columnIndex)))
    return false;
  if (texts.some((text) => isNumeric(text))) return false;
  // Wrapping continues one or two long cells; a line filling more columns is a row of its own.
  if (line.cells.length > MAX_CONTINUED_CELLS || line.cells.length * 2 > filled.size) return false;
  const startsLabel = line.cells[0]!.columnIndex === 0;
  // A new label in the first column starts a new row unless it reads as a continuation.
  return !startsLabel || /^\p{Ll}/u.test(texts[0]!);
}

function numericColumnSet(lines: readonly Line[], columnCount: number): Set<number> {
  const numeric = new Array<number>(columnCount).fill(0);
  const filled = new Array<number>(columnCount).fill(0);
  for (const line of lines) {
    for (const cell of line.cells) {
      if (cell.columnSpan > 1) continue;
      filled[cell.columnIndex]!++;
      if (isNumeric(cellText(cell.words))) numeric[cell.columnIndex]!++;
    }
  }
  const result = new Set<number>();
  numeric.forEach((count, column) => {
    if (filled[column]! >= 2 && count >= 0.5 * filled[column]!) result.add(column);
  });
  return result;
}

/**
 * Leading lines that form the header: those above a ruling near the top, or else above the first line
 * with a number in a numeric column (lone labels just above it open the body instead). Without either
 * the first line is kept apart from the body but is not `evident` header: the font decides later.
 */
function headerLineCount(
  lines: readonly Line[],
  numericColumns: ReadonlySet<number>,
  ruledBetween: (upper: Line, lower: Line) => boolean,
): { count: number; evident: boolean } {
  const limit = Math.min(MAX_HEADER_LINES, Math.floor(lines.length / 2));
  for (let index = 1; index <= limit; index++) {
    if (ruledBetween(lines[index - 1]!, lines[index]!)) return { count: index, evident: true };
  }
  const fallback = { count: Math.min(1, limit), evident: false };
  if (numericColumns.size === 0) return fallback;
  let count = lines.findIndex((line) =>
    line.cells.some((cell) => numericColumns.has(cell.columnIndex) && isNumeric(cellText(cell.words))),
  );
  while (count > 1 && labelOnly(lines[count - 1]!)) count--;
  if (count < 1 || count > limit) return fallback;
  return { count, evident: true };
}

function mergeLines(lines: readonly Line[], header: boolean): StreamRow {
  const byColumn = new Map<number, StreamCell>();
  for (const line of lines) {
    for (const cell of line.cells) {
      const existing = byColumn.get(cell.columnIndex);
      if (existing === undefined) byColumn.set(cell.columnIndex, { ...cell, words: [...cell.words] });
      else {
        existing.words.push(...cell.words);
        byColumn.set(cell.columnIndex, {
          ...existing,
          columnSpan: Math.max(existing.columnSpan, cell.columnSpan),
        });
      }
    }
  }
  // Cells sorted by column; one that a wider cell to its left already covers joins it.
  const cells: StreamCell[] = [];
  for (const cell of [...byColumn.values()].sort((a, b) => a.columnIndex - b.columnIndex)) {
    const open = cells[cells.length - 1];
    if (open !== undefined && open.columnIndex + open.columnSpan > cell.columnIndex) {
      open.words.push(...cell.words);
      const end = Math.max(open.columnIndex + open.columnSpan, cell.columnIndex + cell.columnSpan);
      cells[cells.length - 1] = { ...open, columnSpan: end - open.columnIndex };
    } else cells.push(cell);
  }
  return { box: unionBoxes(lines.map((line) => line.row.box)) as Box, cells, header };
}
