/**
 * Unruled ("stream") tables, in the manner of tabula's and camelot's stream modes: runs of text rows that
 * break into several segments, whose gaps line up into vertical gutters over many rows. The gutters give
 * the columns; rows (merged where one cell wraps onto several lines) give the rows. Distances are in
 * points, relative to the font size so the rules hold at any scale.
 */
import { type Box, unionBoxes } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { buildTable, type DetectedTable } from "./build-table.ts";
import { runningTextColumns } from "./flowing-text.ts";
import type { Grid, GridCell } from "./grid.ts";
import { splitKeyValueHead } from "./key-value-head.ts";
import { median } from "./median.ts";
import { proseWords } from "./prose-lines.ts";
import {
  boundaries,
  type Gutter,
  isList,
  isProse,
  streamColumns,
  withoutBulletGutters,
} from "./stream-columns.ts";
import { type StreamRow, TIGHT_GAP_EMS, tableRows } from "./stream-rows.ts";
import { withoutTableNotes } from "./table-notes.ts";
import { type TextRow, textRows } from "./text-rows.ts";

/** A vertical gap wider than this many ems between rows ends a table. */
const MAX_ROW_GAP_EMS = 2.8;
/** Single-segment rows (wrapped cells, section labels) a table may hold in a row between split ones. */
const MAX_SINGLE_RUN = 3;
/** A single-segment row wider than this share of the table so far is running text, not a cell. */
const MAX_SINGLE_WIDTH_SHARE = 0.55;
/** Cells averaging this many words make a column wordy. */
const WORDY_CELL_WORDS = 4.5;
/** A wrapped last cell's next line starts within this many ems of it (and follows as tight as a wrapped cell). */
const WRAP_ALIGN_EMS = 0.5;
/** Label rows above a table's first split row that may belong to its header, and their gap in ems. */
const MAX_LEADING_LABELS = 2;
const LEADING_GAP_EMS = 0.8;
/** Split rows a table needs (three when it has only two columns: label–value pairs are common text). */
const MIN_SPLIT_ROWS = 2;
const MIN_SPLIT_ROWS_TWO_COLUMNS = 3;

/** Stream tables among `words` (upright ones; others are ignored), top to bottom. */
export function streamTables(words: readonly Word[], rulings: readonly Ruling[]): DetectedTable[] {
  const all = textRows(words);
  if (all.length < 2) return [];
  // Paragraph lines never belong to a stream table; leaving them out keeps text columns apart.
  const prose = proseWords(all);
  const rows = prose.size === 0 ? all : textRows(words.filter((word) => !prose.has(word)));
  const tables: DetectedTable[] = [];
  // A block of labels over values just above a table is no part of it (nor a table of its own).
  const runs = candidateRuns(rows).map((run) => splitKeyValueHead(run).rest);
  for (const run of withLeadingLabels(runs, rows)) {
    const table = runTable(run, rulings, [], undefined);
    if (table !== undefined) tables.push(table);
  }
  return tables;
}

/**
 * The table in a known region (a ruled frame whose lines do not separate all columns or rows): all its
 * rows form one run, and `forcedXs` (the frame's vertical lines, points) are column boundaries.
 */
export function streamTableIn(
  words: readonly Word[],
  rulings: readonly Ruling[],
  box: Box,
  forcedXs: readonly number[],
): DetectedTable | undefined {
  const rows = textRows(words);
  if (rows.length < 2) return undefined;
  return runTable(rows, rulings, forcedXs, box);
}

