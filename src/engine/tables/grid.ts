/**
 * The grid both detectors produce before text goes in: row and column boundaries and cells with 0-based
 * indices and spans. Also the clean-ups every grid needs: boundaries no cell starts at are dropped, and
 * words are assigned to the cell under their centre. Coordinates in page points.
 */
import type { Box } from "../document/box.ts";
import type { Word } from "../document/word.ts";

export interface GridCell {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
  readonly box: Box;
}

export interface Grid {
  /** Column boundaries (x, left to right) and row boundaries (y, top to bottom): n + 1 for n columns. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Row-major by top-left corner; together they cover every grid position exactly once. */
  readonly cells: readonly GridCell[];
  readonly box: Box;
}

/**
 * Drops row and column boundaries that no cell starts at (every cell there spans across them): they
 * come from a stray short line and would leave a row or column that holds nothing of its own.
 */
export function compactGrid(grid: Grid): Grid {
  const columnStarts = new Set(grid.cells.map((cell) => cell.columnIndex));
  const rowStarts = new Set(grid.cells.map((cell) => cell.rowIndex));
  const keepX = grid.xs.map((_, index) => index === grid.xs.length - 1 || columnStarts.has(index));
  const keepY = grid.ys.map((_, index) => index === grid.ys.length - 1 || rowStarts.has(index));
  if (keepX.every(Boolean) && keepY.every(Boolean)) return grid;
  // New index of an old boundary = kept boundaries before it.
  const remap = (keep: readonly boolean[]) => {
    const map: number[] = [];
    let next = 0;
    for (const kept of keep) {
      map.push(next);
      if (kept) next++;
    }
    return map;
  };
  const columnMap = remap(keepX);
  const rowMap = remap(keepY);
  return {
    xs: grid.xs.filter((_, index) => keepX[index]),
    ys: grid.ys.filter((_, index) => keepY[index]),
    box: grid.box,
    cells: grid.cells.map((cell) => {
      const columnIndex = columnMap[cell.columnIndex]!;
      const rowIndex = rowMap[cell.rowIndex]!;
      return {
        ...cell,
        columnIndex,
        rowIndex,
        columnSpan: columnMap[cell.columnIndex + cell.columnSpan]! - columnIndex,
        rowSpan: rowMap[cell.rowIndex + cell.rowSpan]! - rowIndex,
      };
    }),
  };
}

/**
 * Drops empty rows and columns thinner than `minSize` points: the strips between doubled borders and
 * spacer bands that separate rows visually carry no cells of their own. Cells spanning across a dropped
 * band shrink by one; `cellWords` (parallel to `grid.cells`) is filtered alike.
 */
export function dropSpacers(grid: Grid, cellWords: readonly Word[][], minSize: number): [Grid, Word[][]] {
  let current = grid;
  let words = [...cellWords];
  for (const axis of ["row", "column"] as const) {
    const bounds = axis === "row" ? current.ys : current.xs;
    for (let index = bounds.length - 2; index >= 0; index--) {
      if (bounds[index + 1]! - bounds[index]! >= minSize) continue;
      const starting = current.cells
        .map((cell, position) => ({ cell, position }))
        .filter(({ cell }) => (axis === "row" ? cell.rowIndex : cell.columnIndex) === index);
      const removable = starting.every(
        ({ cell, position }) =>
          words[position]!.length === 0 && (axis === "row" ? cell.rowSpan : cell.columnSpan) === 1,
      );
      if (!removable || bounds.length <= 3) continue;
      [current, words] = removeBand(current, words, axis, index);
    }
  }
  return [current, words];
}

function removeBand(
  grid: Grid,
  cellWords: readonly Word[][],
  axis: "row" | "column",
  index: number,
): [Grid, Word[][]] {
  const cells: GridCell[] = [];
  const words: Word[][] = [];
  grid.cells.forEach((cell, position) => {
    const start = axis === "row" ? cell.rowIndex : cell.columnIndex;
    const span = axis === "row" ? cell.rowSpan : cell.columnSpan;
    if (start === index) return;
    const newStart = start > index ? start - 1 : start;
    const newSpan = start < index && start + span > index ? span - 1 : span;
    cells.push(
      axis === "row"
        ? { ...cell, rowIndex: newStart, rowSpan: newSpan }
        : { ...cell, columnIndex: newStart, columnSpan: newSpan },
    );
    words.push(cellWords[position]!);
  });
  // The band's space goes to the band above (or, for the first band, below).
  const bounds = axis === "row" ? grid.ys : grid.xs;
  const dropped = index === 0 ? 1 : index;
  const kept = bounds.filter((_, position) => position !== dropped);
  return [axis === "row" ? { ...grid, ys: kept, cells } : { ...grid, xs: kept, cells }, words];
}

/** The words whose centre falls in each cell (same order as `grid.cells`); words outside are left out. */
export function assignWords(grid: Grid, words: readonly Word[]): Word[][] {
  const columns = grid.xs.length - 1;
  const owner: number[] = new Array<number>((grid.ys.length - 1) * columns).fill(-1);
  grid.cells.forEach((cell, index) => {
    for (let row = cell.rowIndex; row < cell.rowIndex + cell.rowSpan; row++)
      for (let column = cell.columnIndex; column < cell.columnIndex + cell.columnSpan; column++)
        owner[row * columns + column] = index;
  });
  const result: Word[][] = grid.cells.map(() => []);
  for (const word of words) {
    const x = (word.box.left + word.box.right) / 2;
    const y = (word.box.top + word.box.bottom) / 2;
    const column = intervalIndex(grid.xs, x);
    const row = intervalIndex(grid.ys, y);
    if (column < 0 || row < 0) continue;
    const index = owner[row * columns + column]!;
    if (index >= 0) result[index]!.push(word);
  }
  return result;
}

/** Index i with bounds[i] ≤ value < bounds[i + 1], or -1 outside. */
function intervalIndex(bounds: readonly number[], value: number): number {
  if (!(value >= bounds[0]!) || !(value <= bounds[bounds.length - 1]!)) return -1;
  let low = 0;
  let high = bounds.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (bounds[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
