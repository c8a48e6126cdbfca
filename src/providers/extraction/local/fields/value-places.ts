/**
 * Where a label's value may be printed, best first: after it in its own segment ("Total: 4.11"), in the
 * next segments to its right on the same line (a value column), or below it in the same column (form
 * boxes, header-over-value layouts). Scanning stops at anything that is itself a label, so a value is
 * never taken from the next field's row.
 */

import type { LabelHit, LabelIndex } from "../labels/label-index.ts";
import { type DocumentLayout, type Line, pageOf, type Segment } from "../layout/layout-model.ts";
import { makeSpan, type Span, type SpanPiece } from "./span.ts";

export type PlaceKind = "inline" | "right" | "below" | "left";

export interface Place {
  readonly span: Span;
  readonly kind: PlaceKind;
  readonly score: number;
}

/** Lines further below the label than this many line heights are not its value. */
const MAX_BELOW_GAP = 2.5;
/** Wrapped text continues on lines at most this many heights apart. */
const CONTINUATION_GAP = 0.75;
const MAX_CONTINUATION_LINES = 8;
/** A line of free text with fewer words than this is a complete value, not the start of a paragraph. */
const WRAPPED_WORDS = 5;

export interface PlaceOptions {
  /** Free text: a value may wrap onto the lines below. */
  readonly multiline: boolean;
  /** Long-form by name (addresses, notes): any aligned line below continues it, however short. */
  readonly longForm: boolean;
  /** A boolean: its checkbox is printed just before the label ("[x] Paid", "☑ Yes"). */
  readonly checkbox: boolean;
}

export function placesFor(
  hit: LabelHit,
  layout: DocumentLayout,
  index: LabelIndex,
  options: PlaceOptions,
): Place[] {
  const places: Place[] = [];
  const { line, segment } = hit;
  const place = (piece: SpanPiece, kind: PlaceKind, score: number) =>
    places.push({ span: extend(piece, layout, index, options), kind, score });
  if (options.checkbox) {
    // Up to two tokens before the label: on its segment, or a small segment right before it.
    const previous = line.segments.filter((other) => other.end <= segment.start).at(-1);
    const from = hit.startToken > segment.start ? segment.start : (previous?.start ?? hit.startToken);
    const close = previous !== undefined && segment.box.left - previous.box.right <= 3 * line.height;
    if (hit.startToken > segment.start || close)
      place({ line, from: Math.max(from, hit.startToken - 2), to: hit.startToken, cut: 0 }, "left", 0.95);
  }
  if (!hit.endsSegment) {
    const end = labelCut(index, line, hit.valueToken, segment.end);
    place({ line, from: hit.valueToken, to: end, cut: hit.valueCut }, "inline", hit.colon ? 1 : 0.9);
  }
  const after = line.segments.filter((other) => other.start >= segment.end);
  // Right-aligned amounts sit far from their labels on most invoices: distance costs little.
  const width = pageOf(layout, line.fileIndex, line.page)?.width ?? 60 * line.height;
  let rightScore = hit.endsSegment ? 0.95 : 0.7;
  for (const other of after.slice(0, 3)) {
    if (index.labelStartsAt(line, other.start)) break;
    const gap = other.box.left - segment.box.right;
    const penalty = 1 - 0.15 * Math.min(1, gap / (0.5 * width));
    place(
      { line, from: other.start, to: labelCut(index, line, other.start, other.end), cut: 0 },
      "right",
      rightScore * penalty,
    );
    rightScore *= 0.8;
  }
  const labelLeft = line.tokens[hit.startToken]!.box.left;
  const labelRight = Math.max(segment.box.right, line.tokens[hit.endToken - 1]!.box.right);
  let belowScore = hit.endsSegment ? 0.85 : 0.45;
  let previousBottom = line.box.bottom;
  for (let next = line.index + 1, found = 0; next < layout.lines.length && found < 2; next++) {
    const below = layout.lines[next]!;
    if (below.page !== line.page || below.fileIndex !== line.fileIndex) break;
    if (below.box.top - previousBottom > MAX_BELOW_GAP * line.height) break;
    const column = bestOverlap(below, labelLeft - line.height, labelRight);
    if (column === undefined) continue;
    // A value below a label starts under it; a wider line starting further left (a title, a
    // paragraph) is not the label's value.
    const wide = column.box.right - column.box.left > 3 * Math.max(labelRight - labelLeft, 2 * line.height);
    if (column.box.left < labelLeft - 2 * line.height && wide) continue;
    if (index.labelStartsAt(below, column.start)) break;
    // A label over a whole column of values is a column header, not one field's label.
    const header = isColumnHead(layout, below, column) ? 0.5 : 1;
    const to = labelCut(index, below, column.start, column.end);
    place({ line: below, from: column.start, to, cut: 0 }, "below", belowScore * header);
    belowScore *= 0.75;
    previousBottom = below.box.bottom;
    found++;
  }
  return places;
}