/** Runs of nearby rows, each starting and ending with a split row. */
function candidateRuns(rows: readonly TextRow[]): TextRow[][] {
  const runs: TextRow[][] = [];
  let current: TextRow[] = [];
  let singles = 0;
  let left = 0;
  let right = 0;
  const close = () => {
    // Trailing single rows were only kept in case more split rows followed, or as the last row's
    // wrapped cell (tableRows joins them).
    const wraps = wrappedLines(current, singles);
    current.splice(current.length - singles + wraps, singles - wraps);
    if (current.filter((row) => row.segments.length >= 2).length >= MIN_SPLIT_ROWS) runs.push(current);
    current = [];
    singles = 0;
  };
  for (const row of rows) {
    const previous = current[current.length - 1];
    if (previous !== undefined) {
      const em = Math.max(row.fontSize, previous.fontSize);
      if (row.box.top - previous.box.bottom > MAX_ROW_GAP_EMS * em) close();
    }
    if (row.segments.length >= 2) {
      if (current.length === 0) {
        left = row.box.left;
        right = row.box.right;
      }
      current.push(row);
      singles = 0;
      left = Math.min(left, row.box.left);
      right = Math.max(right, row.box.right);
      continue;
    }
    // A line of another text column beside the table neither joins nor ends it.
    if (current.length > 0 && (row.box.left >= right || row.box.right <= left)) continue;
    const width = row.box.right - row.box.left;
    const inside = row.box.left >= left - row.fontSize && row.box.right <= right + row.fontSize;
    if (
      current.length > 0 &&
      singles < MAX_SINGLE_RUN &&
      inside &&
      width <= MAX_SINGLE_WIDTH_SHARE * (right - left)
    ) {
      current.push(row);
      singles++;
    } else {
      close();
    }
  }
  close();
  return runs;
}

/**
 * How many of the run's `singles` trailing single-segment rows carry on a cell of the split row above
 * them: each follows tight below, starts where a segment of that row starts and goes on in lower case.
 */
function wrappedLines(run: readonly TextRow[], singles: number): number {
  const last = run[run.length - 1 - singles];
  if (last === undefined) return 0;
  let count = 0;
  for (let index = run.length - singles; index < run.length; index++) {
    const row = run[index]!;
    const above = run[index - 1]!;
    const em = Math.max(row.fontSize, above.fontSize);
    const tight = row.box.top - above.box.bottom <= TIGHT_GAP_EMS * em;
    const aligned = last.segments.some(
      (segment) => Math.abs(segment.box.left - row.box.left) <= WRAP_ALIGN_EMS * em,
    );
    if (!tight || !aligned || !/^\p{Ll}/u.test(row.segments[0]!.text)) break;
    count++;
  }
  return count;
}

/**
 * Each run with up to two single-segment rows just above it that sit over its columns: group labels
 * spanning sub-columns ("Total" over "Men" and "Women") start tables above their first split row.
 */
function withLeadingLabels(runs: readonly TextRow[][], rows: readonly TextRow[]): TextRow[][] {
  return runs.map((run) => {
    const left = Math.min(...run.map((row) => row.box.left));
    const right = Math.max(...run.map((row) => row.box.right));
    const result = [...run];
    for (
      let index = rows.indexOf(run[0]!) - 1, added = 0;
      index >= 0 && added < MAX_LEADING_LABELS;
      index--, added++
    ) {
      const row = rows[index]!;
      const below = result[0]!;
      if (row.segments.length !== 1 || below.box.top - row.box.bottom > LEADING_GAP_EMS * row.fontSize) break;
      if (row.box.left < left || row.box.right > right) break;
      if (row.box.right - row.box.left > MAX_SINGLE_WIDTH_SHARE * (right - left)) break;
      result.unshift(row);
    }
    return result;
  });
}

function runTable(
  found: readonly TextRow[],
  rulings: readonly Ruling[],
  forcedXs: readonly number[],
  region: Box | undefined,
): DetectedTable | undefined {
  // Notes under the table's closing rule are not its rows (their long lines would hide its gutters).
  const candidate = region === undefined ? withoutTableNotes(found, rulings) : found;
  if (candidate.length < 2) return undefined;
  const em = median(candidate.map((row) => row.fontSize));
  const columns = streamColumns(
    candidate,
    region ?? (unionBoxes(candidate.map((row) => row.box)) as Box),
    em,
  );
  let gutters = [...columns.gutters];
  // Gutters at rulings, which divide whatever they divide.
  const ruled = new Set<Gutter>();
  // Text cut off at the edges (a stray column) is not the table's.
  let run = region === undefined ? withinColumns(candidate, columns.box) : candidate;
  // Labels above the first split row head sub-columns; one starting over the first column is a caption.
  const firstGutter = gutters[0];
  while (
    run.length > 0 &&
    run[0]!.segments.length === 1 &&
    firstGutter !== undefined &&
    run[0]!.box.left < firstGutter.left
  )
    run = run.slice(1);
  if (run.length < 2) return undefined;
  const box = region ?? { ...columns.box, top: run[0]!.box.top, bottom: run[run.length - 1]!.box.bottom };
  for (const x of forcedXs) {
    if (x - box.left < em || box.right - x < em) continue;
    if (!gutters.some((gutter) => gutter.left - 1 <= x && x <= gutter.right + 1)) {
      const gutter = { left: x, right: x };
      gutters.push(gutter);
      ruled.add(gutter);
    }
  }
  gutters.sort((a, b) => a.left - b.left);
  gutters = withoutBulletGutters(run, gutters, box, ruled);
  if (gutters.length === 0) return undefined;
  const xs = boundaries(gutters, box);
  if (region === undefined && (isProse(run) || isList(run, xs))) return undefined;
  const rows = tableRows(run, xs, gutters, rulings);
  const splitRows = rows.filter((row) => row.cells.length >= 2).length;
  if (splitRows < (xs.length === 3 ? MIN_SPLIT_ROWS_TWO_COLUMNS : MIN_SPLIT_ROWS)) return undefined;
  if (region === undefined && wordyColumns(rows, xs.length - 1) >= 2 && xs.length <= 4) return undefined;
  // Two columns whose lines run on, sentence over line, are text set side by side.
  if (region === undefined && runningTextColumns(rows, xs.length - 1) >= 2) return undefined;
  const headerRows = rows.filter((row) => row.header).length;
  const [grid, cellWords] = streamGrid(rows, xs, region);
  return buildTable(grid, cellWords, {
    method: "stream",
    cellBoxes: "words",
    headerRows: headerRows > 0 ? headerRows : undefined,
  });
}

