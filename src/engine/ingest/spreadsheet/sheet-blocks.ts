/**
 * A sheet's blocks: its cells split into regions at fully blank rows and columns (recursive XY cut, rows
 * first, so regions read top to bottom and then left to right), each region a table block — or a text
 * block when it is a single cell. A region whose first row holds one lone text cell (a title above a
 * table) gives that cell as a text block before the table. Merged cells keep their spans; a first row of
 * text over columns of typed data (numbers, dates) is a header row, as is a bold first row over plain
 * rows. Blocks have no geometry (box null): a spreadsheet has no pages to measure.
 */
import type { Block } from "../../document/block.ts";
import type { Table, TableCell } from "../../document/table.ts";
import type { GridCell, GridFigure, SheetGrid } from "./sheet-grid.ts";

/**
 * The sheet's blocks in reading order; the sheet's name (when it has one) is the first, as a heading.
 * Charts and pictures come before the first region that starts below their anchor row; cell comments
 * close the sheet, as slide comments close a slide.
 */
export function sheetBlocks(grid: SheetGrid): Block[] {
  const blocks: Block[] = [];
  if (grid.name !== undefined) {
    blocks.push({ type: "heading", headingLevel: 1, text: grid.name, box: null, lines: [] });
  }
  const figures = [...(grid.figures ?? [])].sort((a, b) => a.row - b.row || a.column - b.column);
  let next = 0;
  for (const region of regions(grid.cells)) {
    const top = bounds(region).top;
    for (; next < figures.length && figures[next]!.row < top; next++)
      blocks.push(figureBlock(figures[next]!));
    blocks.push(...regionBlocks(region));
  }
  for (; next < figures.length; next++) blocks.push(figureBlock(figures[next]!));
  for (const comment of grid.comments ?? [])
    blocks.push({ type: "text", text: comment, box: null, lines: [] });
  return blocks;
}

function figureBlock(figure: GridFigure): Block {
  return {
    type: "figure",
    text: figure.text,
    box: null,
    lines: [],
    figure: { figureType: figure.figureType },
  };
}

/** Cells split at blank rows, then blank columns, recursively, until nothing separates them. */
export function regions(cells: readonly GridCell[]): GridCell[][] {
  if (cells.length <= 1) return cells.length === 0 ? [] : [[...cells]];
  // A region its cells fill completely has no blank line and is one piece (the common, dense case).
  if (filled(cells)) return [[...cells]];
  const bands = split(
    cells,
    (cell) => cell.row,
    (cell) => cell.row + cell.rowSpan,
  );
  if (bands.length > 1) return bands.flatMap(regions);
  const columns = split(
    cells,
    (cell) => cell.column,
    (cell) => cell.column + cell.columnSpan,
  );
  if (columns.length > 1) return columns.flatMap(regions);
  const islands = components(cells);
  if (islands.length > 1) return islands.flatMap(regions);
  return [[...cells]];
}

/**
 * Groups of cells connected through edge-adjacent positions, where groups whose bounding boxes overlap
 * join (a sparse table stays whole); blocks that only touch at a corner — two tables placed diagonally —
 * come apart. Ordered by top, then left.
 */
const MAX_ISLANDS = 64;

