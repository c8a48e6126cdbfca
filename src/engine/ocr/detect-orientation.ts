/**
 * Finds how a page raster must be turned to be upright (0/90/180/270° clockwise) and the small skew left
 * after that, for `pageRotationEnabled`. Projection profiles tell whether lines run across or down; the
 * engine's own detection (tesseract OSD) or, failing that, OCR of the remaining candidates (all four when
 * the direction is unclear) tells up from down. Works on a ~150 DPI copy and its inkiest few inches:
 * orientation needs neither full resolution nor the whole page, and OCR time grows with pixels.
 */
import type { GrayImage, OcrEngine, OcrImage, OcrLanguage, OcrResult, QuarterTurn } from "./ocr-engine.ts";
import { toGrayImage } from "./raster.ts";
import { findLineAxis, findSkew, inkPoints } from "./text-line-profile.ts";
import { crop, downscale, rotateQuarterTurns } from "./transform-raster.ts";

export interface DetectOrientationOptions {
  /** Resolution of the image, dots per inch. */
  readonly dpi: number;
  readonly language: OcrLanguage;
  /** Ask the engine's own detection first when it has one (default true). */
  readonly useEngineDetection?: boolean;
  /** Largest skew searched, degrees either way (default 10). */
  readonly maxSkewDegrees?: number;
}

/**
 * "no-text": nothing to judge by (blank, or no word readable any way round); the page is left as is.
 * "recognition": the page read well as it was (orient-page.ts), so neither OSD nor a comparison ran.
 */
export type OrientationMethod = "no-text" | "engine" | "ocr-comparison" | "recognition";

export interface PageOrientation {
  /** Clockwise quarter turn that makes the page upright. */
  readonly rotationDegrees: QuarterTurn;
  /**
   * Clockwise slant of the text lines once turned, in degrees (positive: lines descend to the right);
   * undo it by rotating the turned image by `-skewDegrees`.
   */
  readonly skewDegrees: number;
  /** 0 (a guess: no readable text) to 1 (unambiguous). */
  readonly confidence: number;
  readonly method: OrientationMethod;
}

// Tesseract's OSD confidence is ~2.4–3.5 on sparse scanned pages and 10+ on full text pages (measured on
// the corpus); below 2 it is often wrong. A turn (not 0) it finds with less than TURN_CONFIDENCE is
// checked by reading instead: on typewritten forms it called upright pages upside down at ~3 (FUNSD).
const MIN_ENGINE_CONFIDENCE = 2;
const MIN_ENGINE_TURN_CONFIDENCE = 5;
const ENGINE_CONFIDENCE_FOR_CERTAINTY = 10;
const WORKING_DPI = 150;
// Resolution for the profile analysis: a letter page becomes ~1100 px tall, enough to separate lines.
const PROFILE_MAX_SIDE = 1200;
// Tiles for the line-direction analysis: a few inches hold enough lines for a clear rhythm.
const TILE_INCHES = 3;
// Side of the square window OCR'd per candidate: ~4.7 inches at 150 DPI, a paragraph or more.
const OCR_WINDOW = 700;
// A reading with this many words of 3+ letters at 0.85+ settles the orientation (upside-down text gave
// none such on the corpus scans; upright text dozens); the confidence reported for it.
const STRONG_WORD_CONFIDENCE = 0.85;
const STRONG_READING_WORDS = 12;
const STRONG_READING_CONFIDENCE = 0.9;
// Share of a whole page's 3+-letter words read strongly that says "upright" without asking OSD.
const UPRIGHT_STRONG_SHARE = 0.5;

/**
 * What the projection profiles of a page say, before any OCR: whether it has ink, which way its lines run,
 * and its skew when left as it is. Cheap (tens of milliseconds on a 300 DPI page).
 */
export interface LineMeasure {
  /** False for a blank page: there is nothing to orient. */
  readonly hasInk: boolean;
  readonly axis: "horizontal" | "vertical" | "unknown";
  /** Skew of the lines with the page left as it is (see PageOrientation.skewDegrees). */
  readonly uprightSkewDegrees: number;
  readonly working: GrayImage;
  readonly workingDpi: number;
  readonly profileImage: GrayImage;
  readonly maxSkewDegrees: number;
}

