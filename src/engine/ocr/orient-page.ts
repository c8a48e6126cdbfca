/**
 * Turning and straightening a page raster before it is read (`pageRotationEnabled`), spending as little
 * OCR on it as possible. Almost every page arrives upright, and a reading of it is needed anyway: when
 * its lines run across, the page (deskewed) is read first, and a reading with many confident words
 * settles the orientation with no second pass (tesseract's OSD costs a process and ~0.2–0.4 s a page).
 * Only a page that reads poorly, or whose lines run down, goes through detectOrientation; its reading is
 * kept when the page turns out to be upright after all.
 */
import {
  type DetectOrientationOptions,
  measureLines,
  orientationOf,
  type PageOrientation,
  readsUpright,
} from "./detect-orientation.ts";
import type { GrayImage, OcrEngine, OcrResult } from "./ocr-engine.ts";
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
 * `read` is how the caller reads the page (default: the engine's recognize at `options.dpi`): the reading
 * handed back must be the one the caller would have made of the same raster.
 */
export async function orientPage(
  raster: GrayImage,
  engine: OcrEngine,
  options: OrientPageOptions,
  read: (image: GrayImage) => Promise<OcrResult> = (image) =>
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
  if (!measure.hasInk || measure.axis === "vertical") {
    const orientation = await orientationOf(measure, engine, options);
    return { raster: straighten(raster, orientation), orientation };
  }
  const upright: PageOrientation = {
    rotationDegrees: 0,
    skewDegrees: measure.uprightSkewDegrees,
    confidence: 0.9,
    method: "recognition",
  };
  const straight = straighten(raster, upright);
  let reading: OcrResult | undefined;
  try {
    reading = await read(straight);
  } catch {
    // Left to the caller's own reading, which reports the failure.
  }
  if (reading !== undefined && readsUpright(reading))
    return { raster: straight, orientation: upright, reading };
  const orientation = await orientationOf(measure, engine, options);
  // Upright after all: the same raster as read, so the reading stands.
  if (orientation.rotationDegrees === 0)
    return reading === undefined
      ? { raster: straight, orientation }
      : { raster: straight, orientation, reading };
  return { raster: straighten(raster, orientation), orientation };
}
