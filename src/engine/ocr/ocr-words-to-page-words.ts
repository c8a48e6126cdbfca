/**
 * Turns an OCR result (pixels of the image read) into the engine's Word model (page points, top-left
 * origin), so OCR'd pages go through the same layout stages as a PDF text layer.
 *
 * Coordinate convention: words come out in the page's output frame, after rotation correction, in points:
 * point = pixel ÷ scale, where scale = render DPI ÷ 72. When the image read was the corrected raster
 * (ocrPage turns and deskews before reading), the output frame is that raster's frame; `rotationDegrees`
 * maps boxes to another quarter-turn frame when the caller needs one (e.g. back to the uncorrected page).
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { Box, Point } from "../document/box.ts";
import type { Word } from "../document/word.ts";
import type { OcrLine, OcrResult, OcrWord, PixelBox, QuarterTurn } from "./ocr-engine.ts";

/** A Word from OCR, with what OCR knows beyond the Word model. */
export interface OcrPageWord extends Word {
  /** The engine's confidence in the text, in (0, 1] (Extend's `returnOcr` and `*OcrConfidence`). */
  readonly confidence: number;
  /** Tight around the ink, in page points (`box` spans the whole line's height, like font boxes do). */
  readonly inkBox: Box;
}

export interface OcrWordMapping {
  /** Pixels per point of the image given to the engine (render DPI ÷ 72). */
  readonly scale: number;
  /**
   * Clockwise quarter turn from the image given to the engine to the output frame; default 0 (the image
   * read is already in the output orientation).
   */
  readonly rotationDegrees?: QuarterTurn;
}

// Tesseract's word boxes are tight around the ink, so a word without descenders ends on the baseline.
const DESCENDERS = /[gjpqyQ,;()[\]{}|/@$§µ]/u;
// Ascender-to-descender height of a text line is about one em in common text faces.
const LINE_HEIGHT_PER_EM = 1;
// Where the baseline sits in a line box when no word tells: descenders take about a fifth of it.
const DESCENT_SHARE = 0.2;

export function ocrWordsToPageWords(result: OcrResult, mapping: OcrWordMapping): OcrPageWord[] {
  const { scale } = mapping;
  if (!(scale > 0)) throw new RangeError(`Scale must be positive, got ${scale}`);
  // Boxes are in the frame of the image as the engine read it (turned by result.rotationDegrees).
  const turn = normalizeTurn((mapping.rotationDegrees ?? 0) - (result.rotationDegrees ?? 0));
  const frame = { width: result.imageWidth, height: result.imageHeight };
  const lineOf = lineIndexByWord(result);
  const baselines = (result.lines ?? []).map((line) => lineBaseline(line, result.words));
  const angle = turn === 270 ? -90 : turn;
  return result.words.map((word, index) => {
    const lineIndex = lineOf[index];
    const line = lineIndex === undefined ? undefined : result.lines?.[lineIndex];
    const band = line === undefined ? word.box : verticalUnion(word.box, line.box);
    const baselineY = lineIndex === undefined ? wordBaseline(word) : baselines[lineIndex]!;
    const toPoints = (box: PixelBox) => scaleBox(turnBox(box, turn, frame), scale);
    return {
      text: word.text,
      box: toPoints({ left: word.box.left, top: band.top, right: word.box.right, bottom: band.bottom }),
      inkBox: toPoints(word.box),
      baseline: scalePoint(turnPoint({ x: word.box.left, y: baselineY }, turn, frame), scale),
      angle,
      fontSize: (band.bottom - band.top) / LINE_HEIGHT_PER_EM / scale,
      fontId: "ocr",
      // OCR does not tell the face; the PDF source's fallback for unknown fonts is the same.
      fontFamily: "sans-serif",
      direction: "ltr",
      confidence: word.confidence,
      ...(lineIndex === undefined ? {} : { sourceLine: lineIndex }),
    };
  });
}

function normalizeTurn(degrees: number): QuarterTurn {
  const turn = ((degrees % 360) + 360) % 360;
  if (turn !== 0 && turn !== 90 && turn !== 180 && turn !== 270)
    throw new RangeError(`Not a quarter turn: ${degrees}`);
  return turn;
}

function lineIndexByWord(result: OcrResult): Array<number | undefined> {
  const lineOf: Array<number | undefined> = new Array(result.words.length).fill(undefined);
  result.lines?.forEach((line, lineIndex) => {
    for (let index = line.firstWord; index < line.firstWord + line.wordCount; index++)
      lineOf[index] = lineIndex;
  });
  return lineOf;
}

/** The median bottom of the line's words that have no descenders, else an estimate from the line box. */
function lineBaseline(line: OcrLine, words: readonly OcrWord[]): number {
  const bottoms = words
    .slice(line.firstWord, line.firstWord + line.wordCount)
    .filter((word) => !DESCENDERS.test(word.text))
    .map((word) => word.box.bottom)
    .sort((a, b) => a - b);
  const median = bottoms[Math.floor(bottoms.length / 2)];
  return median ?? line.box.bottom - DESCENT_SHARE * (line.box.bottom - line.box.top);
}

function wordBaseline(word: OcrWord): number {
  const { top, bottom } = word.box;
  return DESCENDERS.test(word.text) ? bottom - DESCENT_SHARE * (bottom - top) : bottom;
}

function verticalUnion(box: PixelBox, band: PixelBox): PixelBox {
  return { ...box, top: Math.min(box.top, band.top), bottom: Math.max(box.bottom, band.bottom) };
}

/** A point of a width × height frame, turned clockwise with the frame (whose sides swap for 90 and 270). */
function turnPoint(point: Point, turn: QuarterTurn, frame: { width: number; height: number }): Point {
  const { x, y } = point;
  switch (turn) {
    case 0:
      return point;
    case 90:
      return { x: frame.height - y, y: x };
    case 180:
      return { x: frame.width - x, y: frame.height - y };
    case 270:
      return { x: y, y: frame.width - x };
    default:
      return assertNever(turn, "quarter turn");
  }
}

function turnBox(box: PixelBox, turn: QuarterTurn, frame: { width: number; height: number }): PixelBox {
  if (turn === 0) return box;
  const a = turnPoint({ x: box.left, y: box.top }, turn, frame);
  const b = turnPoint({ x: box.right, y: box.bottom }, turn, frame);
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    right: Math.max(a.x, b.x),
    bottom: Math.max(a.y, b.y),
  };
}

function scaleBox(box: PixelBox, scale: number): Box {
  return {
    left: box.left / scale,
    top: box.top / scale,
    right: box.right / scale,
    bottom: box.bottom / scale,
  };
}

function scalePoint(point: Point, scale: number): Point {
  return { x: point.x / scale, y: point.y / scale };
}