export async function measureLines(
  image: OcrImage,
  options: Pick<DetectOrientationOptions, "dpi" | "maxSkewDegrees">,
): Promise<LineMeasure> {
  const maxSkewDegrees = options.maxSkewDegrees ?? 10;
  const gray = await toGrayImage(image);
  const factor = Math.max(1, Math.round(options.dpi / WORKING_DPI));
  const working = downscale(gray, factor);
  const workingDpi = options.dpi / factor;
  const profileFactor = Math.max(1, Math.ceil(Math.max(working.width, working.height) / PROFILE_MAX_SIDE));
  const profileImage = downscale(working, profileFactor);
  const points = inkPoints(profileImage);
  const base = { working, workingDpi, profileImage, maxSkewDegrees };
  if (points.count === 0) return { ...base, hasInk: false, axis: "unknown", uprightSkewDegrees: 0 };
  const profileDpi = workingDpi / profileFactor;
  const { axis } = findLineAxis(points, maxSkewDegrees, Math.round(TILE_INCHES * profileDpi));
  return { ...base, hasInk: true, axis, uprightSkewDegrees: findSkew(points, maxSkewDegrees).degrees };
}

export async function detectOrientation(
  image: OcrImage,
  engine: OcrEngine,
  options: DetectOrientationOptions,
): Promise<PageOrientation> {
  return orientationOf(await measureLines(image, options), engine, options);
}

/** detectOrientation on lines already measured. */
export async function orientationOf(
  measure: LineMeasure,
  engine: OcrEngine,
  options: Pick<DetectOrientationOptions, "language" | "useEngineDetection">,
): Promise<PageOrientation> {
  if (!measure.hasInk) return { rotationDegrees: 0, skewDegrees: 0, confidence: 0, method: "no-text" };
  const { axis, working, workingDpi, profileImage } = measure;
  // Both the engine's detection and the OCR comparison look at the inkiest part only: time grows with
  // pixels, and a few inches of text decide orientation as well as a page does.
  const window = inkWindow(working);
  let choice: { rotationDegrees: QuarterTurn; confidence: number; method: OrientationMethod } | undefined;
  if (options.useEngineDetection !== false && engine.detectOrientation !== undefined) {
    const estimate = await engine.detectOrientation(window, { language: options.language, dpi: workingDpi });
    const turnsLines = estimate !== undefined && estimate.rotationDegrees % 180 !== 0;
    const agrees = axis === "unknown" || (axis === "vertical") === turnsLines;
    const needed = estimate?.rotationDegrees === 0 ? MIN_ENGINE_CONFIDENCE : MIN_ENGINE_TURN_CONFIDENCE;
    if (estimate !== undefined && estimate.confidence >= needed && agrees)
      choice = {
        rotationDegrees: estimate.rotationDegrees,
        confidence: Math.min(1, estimate.confidence / ENGINE_CONFIDENCE_FOR_CERTAINTY),
        method: "engine",
      };
  }
  if (choice === undefined) {
    // Lines that profile as running down are tried turned first, but upright too: a form with a column
    // of labels can profile that way (FUNSD); a strong reading ends the search early anyway.
    const candidates: QuarterTurn[] =
      axis === "horizontal" ? [0, 180] : axis === "vertical" ? [90, 270, 0, 180] : [0, 90, 180, 270];
    choice = await compareByOcr(window, candidates, engine, options.language, workingDpi);
  }
  const skewDegrees =
    choice.rotationDegrees === 0
      ? measure.uprightSkewDegrees
      : findSkew(inkPoints(rotateQuarterTurns(profileImage, choice.rotationDegrees)), measure.maxSkewDegrees)
          .degrees;
  return { ...choice, skewDegrees };
}

/**
 * Whether a reading of a whole page settles that the page is upright: many confidently read real words
 * whose boxes run across (the test the OCR comparison below stops on), and they are a fair share of the
 * words read — garbage read off an upside-down page scores 0.3–0.6 a word.
 */
