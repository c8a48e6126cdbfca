/**
 * Columns of a stream table: gutters, the x ranges that (almost) no row's text covers, found first
 * between segments (gaps wider than a column gap) and then between words (narrower gaps that still line
 * up down a long table; narrower than a word space only where alignment vouches for them, see
 * aligned-gutters.ts and edge-aligned-gutters.ts); columns with text in too few rows are merged away,
 * or cut off at the edges. Also the checks that reject running text and lists. Distances in points, relative to the font size.
 */
import type { Box } from "../document/box.ts";
import { alignedGutter, rowSpans, type Span } from "./aligned-gutters.ts";
import { edgeAlignedGutter } from "./edge-aligned-gutters.ts";
import { isNumeric } from "./table-header.ts";
import { SEGMENT_GAP_EMS, type TextRow } from "./text-rows.ts";

export interface Gutter {
  readonly left: number;
  readonly right: number;
  /**
   * Alignment vouches for the gutter (most rows part here at a column gap and the tighter ones line
   * their cells up with theirs, or every row sets both cell edges at the same x under a header of two
   * labels): rows split at it even where their gap is no wider than a word space.
   */
  readonly aligned?: boolean;
}

/** A gutter may be crossed by this share of the split rows (spanning headers, stray long cells). */
const GUTTER_CROSSING_SHARE = 0.1;
/** Narrowest gutter between segments, in ems. */
const MIN_GUTTER_EMS = 0.3;
/**
 * Gutters between words (not segments) must be wider than a word space, or else aligned (narrow but
 * where most rows leave a column gap), and hold over this many rows.
 */
const MIN_WORD_GUTTER_EMS = 0.5;
const MIN_WORD_GUTTER_ROWS = 6;
const WORD_GUTTER_CROSSINGS = 2;
/** An edge column is running text when this share of its segments have this many words… */
const TEXT_COLUMN_SHARE = 0.7;
const PROSE_LINE_WORDS = 5;
/** …and a gutter at least this many ems wide sets it apart. */
const TEXT_COLUMN_GUTTER_EMS = 2.5;
/** A unit after a value: a word of letters ("years", "kg", "mg/L") or a per cent sign. */
const UNIT = /^(?:\p{L}[\p{L}/.²³]*|%)$/u;
/** Rows a unit must follow its value in to be told from a column. */
const MIN_UNIT_ROWS = 3;
/** A column holding text in fewer rows than this is a stray segment. */
const MIN_COLUMN_ROWS = 2;
/** Segments of this many words or more are sentences; tables made mostly of them are prose columns. */
const PROSE_SEGMENT_WORDS = 6;
const MAX_PROSE_SHARE = 0.45;

/** The columns of a run: gutters inside `box`, and the box trimmed of stray text at its edges. */
export function streamColumns(
  run: readonly TextRow[],
  box: Box,
  em: number,
): { readonly gutters: Gutter[]; readonly box: Box } {
  const split = run.filter((row) => row.segments.length >= 2);
  const wordSpans = split.map((row) => rowSpans(row.words.map((word) => word.box)));
  const withAlignment = (gutter: Gutter): Gutter => ({
    ...gutter,
    aligned: alignedGutter(wordSpans, gutter, em),
  });
  // Narrow gutters no row parts widely at: both cell edges must line up, under a header of two labels.
  const withEdges = (gutter: Gutter): Gutter => {
    if (gutter.aligned === true || gutter.right - gutter.left >= MIN_WORD_GUTTER_EMS * em) return gutter;
    return edgeAlignedGutter(
      split.map((row) => row.words),
      gutter,
      em,
    )
      ? { ...gutter, aligned: true }
      : gutter;
  };
  const gutters = findGutters(split, box, em).map(withAlignment);
  if (split.length >= MIN_WORD_GUTTER_ROWS) {
    // Header labels over sub-columns cross such gutters: allow a couple of crossings.
    const byWords = gutterSweep(
      wordSpans,
      box,
      MIN_GUTTER_EMS * em,
      Math.max(WORD_GUTTER_CROSSINGS, Math.floor(GUTTER_CROSSING_SHARE * split.length)),
    )
      .map(withAlignment)
      .map(withEdges)
      .filter((gutter) => gutter.right - gutter.left >= MIN_WORD_GUTTER_EMS * em || gutter.aligned)
      // "40 years", "41 years": a number and its unit line up as well as two columns do.
      .filter((gutter) => gutter.right - gutter.left >= SEGMENT_GAP_EMS * em || !unitGutter(split, gutter));
    for (const gutter of byWords)
      if (!gutters.some((other) => other.left < gutter.right && gutter.left < other.right))
        gutters.push(gutter);
    gutters.sort((a, b) => a.left - b.left);
  }
  const columns = dropStrayColumns(gutters, run, box);
  return trimTextColumns(columns.gutters, run, columns.box, em);
}

