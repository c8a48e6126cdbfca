/**
 * Finds running text among a page's text rows: stacks of word-rich segments sharing an edge, line after
 * line, that stand mostly alone on their rows (a text column) rather than beside short cells (a table's
 * description column). Stream detection ignores them, so a two-column page does not read as a
 * two-column table. Distances in points, relative to the font size.
 */
import type { Word } from "../document/word.ts";
import type { Segment, TextRow } from "./text-rows.ts";

/** A segment with at least this many words can be a line of running text. */
const MIN_PROSE_WORDS = 5;
/** Lines of a paragraph follow each other with a gap of at most this many ems. */
const MAX_LINE_GAP_EMS = 0.9;
/** Edges within this many ems are aligned. */
const ALIGN_EMS = 1;
/** A stack whose lines sit beside short segments on at least this share of rows is a table column… */
const TABLE_COLUMN_SHARE = 0.5;
/** …unless it is set justified: this share of its lines end at its right edge (within half an em). */
const JUSTIFIED_SHARE = 0.6;
const JUSTIFIED_MIN_LINES = 4;
/** Lines of one justified column follow within this many ems (a short paragraph end between). */
const JUSTIFIED_MAX_GAP_EMS = 3;

/** The words of segments that are lines of paragraphs. */
export function proseWords(rows: readonly TextRow[]): Set<Word> {
  const rowOf = new Map<Segment, number>();
  rows.forEach((row, index) => {
    for (const segment of row.segments) rowOf.set(segment, index);
  });
  const long = (segment: Segment) => segment.words.length >= MIN_PROSE_WORDS;
  // Union-find over stacked long segments: each set is one text column's run of lines.
  const parent = new Map<Segment, Segment>();
  const find = (segment: Segment): Segment => {
    let root = segment;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(segment, root);
    return root;
  };
  for (let index = 0; index < rows.length; index++) {
    for (const segment of rows[index]!.segments) {
      if (!long(segment)) continue;
      if (!parent.has(segment)) parent.set(segment, segment);
      for (const other of below(rows, index)) {
        if (!long(other) || !stacked(segment, other, rows[index]!.fontSize)) continue;
        if (!parent.has(other)) parent.set(other, other);
        parent.set(find(other), find(segment));
      }
    }
  }
  const stacks = new Map<Segment, Segment[]>();
  for (const segment of parent.keys()) {
    const root = find(segment);
    const stack = stacks.get(root);
    if (stack === undefined) stacks.set(root, [segment]);
    else stack.push(segment);
  }
  const prose = justifiedLines(rows);
  for (const stack of stacks.values()) {
    if (stack.length < 2) continue;
    const members = new Set(stack);
    const besideShort = stack.filter((segment) =>
      rows[rowOf.get(segment)!]!.segments.some((other) => !members.has(other) && !long(other)),
    ).length;
    if (besideShort >= TABLE_COLUMN_SHARE * stack.length && !justified(stack)) continue;
    for (const segment of stack) prose.add(segment);
  }
  // A paragraph's short last line sits under a prose line, flush with its start.
  for (let index = 1; index < rows.length; index++) {
    const em = rows[index]!.fontSize;
    for (const segment of rows[index]!.segments) {
      if (prose.has(segment)) continue;
      const above = adjacent(rows, index, -1).filter((other) => prose.has(other));
      if (
        above.some(
          (other) =>
            Math.abs(other.box.left - segment.box.left) <= ALIGN_EMS * em &&
            segment.box.right <= other.box.right + em,
        )
      )
        prose.add(segment);
    }
  }
  return new Set([...prose].flatMap((segment) => segment.words));
}

/**
 * Word-rich lines that end flush with each other down a stretch of the page: a justified text column,
 * whatever sits beside it. Lines of one column may be a few short lines apart (paragraph ends).
 */
function justifiedLines(rows: readonly TextRow[]): Set<Segment> {
  const long = rows.flatMap((row) =>
    row.segments
      .filter((segment) => segment.words.length >= MIN_PROSE_WORDS)
      .map((segment) => ({ segment, row })),
  );
  long.sort((a, b) => a.segment.box.right - b.segment.box.right);
  const result = new Set<Segment>();
  let start = 0;
  for (let index = 1; index <= long.length; index++) {
    const em = long[start]!.row.fontSize;
    if (index < long.length && long[index]!.segment.box.right - long[start]!.segment.box.right <= em / 2)
      continue;
    // One right edge: split into vertical runs, lines at most a few lines apart.
    const group = long.slice(start, index).sort((a, b) => a.segment.box.top - b.segment.box.top);
    let run: Segment[] = [];
    const flush = () => {
      if (run.length >= JUSTIFIED_MIN_LINES) for (const segment of run) result.add(segment);
      run = [];
    };
    for (const { segment, row } of group) {
      const last = run[run.length - 1];
      if (last !== undefined && segment.box.top - last.box.bottom > JUSTIFIED_MAX_GAP_EMS * row.fontSize)
        flush();
      run.push(segment);
    }
    flush();
    start = index;
  }
  return result;
}

/** Lines ending flush with the stack's right edge, as in a justified text column. */
function justified(stack: readonly Segment[]): boolean {
  if (stack.length < JUSTIFIED_MIN_LINES) return false;
  const right = Math.max(...stack.map((segment) => segment.box.right));
  const em = stack[0]!.words[0]!.fontSize;
  return (
    stack.filter((segment) => right - segment.box.right <= em / 2).length >= JUSTIFIED_SHARE * stack.length
  );
}

function below(rows: readonly TextRow[], index: number): Segment[] {
  return adjacent(rows, index, 1);
}

/** Segments of the nearest rows above (-1) or below (+1) that follow within a line gap. */
function adjacent(rows: readonly TextRow[], index: number, step: -1 | 1): Segment[] {
  const row = rows[index]!;
  const result: Segment[] = [];
  // Rows of another text column may sit in between: look a few rows away.
  for (
    let other = index + step, seen = 0;
    other >= 0 && other < rows.length && seen < 4;
    other += step, seen++
  ) {
    const candidate = rows[other]!;
    const gap = step < 0 ? row.box.top - candidate.box.bottom : candidate.box.top - row.box.bottom;
    if (gap > MAX_LINE_GAP_EMS * Math.max(row.fontSize, candidate.fontSize)) break;
    result.push(...candidate.segments);
  }
  return result;
}

/** Two lines of one paragraph: one under the other, sharing the left or the right edge. */
function stacked(a: Segment, b: Segment, em: number): boolean {
  const overlap = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
  const narrower = Math.min(a.box.right - a.box.left, b.box.right - b.box.left);
  if (overlap < 0.5 * narrower) return false;
  return (
    Math.abs(a.box.left - b.box.left) <= ALIGN_EMS * em ||
    Math.abs(a.box.right - b.box.right) <= ALIGN_EMS * em
  );
}
