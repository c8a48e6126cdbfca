/**
 * The ICDAR 2013 table competition's structure measure (Göbel, Hassan, Oro, Orsi, ICDAR 2013, after
 * their DocEng 2012 methodology): each non-blank cell is related to its nearest non-blank neighbour to
 * the right and below; blank cells produce no relations and are looked through. A relation is the
 * tuple (cell key, neighbour key, direction), compared as a multiset, so the measure does not depend
 * on the table's absolute position and a missing column costs only the relations that touch it.
 */
import type { TableCell } from "./table-grid.ts";
import { cellKey } from "./text-normalize.ts";

/**
 * Relations of one table region as strings `key→key (h|v)`. A spanning cell has a neighbour for every
 * row (or column) it spans; the same pair of cells is related once per direction.
 */
export function adjacencyRelations(cells: readonly TableCell[]): string[] {
  const occupied = new Map<string, number>();
  const keys: string[] = [];
  let rows = 0;
  let cols = 0;
  for (const cell of cells) {
    const key = cellKey(cell.text);
    if (key === "") continue;
    const index = keys.length;
    keys.push(key);
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++)
        if (!occupied.has(`${r},${c}`)) occupied.set(`${r},${c}`, index);
    rows = Math.max(rows, cell.row + cell.rowSpan);
    cols = Math.max(cols, cell.col + cell.colSpan);
  }
  const relations: string[] = [];
  const related = new Set<string>();
  const relate = (from: number, to: number | undefined, direction: "h" | "v") => {
    if (to === undefined || to === from) return;
    const pair = `${from}:${to}:${direction}`;
    if (related.has(pair)) return;
    related.add(pair);
    relations.push(`${keys[from]}→${keys[to]} (${direction})`);
  };
  const firstCellIn = (row: number, col: number, dRow: number, dCol: number, self: number) => {
    for (let r = row, c = col; r < rows && c < cols; r += dRow, c += dCol) {
      const found = occupied.get(`${r},${c}`);
      if (found !== undefined && found !== self) return found;
    }
    return undefined;
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const index = occupied.get(`${r},${c}`);
      if (index === undefined) continue;
      // Scan from every covered position's right and lower edge; a span's interior finds itself and skips.
      relate(index, firstCellIn(r, c + 1, 0, 1, index), "h");
      relate(index, firstCellIn(r + 1, c, 1, 0, index), "v");
    }
  return relations;
}
