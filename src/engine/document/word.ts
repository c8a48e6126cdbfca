/**
 * A word: a run of non-space characters as the document draws it, with its box in page points
 * (top-left origin). A visual word may arrive as several runs (PDFs split words for kerning); the line
 * builder joins runs whose gap is narrower than a space.
 */
import type { Box, Point } from "./box.ts";

export interface Word {
  readonly text: string;
  /** From descent to ascent of the font, so words of one line share top and bottom roughly. */
  readonly box: Box;
  /** Where the word's baseline starts, in page points; for horizontal text `baseline.y` is the baseline. */
  readonly baseline: Point;
  /**
   * Direction of the baseline in degrees clockwise from the page's x axis, in (-180, 180]: 0 is ordinary
   * horizontal text, 90 runs top to bottom, -90 bottom to top (as displayed, after page rotation).
   */
  readonly angle: number;
  /** Em size in points as displayed (the font size times any scaling of the text matrix). */
  readonly fontSize: number;
  /**
   * Identifies the font resource within one document: equal ids mean the same font. Not a PostScript
   * name (pdf.js exposes that only through the much heavier operator list).
   */
  readonly fontId: string;
  /** Generic family guessed from the font ("serif", "sans-serif", "monospace"), for style heuristics. */
  readonly fontFamily: string;
  /**
   * The font's PostScript name without its subset prefix ("CMMI10", "SymbolMT"), where pdf.js resolved it;
   * formulas/ reads math fonts from it. Absent when unknown.
   */
  readonly fontName?: string;
  /** Character order of the text relative to the baseline direction; "rtl" text reads right to left. */
  readonly direction: "ltr" | "rtl";
  /**
   * Weight and slant where they can be told (a heuristic: from the font's PostScript name, or from text
   * overprinted with a small offset to fake bold); absent when unknown, which is not the same as false.
   */
  readonly bold?: boolean;
  readonly italic?: boolean;
  /**
   * Set by sources that segment text lines themselves (OCR: tesseract's block/paragraph/line): words of
   * one source line share the number, and the line builder never joins words of different source lines
   * (a drop cap's tall line would otherwise swallow the lines beside it). Absent for PDF text layers.
   */
  readonly sourceLine?: number;
  /**
   * The source drew a space right after the word (PDF: a space glyph, however narrow — condensed CJK
   * text sets its spaces a tenth of a point wide): a word boundary whatever the gap. Absent when unknown.
   */
  readonly spaceAfter?: boolean;
}
