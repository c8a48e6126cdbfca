/**
 * Groups lines into paragraphs (text blocks): a horizontal line continues the paragraph directly above it
 * when it is set in about the same size, follows at the paragraph's line pitch and shares its start edge
 * (left, or right for right-to-left text) or its centre. A line that opens with a list marker starts a
 * list item, whose continuation lines hang at the item's text. Rotated lines become blocks of their own.
 * Distances are in points, relative to the font size, so the rules hold at any scale.
 */
import type { Block } from "../document/block.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";
import { type LineMarker, listMarker } from "./list-marker.ts";

/** Lines whose font sizes differ by more than this ratio are not one paragraph (heading vs body). */
const MAX_FONT_SIZE_RATIO = 1.2;
/** Within a paragraph the line pitch varies little; a larger step means a paragraph break. */
const MAX_PITCH_GROWTH = 1.15;
/** Pitch, in ems, accepted for a paragraph's second line when the page shows no typical pitch. */
const DEFAULT_MAX_PITCH_EMS = 1.5;
/** Start edges closer than this many ems count as aligned. */
const ALIGN_TOLERANCE_EMS = 0.5;
/** A first line indented by up to this many ems still starts the paragraph below it. */
const MAX_FIRST_LINE_INDENT_EMS = 4;
/** A single line this much shorter than the next, aligned with it, does not start its paragraph. */
const LONE_LINE_SHORTFALL_SHARE = 0.4;
/** A line this much shorter than its paragraph, ending a sentence, closes the paragraph. */
const SHORT_LINE_SHARE = 0.15;

/** A reference mark at a word's end, after a letter, digit or closing punctuation ("5.3**", "test†"). */
const REFERENCE_MARK = /[\p{L}\p{N}.,)'’](\*{1,3}|[†‡]{1,2})$/u;

/** A table of contents entry: a dot leader and a page number (arabic or roman) end the line. */
const CONTENTS_ENTRY = /(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,7})$/iu;

/**
 * A line's horizontal extent in its reading frame: x is mirrored for right-to-left lines, so `start` is
 * where reading begins and `end` where it stops, and "indent" means the same thing in both directions.
 */
interface Framed {
  readonly line: Line;
  readonly start: number;
  readonly end: number;
  /** The list marker the line opens with, if any. */
  readonly marker: LineMarker | undefined;
  /** The line opens with a note mark the page uses as a reference ("*", "†"): a note of its own. */
  readonly note: boolean;
}

interface Paragraph {
  readonly direction: Line["direction"];
  readonly lines: Framed[];
  start: number;
  end: number;
  /** Baseline-to-baseline distance of the first two lines, once known. */
  pitch: number | undefined;
  /** Set when the paragraph is a list item: the marker of its first line. */
  readonly item: LineMarker | undefined;
}

/** Text blocks in reading order: by the top of their first line, then left to right. */
export function groupParagraphs(lines: readonly Line[]): Block[] {
  const horizontal = lines.filter((line) => line.angle === 0);
  const typicalPitchEms = typicalPitch(horizontal);
  const marks = referenceMarks(horizontal);
  const paragraphs: Paragraph[] = [];
  // Paragraphs whose last line is too far above to be continued leave the candidates, so each line is
  // compared with nearby paragraphs only (not quadratic on long pages).
  let open: Paragraph[] = [];
  const reach = 3 * horizontal.reduce((largest, line) => Math.max(largest, line.fontSize), 0);
  const sorted = [...horizontal].sort((a, b) => a.baseline - b.baseline || a.box.left - b.box.left);
  for (const line of sorted) {
    const framed = frame(line, marks);
    if (open.length > 32) open = open.filter((candidate) => line.baseline - lastBaseline(candidate) <= reach);
    const paragraph = bestParagraph(open, framed, typicalPitchEms);
    if (paragraph === undefined) {
      const created: Paragraph = {
        direction: line.direction,
        lines: [framed],
        start: framed.start,
        end: framed.end,
        pitch: undefined,
        item: framed.marker,
      };
      paragraphs.push(created);
      open.push(created);
      continue;
    }
    paragraph.pitch ??= line.baseline - paragraph.lines[paragraph.lines.length - 1]!.line.baseline;
    paragraph.lines.push(framed);
    paragraph.start = Math.min(paragraph.start, framed.start);
    paragraph.end = Math.max(paragraph.end, framed.end);
  }
  const blocks = paragraphs.map((paragraph) =>
    toBlock(
      paragraph.lines.map((framed) => framed.line),
      paragraph.item,
    ),
  );
  for (const line of lines) if (line.angle !== 0) blocks.push(toBlock([line], undefined));
  return blocks.sort((a, b) => a.box!.top - b.box!.top || a.box!.left - b.box!.left);
}

function frame(line: Line, marks: ReadonlySet<string>): Framed {
  const first = line.words[0]?.text ?? "";
  // "* Significantly different …" under a table whose cells say "5.3*" is a note, not a bullet.
  const note = line.words.length > 1 && marks.has(first);
  const marker = note ? undefined : listMarker(line);
  return line.direction === "rtl"
    ? { line, start: -line.box.right, end: -line.box.left, marker, note }
    : { line, start: line.box.left, end: line.box.right, marker, note };
}

/** Reference marks (asterisks, daggers) the page's words end with: "5.3**", "Dunnett's*", "total†". */
function referenceMarks(lines: readonly Line[]): Set<string> {
  const marks = new Set<string>();
  for (const line of lines)
    for (const word of line.words) {
      const mark = REFERENCE_MARK.exec(word.text)?.[1];
      if (mark !== undefined) marks.add(mark);
    }
  return marks;
}

