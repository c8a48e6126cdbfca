/**
 * What Extend's `engine` option changes here. parse_performance (the default) runs every stage in full;
 * parse_light, the "high-volume, cost-sensitive" engine, skips the costly optional work: OCR page
 * rotation/skew detection (pageRotationEnabled is ignored) and renders pages for OCR at a lower
 * resolution (LIGHT_OCR_DPI), trading accuracy on poor scans for speed, as the contract says it does.
 */
import type { ParseOptions } from "./parse-outcome.ts";

/** OCR rendering resolution under parse_light (parse_performance uses the configured DPI, 300 by default). */
export const LIGHT_OCR_DPI = 200;

export function isLightEngine(options: ParseOptions): boolean {
  return options.config?.engine === "parse_light";
}

/** How a page is rendered and recognised for OCR under the chosen engine. */
export function ocrSettings(
  options: ParseOptions,
  configuredDpi: number,
): { dpi: number; correctOrientation: boolean } {
  const rotation = options.config?.advancedOptions?.pageRotationEnabled === true;
  return isLightEngine(options)
    ? { dpi: Math.min(configuredDpi, LIGHT_OCR_DPI), correctOrientation: false }
    : { dpi: configuredDpi, correctOrientation: rotation };
}