/**
 * A narrow gutter between numbers and the one word that follows each of them, the same in every row that
 * parts tight there: a unit ("years", "%", "kg") set after its value, not a column of its own.
 */
function unitGutter(rows: readonly TextRow[], gutter: Gutter): boolean {
  const units = new Set<string>();
  let sides = 0;
  let pairs = 0;
  for (const row of rows) {
    const before = row.words.filter((word) => word.box.right <= gutter.left + 1).at(-1);
    const after = row.words.find((word) => word.box.left >= gutter.right - 1);
    if (before === undefined || after === undefined) continue;
    sides++;
    // Rows parting widely here (a header over both) say nothing of a unit.
    if (after.box.left - before.box.right >= SEGMENT_GAP_EMS * row.fontSize) continue;
    if (!isNumeric(before.text) || !UNIT.test(after.text)) return false;
    units.add(after.text);
    pairs++;
  }
  return pairs >= MIN_UNIT_ROWS && pairs * 2 >= sides && units.size === 1;
}

/**
 * Cuts off an edge column of running text: lines of a text column beside the table share its rows
 * (mostly word-rich segments, set apart by a wide gutter). A table's own description column stays.
 */
function trimTextColumns(
  gutters: Gutter[],
  run: readonly TextRow[],
  box: Box,
  em: number,
): { gutters: Gutter[]; box: Box } {
  let current = gutters;
  let bounds = box;
  const wordy = (from: number, to: number) => {
    const segments = run.flatMap((row) =>
      row.segments.filter((segment) => segment.box.left >= from && segment.box.right <= to),
    );
    return (
      segments.length > 0 &&
      segments.filter((segment) => segment.words.length >= PROSE_LINE_WORDS).length >=
        TEXT_COLUMN_SHARE * segments.length
    );
  };
  // Any wide gutter may separate the text column (whose own ragged lines can fake narrow gutters).
  for (let index = current.length - 1; index >= 0; index--) {
    const gutter = current[index]!;
    if (gutter.right - gutter.left >= TEXT_COLUMN_GUTTER_EMS * em && wordy(bounds.left, gutter.left)) {
      bounds = { ...bounds, left: gutter.right };
      current = current.slice(index + 1);
      break;
    }
  }
  for (let index = 0; index < current.length; index++) {
    const gutter = current[index]!;
    if (gutter.right - gutter.left >= TEXT_COLUMN_GUTTER_EMS * em && wordy(gutter.right, bounds.right)) {
      bounds = { ...bounds, right: gutter.left };
      current = current.slice(0, index);
      break;
    }
  }
  return { gutters: current, box: bounds };
}

/**
 * Gutters between the segments of split rows, at least a few points wide. Segments are split at wide
 * gaps already, so a gutter is a gap that lines up from row to row.
 */
export function findGutters(split: readonly TextRow[], box: Box, em: number): Gutter[] {
  return gutterSweep(
    split.map((row) => rowSpans(row.segments.map((segment) => segment.box))),
    box,
    MIN_GUTTER_EMS * em,
    Math.floor(GUTTER_CROSSING_SHARE * split.length),
  );
}

/**
 * X ranges inside `box` covered by at most `allowed` rows, at least `minWidth` wide. Each row's spans
 * are disjoint (`rowSpans`), so coverage counts rows.
 */
