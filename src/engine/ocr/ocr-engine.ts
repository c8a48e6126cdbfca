/**
 * The OcrEngine port: reads the words of one raster image with their boxes (in image pixels) and
 * confidences. Implementations wrap an OCR technology (tesseract.js, the tesseract CLI); all of them pass
 * the contract suite in ocr-engine.case.test.ts.
 */
import type { Box } from "../document/box.ts";

/**
 * Edges in pixels of the image that was read, origin at its top-left pixel corner, y downwards; right and
 * bottom are exclusive (a one-pixel glyph at x = 3 spans 3..4). Same shape as a page Box, other unit.
 */
export type PixelBox = Box;

/** Languages whose data ships with the engines; widened when more language packs are installed. */
export type OcrLanguage = "eng";

/** Rotations by quarter turns, clockwise as displayed (y downwards). */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** 8-bit grey levels (0 black, 255 white), row-major, one byte per pixel. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly gray: Uint8Array;
}

/** RGBA bytes as a canvas gives them (unpremultiplied, row-major, 4 bytes per pixel). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array | Uint8ClampedArray;
}

/** An encoded PNG file. */
export interface PngImage {
  readonly png: Uint8Array;
}

/** What an engine reads: a decoded raster (grey or RGBA) or a PNG file. */
export type OcrImage = GrayImage | RgbaImage | PngImage;

export interface OcrOptions {
  readonly language: OcrLanguage;
  /**
   * Resolution of the image in dots per inch. Engines size their expectations of glyphs by it (tesseract
   * rejects "text" far smaller or larger than plausible), and rasters carry no DPI of their own.
   */
  readonly dpi: number;
  /**
   * Called once the engine has handed the image to a reader of its own (a process, a worker thread): from
   * then until the result comes back, the calling thread is free for other work.
   */
  readonly onReading?: () => void;
  /** Stops the reading (it then rejects), on engines that can (`stopsOnAbort`); others finish it. */
  readonly signal?: AbortSignal;
}

export interface OcrWord {
  /** Non-empty, without spaces. */
  readonly text: string;
  /** Tight around the word's ink, in pixels of the image read. */
  readonly box: PixelBox;
  /** The engine's belief that the text is right, in (0, 1]. */
  readonly confidence: number;
}

/** A text line as the engine segmented it: consecutive words of `words`. */
export interface OcrLine {
  readonly box: PixelBox;
  /** Index in `OcrResult.words` of the line's first word. */
  readonly firstWord: number;
  readonly wordCount: number;
}

export interface OcrResult {
  /** Size of the image read, in pixels (after any rotation the engine applied itself). */
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** In the engine's reading order; lines group consecutive words. */
  readonly words: readonly OcrWord[];
  readonly lines?: readonly OcrLine[];
  /**
   * Set by engines that turn the image upright themselves: the clockwise rotation they applied before
   * reading, so boxes are in the rotated image's pixels. Absent means 0 (boxes in the image as given).
   */
  readonly rotationDegrees?: QuarterTurn;
}

/** An engine's own orientation finding (tesseract's OSD), before any fallback. */
export interface OrientationEstimate {
  /** Clockwise rotation that turns the image upright. */
  readonly rotationDegrees: QuarterTurn;
  /** Engine-specific scale (tesseract OSD: about 0 to 15+; below ~1.5 is a guess). */
  readonly confidence: number;
}

export interface OcrEngine {
  /** Stable name for logs and timings ("tesseract-js", "tesseract-cli"). */
  readonly name: string;
  /**
   * True when recognize honours `options.signal` by stopping the work at once (a process killed), so a
   * reading started on speculation costs little when it is dropped (early-reading.ts).
   */
  readonly stopsOnAbort?: boolean;
  /** Reads the image; rejects when the engine fails (not when the image has no text: that is no words). */
  recognize(image: OcrImage, options: OcrOptions): Promise<OcrResult>;
  /**
   * Orientation detection built into the engine, when it has the data for it; undefined when it could not
   * decide (too little text). Absent on engines without it: detect-orientation.ts then falls back to its
   * own analysis.
   */
  detectOrientation?(image: OcrImage, options: OcrOptions): Promise<OrientationEstimate | undefined>;
  /** Stops workers and child processes; idempotent. Pending calls reject. */
  close(): Promise<void>;
}
