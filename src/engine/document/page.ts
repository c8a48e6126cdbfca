/**
 * One page of the intermediate model. Pages are numbered from 1, as in Extend's `pageRange` and
 * `metadata.page.number`; sizes are in points as displayed (width and height swap for /Rotate 90).
 */
import type { Block } from "./block.ts";
import type { Box } from "./box.ts";
import type { FormField } from "./form-field.ts";
import type { PageGraphics } from "./graphics.ts";
import type { Line } from "./line.ts";
import type { Ruling } from "./ruling.ts";
import type { Word } from "./word.ts";

export interface Page {
  /** 1-based. */
  readonly number: number;
  /** Points; null when the source has no page geometry (plain-text files) or the page was unreadable. */
  // Mutable: OCR with rotation correction turns a page, swapping its size.
  width: number | null;
  height: number | null;
  /**
   * Degrees OCR turned the page clockwise to read it (pageRotationEnabled); absent or 0 when upright. The
   * page's size, words and blocks are then in the turned frame, while the source renders its own frame.
   */
  turnedDegrees?: 0 | 90 | 180 | 270;
  /**
   * Degrees OCR turned the page raster clockwise about its centre to level its lines (deskew, a few
   * degrees; pageRotationEnabled). Words, lines and blocks are in that straightened frame; render/ reports
   * their boxes where the ink is on the page as given (straighten.ts). Absent when not straightened.
   */
  straightenedDegrees?: number;
  /** Filled by the source (PDF text layer); stages read them to build lines and blocks. */
  words: Word[];
  /** Filled by the layout stage. */
  lines: Line[];
  /** Filled by the layout stage (or directly by sources without geometry), in reading order. */
  blocks: Block[];
  /**
   * Horizontal and vertical ruling lines the page draws (PDF vector paths), merged; absent when the
   * source has no vector graphics or did not read them (pages without text).
   */
  rulings?: readonly Ruling[];
  /**
   * Filled rectangles in a visible colour, thicker than a rule (shaded cells, header bands), as drawn;
   * tables read them alongside the rulings. Absent when the rulings are.
   */
  shades?: readonly Box[];
  /** Images and vector paths the page paints (PDF operator list), for figure and checkbox detection. */
  graphics?: PageGraphics;
  /** Form field widgets (PDF AcroForm) with their values; layout merges them into the words. */
  formFields?: readonly FormField[];
  /**
   * Spreadsheets: the sheet this page is (one page per sheet), rendered as every block's
   * metadata.sheet. Absent for every other source, CSV included (it has no sheets).
   */
  readonly sheet?: PageSheet;
}

/** Extend's BlockMetadata.sheet. */
export interface PageSheet {
  /** 0-based position of the sheet in the workbook. */
  readonly index: number;
  readonly name: string;
}

/** A page with nothing on it yet. */
export function emptyPage(number: number, width: number | null, height: number | null): Page {
  return { number, width, height, words: [], lines: [], blocks: [] };
}
