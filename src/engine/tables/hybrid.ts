/**
 * Tells a fully ruled table from a partly ruled one: borders drawn only around column groups or under
 * the header leave cells that hold several columns or rows of text. Such frames are read by text
 * alignment instead (stream, with the drawn lines kept as boundaries). Distances in points.
 */
import type { Word } from "../document/word.ts";
import type { Grid } from "./grid.ts";
import { findGutters } from "./stream-columns.ts";
import { isNumeric } from "./table-header.ts";
import { textRows } from "./text-rows.ts";

/** Lines of two cells overlapping vertically by this share of the shorter sit on one text row. */
const SAME_LINE_OVERLAP = 0.5;
/** Share of a cell's lines that must have a partner in the other cell for the two to be in step. */
const IN_STEP_SHARE = 0.7;
/** A cell listing numbers one per line: at least this share of its lines are numbers. */
const NUMERIC_LINE_SHARE = 0.6;
/** Rows a sub-column must show to count (one odd row is no column). */
const MIN_SUB_COLUMN_ROWS = 3;
/**
 * A list marker as a cell's bulleted lines start with it: one or two symbols (symbol fonts decode their
 * bullets as control or private-use characters) or an enumerator.
 */
const MARKER = /^(?:[^\p{L}\p{N}]{1,2}|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$/u;

/** Whether the ruled grid leaves text columns or rows inside its cells. */
export function underSegmented(grid: Grid, cellWords: readonly (readonly Word[])[]): boolean {
  return stackedRows(grid, cellWords) || hiddenColumns(grid, cellWords);
}

/** Two cells of one grid row each list several lines in step, one of them numbers: rows without rules. */
function stackedRows(grid: Grid, cellWords: readonly (readonly Word[])[]): boolean {
  const byRow = new Map<number, { lines: [number, number][]; numeric: boolean }[]>();
  grid.cells.forEach((cell, index) => {
    if (cell.rowSpan !== 1) return;
    const rows = textRows(cellWords[index]!);
    if (rows.length < 3) return;
    const numeric = rows.filter(
      (row) => row.segments.filter((segment) => isNumeric(segment.text)).length * 2 >= row.segments.length,
    ).length;
    const entry = {
      lines: rows.map((row): [number, number] => [row.box.top, row.box.bottom]),
      numeric: numeric >= NUMERIC_LINE_SHARE * rows.length,
    };
    const list = byRow.get(cell.rowIndex);
    if (list === undefined) byRow.set(cell.rowIndex, [entry]);
    else list.push(entry);
  });
  for (const cells of byRow.values()) {
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i]!;
        const b = cells[j]!;
        if (!a.numeric && !b.numeric) continue;
        const matched = a.lines.filter(([top, bottom]) =>
          b.lines.some(
            ([otherTop, otherBottom]) =>
              Math.min(bottom, otherBottom) - Math.max(top, otherTop) >=
              SAME_LINE_OVERLAP * Math.min(bottom - top, otherBottom - otherTop),
          ),
        );
        if (matched.length >= IN_STEP_SHARE * Math.min(a.lines.length, b.lines.length)) return true;
      }
    }
  }
  return false;
}

/**
 * Some cell range splits into sub-columns: a gutter runs through the text of the cells spanning the
 * same columns over several lines (cells of one column, or whole rows ruled as one wide cell).
 */
function hiddenColumns(grid: Grid, cellWords: readonly (readonly Word[])[]): boolean {
  const groups = new Map<string, { first: number; span: number; words: Word[] }>();
  grid.cells.forEach((cell, index) => {
    const key = `${cell.columnIndex}:${cell.columnSpan}`;
    const group = groups.get(key);
    if (group === undefined)
      groups.set(key, { first: cell.columnIndex, span: cell.columnSpan, words: [...cellWords[index]!] });
    else group.words.push(...cellWords[index]!);
  });
  for (const { first, span, words } of groups.values()) {
    const split = textRows(words).filter((row) => row.segments.length >= 2);
    if (split.length < MIN_SUB_COLUMN_ROWS) continue;
    const em = split[0]!.fontSize;
    const box = {
      left: grid.xs[first]!,
      right: grid.xs[first + span]!,
      top: grid.box.top,
      bottom: grid.box.bottom,
    };
    for (const gutter of findGutters(split, box, em)) {
      const bothSides = split.filter((row) => row.box.left < gutter.left && row.box.right > gutter.right);
      // The gap after the bullets of a bulleted cell lines up too, but markers are no column.
      const markersOnly = bothSides.every((row) =>
        MARKER.test(
          row.words
            .filter((word) => word.box.right <= gutter.left)
            .map((word) => word.text)
            .join(""),
        ),
      );
      if (bothSides.length >= MIN_SUB_COLUMN_ROWS && !markersOnly) return true;
    }
  }
  return false;
}
