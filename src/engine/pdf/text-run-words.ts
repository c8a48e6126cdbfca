/**
 * Turns one pdf.js text run (a TextItem from getTextContent) into words with boxes in page points,
 * top-left origin. pdf.js gives positions in PDF user space (origin bottom-left, before /Rotate and the
 * crop/view box offset); the page viewport's transform at scale 1 carries them into displayed page space.
 * pdf.js gives no per-glyph positions, so words inside a run are placed by character count here;
 * glyph-positions.ts then moves their edges to where the operator list draws their glyphs.
 */
import { type Box, boxAroundPoints, clipBox, type Point } from "../document/box.ts";
import type { Word } from "../document/word.ts";
import { type Matrix, multiply } from "./matrix.ts";

/** The fields of pdf.js's TextItem this module reads. */
export interface PdfTextRun {
  readonly str: string;
  /** "ltr", "rtl" or "ttb". */
  readonly dir: string;
  /** Advance along the baseline in user-space units (before the viewport's scale). */
  readonly width: number;
  /** Advance for vertical fonts, in user-space units; the em size for horizontal ones. */
  readonly height: number;
  /** Text space → user space, already including the font size. */
  readonly transform: Matrix;
  /** pdf.js's document-scoped font id (e.g. "g_d0_f1"). */
  readonly fontName: string;
}

/** The fields of pdf.js's TextStyle this module reads (ascent/descent are fractions of the em). */
export interface PdfFontStyle {
  readonly fontFamily: string;
  readonly ascent: number;
  readonly descent: number;
  readonly vertical: boolean;
}

/** The displayed page: viewport transform at scale 1 and the page size in points. */
export interface PageFrame {
  readonly transform: Matrix;
  readonly width: number;
  readonly height: number;
}

// Fallbacks when pdf.js reports no usable metrics (common for Type3 and broken fonts): typical Latin values.
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;

export function textRunWords(run: PdfTextRun, style: PdfFontStyle | undefined, frame: PageFrame): Word[] {
  if (run.str.trim() === "") return [];
  const matrix = multiply(frame.transform, run.transform);
  const origin: Point = { x: matrix[4], y: matrix[5] };
  const fontSize = Math.hypot(matrix[2], matrix[3]);
  if (!(fontSize > 0)) return [];
  const up = { x: matrix[2] / fontSize, y: matrix[3] / fontSize };
  const xLength = Math.hypot(matrix[0], matrix[1]);
  // Along the baseline; for a degenerate x axis take the perpendicular of "up" (y points down on the page).
  const along = xLength > 0 ? { x: matrix[0] / xLength, y: matrix[1] / xLength } : { x: -up.y, y: up.x };
  // User-space lengths scale by the viewport's own scale (1 × /UserUnit), rotation does not change them.
  const viewportScale = Math.hypot(frame.transform[0], frame.transform[1]);
  const pageBounds: Box = { left: 0, top: 0, right: frame.width, bottom: frame.height };
  const common = {
    fontSize,
    fontId: run.fontName,
    fontFamily: style?.fontFamily ?? "sans-serif",
    direction: run.dir === "rtl" ? ("rtl" as const) : ("ltr" as const),
  };

  if (style?.vertical === true) {
    // Vertical writing: glyphs advance downwards from the origin, centred on it across; one word per run.
    const down = { x: -up.x, y: -up.y };
    const length = run.height * viewportScale;
    const half = fontSize / 2;
    const corners = [
      offset(origin, along, -half, down, 0),
      offset(origin, along, half, down, 0),
      offset(origin, along, half, down, length),
      offset(origin, along, -half, down, length),
    ];
    const box = clipToPage(corners, pageBounds);
    if (box === undefined) return [];
    return [{ text: run.str.trim(), box, baseline: origin, angle: angleOf(down), ...common }];
  }

  const { ascent, descent } = verticalMetrics(style);
  const length = run.width * viewportScale;
  const characters = Array.from(run.str);
  const count = characters.length;
  const words: Word[] = [];
  for (const [start, end] of nonSpaceRanges(characters)) {
    // Right-to-left runs hold their characters in logical order, drawn from the right end.
    const [from, to] = common.direction === "rtl" ? [count - end, count - start] : [start, end];
    const startAlong = (from / count) * length;
    const endAlong = (to / count) * length;
    const corners = [
      offset(origin, along, startAlong, up, descent * fontSize),
      offset(origin, along, endAlong, up, descent * fontSize),
      offset(origin, along, endAlong, up, ascent * fontSize),
      offset(origin, along, startAlong, up, ascent * fontSize),
    ];
    const box = clipToPage(corners, pageBounds);
    const text = arabicText(characters.slice(start, end).join(""));
    if (box === undefined || text === "") continue;
    words.push({
      text,
      box,
      baseline: offset(origin, along, startAlong, up, 0),
      angle: angleOf(along),
      ...common,
    });
  }
  return words;
}

