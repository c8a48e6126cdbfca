/**
 * The `ocr` page stage: a page whose text layer is missing or garbage (a scan, a photo, fonts without a
 * character map) is rendered and recognised, and its words replace the text layer, so OCR'd pages flow
 * through the same layout, tables and reading-order stages as digital text. With pageRotationEnabled,
 * quarter turns and skew are corrected first; words are then in the corrected page's points. While the
 * engine reads the page, the barcodes stage's scan of it is started (the engine thread would idle), and
 * the source is told to prepare the next page's raster.
 */
import { startPageScan } from "../barcodes/page-scan-ahead.ts";
import type { Page } from "../document/page.ts";
import { needsOcr, ocrSettings } from "../pipeline/engine-profile.ts";
import type { PageStage } from "../pipeline/stage.ts";
import type { OcrEngine } from "./ocr-engine.ts";
import type { OcrPageResult } from "./ocr-page.ts";
import { TesseractCliOcrEngine } from "./tesseract-cli-ocr-engine.ts";
import { TesseractJsOcrEngine } from "./tesseract-js-ocr-engine.ts";
import { assessTextLayer } from "./text-layer-quality.ts";

const DEFAULT_DPI = 300;

// One engine per kind per worker thread, made on first use and kept for the thread's life: starting
// tesseract.js workers costs far more than a page. Each thread OCRs one page at a time.
const engines = new Map<string, OcrEngine>();

function engineFor(kind: "tesseract-cli" | "tesseract-js"): OcrEngine {
  let engine = engines.get(kind);
  if (engine === undefined) {
    engine =
      kind === "tesseract-cli"
        ? new TesseractCliOcrEngine({ concurrency: 1 })
        : new TesseractJsOcrEngine({ workers: 1 });
    engines.set(kind, engine);
  }
  return engine;
}

export const ocrStage: PageStage = {
  id: "ocr",
  scope: "page",
  async run(context, page) {
    const ocr = context.options.ocr;
    const source = context.source;
    if (ocr === undefined || source?.ocrPage === undefined || page.width === null) return;
    const usable = () => assessTextLayer(page.words).verdict === "usable";
    if (!needsOcr(context.options, page.words.length, usable)) return;
    // parse_light renders at a lower resolution and skips rotation detection (engine-profile.ts).
    // While the engine reads, the page's barcode scan runs (barcodes/page-scan-ahead.ts).
    const settings = ocrSettings(context.options, ocr.dpi ?? DEFAULT_DPI);
    const result = await source.ocrPage(page.number, engineFor(ocr.engine), {
      ...settings,
      whileReading: (size, turn) => {
        startPageScan(context, page, size, turn);
        // The next page of a scanned document is most likely a scan too: its raster is drawn meanwhile.
        source.prepareOcrPage?.(page.number + 1, { dpi: settings.dpi });
      },
    });
    context.issues.push(...result.issues);
    if (result.words.length === 0) return;
    replaceTextLayer(page, result);
  },
};

function replaceTextLayer(page: Page, result: OcrPageResult): void {
  page.words = result.words;
  page.width = result.width;
  page.height = result.height;
  const turned = result.orientation?.rotationDegrees ?? 0;
  if (turned !== 0) page.turnedDegrees = turned;
  if (result.straightenedDegrees !== undefined) page.straightenedDegrees = result.straightenedDegrees;
}