function components(cells: readonly GridCell[]): GridCell[][] {
  const parent = cells.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    for (let node = index; parent[node] !== root; ) {
      const next = parent[node]!;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  const { top, left, right } = bounds(cells);
  const width = right - left;
  // Position → index of the cell covering it; numeric keys (row-major offsets) keep this fast on big sheets.
  const owner = new Map<number, number>();
  for (const [index, cell] of cells.entries())
    for (let row = cell.row; row < cell.row + cell.rowSpan; row++)
      for (let column = cell.column; column < cell.column + cell.columnSpan; column++)
        owner.set((row - top) * width + (column - left), index);
  for (const [key, index] of owner) {
    const column = key % width;
    const right = column + 1 < width ? owner.get(key + 1) : undefined;
    const down = owner.get(key + width);
    if (right !== undefined) union(index, right);
    if (down !== undefined) union(index, down);
  }
  let groups = [...groupBy(cells, (_, index) => find(index)).values()];
  // Scattered cells (hundreds of islands) are not side-by-side tables; joining them would be quadratic.
  if (groups.length > MAX_ISLANDS) return [[...cells]];
  // Join groups whose bounding boxes overlap until none do.
  for (let joined = true; joined && groups.length > 1; ) {
    joined = false;
    outer: for (let a = 0; a < groups.length; a++)
      for (let b = a + 1; b < groups.length; b++) {
        if (overlaps(bounds(groups[a]!), bounds(groups[b]!))) {
          groups[a] = [...groups[a]!, ...groups[b]!];
          groups.splice(b, 1);
          joined = true;
          break outer;
        }
      }
  }
  groups = groups.map((group) => group.sort((a, b) => a.row - b.row || a.column - b.column));
  return groups.sort((a, b) => a[0]!.row - b[0]!.row || bounds(a).left - bounds(b).left);
}

function groupBy<T, K>(items: readonly T[], key: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const [index, item] of items.entries()) {
    const k = key(item, index);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/** The cells cover their bounding box (no position empty). */
function filled(cells: readonly GridCell[]): boolean {
  const { top, left, bottom, right } = bounds(cells);
  let area = 0;
  for (const cell of cells) area += cell.rowSpan * cell.columnSpan;
  return area === (bottom - top) * (right - left);
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

/** Groups cells whose [start, end) intervals overlap or are adjacent (no blank line between), by start. */
function split(
  cells: readonly GridCell[],
  start: (cell: GridCell) => number,
  end: (cell: GridCell) => number,
): GridCell[][] {
  const sorted = [...cells].sort((a, b) => start(a) - start(b));
  const groups: GridCell[][] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const cell of sorted) {
    if (start(cell) > reach) groups.push([]);
    groups[groups.length - 1]!.push(cell);
    reach = Math.max(reach, end(cell));
  }
  if (groups.length === 1) return [[...cells]];
  // Keep each group row-major, as cells arrive.
  return groups.map((group) => group.sort((a, b) => a.row - b.row || a.column - b.column));
}

interface Bounds {
  readonly top: number;
  readonly left: number;
  /** Exclusive. */
  readonly bottom: number;
  readonly right: number;
}

/** Loops rather than Math.min(...): a sheet may have more cells than a call has room for arguments. */
function bounds(cells: readonly GridCell[]): Bounds {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const cell of cells) {
    top = Math.min(top, cell.row);
    left = Math.min(left, cell.column);
    bottom = Math.max(bottom, cell.row + cell.rowSpan);
    right = Math.max(right, cell.column + cell.columnSpan);
  }
  return { top, left, bottom, right };
}

function regionBlocks(cells: readonly GridCell[]): Block[] {
  if (cells.length === 1) return [textBlock(cells[0]!)];
  const { top, left, right } = bounds(cells);
  const firstRow = cells.filter((cell) => cell.row === top);
  const rest = cells.filter((cell) => cell.row !== top);
  const title = firstRow[0];
  if (
    firstRow.length === 1 &&
    title !== undefined &&
    !title.numeric &&
    title.rowSpan === 1 &&
    rest.length > 0 &&
    right - left > 1
  ) {
    // A lone text cell over a wider table is the table's title; what remains may split further.
    return [textBlock(title), ...regions(rest).flatMap(regionBlocks)];
  }
  return [tableBlock(cells)];
}

function textBlock(cell: GridCell): Block {
  const block: Block = { type: "text", text: cell.text, box: null, lines: [] };
  return cell.metadata === undefined ? block : { ...block, cellMetadata: cell.metadata };
}

function tableBlock(cells: readonly GridCell[]): Block {
  const { top, left, bottom, right } = bounds(cells);
  const rowCount = bottom - top;
  const columnCount = right - left;
  const headerRowCount = hasHeaderRow(cells, top) && rowCount > 1 ? 1 : 0;
  const tableCells = cells.map((cell): TableCell => {
    const tableCell: TableCell = {
      rowIndex: cell.row - top,
      columnIndex: cell.column - left,
      rowSpan: cell.rowSpan,
      columnSpan: cell.columnSpan,
      text: cell.text,
      box: null,
      header: cell.row - top < headerRowCount,
    };
    return cell.metadata === undefined ? tableCell : { ...tableCell, cellMetadata: cell.metadata };
  });
  const table: Table = {
    rowCount,
    columnCount,
    cells: tableCells,
    headerRowCount,
    method: "lattice",
    copiedHeaderRowCount: 0,
  };
  const text = plainText(table);
  return { type: "table", text, box: null, lines: [], table };
}

/**
 * The first row is a header when its cells are all text and, below it, some column it labels holds typed
 * data (numbers, dates) — or when its cells are all bold and the row below is not.
 */
export function hasHeaderRow(cells: readonly GridCell[], top: number): boolean {
  const first = cells.filter((cell) => cell.row === top);
  if (first.length === 0 || first.some((cell) => cell.numeric)) return false;
  const below = cells.filter((cell) => cell.row >= bounds(first).bottom);
  if (below.length === 0) return false;
  const labelled = (cell: GridCell) =>
    first.some((head) => cell.column >= head.column && cell.column < head.column + head.columnSpan);
  if (below.some((cell) => cell.numeric && labelled(cell))) return true;
  const next = bounds(below).top;
  const nextRow = below.filter((cell) => cell.row === next);
  return first.every((cell) => cell.bold) && !nextRow.every((cell) => cell.bold);
}

/** Rows as tab-separated lines (Block.text of a table). */
function plainText(table: Table): string {
  const rows = Array.from({ length: table.rowCount }, () => new Array<string>(table.columnCount).fill(""));
  for (const cell of table.cells) rows[cell.rowIndex]![cell.columnIndex] = cell.text.replace(/\s+/g, " ");
  return rows.map((row) => row.join("\t")).join("\n");
}
