/**
 * Turning and straightening a page raster before it is read (`pageRotationEnabled`), spending as little
 * OCR on it as possible. Almost every page arrives upright, and a reading of it is needed anyway: when
 * its lines run across, the page (deskewed) is read first, and a reading with many confident words
 * settles the orientation with no second pass (tesseract's OSD costs a process and ~0.2–0.4 s a page).
 * Which way up is read first comes from the ink (text-up-down.ts: ascenders outweigh descenders), so an
 * upside-down or quarter-turned page is usually read once, turned, too. Only a page whose first reading
 * reads poorly goes through detectOrientation; a reading is kept when its raster is the one chosen.
 */
import {
  type DetectOrientationOptions,
  type LineMeasure,
  measureLines,
  orientationOf,
  type PageOrientation,
  readsUpright,
} from "./detect-orientation.ts";
import type { GrayImage, OcrEngine, OcrResult, QuarterTurn } from "./ocr-engine.ts";
import { findSkew, inkPoints } from "./text-line-profile.ts";
import { upDownCall, upDownEvidence } from "./text-up-down.ts";
import { rotateByDegrees, rotateQuarterTurns } from "./transform-raster.ts";

export interface OrientPageOptions extends DetectOrientationOptions {
  /** Skew below this many degrees is left alone (tesseract copes; resampling costs time). Default 0.5. */
  readonly minDeskewDegrees?: number;
}

export interface OrientedPage {
  /** The raster turned and deskewed as `orientation` says. */
  readonly raster: GrayImage;
  readonly orientation: PageOrientation;
  /** The engine's reading of `raster`, when one was made on the way; undefined when it is still to read. */
  readonly reading?: OcrResult;
}

/**
 * `read` is how the caller reads the page (default: the engine's recognize at `options.dpi`), told the
 * quarter turn the image was given: the reading handed back must be the one the caller would have made of
 * the same raster.
 */
export async function orientPage(
  raster: GrayImage,
  engine: OcrEngine,
  options: OrientPageOptions,
  read: (image: GrayImage, turn: QuarterTurn) => Promise<OcrResult> = (image) =>
    engine.recognize(image, { language: options.language, dpi: options.dpi }),
): Promise<OrientedPage> {
  const minDeskew = options.minDeskewDegrees ?? 0.5;
  const straighten = (image: GrayImage, orientation: PageOrientation) => {
    const turned = rotateQuarterTurns(image, orientation.rotationDegrees);
    return Math.abs(orientation.skewDegrees) >= minDeskew
      ? rotateByDegrees(turned, -orientation.skewDegrees)
      : turned;
  };
  const measure = await measureLines(raster, options);
  const first = measure.hasInk ? likeliestTurn(measure) : undefined;
  if (first === undefined) {
    const orientation = await orientationOf(measure, engine, options);
    return { raster: straighten(raster, orientation), orientation };
  }
  const guess: PageOrientation = { ...first, confidence: 0.9, method: "recognition" };
  const straight = straighten(raster, guess);
  let reading: OcrResult | undefined;
  try {
    reading = await read(straight, guess.rotationDegrees);
  } catch {
    // Left to the caller's own reading, which reports the failure.
  }
  if (reading !== undefined && readsUpright(reading))
    return { raster: straight, orientation: guess, reading };
  const orientation = await orientationOf(measure, engine, options);
  // The turn read first after all: the same raster as read, so the reading stands.
  if (orientation.rotationDegrees === guess.rotationDegrees)
    return reading === undefined
      ? { raster: straight, orientation }
      : { raster: straight, orientation, reading };
  return { raster: straighten(raster, orientation), orientation };
}

/**
 * The turn to read a page first, and its skew once turned: upright when its lines run across, unless the
 * ink says the text stands upside down; for lines running down, the quarter turn the ink points to, and
 * undefined when it points nowhere (then OSD decides: a wrong quarter turn would cost a whole reading).
 */
function likeliestTurn(
  measure: LineMeasure,
): { rotationDegrees: QuarterTurn; skewDegrees: number } | undefined {
  const { working, workingDpi, profileImage, maxSkewDegrees } = measure;
  if (measure.axis === "horizontal") {
    const call = upDownCall(upDownEvidence(working, measure.uprightSkewDegrees, workingDpi));
    // Turned half round, lines keep their slant.
    return { rotationDegrees: call === "down" ? 180 : 0, skewDegrees: measure.uprightSkewDegrees };
  }
  if (measure.axis !== "vertical") return undefined;
  const skewDegrees = findSkew(inkPoints(rotateQuarterTurns(profileImage, 90)), maxSkewDegrees).degrees;
  const call = upDownCall(upDownEvidence(rotateQuarterTurns(working, 90), skewDegrees, workingDpi));
  if (call === "unclear") return undefined;
  // A quarter anticlockwise is a quarter clockwise and a half turn: the slant stays.
  return { rotationDegrees: call === "down" ? 270 : 90, skewDegrees };
}