export function readsUpright(result: OcrResult): boolean {
  let strong = 0;
  let candidates = 0;
  for (const word of result.words) {
    const letters = word.text.replace(/[^\p{L}\p{N}]/gu, "").length;
    const { left, top, right, bottom } = word.box;
    if (letters < 3 || bottom - top > right - left) continue;
    candidates++;
    if (word.confidence >= STRONG_WORD_CONFIDENCE) strong++;
  }
  return strong >= STRONG_READING_WORDS && strong >= UPRIGHT_STRONG_SHARE * candidates;
}

/**
 * OCRs the window turned each candidate way and keeps the reading with the most confident real words.
 * Tesseract reads text turned a quarter as vertical lines and scores it as well as upright text, so words
 * whose box is taller than wide count for nothing: only the turn that makes lines run across wins.
 */
async function compareByOcr(
  window: GrayImage,
  candidates: readonly QuarterTurn[],
  engine: OcrEngine,
  language: OcrLanguage,
  dpi: number,
): Promise<{ rotationDegrees: QuarterTurn; confidence: number; method: OrientationMethod }> {
  const scores: Array<{ rotationDegrees: QuarterTurn; score: number }> = [];
  for (const rotationDegrees of candidates) {
    const result = await engine.recognize(rotateQuarterTurns(window, rotationDegrees), { language, dpi });
    let score = 0;
    let strongWords = 0;
    for (const word of result.words) {
      const letters = word.text.replace(/[^\p{L}\p{N}]/gu, "").length;
      const { left, top, right, bottom } = word.box;
      if (letters < 2 || bottom - top > right - left) continue;
      // Squared confidence: garbage read from upside-down text scores 0.3–0.6, real words 0.9+.
      score += word.confidence * word.confidence * letters;
      if (word.confidence >= STRONG_WORD_CONFIDENCE && letters >= 3) strongWords++;
    }
    // Many confidently read real words happen only the right way up: the other candidates need no OCR.
    if (strongWords >= STRONG_READING_WORDS)
      return { rotationDegrees, confidence: STRONG_READING_CONFIDENCE, method: "ocr-comparison" };
    scores.push({ rotationDegrees, score });
  }
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  const runnerUp = scores[1]?.score ?? 0;
  // Ink but no word read any way round: a picture, handwriting, another script. Leave the page as it is.
  if (best.score === 0) return { rotationDegrees: 0, confidence: 0, method: "no-text" };
  return {
    rotationDegrees: best.rotationDegrees,
    confidence: (best.score - runnerUp) / best.score,
    method: "ocr-comparison",
  };
}

/**
 * The OCR_WINDOW-square part of the image with the most ink (on a grid of 25-pixel cells), so the
 * comparison reads text rather than margins; the whole image when it is smaller.
 */
function inkWindow(image: GrayImage): GrayImage {
  if (image.width <= OCR_WINDOW && image.height <= OCR_WINDOW) return image;
  const cell = 25;
  const columns = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  // Summed-area table of ink per cell: sums[(r) * (columns + 1) + c] covers cells above-left of (r, c).
  const sums = new Float64Array((rows + 1) * (columns + 1));
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      let ink = 0;
      for (let y = row * cell; y < Math.min(image.height, (row + 1) * cell); y++)
        for (let x = column * cell; x < Math.min(image.width, (column + 1) * cell); x++)
          ink += 255 - image.gray[y * image.width + x]!;
      const at = (row + 1) * (columns + 1) + column + 1;
      sums[at] = ink + sums[at - 1]! + sums[at - columns - 1]! - sums[at - columns - 2]!;
    }
  }
  const spanColumns = Math.min(columns, Math.floor(OCR_WINDOW / cell));
  const spanRows = Math.min(rows, Math.floor(OCR_WINDOW / cell));
  let best = { row: 0, column: 0, ink: -1 };
  for (let row = 0; row + spanRows <= rows; row++) {
    for (let column = 0; column + spanColumns <= columns; column++) {
      const at = (r: number, c: number) => sums[r * (columns + 1) + c]!;
      const ink =
        at(row + spanRows, column + spanColumns) -
        at(row, column + spanColumns) -
        at(row + spanRows, column) +
        at(row, column);
      if (ink > best.ink) best = { row, column, ink };
    }
  }
  const left = best.column * cell;
  const top = best.row * cell;
  return crop(image, { left, top, right: left + OCR_WINDOW, bottom: top + OCR_WINDOW });
}
