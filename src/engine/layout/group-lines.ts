/**
 * Groups words into lines: words of one baseline direction whose extents across that direction overlap
 * enough (so superscripts stay on their line) and that follow each other closely along it (so two
 * columns at the same height stay apart). All distances are in points, relative to the font size.
 */

import { lineReadingText } from "../document/bidi.ts";
import { type Box, boxHeight, boxWidth, overlapLength, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import type { Word } from "../document/word.ts";

/** Share of the shorter word's height two words must overlap across the baseline to share a line. */
const MIN_ACROSS_OVERLAP = 0.5;
/** A gap along the baseline wider than this many ems ends the line (column gutters, table cells). */
const MAX_GAP_EMS = 1.5;
/** A gap this wide (ems) inside a line is a column gutter when nearby lines share it (splitAtGutters). */
const GUTTER_GAP_EMS = 0.8;
/** A first word this short may be a list marker ("–", "1.", "(iv)"): no gutter right after it. */
const MAX_MARKER_LENGTH = 4;
/** Nearby lines with a gap at the same place needed to call a gap a gutter. */
const MIN_GUTTER_SUPPORT = 3;
/** How far across the baseline (ems) those lines may be. */
const GUTTER_REACH_EMS = 8;
/** Gaps narrower than this many ems join runs without a space (words split by kerning). */
const SPACE_GAP_EMS = 0.15;
/** Duplicates drawn on top of each other (fake bold, shadows) closer than this in points are dropped. */
const DUPLICATE_TOLERANCE = 0.5;
/** A duplicate offset by more than this (points) is an overprint that fakes bold, not a plain repeat. */
const FAKE_BOLD_MIN_OFFSET = 0.05;

/** Points per across-the-baseline cell of the index that finds a word's candidate lines. */
const ACROSS_CELL = 4;

/** A word seen in a line's own frame: `along` the baseline and `across` it (both growing like the page). */
interface Placed {
  readonly word: Word;
  readonly alongStart: number;
  readonly alongEnd: number;
  readonly acrossStart: number;
  readonly acrossEnd: number;
}

interface OpenLine {
  readonly placed: Placed[];
  /** Across-extent of the line's largest word: later words are compared with it, not with the union. */
  anchor: Placed;
  alongEnd: number;
  /** Creation order, for ties. */
  readonly order: number;
  /** Set once a word passed too far beyond its end: it takes no more words. */
  finished: boolean;
  /** The last word that looked at this line (so a line filed under several cells is looked at once). */
  seen: number;
}

/** Lines in page order (top to bottom, then left to right by their boxes). */
export function groupLines(words: readonly Word[]): Line[] {
  const byAngle = new Map<number, Word[]>();
  for (const word of dropDuplicates(words)) {
    const angle = normalizeAngle(Math.round(word.angle));
    const bucket = byAngle.get(angle);
    if (bucket === undefined) byAngle.set(angle, [word]);
    else bucket.push(word);
  }
  const lines: Line[] = [];
  for (const [angle, bucket] of byAngle) lines.push(...linesAtAngle(bucket, angle));
  return lines.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
}

function linesAtAngle(words: readonly Word[], angle: number): Line[] {
  const radians = (angle * Math.PI) / 180;
  const placed = words
    .map((word) => place(word, Math.cos(radians), Math.sin(radians)))
    .sort((a, b) => a.alongStart - b.alongStart);
  // Lines indexed by the bands of ACROSS_CELL points their anchor covers across the baseline: a word is
  // compared only with lines at its height, not with every line of the page (linear on dense pages).
  const cells = new Map<number, OpenLine[]>();
  const lines: OpenLine[] = [];
  let stamp = 0;
  for (const item of placed) {
    const em = item.word.fontSize;
    let best: OpenLine | undefined;
    let bestOverlap = 0;
    stamp++;
    for (let cell = cellOf(item.acrossStart); cell <= cellOf(item.acrossEnd); cell++) {
      for (const line of cells.get(cell) ?? []) {
        if (line.finished || line.seen === stamp) continue;
        line.seen = stamp;
        // Words arrive in along order, so a line left too far behind can never grow again.
        if (item.alongStart - line.alongEnd > MAX_GAP_EMS * Math.max(em, line.anchor.word.fontSize)) {
          line.finished = true;
          continue;
        }
        // Lines the source segmented itself (OCR) are kept apart, however they overlap.
        if (!sameSourceLine(line.anchor.word, item.word)) continue;
        const overlap = acrossOverlapShare(line.anchor, item);
        // Ties go to the line started last, as a scan from the newest line would have it.
        if (
          overlap >= MIN_ACROSS_OVERLAP &&
          (overlap > bestOverlap ||
            (overlap === bestOverlap && best !== undefined && line.order > best.order))
        ) {
          best = line;
          bestOverlap = overlap;
        }
      }
    }
    if (best === undefined) {
      const line: OpenLine = {
        placed: [item],
        anchor: item,
        alongEnd: item.alongEnd,
        order: lines.length,
        finished: false,
        seen: stamp,
      };
      lines.push(line);
      index(cells, line);
    } else {
      best.placed.push(item);
      best.alongEnd = Math.max(best.alongEnd, item.alongEnd);
      if (item.word.fontSize > best.anchor.word.fontSize) {
        best.anchor = item;
        index(cells, best);
      }
    }
  }
  return splitAtGutters(lines).map((line) => toLine(line, angle));
}

function cellOf(across: number): number {
  return Math.floor(across / ACROSS_CELL);
}

/** Files `line` under every cell its anchor covers (a line whose anchor grew is filed again). */
function index(cells: Map<number, OpenLine[]>, line: OpenLine): void {
  for (let cell = cellOf(line.anchor.acrossStart); cell <= cellOf(line.anchor.acrossEnd); cell++) {
    const filed = cells.get(cell);
    if (filed === undefined) cells.set(cell, [line]);
    else if (filed[filed.length - 1] !== line) filed.push(line);
  }
}

interface Gap {
  readonly line: OpenLine;
  /** Index of the first item after the gap. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Across-position of the line (its anchor's middle), to find neighbouring lines. */
  readonly across: number;
  readonly em: number;
}

/**
 * Splits lines at column gutters too narrow for MAX_GAP_EMS: a gap of GUTTER_GAP_EMS or more in a line
 * is a gutter when at least MIN_GUTTER_SUPPORT nearby lines have a gap at the same place along the line
 * (a vertical river of white). A single wide space in justified text has no such support.
 */
function splitAtGutters(lines: readonly OpenLine[]): OpenLine[] {
  const gaps: Gap[] = [];
  for (const line of lines) {
    const em = line.anchor.word.fontSize;
    const across = (line.anchor.acrossStart + line.anchor.acrossEnd) / 2;
    // The gap after a short first word is a list marker's (bullets line up like a gutter), not a column's.
    const first = line.placed[0]!.word.text.length <= MAX_MARKER_LENGTH ? 2 : 1;
    for (let index = first; index < line.placed.length; index++) {
      const start = line.placed[index - 1]!.alongEnd;
      const end = line.placed[index]!.alongStart;
      if (end - start >= GUTTER_GAP_EMS * em) gaps.push({ line, index, start, end, across, em });
    }
  }
  if (gaps.length <= MIN_GUTTER_SUPPORT) return [...lines];
  gaps.sort((a, b) => a.across - b.across);
  const cuts = new Map<OpenLine, number[]>();
  let low = 0;
  for (const gap of gaps) {
    const reach = GUTTER_REACH_EMS * gap.em;
    while (gaps[low]!.across < gap.across - reach) low++;
    const supporting = new Set<OpenLine>();
    for (let other = low; other < gaps.length && gaps[other]!.across <= gap.across + reach; other++) {
      const candidate = gaps[other]!;
      if (candidate.line === gap.line) continue;
      const shared = Math.min(gap.end, candidate.end) - Math.max(gap.start, candidate.start);
      if (shared >= 0.5 * Math.min(gap.end - gap.start, candidate.end - candidate.start))
        supporting.add(candidate.line);
    }
    if (supporting.size < MIN_GUTTER_SUPPORT) continue;
    const found = cuts.get(gap.line);
    if (found === undefined) cuts.set(gap.line, [gap.index]);
    else found.push(gap.index);
  }
  if (cuts.size === 0) return [...lines];
  return lines.flatMap((line) => {
    const at = cuts.get(line);
    if (at === undefined) return [line];
    at.sort((a, b) => a - b);
    const pieces: OpenLine[] = [];
    let from = 0;
    for (const index of [...at, line.placed.length]) {
      const placed = line.placed.slice(from, index);
      const anchor = placed.reduce((best, item) => (item.word.fontSize > best.word.fontSize ? item : best));
      pieces.push({ ...line, placed, anchor, alongEnd: Math.max(...placed.map((item) => item.alongEnd)) });
      from = index;
    }
    return pieces;
  });
}

function toLine(line: OpenLine, angle: number): Line {
  const words = line.placed.map((item) => item.word);
  const fontSize = dominantFontSize(words);
  const rightToLeft = isRightToLeft(words);
  const text = lineReadingText(
    line.placed.map((item) => ({
      text: item.word.text,
      start: item.alongStart,
      end: item.alongEnd,
      fontSize: item.word.fontSize,
      spaceAfter: item.word.spaceAfter,
    })),
    rightToLeft,
    // An OCR engine segmented these words itself (`sourceLine`): each is a word, however close the next
    // one's ink comes (`of the` read at 300 DPI has ink gaps of 0.1 em). PDF runs may be pieces of a word.
    words.every((word) => word.sourceLine !== undefined) ? Number.NEGATIVE_INFINITY : SPACE_GAP_EMS,
  );
  const anchor = line.anchor;
  return {
    words,
    text,
    box: unionBoxes(words.map((word) => word.box)) as Box,
    angle,
    baseline: acrossOf(anchor.word.baseline.x, anchor.word.baseline.y, angle),
    direction: rightToLeft ? "rtl" : "ltr",
    fontSize,
  };
}

function place(word: Word, cos: number, sin: number): Placed {
  // Project the box corners: along = (x, y)·(cos, sin), across = (x, y)·(-sin, cos).
  const { left, top, right, bottom } = word.box;
  const xs = [left, right, right, left];
  const ys = [top, top, bottom, bottom];
  const along = xs.map((x, index) => x * cos + ys[index]! * sin);
  const across = xs.map((x, index) => -x * sin + ys[index]! * cos);
  return {
    word,
    alongStart: Math.min(...along),
    alongEnd: Math.max(...along),
    acrossStart: Math.min(...across),
    acrossEnd: Math.max(...across),
  };
}

function acrossOf(x: number, y: number, angle: number): number {
  const radians = (angle * Math.PI) / 180;
  return -x * Math.sin(radians) + y * Math.cos(radians);
}

function sameSourceLine(a: Word, b: Word): boolean {
  return a.sourceLine === undefined || b.sourceLine === undefined || a.sourceLine === b.sourceLine;
}

function acrossOverlapShare(a: Placed, b: Placed): number {
  const shorter = Math.min(a.acrossEnd - a.acrossStart, b.acrossEnd - b.acrossStart);
  if (!(shorter > 0)) return 0;
  return overlapLength(a.acrossStart, a.acrossEnd, b.acrossStart, b.acrossEnd) / shorter;
}

/** The font size that most characters use; ties go to the larger size. */
function dominantFontSize(words: readonly Word[]): number {
  const characters = new Map<number, number>();
  for (const word of words) {
    const size = Math.round(word.fontSize * 10) / 10;
    characters.set(size, (characters.get(size) ?? 0) + word.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount || (count === bestCount && size > best)) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

function isRightToLeft(words: readonly Word[]): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const word of words) {
    if (word.direction === "rtl") rtl += word.text.length;
    else ltr += word.text.length;
  }
  return rtl > ltr;
}

/**
 * Drops a word when the same text was already drawn at (almost) the same place. Drawn again with a
 * small offset is how some producers fake bold, so the word kept is then marked bold (a heuristic).
 */
function dropDuplicates(words: readonly Word[]): Word[] {
  // Words by the 1-point cell of their top-left corner: a duplicate lies in the same or a neighbouring
  // cell, so each word is compared with a handful of others, not with every word of the page.
  const seen = new Map<number, number[]>();
  const kept: Word[] = [];
  for (const word of words) {
    const column = Math.round(word.box.left);
    const row = Math.round(word.box.top);
    let duplicate: number | undefined;
    for (let dx = -1; dx <= 1 && duplicate === undefined; dx++)
      for (let dy = -1; dy <= 1 && duplicate === undefined; dy++)
        duplicate = seen
          .get(cellKey(column + dx, row + dy))
          ?.find((index) => kept[index]!.text === word.text && sameSpot(kept[index]!.box, word.box));
    if (duplicate !== undefined) {
      const original = kept[duplicate]!;
      const offset = Math.abs(original.box.left - word.box.left) + Math.abs(original.box.top - word.box.top);
      if (offset > FAKE_BOLD_MIN_OFFSET && original.bold !== true)
        kept[duplicate] = { ...original, bold: true };
      continue;
    }
    const key = cellKey(column, row);
    const indices = seen.get(key);
    if (indices === undefined) seen.set(key, [kept.length]);
    else indices.push(kept.length);
    kept.push(word);
  }
  return kept;
}

/** One number per 1-point cell (pages span far less than a million points either way). */
function cellKey(column: number, row: number): number {
  return (row + 1_000_000) * 4_000_000 + (column + 1_000_000);
}

function sameSpot(box: Box, other: Box): boolean {
  return (
    Math.abs(box.left - other.left) < DUPLICATE_TOLERANCE &&
    Math.abs(box.top - other.top) < DUPLICATE_TOLERANCE &&
    Math.abs(boxWidth(box) - boxWidth(other)) < DUPLICATE_TOLERANCE &&
    Math.abs(boxHeight(box) - boxHeight(other)) < DUPLICATE_TOLERANCE
  );
}

function normalizeAngle(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped + 0;
}