/**
 * Columns whose cells average several words: two of them side by side in a narrow table are two text
 * columns (short paragraphs, captions beside notes), not a table.
 */
function wordyColumns(rows: readonly StreamRow[], columnCount: number): number {
  const words = new Array<number>(columnCount).fill(0);
  const cells = new Array<number>(columnCount).fill(0);
  for (const row of rows)
    for (const cell of row.cells) {
      words[cell.columnIndex]! += cell.words.length;
      cells[cell.columnIndex]!++;
    }
  return words.filter((count, column) => cells[column]! > 0 && count >= WORDY_CELL_WORDS * cells[column]!)
    .length;
}

/** The rows with only the words whose centres lie between `box`'s left and right edges. */
function withinColumns(rows: readonly TextRow[], box: Box): TextRow[] {
  const inside = (word: Word) => {
    const x = (word.box.left + word.box.right) / 2;
    return x >= box.left && x <= box.right;
  };
  const result: TextRow[] = [];
  for (const row of rows) {
    if (row.words.every(inside)) {
      result.push(row);
      continue;
    }
    const kept = textRows(row.words.filter(inside));
    result.push(...kept);
  }
  return result;
}

/**
 * The grid of stream rows: rows stack by their boxes, each row's cells where its words fell, and an
 * empty cell at every position no text covers (so the grid is complete, as a ruled one).
 */
function streamGrid(
  rows: readonly StreamRow[],
  xs: readonly number[],
  region: Box | undefined,
): [Grid, Word[][]] {
  const ys = [Math.min(rows[0]!.box.top, region?.top ?? Number.POSITIVE_INFINITY)];
  for (let index = 1; index < rows.length; index++)
    ys.push((rows[index - 1]!.box.bottom + rows[index]!.box.top) / 2);
  ys.push(Math.max(rows[rows.length - 1]!.box.bottom, region?.bottom ?? Number.NEGATIVE_INFINITY));
  const cells: GridCell[] = [];
  const cellWords: Word[][] = [];
  const add = (rowIndex: number, columnIndex: number, columnSpan: number, words: Word[]) => {
    const box = {
      left: xs[columnIndex]!,
      top: ys[rowIndex]!,
      right: xs[columnIndex + columnSpan]!,
      bottom: ys[rowIndex + 1]!,
    };
    cells.push({ rowIndex, columnIndex, rowSpan: 1, columnSpan, box });
    cellWords.push(words);
  };
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.cells) {
      for (; column < cell.columnIndex; column++) add(rowIndex, column, 1, []);
      add(rowIndex, cell.columnIndex, cell.columnSpan, cell.words);
      column = cell.columnIndex + cell.columnSpan;
    }
    for (; column < xs.length - 1; column++) add(rowIndex, column, 1, []);
  });
  const box = { left: xs[0]!, top: ys[0]!, right: xs[xs.length - 1]!, bottom: ys[ys.length - 1]! };
  return [{ xs, ys, cells, box }, cellWords];
}
