/**
 * Ruled ("lattice") table grids: ruling lines that cross each other form connected frames; the distinct
 * x of a frame's vertical lines and y of its horizontal lines cut it into elementary cells, and a border
 * missing between two neighbours merges them (rowspan / colspan). Coordinates in page points.
 */
import type { Ruling } from "../document/ruling.ts";
import type { Grid, GridCell } from "./grid.ts";

/** Rulings whose ends come within this of another ruling still meet it (borders that stop short). */
const JOIN_TOLERANCE = 3;
/** Lines of one frame closer than this are one grid line (double borders, misregistered strokes). */
const GRID_TOLERANCE = 2;
/** A border between two cells exists when ruled over at least this share of their common edge. */
const MIN_BORDER_COVERAGE = 0.6;
/** Grid rows and columns thinner than this are slivers between doubled lines, not cells. */
const MIN_CELL_SIZE = 3;

/** Grids of all frames with at least two rows and two columns of cells, top to bottom. */
export function latticeGrids(rulings: readonly Ruling[]): Grid[] {
  const grids: Grid[] = [];
  for (const frame of connectedFrames(rulings)) {
    const grid = frameGrid(frame);
    if (grid !== undefined) grids.push(grid);
  }
  return grids.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

function crosses(horizontal: Ruling, vertical: Ruling): boolean {
  return (
    vertical.position >= horizontal.start - JOIN_TOLERANCE &&
    vertical.position <= horizontal.end + JOIN_TOLERANCE &&
    horizontal.position >= vertical.start - JOIN_TOLERANCE &&
    horizontal.position <= vertical.end + JOIN_TOLERANCE
  );
}

/** Groups rulings that touch (a horizontal crossing a vertical) into frames, by union-find. */
function connectedFrames(rulings: readonly Ruling[]): Ruling[][] {
  const horizontals = rulings.filter((ruling) => ruling.orientation === "horizontal");
  const verticals = rulings.filter((ruling) => ruling.orientation === "vertical");
  const parent = rulings.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  const indexOf = new Map(rulings.map((ruling, index) => [ruling, index]));
  // Verticals sorted by x let each horizontal visit only the verticals within its span.
  const byX = [...verticals].sort((a, b) => a.position - b.position);
  for (const horizontal of horizontals) {
    for (let low = lowerBound(byX, horizontal.start - JOIN_TOLERANCE); low < byX.length; low++) {
      const vertical = byX[low]!;
      if (vertical.position > horizontal.end + JOIN_TOLERANCE) break;
      if (crosses(horizontal, vertical))
        parent[find(indexOf.get(horizontal)!)] = find(indexOf.get(vertical)!);
    }
  }
  const groups = new Map<number, Ruling[]>();
  rulings.forEach((ruling, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [ruling]);
    else group.push(ruling);
  });
  return [...groups.values()].filter(
    (group) =>
      group.filter((ruling) => ruling.orientation === "horizontal").length >= 2 &&
      group.filter((ruling) => ruling.orientation === "vertical").length >= 2,
  );
}

function lowerBound(sorted: readonly Ruling[], position: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.position < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function frameGrid(frame: readonly Ruling[]): Grid | undefined {
  const horizontals = frame.filter((ruling) => ruling.orientation === "horizontal");
  const verticals = frame.filter((ruling) => ruling.orientation === "vertical");
  const left = Math.min(...horizontals.map((ruling) => ruling.start), ...verticals.map((r) => r.position));
  const right = Math.max(...horizontals.map((ruling) => ruling.end), ...verticals.map((r) => r.position));
  const top = Math.min(...verticals.map((ruling) => ruling.start), ...horizontals.map((r) => r.position));
  const bottom = Math.max(...verticals.map((ruling) => ruling.end), ...horizontals.map((r) => r.position));
  // The frame's outer edges bound the grid even where no border is drawn (tables without a frame).
  const xs = clusterPositions([left, right, ...verticals.map((ruling) => ruling.position)]);
  const ys = clusterPositions([top, bottom, ...horizontals.map((ruling) => ruling.position)]);
  if (xs.length < 3 || ys.length < 3) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  // border[kind][i][j]: is the edge drawn? Vertical edges sit at xs[j] beside row i, horizontal at ys[i].
  const verticalEdge = (row: number, boundary: number) =>
    covered(verticals, xs[boundary]!, ys[row]!, ys[row + 1]!);
  const horizontalEdge = (boundary: number, column: number) =>
    covered(horizontals, ys[boundary]!, xs[column]!, xs[column + 1]!);
  const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(columns).fill(false));
  const cells: GridCell[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (taken[row]![column]) continue;
      // Grow right while no border separates the next column, then down while no border closes the row.
      let columnSpan = 1;
      while (
        column + columnSpan < columns &&
        !taken[row]![column + columnSpan] &&
        !verticalEdge(row, column + columnSpan)
      )
        columnSpan++;
      let rowSpan = 1;
      while (row + rowSpan < rows && openBelow(row + rowSpan, column, columnSpan)) rowSpan++;
      for (let r = row; r < row + rowSpan; r++)
        for (let c = column; c < column + columnSpan; c++) taken[r]![c] = true;
      cells.push({
        rowIndex: row,
        columnIndex: column,
        rowSpan,
        columnSpan,
        box: {
          left: xs[column]!,
          top: ys[row]!,
          right: xs[column + columnSpan]!,
          bottom: ys[row + rowSpan]!,
        },
      });
    }
  }
  function openBelow(boundary: number, column: number, span: number): boolean {
    for (let c = column; c < column + span; c++) {
      if (taken[boundary]![c] || horizontalEdge(boundary, c)) return false;
    }
    return true;
  }
  return { xs, ys, cells, box: { left, top, right, bottom } };
}

/** Sorted positions with near-duplicates merged and slivers between them removed. */
function clusterPositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const value of sorted) {
    const last = clusters[clusters.length - 1];
    if (last !== undefined && value - last[last.length - 1]! <= GRID_TOLERANCE) last.push(value);
    else clusters.push([value]);
  }
  const positions = clusters.map(
    (cluster) => cluster.reduce((sum, value) => sum + value, 0) / cluster.length,
  );
  return positions.filter(
    (position, index) => index === 0 || position - positions[index - 1]! >= MIN_CELL_SIZE,
  );
}

/** Whether rulings at `position` (± the grid tolerance) cover enough of [start, end]. */
function covered(rulings: readonly Ruling[], position: number, start: number, end: number): boolean {
  return coverage(rulings, position, start, end) >= MIN_BORDER_COVERAGE;
}

/** Share of [start, end] that rulings at `position` (± the grid tolerance) cover, 0–1. */
export function coverage(rulings: readonly Ruling[], position: number, start: number, end: number): number {
  const length = end - start;
  if (!(length > 0)) return 0;
  const pieces: [number, number][] = [];
  for (const ruling of rulings) {
    if (Math.abs(ruling.position - position) > GRID_TOLERANCE) continue;
    const from = Math.max(start, ruling.start);
    const to = Math.min(end, ruling.end);
    if (to > from) pieces.push([from, to]);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = start;
  for (const [from, to] of pieces) {
    if (to <= reach) continue;
    total += to - Math.max(from, reach);
    reach = to;
  }
  return total / length;
}
