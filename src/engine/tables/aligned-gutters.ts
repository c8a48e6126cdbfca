/**
 * Narrow gutters that alignment vouches for. Most rows of a table part at a column boundary with a wide
 * gap; a few may set two cells as tight as a word space (a monospace report that tightens the space
 * between two numbers). A gap narrower than a word gutter still separates columns when most rows leave
 * a column gap (a segment gap) there and every tight row's cell edge lines up with the edge the wide
 * rows share. A word space that happens to line up over the rows fails: no row parts widely there, or
 * its words' edges line up with nothing. Distances in points.
 */
import type { Box } from "../document/box.ts";
import { median } from "./median.ts";
import { SEGMENT_GAP_EMS } from "./text-rows.ts";

/** A tight row's cell edge lines up with the wide rows' shared edge within this many ems. */
const EDGE_ALIGNMENT_EMS = 0.25;

export interface Span {
  readonly left: number;
  readonly right: number;
}

/** A row's text as disjoint x spans, left to right: its overlapping boxes merged. */
export function rowSpans(boxes: readonly Box[]): Span[] {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  const spans: { left: number; right: number }[] = [];
  for (const { left, right } of sorted) {
    const last = spans[spans.length - 1];
    if (last !== undefined && left <= last.right) last.right = Math.max(last.right, right);
    else spans.push({ left, right });
  }
  return spans;
}

/**
 * Whether the x range `gutter` is a column boundary by alignment: of the rows with text on both sides
 * of it (rows whose text crosses it are ignored), more than half leave a gap of at least a segment gap,
 * and the others (at least one: tight rows are what this vouches for) each end their left cell at the
 * wide rows' (median) left-cell end or start their right cell at their (median) right-cell start.
 */
export function alignedGutter(rows: readonly (readonly Span[])[], gutter: Span, em: number): boolean {
  const wide: { end: number; start: number }[] = [];
  const tight: { end: number; start: number }[] = [];
  for (const spans of rows) {
    if (spans.some((span) => span.left < gutter.right && span.right > gutter.left)) continue;
    const before = spans.filter((span) => span.right <= gutter.left);
    const after = spans.filter((span) => span.left >= gutter.right);
    if (before.length === 0 || after.length === 0) continue;
    const gap = { end: before[before.length - 1]!.right, start: after[0]!.left };
    (gap.start - gap.end >= SEGMENT_GAP_EMS * em ? wide : tight).push(gap);
  }
  // Without tight rows the gutter is narrow only where crossing rows cut into it: no alignment to go by.
  if (tight.length === 0 || wide.length <= tight.length) return false;
  const end = median(wide.map((gap) => gap.end));
  const start = median(wide.map((gap) => gap.start));
  const tolerance = EDGE_ALIGNMENT_EMS * em;
  return tight.every(
    (gap) => Math.abs(gap.end - end) <= tolerance || Math.abs(gap.start - start) <= tolerance,
  );
}
