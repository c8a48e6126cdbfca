/**
 * Rows a ruled table leaves unruled: a frame that draws a line only under every group ("Stationary:"
 * over "Major" and "Area", each with its definition and examples) holds several records in one ruled row,
 * set apart by blank lines. Where a blank line runs across the whole row and, right below it, at least
 * two cells start their text at the same height, the first column among them, the row is cut there: those
 * are records one under another. A blank line inside one cell only (a second paragraph of a description)
 * cuts nothing, nor do details under a total with no label of their own in the first column. Distances in
 * points, relative to the text's size.
 */
import type { Word } from "../document/word.ts";
import type { Grid, GridCell } from "./grid.ts";
import { median } from "./median.ts";
import { type TextRow, textRows } from "./text-rows.ts";

/** A blank line: at least this many ems between one text line's bottom and the next one's top. */
const MIN_GAP_EMS = 0.8;
/** Text starts within this many ems of each other are at the same height. */
const ALIGN_EMS = 0.4;
/** Cells that must start a record at the same height. */
const MIN_ALIGNED_CELLS = 2;

/** The grid with its rows cut at blank lines that separate records; `cellWords` parallel to its cells. */
export function splitAtBlankLines(grid: Grid, cellWords: readonly Word[][]): [Grid, Word[][]] {
  const rowCount = grid.ys.length - 1;
  // Cut positions per row index (a row with a spanning cell across it is left whole).
  const cuts = new Map<number, number[]>();
  for (let row = 0; row < rowCount; row++) {
    const covering = grid.cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => cell.rowIndex <= row && row < cell.rowIndex + cell.rowSpan);
    if (covering.some(({ cell }) => cell.rowSpan !== 1)) continue;
    const lines = covering.map(({ index }) => textRows(cellWords[index]!));
    const found = rowCuts(lines);
    if (found.length > 0) cuts.set(row, found);
  }
  if (cuts.size === 0) return [grid, [...cellWords]];
  return cutRows(grid, cellWords, cuts);
}

/** Where to cut one grid row, given the text lines of each of its cells (left to right, top to bottom). */
function rowCuts(cells: readonly TextRow[][]): number[] {
  const all = cells.flat();
  if (all.length < 3) return [];
  const em = median(all.map((line) => line.fontSize));
  // Where each cell's text blocks start: its first line, and every line after a blank line.
  const starts: { cell: number; top: number }[] = [];
  cells.forEach((lines, cell) => {
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      if (previous === undefined || line.box.top - previous.box.bottom >= MIN_GAP_EMS * em)
        starts.push({ cell, top: line.box.top });
    });
  });
  starts.sort((a, b) => a.top - b.top);
  const cuts: number[] = [];
  for (let index = 0; index < starts.length; ) {
    // The starts at about this height, from distinct cells.
    let end = index;
    while (end < starts.length && starts[end]!.top - starts[index]!.top <= ALIGN_EMS * em) end++;
    const group = starts.slice(index, end);
    index = end;
    // A record opens with its label in the first column, beside text of another cell at least.
    if (new Set(group.map((start) => start.cell)).size < MIN_ALIGNED_CELLS) continue;
    if (!group.some((start) => start.cell === 0)) continue;
    const top = Math.min(...group.map((start) => start.top));
    const above = all.filter((line) => line.box.top < top - ALIGN_EMS * em);
    if (above.length === 0) continue;
    // The blank line runs across every cell: nothing above reaches down into it.
    const lowest = Math.max(...above.map((line) => line.box.bottom));
    if (top - lowest < MIN_GAP_EMS * em) continue;
    cuts.push((lowest + top) / 2);
  }
  return cuts;
}

/** Inserts the cuts as row boundaries: each cut row's cells split, their words by their centre. */
function cutRows(
  grid: Grid,
  cellWords: readonly Word[][],
  cuts: ReadonlyMap<number, number[]>,
): [Grid, Word[][]] {
  const rowCount = grid.ys.length - 1;
  // New index of each old row's first band.
  const firstBand: number[] = [];
  const ys: number[] = [grid.ys[0]!];
  for (let row = 0; row < rowCount; row++) {
    firstBand.push(ys.length - 1);
    ys.push(...(cuts.get(row) ?? []), grid.ys[row + 1]!);
  }
  firstBand.push(ys.length - 1);
  const entries: { cell: GridCell; words: Word[] }[] = [];
  grid.cells.forEach((cell, index) => {
    const rowIndex = firstBand[cell.rowIndex]!;
    const rowEnd = firstBand[cell.rowIndex + cell.rowSpan]!;
    const rowCuts = cuts.get(cell.rowIndex);
    if (rowCuts === undefined) {
      entries.push({ cell: { ...cell, rowIndex, rowSpan: rowEnd - rowIndex }, words: cellWords[index]! });
      return;
    }
    const bounds = [cell.box.top, ...rowCuts, cell.box.bottom];
    for (let band = 0; band < bounds.length - 1; band++) {
      const top = bounds[band]!;
      const bottom = bounds[band + 1]!;
      const last = band === bounds.length - 2;
      entries.push({
        cell: { ...cell, rowIndex: rowIndex + band, rowSpan: 1, box: { ...cell.box, top, bottom } },
        words: cellWords[index]!.filter((word) => {
          const y = (word.box.top + word.box.bottom) / 2;
          return (band === 0 || y >= top) && (y < bottom || last);
        }),
      });
    }
  });
  entries.sort((a, b) => a.cell.rowIndex - b.cell.rowIndex || a.cell.columnIndex - b.cell.columnIndex);
  return [{ ...grid, ys, cells: entries.map((entry) => entry.cell) }, entries.map((entry) => entry.words)];
}
