/**
 * OCR of one page: optional orientation and skew correction, recognition, and conversion to page Words,
 * reporting problems as issues instead of throwing (one unreadable page must not lose the document). The
 * pipeline calls it for pages without a usable text layer (see text-layer-quality.ts).
 */
import type { Issue } from "../document/issue.ts";
import { boxBeforeStraightening } from "../document/straighten.ts";
import type { PDFPageProxy } from "../pdf/pdfjs.ts";
import { renderPdfPage } from "../pdf/render-page.ts";
import type { PageOrientation } from "./detect-orientation.ts";
import { EarlyReading } from "./early-reading.ts";
import { tightenToInk } from "./ink-box.ts";
import type { GrayImage, OcrEngine, OcrImage, OcrLanguage, OcrResult, QuarterTurn } from "./ocr-engine.ts";
import { type OcrPageWord, ocrWordsToPageWords } from "./ocr-words-to-page-words.ts";
import { orientPage } from "./orient-page.ts";
import { rgbaToGray, toGrayImage } from "./raster.ts";
import { upscaleSmallText } from "./upscale-small-text.ts";

/** An issue of the OCR stage; assignable to Issue once StageId lists "ocr". */
export type OcrIssue = Omit<Issue, "stage"> & { readonly stage: "ocr" };

export interface OcrPageOptions {
  /** 1-based, for issues. */
  readonly pageNumber: number;
  /** Resolution of the raster, dots per inch. */
  readonly dpi: number;
  /** Pixels per page point; default dpi / 72 (a rendered PDF page gives its own). */
  readonly scale?: number;
  readonly language?: OcrLanguage;
  /** Detect and undo quarter turns and skew first (Extend's `pageRotationEnabled`). */
  readonly correctOrientation?: boolean;
  /** Skew below this many degrees is left alone (tesseract copes; resampling costs time). Default 0.5. */
  readonly minDeskewDegrees?: number;
  /**
   * Measure the text and enlarge the image first when its letters are too small for OCR
   * (upscale-small-text.ts): for images, whose real resolution is unknown. Default false (a PDF page is
   * rendered at a DPI that suits OCR).
   */
  readonly upscaleSmallText?: boolean;
  /**
   * Called once the engine is reading the page, with the size in points the page will have if that
   * reading stands and the clockwise quarter turn it was given to read it (0: as given, perhaps deskewed
   * or enlarged): for work that needs the page's pixels but not its words, done while the engine reads.
   * May be called twice when orienting the page takes a second look.
   */
  readonly whileReading?: (
    size: { readonly width: number; readonly height: number },
    turn: QuarterTurn,
  ) => void;
}

export interface OcrPageResult {
  /** In the output frame (after correction), page points, top-left origin; in the engine's reading order. */
  readonly words: OcrPageWord[];
  /** Page size in points in the output frame: width and height swap when the page was turned a quarter. */
  readonly width: number;
  readonly height: number;
  /** What correction found, when it was asked for and ran. */
  readonly orientation?: PageOrientation;
  /**
   * Degrees the raster was turned clockwise about its centre to level its lines (deskew), when it was:
   * `words` boxes and baselines are in that straightened frame, their `inkBox`es on the page as given.
   */
  readonly straightenedDegrees?: number;
  readonly issues: OcrIssue[];
}

// Mean word confidence below which the text is flagged as unreliable (a poor scan, handwriting).
const LOW_CONFIDENCE = 0.6;

export async function ocrPage(
  image: OcrImage,
  engine: OcrEngine,
  options: OcrPageOptions,
): Promise<OcrPageResult> {
  const raster = await toGrayImage(image);
  // Read at once while the page is measured, when measuring may well leave it as it is (early-reading.ts).
  const measured = options.upscaleSmallText === true || options.correctOrientation === true;
  const early =
    measured && EarlyReading.worthwhile(engine)
      ? new EarlyReading(engine, raster, { language: options.language ?? "eng", dpi: options.dpi })
      : undefined;
  try {
    return await readPage(raster, early === undefined ? engine : early.stopping(engine), early, options);
  } finally {
    early?.stop();
  }
}

