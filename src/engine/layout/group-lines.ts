/**
 * Groups words into lines: words of one baseline direction whose extents across that direction overlap
 * enough (so superscripts stay on their line) and that follow each other closely along it (so two
 * columns at the same height stay apart). All distances are in points, relative to the font size.
 */
import { type Box, boxHeight, boxWidth, overlapLength, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import type { Word } from "../document/word.ts";

/** Share of the shorter word's height two words must overlap across the baseline to share a line. */
const MIN_ACROSS_OVERLAP = 0.5;
/** A gap along the baseline wider than this many ems ends the line (column gutters, table cells). */
const MAX_GAP_EMS = 1.5;
/** Gaps narrower than this many ems join runs without a space (words split by kerning). */
const SPACE_GAP_EMS = 0.15;
/** Duplicates drawn on top of each other (fake bold, shadows) closer than this in points are dropped. */
const DUPLICATE_TOLERANCE = 0.5;

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
  const open: OpenLine[] = [];
  const finished: OpenLine[] = [];
  for (const item of placed) {
    const em = item.word.fontSize;
    let best: OpenLine | undefined;
    let bestOverlap = 0;
    for (let index = open.length - 1; index >= 0; index--) {
      const line = open[index]!;
      // Words arrive in along order, so a line left too far behind can never grow again.
      if (item.alongStart - line.alongEnd > MAX_GAP_EMS * Math.max(em, line.anchor.word.fontSize)) {
        finished.push(line);
        open.splice(index, 1);
        continue;
      }
      const overlap = acrossOverlapShare(line.anchor, item);
      if (overlap >= MIN_ACROSS_OVERLAP && overlap > bestOverlap) {
        best = line;
        bestOverlap = overlap;
      }
    }
    if (best === undefined) {
      open.push({ placed: [item], anchor: item, alongEnd: item.alongEnd });
    } else {
      best.placed.push(item);
      best.alongEnd = Math.max(best.alongEnd, item.alongEnd);
      if (item.word.fontSize > best.anchor.word.fontSize) best.anchor = item;
    }
  }
  return [...finished, ...open].map((line) => toLine(line, angle));
}

function toLine(line: OpenLine, angle: number): Line {
  const words = line.placed.map((item) => item.word);
  const fontSize = dominantFontSize(words);
  const rightToLeft = isRightToLeft(words);
  const ordered = rightToLeft ? [...line.placed].reverse() : line.placed;
  let text = "";
  let previous: Placed | undefined;
  for (const item of ordered) {
    if (previous !== undefined) {
      const gap = rightToLeft ? previous.alongStart - item.alongEnd : item.alongStart - previous.alongEnd;
      if (gap > SPACE_GAP_EMS * Math.min(previous.word.fontSize, item.word.fontSize)) text += " ";
    }
    text += item.word.text;
    previous = item;
  }
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

/** Drops a word when the same text was already drawn at (almost) the same place. */
function dropDuplicates(words: readonly Word[]): Word[] {
  const seen = new Map<string, Box[]>();
  const kept: Word[] = [];
  for (const word of words) {
    const boxes = seen.get(word.text);
    const duplicate = boxes?.some(
      (box) =>
        Math.abs(box.left - word.box.left) < DUPLICATE_TOLERANCE &&
        Math.abs(box.top - word.box.top) < DUPLICATE_TOLERANCE &&
        Math.abs(boxWidth(box) - boxWidth(word.box)) < DUPLICATE_TOLERANCE &&
        Math.abs(boxHeight(box) - boxHeight(word.box)) < DUPLICATE_TOLERANCE,
    );
    if (duplicate === true) continue;
    if (boxes === undefined) seen.set(word.text, [word.box]);
    else boxes.push(word.box);
    kept.push(word);
  }
  return kept;
}

function normalizeAngle(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped + 0;
}
