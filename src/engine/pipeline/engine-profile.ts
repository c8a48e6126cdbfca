/**
 * What Extend's `engine` option changes here. parse_performance (the default) runs every stage in full;
 * parse_light, the "high-volume, cost-sensitive" engine, skips the costly optional work: the PDF
 * operator-list read (vector paths and images: no ruled/lattice tables, no figures, no bold/italic from
 * font names; tables found from text alignment remain), figure images, OCR of pages that have a text
 * layer (only pages without any text are OCR'd), OCR page rotation/skew detection (pageRotationEnabled
 * is ignored), and it renders pages for OCR at a lower resolution (LIGHT_OCR_DPI), trading accuracy on
 * poor scans for speed, as the contract says it does.
 */
import type { ParseOptions } from "./parse-outcome.ts";

/** OCR rendering resolution under parse_light (parse_performance uses the configured DPI, 300 by default). */
export const LIGHT_OCR_DPI = 200;

export function isLightEngine(options: ParseOptions): boolean {
  return options.config?.engine === "parse_light";
}

/** Whether PDF pages read their vector paths and images (rulings for tables, figure candidates). */
export function readsVectorGraphics(options: ParseOptions): boolean {
  return !isLightEngine(options);
}

/** Whether figures (blocks and their images) are produced, before blockOptions.figures is consulted. */
export function findsFigures(options: ParseOptions): boolean {
  return !isLightEngine(options);
}

/**
 * Whether a page with these words goes to OCR (when OCR is configured): under parse_light only a page
 * without any text; otherwise also one whose text layer `usable` judges unusable (garbage, no cmap).
 */
export function needsOcr(options: ParseOptions, wordCount: number, usable: () => boolean): boolean {
  if (wordCount === 0) return true;
  return isLightEngine(options) ? false : !usable();
}

/** How a page is rendered and recognised for OCR under the chosen engine. */
export function ocrSettings(
  options: ParseOptions,
  configuredDpi: number,
): { dpi: number; correctOrientation: boolean } {
  // On unless turned off (the run's effective config says so explicitly; a bare engine call defaults on).
  const rotation = options.config?.advancedOptions?.pageRotationEnabled !== false;
  return isLightEngine(options)
    ? { dpi: Math.min(configuredDpi, LIGHT_OCR_DPI), correctOrientation: false }
    : { dpi: configuredDpi, correctOrientation: rotation };
}