function lastBaseline(paragraph: Paragraph): number {
  return paragraph.lines[paragraph.lines.length - 1]!.line.baseline;
}

function bestParagraph(
  paragraphs: readonly Paragraph[],
  line: Framed,
  typicalPitchEms: number | undefined,
): Paragraph | undefined {
  let best: Paragraph | undefined;
  let bestPitch = Number.POSITIVE_INFINITY;
  for (const paragraph of paragraphs) {
    const pitch = line.line.baseline - paragraph.lines[paragraph.lines.length - 1]!.line.baseline;
    if (pitch < bestPitch && continues(paragraph, line, pitch, typicalPitchEms)) {
      best = paragraph;
      bestPitch = pitch;
    }
  }
  return best;
}

function continues(
  paragraph: Paragraph,
  framed: Framed,
  pitch: number,
  typicalPitchEms: number | undefined,
): boolean {
  const { line } = framed;
  // A list marker always opens a block of its own, as does a note mark.
  if (framed.marker !== undefined || framed.note) return false;
  const last = paragraph.lines[paragraph.lines.length - 1]!;
  const em = Math.max(line.fontSize, last.line.fontSize);
  const smaller = Math.min(line.fontSize, last.line.fontSize);
  if (pitch <= 0.5 * smaller || pitch > 3 * em) return false;
  if (em > MAX_FONT_SIZE_RATIO * smaller || line.direction !== paragraph.direction) return false;
  const maxPitch =
    paragraph.pitch !== undefined
      ? paragraph.pitch * MAX_PITCH_GROWTH
      : em * Math.max(1, Math.min(2.5, (typicalPitchEms ?? DEFAULT_MAX_PITCH_EMS) * MAX_PITCH_GROWTH));
  if (pitch > maxPitch) return false;
  // A short last line ending a sentence closes its paragraph; so does a table of contents entry.
  if (endsParagraph(paragraph) || CONTENTS_ENTRY.test(last.line.text)) return false;
  const tolerance = ALIGN_TOLERANCE_EMS * em;
  // A list item continues with lines hanging at its text, past the marker, or wrapped back under (or
  // a little left of) the marker when they carry on a sentence: a lowercase start, where a paragraph
  // after the list would start uppercase.
  if (paragraph.item !== undefined) {
    const { markerStart, textStart } = paragraph.item;
    if (Math.abs(framed.start - textStart) <= tolerance) return true;
    const wrapped =
      framed.start <= markerStart + tolerance && framed.start >= markerStart - MAX_FIRST_LINE_INDENT_EMS * em;
    return wrapped && /^\p{Ll}/u.test(line.text);
  }
  const first = paragraph.lines[0]!;
  if (Math.abs(framed.start - paragraph.start) <= tolerance) {
    // A lone short line over a long one is a heading or a label, not a paragraph's first line.
    if (paragraph.lines.length === 1)
      return framed.end - first.end <= LONE_LINE_SHORTFALL_SHARE * (framed.end - framed.start);
    return true;
  }
  // An indented first line followed by a flush one.
  if (paragraph.lines.length === 1) {
    const indent = first.start - framed.start;
    if (indent > 0 && indent <= MAX_FIRST_LINE_INDENT_EMS * em && framed.end > first.start) return true;
  }
  // Centred lines (titles, addresses): both centres agree.
  const lastCentre = (last.start + last.end) / 2;
  const centre = (framed.start + framed.end) / 2;
  return Math.abs(lastCentre - centre) <= tolerance;
}

function endsParagraph(paragraph: Paragraph): boolean {
  if (paragraph.lines.length < 2) return false;
  const last = paragraph.lines[paragraph.lines.length - 1]!;
  const width = paragraph.end - paragraph.start;
  const shortfall = paragraph.end - last.end;
  if (shortfall > width / 2) return true;
  return (
    shortfall > Math.max(SHORT_LINE_SHARE * width, 2 * last.line.fontSize) &&
    /[.!?:;]["')\]]?$/u.test(last.line.text)
  );
}

/**
 * The page's usual baseline pitch in ems: the median, over lines, of the distance to the nearest line
 * below that overlaps it horizontally. Undefined when no two lines stack.
 */
function typicalPitch(lines: readonly Line[]): number | undefined {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline);
  const pitches: number[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const line = sorted[index]!;
    for (let next = index + 1; next < sorted.length; next++) {
      const below = sorted[next]!;
      const pitch = below.baseline - line.baseline;
      if (pitch > 3 * line.fontSize) break;
      if (pitch <= 0.5 * line.fontSize) continue;
      if (below.box.left < line.box.right && line.box.left < below.box.right) {
        pitches.push(pitch / line.fontSize);
        break;
      }
    }
  }
  if (pitches.length === 0) return undefined;
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)];
}

function toBlock(lines: readonly Line[], item: LineMarker | undefined): Block {
  let text = "";
  for (const line of lines) {
    // A hyphen at a line end joins the next line without a space; the hyphen is kept because a
    // compound word ("self-contained") cannot be told from a hyphenated one here. So does a dash set
    // closed up to the word before it ("platforms—" over "reflects"): the line broke after the dash, and
    // no space was printed on either side of it; a spaced dash ("word —") keeps its space.
    if (text === "") text = line.text;
    else text += (/(?:[-\u2010]|[\p{L}\p{N}][\u2013\u2014])$/u.test(text) ? "" : " ") + line.text;
  }
  const box = unionBoxes(lines.map((line) => line.box)) as Box;
  if (item === undefined) return { type: "text", text, box, lines };
  // Nesting levels need the page's other items in reading order; reading-order/ sets them.
  return {
    type: "text",
    text,
    box,
    lines,
    listItem: { marker: item.marker, ordered: item.ordered, level: 0 },
  };
}
