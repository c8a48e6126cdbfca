/**
 * The whole-page barcode scan of a page that OCR reads, started while the OCR engine reads it: the
 * tesseract CLI runs as a process of its own, so the engine thread would otherwise wait idle while zxing
 * searches the page afterwards (~0.2 s a 300 DPI page). The scan is the very one the barcodes stage would
 * make (same region, same renderer — turned as OCR turned the page to read it — same decode), so the
 * stage takes its result when the page ended in the frame the scan was made in: the same quarter turn and
 * the same size in points. Otherwise (OCR read the page again another way round, or found no words on it)
 * the stage scans the page itself, as it would have anyway.
 */
import type { Box } from "../document/box.ts";
import type { DocumentSource } from "../document/document-source.ts";
import type { Page } from "../document/page.ts";
import { isLightEngine } from "../pipeline/engine-profile.ts";
import type { StageContext } from "../pipeline/stage.ts";
import { type BarcodeRenderer, type FoundBarcode, scanWholePage } from "./page-barcodes.ts";
import { turnedRenderer } from "./turned-renderer.ts";

export interface PageScan {
  /** The whole page as it was scanned, in page points of the turned frame. */
  readonly box: Box;
  /** Clockwise quarter turn of the page scanned from the page as given (Page.turnedDegrees). */
  readonly turn: 0 | 90 | 180 | 270;
  readonly codes: Promise<FoundBarcode[]>;
}

// Keyed by the page object, which the stages update in place; dropped with it.
const started = new WeakMap<Page, PageScan>();

/** The source's renderer, in the frame the source renders pages in (DocumentSource.renderPage). */
export function sourceRenderer(source: DocumentSource): BarcodeRenderer | undefined {
  const { renderPage, renderRegions } = source;
  if (renderPage === undefined || renderRegions === undefined) return undefined;
  return {
    page: (number, dpi, region) => renderPage.call(source, number, dpi, region),
    regions: (number, regions, dpi) => renderRegions.call(source, number, regions, dpi),
  };
}

/**
 * Starts scanning page `page` whole, as a page `size` points large turned `turn` degrees clockwise (as
 * OCR's reading of it will leave the page), when the barcodes stage would scan it whole: a page without
 * graphics read (an image page, a scan), outside parse_light. The latest scan of a page is kept (OCR may
 * read a page a second time, turned); the outcome waits for takePageScan.
 */
export function startPageScan(
  context: StageContext,
  page: Page,
  size: { readonly width: number; readonly height: number },
  turn: 0 | 90 | 180 | 270,
): void {
  if (page.graphics !== undefined || isLightEngine(context.options)) return;
  const own = context.source === undefined ? undefined : sourceRenderer(context.source);
  if (own === undefined) return;
  const earlier = started.get(page);
  if (earlier !== undefined && earlier.turn === turn && sameSize(earlier.box, size)) return;
  const render = turn === 0 ? own : turnedRenderer(own, turn, size.width, size.height);
  const box: Box = { left: 0, top: 0, right: size.width, bottom: size.height };
  const codes = scanWholePage(page.number, box, render);
  // Not taken (the page changed frame), a failure is nobody's: the stage's own scan reports its own.
  codes.catch(() => {});
  started.set(page, { box, turn, codes });
}

function sameSize(box: Box, size: { readonly width: number; readonly height: number }): boolean {
  return box.right === size.width && box.bottom === size.height;
}

/** The scan started for `page`, if any (once: it is forgotten here). */
export function takePageScan(page: Page): PageScan | undefined {
  const scan = started.get(page);
  started.delete(page);
  return scan;
}