/**
 * Where a left-to-right run on an upright horizontal baseline lies along it, in page points: pdf.js's
 * width is exact from its first glyph's origin to its last glyph's end. Clipped to the page, as the
 * words' boxes are. Other runs have none.
 */
export interface RunExtent {
  readonly left: number;
  readonly right: number;
  /** The baseline's y. */
  readonly y: number;
  readonly fontSize: number;
}

export function uprightRunExtent(
  run: PdfTextRun,
  style: PdfFontStyle | undefined,
  frame: PageFrame,
): RunExtent | undefined {
  if (run.dir === "rtl" || style?.vertical === true) return undefined;
  const [a, b, c, d, e, f] = multiply(frame.transform, run.transform);
  // Page y grows downwards: upright text has its x axis to the right and its em upwards (negative y).
  if (!(a > 0 && d < 0) || Math.abs(b) > 0.01 * a || Math.abs(c) > 0.01 * -d) return undefined;
  const length = run.width * Math.hypot(frame.transform[0], frame.transform[1]);
  const left = Math.max(0, e);
  const right = Math.min(frame.width, e + length);
  return right > left ? { left, right, y: f, fontSize: Math.hypot(c, d) } : undefined;
}

/**
 * Whether `run`, a run of spaces only, starts where `word` (horizontal, left to right) ends on its
 * baseline: the space glyph the document drew after it, however narrow (a word boundary).
 */
export function isSpaceAfter(run: PdfTextRun, word: Word, frame: PageFrame): boolean {
  if (run.str === "" || run.str.trim() !== "" || word.angle !== 0 || word.direction !== "ltr") return false;
  const matrix = multiply(frame.transform, run.transform);
  const reach = SPACE_AFTER_EMS * word.fontSize;
  return Math.abs(matrix[5] - word.baseline.y) <= reach && Math.abs(matrix[4] - word.box.right) <= reach;
}

/** A space run this close (ems) to a word's end and baseline follows it. */
const SPACE_AFTER_EMS = 0.25;

/** Arabic text as it reads: ligatures in order, without the tatweel that only stretches a word. */
function arabicText(text: string): string {
  return /[\u0600-\u06ff]/u.test(text) ? repairLamAlef(text.replaceAll(TATWEEL, "")) : text;
}

/** U+0640 ARABIC TATWEEL (kashida): typographic elongation for justification, not a letter. */
const TATWEEL = "\u0640";

/**
 * Undoes pdf.js reversing a lam-alef ligature. A font maps its one lam-alef glyph to two characters
 * (lam, alef) and pdf.js's bidi pass reverses the run character by character, so "الإنتاجية" arrives as
 * "اإلنتاجية". Two alef letters in a row never occur in Arabic spelling, so an alef followed by an
 * alef-with-hamza (or madda, or plain alef) and a lam is the article "ال" before a reversed ligature.
 */
export function repairLamAlef(text: string): string {
  return text.replace(/([\u0622\u0623\u0625\u0627])([\u0622\u0623\u0625\u0627])\u0644/gu, "$1\u0644$2");
}

function verticalMetrics(style: PdfFontStyle | undefined): { ascent: number; descent: number } {
  const ascent =
    style !== undefined && style.ascent > 0
      ? clamp(style.ascent, 0.5, 1.2)
      : style !== undefined && style.descent < 0
        ? clamp(1 + style.descent, 0.5, 1.2)
        : DEFAULT_ASCENT;
  const descent = style !== undefined && style.descent < 0 ? clamp(style.descent, -0.5, 0) : DEFAULT_DESCENT;
  return { ascent, descent };
}

/** [start, end) character index ranges of the runs of non-whitespace characters. */
function nonSpaceRanges(characters: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  characters.forEach((character, index) => {
    const space = /\s/u.test(character);
    if (!space && start < 0) start = index;
    if (space && start >= 0) {
      ranges.push([start, index]);
      start = -1;
    }
  });
  if (start >= 0) ranges.push([start, characters.length]);
  return ranges;
}

function offset(origin: Point, u: Point, s: number, v: Point, t: number): Point {
  return { x: origin.x + u.x * s + v.x * t, y: origin.y + u.y * s + v.y * t };
}

function clipToPage(corners: readonly Point[], pageBounds: Box): Box | undefined {
  const box = boxAroundPoints(corners);
  return box === undefined ? undefined : clipBox(box, pageBounds);
}

/** Degrees clockwise from the page's x axis (page y grows downwards), in (-180, 180], 0.01° steps. */
function angleOf(direction: Point): number {
  const degrees = Math.round(((Math.atan2(direction.y, direction.x) * 180) / Math.PI) * 100) / 100;
  return degrees === -180 ? 180 : degrees + 0; // + 0 turns -0 into 0
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