function gutterSweep(
  rows: readonly (readonly Span[])[],
  box: Box,
  minWidth: number,
  allowed: number,
): Gutter[] {
  const events: [number, number][] = [];
  for (const spans of rows) for (const { left, right } of spans) events.push([left, 1], [right, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const gutters: Gutter[] = [];
  let coverage = 0;
  let openAt: number | undefined;
  for (const [x, delta] of events) {
    const before = coverage;
    coverage += delta;
    if (before > allowed && coverage <= allowed) openAt = x;
    else if (before <= allowed && coverage > allowed && openAt !== undefined) {
      if (x - openAt >= minWidth && openAt > box.left && x < box.right)
        gutters.push({ left: openAt, right: x });
      openAt = undefined;
    }
  }
  return gutters;
}

/**
 * Removes gutters that cut off a column with text in too few rows (one stray wide gap): inside the
 * table the column merges with its neighbour across the narrower gutter; at an edge it is cut off (a
 * heading of the next text column that happens to share a row).
 */
function dropStrayColumns(
  gutters: Gutter[],
  run: readonly TextRow[],
  box: Box,
): { gutters: Gutter[]; box: Box } {
  let current = gutters;
  let bounds = box;
  for (;;) {
    const xs = boundaries(current, bounds);
    const filled = new Array<number>(xs.length - 1).fill(0);
    for (const row of run) {
      const columns = new Set<number>();
      for (const word of row.words) {
        const x = (word.box.left + word.box.right) / 2;
        if (x >= bounds.left && x <= bounds.right) columns.add(columnOf(xs, x));
      }
      for (const column of columns) filled[column]!++;
    }
    const weakest = filled.indexOf(Math.min(...filled));
    if (current.length === 0 || filled[weakest]! >= MIN_COLUMN_ROWS) return { gutters: current, box: bounds };
    if (weakest === 0) {
      bounds = { ...bounds, left: current[0]!.right };
      current = current.slice(1);
      continue;
    }
    if (weakest === filled.length - 1) {
      bounds = { ...bounds, right: current[current.length - 1]!.left };
      current = current.slice(0, -1);
      continue;
    }
    const width = (index: number) => current[index]!.right - current[index]!.left;
    const drop = width(weakest - 1) <= width(weakest) ? weakest - 1 : weakest;
    current = current.filter((_, index) => index !== drop);
  }
}

/** Column boundaries: the box edges and the gutter middles. */
export function boundaries(gutters: readonly Gutter[], box: Box): number[] {
  return [box.left, ...gutters.map((gutter) => (gutter.left + gutter.right) / 2), box.right];
}

function columnOf(xs: readonly number[], x: number): number {
  let column = 0;
  while (column < xs.length - 2 && x >= xs[column + 1]!) column++;
  return column;
}

/** Most segments are whole sentences: side-by-side text columns, not a table. */
export function isProse(run: readonly TextRow[]): boolean {
  let segments = 0;
  let long = 0;
  for (const row of run) {
    for (const segment of row.segments) {
      segments++;
      if (segment.words.length >= PROSE_SEGMENT_WORDS) long++;
    }
  }
  return long > MAX_PROSE_SHARE * segments;
}

/**
 * A bullet glyph: a symbol bullet or dash, or what a symbol font decodes one as (a control or private-use
 * character). Not check marks: a column of ✓ and ✗ is data.
 */
const BULLET = /^(?:[•◦▪▫■□●○·‣⁃∙–—*-]|[\p{Cc}\p{Co}])$/u;

/**
 * `gutters` without those that only set a column of bullets apart from the text they mark: every segment
 * between the gutter and the one before it is a single bullet glyph, in two rows or more. The bullets belong
 * to the cells on their right (a bulleted cell), not to a column of their own. `kept` gutters (rulings)
 * stay whatever they divide.
 */
export function withoutBulletGutters(
  run: readonly TextRow[],
  gutters: readonly Gutter[],
  box: Box,
  kept: ReadonlySet<Gutter>,
): Gutter[] {
  const xs = boundaries(gutters, box);
  return gutters.filter((gutter, index) => {
    if (kept.has(gutter)) return true;
    const before = run.flatMap((row) =>
      row.segments.filter((segment) => {
        const centre = (segment.box.left + segment.box.right) / 2;
        return centre >= xs[index]! && centre < xs[index + 1]!;
      }),
    );
    return !(before.length >= 2 && before.every((segment) => BULLET.test(segment.text.trim())));
  });
}

/** Two columns whose first holds only bullets or list numbers: a list. */
export function isList(run: readonly TextRow[], xs: readonly number[]): boolean {
  if (xs.length !== 3) return false;
  // Bullets are any one or two symbols (fonts put them in private-use code points), or enumerators.
  const marker = /^(?:[^\p{L}\p{N}]{1,2}|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$/u;
  const firsts = run.flatMap((row) => row.segments.filter((segment) => segment.box.right < xs[1]!));
  return firsts.length > 0 && firsts.every((segment) => marker.test(segment.text.trim()));
}
