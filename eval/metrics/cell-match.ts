/**
 * Cell-level agreement between an expected and a predicted table. Only cells with text count (empty
 * cells carry no content, and engines differ on whether a span leaves empties or copies text); text is
 * compared by cellKey. Two scores:
 * - positional: a cell is correct when the predicted table has the same key at the same (row, col)
 *   after shifting the whole prediction by the one (Δrow, Δcol) that aligns the most cells — so an extra
 *   title row above the table costs nothing, but a missing column in the middle misplaces what follows;
 * - content: the multiset of keys, ignoring positions (text found, structure aside).
 */
import { type Counts, multisetOverlap } from "./scores.ts";
import type { TableCell } from "./table-grid.ts";
import { cellKey } from "./text-normalize.ts";

export interface CellScores {
  readonly positional: Counts;
  readonly content: Counts;
}

interface KeyedCell {
  readonly row: number;
  readonly col: number;
  readonly key: string;
}

export function scoreCells(expected: readonly TableCell[], predicted: readonly TableCell[]): CellScores {
  const truth = keyed(expected);
  const guess = keyed(predicted);
  const content = multisetOverlap(
    truth.map((cell) => cell.key),
    guess.map((cell) => cell.key),
  );
  const byKey = new Map<string, KeyedCell[]>();
  for (const cell of guess) {
    const list = byKey.get(cell.key);
    if (list === undefined) byKey.set(cell.key, [cell]);
    else list.push(cell);
  }
  // Every same-text pair votes for the offset that would align it; the most-voted offset wins. Ties go
  // to the smallest shift so the choice is deterministic.
  const votes = new Map<string, number>();
  for (const cell of truth)
    for (const match of byKey.get(cell.key) ?? []) {
      const offset = `${match.row - cell.row},${match.col - cell.col}`;
      votes.set(offset, (votes.get(offset) ?? 0) + 1);
    }
  let best = { correct: 0, shift: Number.POSITIVE_INFINITY };
  for (const [offset, count] of votes) {
    const [dr, dc] = offset.split(",").map(Number) as [number, number];
    const shift = Math.abs(dr) + Math.abs(dc);
    if (count > best.correct || (count === best.correct && shift < best.shift))
      best = { correct: count, shift };
  }
  // Positions are unique on each side, so a vote count is already a one-to-one match count.
  return {
    positional: { correct: best.correct, predicted: guess.length, expected: truth.length },
    content,
  };
}

function keyed(cells: readonly TableCell[]): KeyedCell[] {
  const seen = new Set<string>();
  const result: KeyedCell[] = [];
  for (const cell of cells) {
    const key = cellKey(cell.text);
    const position = `${cell.row},${cell.col}`;
    if (key === "" || seen.has(position)) continue;
    seen.add(position);
    result.push({ row: cell.row, col: cell.col, key });
  }
  return result;
}
