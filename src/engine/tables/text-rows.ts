/**
 * Text rows for table work: horizontal words grouped by baseline into rows (top to bottom), each split
 * into segments at gaps wider than a column gap, and the reading text of a set of words (a cell).
 * Distances are in page points, relative to the font size.
 */

import { lineReadingText } from "../document/bidi.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Word } from "../document/word.ts";

/** Words that run on without a gap wider than this many ems belong to one segment (one cell's text). */
export const SEGMENT_GAP_EMS = 0.9;
/** Gaps narrower than this many ems join word pieces without a space (runs split for kerning). */
const SPACE_GAP_EMS = 0.15;
/** Share of the smaller word's height two words must overlap vertically to share a row. */
const MIN_ROW_OVERLAP = 0.5;

/** A run of words on one row with no column gap inside. */
export interface Segment {
  readonly words: readonly Word[];
  readonly box: Box;
  readonly text: string;
}

export interface TextRow {
  /** Left to right. */
  readonly words: readonly Word[];
  readonly segments: readonly Segment[];
  readonly box: Box;
  /** The row's typical font size in points. */
  readonly fontSize: number;
}

/** Groups horizontal words into rows, top to bottom; rotated words are left out. */
export function textRows(words: readonly Word[]): TextRow[] {
  const horizontal = words.filter((word) => word.angle === 0).sort((a, b) => a.box.top - b.box.top);
  const done: Word[][] = [];
  // Rows a later word (sorted by top) can still overlap; the others are finished.
  let active: { words: Word[]; top: number; bottom: number }[] = [];
  for (const word of horizontal) {
    const stillOpen: typeof active = [];
    for (const row of active) {
      if (row.bottom < word.box.top) done.push(row.words);
      else stillOpen.push(row);
    }
    active = stillOpen;
    let best: (typeof active)[number] | undefined;
    let bestOverlap = 0;
    for (const row of active) {
      const overlap = verticalOverlapShare(row.top, row.bottom, word.box.top, word.box.bottom);
      if (overlap >= MIN_ROW_OVERLAP && overlap > bestOverlap) {
        best = row;
        bestOverlap = overlap;
      }
    }
    if (best === undefined) active.push({ words: [word], top: word.box.top, bottom: word.box.bottom });
    else best.words.push(word);
  }
  for (const row of active) done.push(row.words);
  return done.map((row) => toRow(row)).sort((a, b) => a.box.top - b.box.top);
}

function verticalOverlapShare(top1: number, bottom1: number, top2: number, bottom2: number): number {
  const shorter = Math.min(bottom1 - top1, bottom2 - top2);
  if (!(shorter > 0)) return 0;
  return Math.max(0, Math.min(bottom1, bottom2) - Math.max(top1, top2)) / shorter;
}

function toRow(words: Word[]): TextRow {
  const ordered = dropDuplicates([...words].sort((a, b) => a.box.left - b.box.left));
  const segments: Segment[] = [];
  let current: Word[] = [];
  for (const word of ordered) {
    const previous = current[current.length - 1];
    if (
      previous !== undefined &&
      word.box.left - previous.box.right > SEGMENT_GAP_EMS * Math.max(previous.fontSize, word.fontSize)
    ) {
      segments.push(toSegment(current));
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) segments.push(toSegment(current));
  const sizes = ordered.map((word) => word.fontSize).sort((a, b) => a - b);
  return {
    words: ordered,
    segments,
    box: unionBoxes(ordered.map((word) => word.box)) as Box,
    fontSize: sizes[Math.floor(sizes.length / 2)] ?? 0,
  };
}

function toSegment(words: readonly Word[]): Segment {
  return { words, box: unionBoxes(words.map((word) => word.box)) as Box, text: lineText(words) };
}

/** Text of words on one line, in reading order (right to left when most characters are RTL). */
function lineText(words: readonly Word[]): string {
  let rtl = 0;
  for (const word of words) rtl += word.direction === "rtl" ? word.text.length : -word.text.length;
  return lineReadingText(
    words.map((word) => ({
      text: word.text,
      start: word.box.left,
      end: word.box.right,
      fontSize: word.fontSize,
      spaceAfter: word.spaceAfter,
    })),
    rtl > 0,
    SPACE_GAP_EMS,
  );
}

/**
 * The text of a cell's words: its lines top to bottom joined by "\n", each line in reading order.
 * Rotated words (vertical headers) follow as one line, in order along their baseline.
 */
export function cellText(words: readonly Word[]): string {
  if (words.length === 0) return "";
  const lines = textRows(words).map((row) => lineText(row.words));
  const rotated = words.filter((word) => word.angle !== 0);
  if (rotated.length > 0) {
    // Text turned clockwise (90°) reads downwards, turned anticlockwise upwards; columns left to right.
    rotated.sort((a, b) =>
      Math.abs(a.box.left - b.box.left) > a.fontSize / 2
        ? (a.box.left - b.box.left) * (a.angle > 0 ? -1 : 1)
        : (a.box.top - b.box.top) * (a.angle > 0 ? 1 : -1),
    );
    lines.push(rotated.map((word) => word.text).join(" "));
  }
  return lines.join("\n");
}

/** Drops a word drawn again at (almost) the same place (fake bold, shadows); `words` sorted by left. */
function dropDuplicates(words: readonly Word[]): Word[] {
  const kept: Word[] = [];
  for (const word of words) {
    let duplicate = false;
    // Sorted by left: only the last few kept words can start within a point of this one.
    for (let index = kept.length - 1; index >= 0 && word.box.left - kept[index]!.box.left < 1; index--) {
      const other = kept[index]!;
      if (other.text === word.text && Math.abs(other.box.top - word.box.top) < 1) {
        duplicate = true;
        break;
      }
    }
    if (!duplicate) kept.push(word);
  }
  return kept;
}