/** ocrPage on the page's grey raster, taking `early`'s reading when the raster read is the one it reads. */
async function readPage(
  given: GrayImage,
  engine: OcrEngine,
  early: EarlyReading | undefined,
  options: OcrPageOptions,
): Promise<OcrPageResult> {
  const { pageNumber, dpi } = options;
  let scale = options.scale ?? dpi / 72;
  const language = options.language ?? "eng";
  const issues: OcrIssue[] = [];
  const issue = (severity: OcrIssue["severity"], code: string, message: string) =>
    issues.push({ stage: "ocr", page: pageNumber, severity, code, message });

  let raster = given;
  if (options.upscaleSmallText === true) {
    const upscaled = await upscaleSmallText(raster);
    raster = upscaled.image;
    // More pixels per point: words still come out in the page's points.
    scale *= upscaled.factor;
    // The page given is not the one to read.
    if (raster !== given) early?.stop();
  }
  // The one way this page is read, also when orienting it reads the page on the way.
  const read = (image: GrayImage, turn: QuarterTurn = 0) => {
    const whileReading = options.whileReading;
    const size = { width: image.width / scale, height: image.height / scale };
    const onReading = whileReading === undefined ? undefined : () => whileReading(size, turn);
    const taken = early?.take(image, onReading);
    if (taken !== undefined) return taken;
    return engine.recognize(
      image,
      onReading === undefined ? { language, dpi } : { language, dpi, onReading },
    );
  };
  let orientation: PageOrientation | undefined;
  // Degrees the raster read was turned clockwise to straighten it (0: not deskewed).
  let deskew = 0;
  // A reading made while orienting the page (orient-page.ts), of the raster as it now is.
  let reading: OcrResult | undefined;
  if (options.correctOrientation === true) {
    try {
      const minDeskewDegrees = options.minDeskewDegrees ?? 0.5;
      const oriented = await orientPage(raster, engine, { dpi, language, minDeskewDegrees }, read);
      ({ raster, orientation, reading } = oriented);
      if (orientation.rotationDegrees !== 0)
        issue(
          "info",
          "PAGE_ROTATED",
          `Page ${pageNumber} was turned ${orientation.rotationDegrees}° clockwise to read it`,
        );
      if (Math.abs(orientation.skewDegrees) >= minDeskewDegrees) {
        deskew = -orientation.skewDegrees;
        issue("info", "PAGE_DESKEWED", `Page ${pageNumber} was straightened by ${-orientation.skewDegrees}°`);
      }
    } catch (error) {
      issue(
        "warning",
        "ORIENTATION_UNDETECTED",
        `Page ${pageNumber}: orientation detection failed (${messageOf(error)})`,
      );
    }
  }
  const size = { width: raster.width / scale, height: raster.height / scale };
  const base = {
    ...size,
    issues,
    ...(orientation === undefined ? {} : { orientation }),
    ...(deskew === 0 ? {} : { straightenedDegrees: deskew }),
  };

  let words: OcrPageWord[];
  try {
    // Word boxes tight around their ink (tesseract often gives a word its whole line's height).
    const result = tightenToInk(reading ?? (await read(raster, orientation?.rotationDegrees)), raster);
    words = ocrWordsToPageWords(result, { scale });
    if (deskew !== 0) words = inkBoxesBeforeDeskew(words, deskew, size);
  } catch (error) {
    issue(
      "error",
      "OCR_FAILED",
      `Page ${pageNumber} could not be read by OCR (${engine.name}): ${messageOf(error)}`,
    );
    return { ...base, words: [] };
  }
  if (words.length === 0) issue("info", "OCR_NO_TEXT", `OCR found no text on page ${pageNumber}`);
  else {
    const mean = words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
    if (mean < LOW_CONFIDENCE)
      issue(
        "warning",
        "LOW_OCR_CONFIDENCE",
        `OCR of page ${pageNumber} is unreliable (mean word confidence ${mean.toFixed(2)})`,
      );
  }
  return { ...base, words };
}

export interface OcrPdfPageOptions extends Omit<OcrPageOptions, "scale"> {
  /** Largest raster in pixels; see RenderPageOptions.maxPixels. */
  readonly maxPixels?: number;
  /**
   * Given the page's grey raster as rendered (before any turn), so the caller can reuse it (the barcode
   * scan of a scanned page) instead of rendering the page again. It must not be modified.
   */
  readonly onRender?: (raster: { readonly image: GrayImage; readonly scale: number }) => void;
  /**
   * The page's grey raster drawn without pdf.js, when the caller can (a scanned page's image read from the
   * file, scan-page-raster.ts); undefined, or a failure, renders the page with pdf.js as usual.
   */
  readonly scanRaster?: (
    page: PDFPageProxy,
    options: { readonly dpi: number; readonly maxPixels?: number },
  ) => Promise<{ readonly image: GrayImage; readonly scale: number; readonly dpi: number } | undefined>;
}

/**
 * Renders a PDF page at `dpi` and OCRs it. The page stays the caller's to release (`page.cleanup()`);
 * the raster is dropped before this returns, so only one page image is alive per call.
 */
export async function ocrPdfPage(
  page: PDFPageProxy,
  engine: OcrEngine,
  options: OcrPdfPageOptions,
): Promise<OcrPageResult> {
  let raster: Awaited<ReturnType<typeof renderGray>>;
  try {
    raster = await renderGray(page, options);
    options.onRender?.(raster);
  } catch (error) {
    const message = `Page ${options.pageNumber} could not be rendered for OCR: ${messageOf(error)}`;
    const { width, height } = page.getViewport({ scale: 1 });
    return {
      words: [],
      width,
      height,
      issues: [
        { stage: "ocr", page: options.pageNumber, severity: "error", code: "OCR_RENDER_FAILED", message },
      ],
    };
  }
  // A capped render has a lower DPI than asked; OCR must be told the real one.
  return ocrPage(raster.image, engine, { ...options, dpi: raster.dpi, scale: raster.scale });
}

/** Renders and keeps only the grey copy: the RGBA raster (4 bytes a pixel) is garbage once this returns. */
async function renderGray(page: PDFPageProxy, options: OcrPdfPageOptions) {
  const { dpi, maxPixels } = options;
  const geometry = maxPixels === undefined ? { dpi } : { dpi, maxPixels };
  const drawn = await options.scanRaster?.(page, geometry).catch(() => undefined);
  if (drawn !== undefined) return drawn;
  const rendered = await renderPdfPage(page, maxPixels === undefined ? { dpi } : { dpi, maxPixels });
  return { image: rgbaToGray(rendered), dpi: rendered.dpi, scale: rendered.scale };
}

/**
 * Words whose ink boxes are put back where the ink is on the page as given (before straightening by
 * `degrees` about the page centre), so `returnOcr` boxes overlay the uploaded scan; `box` and the
 * baseline stay in the straightened frame the layout needs (level lines).
 */
function inkBoxesBeforeDeskew(
  words: readonly OcrPageWord[],
  degrees: number,
  page: { readonly width: number; readonly height: number },
): OcrPageWord[] {
  return words.map((word) => ({ ...word, inkBox: boxBeforeStraightening(word.inkBox, degrees, page) }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