/** Where a value running from token `from` must stop: before the next label in it, else at `to`. */
function labelCut(index: LabelIndex, line: Line, from: number, to: number): number {
  for (let token = from + 1; token < to; token++) if (index.labelStartsAt(line, token)) return token;
  return to;
}

/** Whether at least two of the next lines carry a value aligned with this one (a table column). */
function isColumnHead(layout: DocumentLayout, line: Line, segment: Segment): boolean {
  const numeric = /\d/u.test(
    line.tokens
      .slice(segment.start, segment.end)
      .map((token) => token.text)
      .join(""),
  );
  const tolerance = 0.5 * line.height;
  let aligned = 0;
  for (let next = line.index + 1; next < layout.lines.length && next <= line.index + 4; next++) {
    const other = layout.lines[next]!;
    if (other.page !== line.page || other.fileIndex !== line.fileIndex) break;
    const match = other.segments.some((candidate) => {
      const sameEdge =
        Math.abs(candidate.box.right - segment.box.right) <= tolerance ||
        Math.abs(candidate.box.left - segment.box.left) <= tolerance;
      const text = other.tokens
        .slice(candidate.start, candidate.end)
        .map((token) => token.text)
        .join("");
      return sameEdge && /\d/u.test(text) === numeric;
    });
    if (match) aligned++;
  }
  return aligned >= 2;
}

/** The segment of `line` that overlaps [left, right] most. */
function bestOverlap(line: Line, left: number, right: number): Segment | undefined {
  let best: Segment | undefined;
  let bestOverlapWidth = 0;
  for (const segment of line.segments) {
    const overlap = Math.min(right, segment.box.right) - Math.max(left, segment.box.left);
    if (overlap > bestOverlapWidth) {
      best = segment;
      bestOverlapWidth = overlap;
    }
  }
  return best;
}

/**
 * For free text: adds the lines that continue the value below it — starting at the value's left edge,
 * closely spaced, not a label — with every segment of such a line (justified prose has wide gaps).
 */
function extend(first: SpanPiece, layout: DocumentLayout, index: LabelIndex, options: PlaceOptions): Span {
  const pieces = [first];
  const startBox = first.line.tokens[first.from]?.box;
  if (!options.multiline || startBox === undefined || first.to < first.line.segments.at(-1)!.end)
    return makeSpan(pieces);
  let last = first.line;
  for (
    let next = last.index + 1;
    next < layout.lines.length && pieces.length < MAX_CONTINUATION_LINES;
    next++
  ) {
    const below = layout.lines[next]!;
    if (below.page !== last.page || below.fileIndex !== last.fileIndex) break;
    if (below.box.top - last.box.bottom > CONTINUATION_GAP * last.height) break;
    const segment = below.segments.find(
      (candidate) => Math.abs(candidate.box.left - startBox.left) <= 1.5 * last.height,
    );
    if (segment === undefined || index.labelStartsAt(below, segment.start)) break;
    // Prose wraps when a line is full: a short value ("Jan 5", a name) does not continue below.
    const previous = pieces.at(-1)!;
    if (!options.longForm && previous.to - previous.from < WRAPPED_WORDS) break;
    const to = labelCut(index, below, segment.start, below.tokens.length);
    pieces.push({ line: below, from: segment.start, to, cut: 0 });
    if (to < below.tokens.length) break;
    last = below;
  }
  return makeSpan(pieces);
}
