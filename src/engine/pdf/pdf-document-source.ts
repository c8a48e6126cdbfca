/**
 * DocumentSource over a pdf.js document: reads one page at a time (size as displayed, words with boxes)
 * and releases each pdf.js page before the next is read, so memory stays bounded on long documents. The
 * page last read stays open until then, so rendering its figure images reuses its parsed operator list.
 */
import type { Box } from "../document/box.ts";
import type { DocumentSource, PagePixels } from "../document/document-source.ts";
import type { Page } from "../document/page.ts";
import type { Word } from "../document/word.ts";
import type { OcrEngine } from "../ocr/ocr-engine.ts";
import { type OcrPageResult, type OcrPdfPageOptions, ocrPdfPage } from "../ocr/ocr-page.ts";
import { encodePng, encodePngWindow } from "./encode-png.ts";
import { DocumentFontStyles, type PdfFontStore } from "./font-style.ts";
import { readFormFields } from "./form-fields.ts";
import { withGlyphPositions } from "./glyph-positions.ts";
import { SpanIndex, withGlyphSizes } from "./glyph-sizes.ts";
import { toMatrix } from "./matrix.ts";
import { type RunWords, withoutPartialOverprints } from "./overprint-runs.ts";
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from "./pdfjs.ts";
import { cropWindow, type RegionRaster, resampledCrop } from "./raster-crop.ts";
import { type PageRaster, regionFromRaster } from "./raster-region.ts";
import { regionScale, renderPdfRegion, renderPdfRegionPixels } from "./render-page.ts";
import { repairLigatures } from "./rtl-ligatures.ts";
import { ScanPageRasters } from "./scan-page-raster.ts";
import { withSymbolMeanings } from "./symbol-glyphs.ts";
import {
  isSpaceAfter,
  type PageFrame,
  type PdfFontStyle,
  textRunWords,
  uprightRunExtent,
} from "./text-run-words.ts";
import { readPageGraphics } from "./vector-paths.ts";

/** Counters that show pages are released as they are read (for tests and benchmarks). */
export interface PdfSourceStats {
  readonly pagesRead: number;
  /** Pages whose pdf.js resources were freed (`page.cleanup()` succeeded). */
  readonly pagesReleased: number;
  /** Most pdf.js pages alive at once; 1 when pages are read in order, one at a time. */
  readonly peakOpenPages: number;
}

// Document-wide pdf.js caches (fonts, colour spaces, page dictionaries) grow with the pages read; clearing
// them now and then bounds memory at the cost of re-parsing fonts that later pages share.
const PAGES_BETWEEN_DOCUMENT_CLEANUPS = 50;
/** Largest raster for renderPage (a letter page at 200 DPI is 3.7 million pixels). */
const MAX_RENDER_PIXELS = 16_000_000;
/** Most pixels of region rasters kept for reuse by later renders of the same page (24 MB of RGBA). */
const MAX_KEPT_PIXELS = 6_000_000;

export class PdfDocumentSource implements DocumentSource {
  readonly stage = "pdf" as const;
  readonly #task: PDFDocumentLoadingTask;
  readonly #document: PDFDocumentProxy;
  #pagesRead = 0;
  #pagesReleased = 0;
  #openPages = 0;
  #peakOpenPages = 0;
  #closed = false;
  readonly #fontStyles = new DocumentFontStyles();
  /** The page last read, kept open (operator list, decoded images) for a render of the same page. */
  #held: { readonly number: number; readonly page: PDFPageProxy } | undefined;
  /** Regions of the held page rendered to pixels, for renderRegions to cut figure images from. */
  #rasters: RegionRaster[] = [];
  /** The grey raster OCR rendered the held page to (a scan), for its barcode renders; freed with it. */
  #ocrRaster: { readonly number: number; readonly raster: PageRaster } | undefined;

  readonly #vectorGraphics: boolean;
  /** Scanned pages' OCR rasters read from their image streams (pdf-lib parses the file on first use). */
  readonly #scanRasters: ScanPageRasters;

  /** `vectorGraphics: false` skips the operator-list read (no rulings, no figure candidates). */
  constructor(
    task: PDFDocumentLoadingTask,
    document: PDFDocumentProxy,
    options: { vectorGraphics?: boolean } = {},
  ) {
    this.#task = task;
    this.#document = document;
    this.#vectorGraphics = options.vectorGraphics !== false;
    this.#scanRasters = new ScanPageRasters(document);
  }

  get pageCount(): number {
    return this.#document.numPages;
  }

  get stats(): PdfSourceStats {
    return {
      pagesRead: this.#pagesRead,
      pagesReleased: this.#pagesReleased,
      peakOpenPages: this.#peakOpenPages,
    };
  }

  async ocrPage(
    pageNumber: number,
    engine: OcrEngine,
    options: Omit<OcrPdfPageOptions, "pageNumber">,
  ): Promise<OcrPageResult> {
    if (this.#closed) throw new Error("The PDF source is closed");
    // The page just read stays open: the renders that may follow (barcodes, figures) reuse its images.
    const held = this.#held?.number === pageNumber ? this.#held.page : undefined;
    const page = held ?? (await this.#document.getPage(pageNumber));
    const onRender = (raster: PageRaster) => {
      this.#ocrRaster = { number: pageNumber, raster };
    };
    try {
      const scanRaster = (pdfPage: PDFPageProxy, geometry: { dpi: number; maxPixels?: number }) =>
        this.#scanRasters.render(pdfPage, pageNumber, geometry);
      return await ocrPdfPage(page, engine, { ...options, pageNumber, onRender, scanRaster });
    } finally {
      if (held === undefined) page.cleanup();
    }
  }

  /**
   * Draws page `pageNumber`'s OCR raster ahead when it is a plain scan (scan-page-raster.ts): pages
   * drawn by pdf.js are left alone (a render there takes the thread for as long as the reading).
   */
  prepareOcrPage(pageNumber: number, options: { readonly dpi: number }): void {
    if (this.#closed || pageNumber < 1 || pageNumber > this.#document.numPages) return;
    this.#document.getPage(pageNumber).then(
      (page) => {
        if (!this.#closed) this.#scanRasters.prefetch(page, pageNumber, { dpi: options.dpi });
      },
      () => {},
    );
  }

  /**
   * Opens the page once for all its regions (or takes the page just read, still open), rendering them one
   * after another, then releases it.
   */
  async renderRegions(pageNumber: number, regions: readonly Box[], dpi: number): Promise<Uint8Array[]> {
    if (this.#closed) throw new Error("The PDF source is closed");
    const held = this.#held?.number === pageNumber ? this.#held.page : undefined;
    const page = held ?? (await this.#document.getPage(pageNumber));
    try {
      const images: Uint8Array[] = [];
      for (const region of regions) {
        const scale = regionScale(region, { dpi });
        // Encoded straight out of a kept raster that covers the region at this scale, or resampled from
        // one at a finer scale; else rendered.
        const kept = held === undefined ? [] : this.#rasters;
        let cut: Uint8Array | undefined;
        for (const raster of kept) {
          const window = cut === undefined ? cropWindow(raster, region, scale) : undefined;
          if (window !== undefined) cut = encodePngWindow(raster, window);
        }
        for (const raster of kept) {
          const resampled = cut === undefined ? await resampledCrop(raster, region, scale) : undefined;
          if (resampled !== undefined) cut = encodePng(resampled.rgba, resampled.width, resampled.height);
        }
        images.push(cut ?? (await renderPdfRegion(page, region, { dpi })));
      }
      return images;
    } finally {
      if (held !== undefined) await this.#releaseHeld();
      else page.cleanup();
    }
  }

  /**
   * A region of the page (default: all of it) as RGBA, for barcode scanning; large ones at less than
   * `dpi`. The page just read stays open for the figure-image render that may follow.
   */
  async renderPage(pageNumber: number, dpi: number, region?: Box): Promise<PagePixels> {
    if (this.#closed) throw new Error("The PDF source is closed");
    const held = this.#held?.number === pageNumber ? this.#held.page : undefined;
    const page = held ?? (await this.#document.getPage(pageNumber));
    try {
      const { width, height } = page.getViewport({ scale: 1 });
      const area = region ?? { left: 0, top: 0, right: width, bottom: height };
      const options = { dpi, maxPixels: MAX_RENDER_PIXELS };
      // A page OCR rendered (a scan) is cut from that raster rather than drawn again.
      const rendered = this.#ocrRaster?.number === pageNumber ? this.#ocrRaster.raster : undefined;
      const fromRaster = rendered === undefined ? undefined : await regionFromRaster(rendered, area, options);
      if (fromRaster !== undefined) return fromRaster;
      // Kept for figure images cut from the same render (in colour: not from the OCR's grey raster).
      const pixels = await renderPdfRegionPixels(page, area, options);
      const keptPixels = this.#rasters.reduce((sum, kept) => sum + kept.width * kept.height, 0);
      if (held !== undefined && keptPixels + pixels.width * pixels.height <= MAX_KEPT_PIXELS)
        this.#rasters.push({ ...pixels, region: area });
      return pixels;
    } finally {
      if (held === undefined) page.cleanup();
    }
  }

  /** Frees the page last read (its pdf.js resources), and every so often the document-wide caches. */
  async #releaseHeld(): Promise<void> {
    this.#ocrRaster = undefined;
    const held = this.#held;
    if (held === undefined) return;
    this.#held = undefined;
    this.#rasters = [];
    if (held.page.cleanup()) this.#pagesReleased++;
    this.#openPages--;
    if (this.#pagesRead % PAGES_BETWEEN_DOCUMENT_CLEANUPS === 0 && this.#pagesRead > 0 && !this.#closed)
      await this.#document.cleanup();
  }

  async readPage(pageNumber: number): Promise<Page> {
    if (this.#closed) throw new Error("The PDF source is closed");
    await this.#releaseHeld();
    const page = await this.#document.getPage(pageNumber);
    this.#openPages++;
    this.#peakOpenPages = Math.max(this.#peakOpenPages, this.#openPages);
    try {
      // Scale 1 keeps units in points; the viewport applies /Rotate, the crop box offset and /UserUnit.
      const viewport = page.getViewport({ scale: 1 });
      const transform = toMatrix(viewport.transform);
      if (transform === undefined) throw new Error(`Page ${pageNumber} has an invalid viewport transform`);
      const frame: PageFrame = { transform, width: viewport.width, height: viewport.height };
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, PdfFontStyle | undefined>;
      const runs: RunWords[] = [];
      // The words of the last run that had any (never empty).
      let lastWords: Word[] | undefined;
      for (const item of content.items) {
        if (!("str" in item)) continue; // marked-content delimiters carry no text
        const itemTransform = toMatrix(item.transform);
        if (itemTransform === undefined) continue;
        const run = { ...item, transform: itemTransform };
        // A space pdf.js reports as a run of its own marks the end of the word before it.
        const lastWord = lastWords?.at(-1);
        if (lastWords !== undefined && lastWord !== undefined && isSpaceAfter(run, lastWord, frame))
          lastWords[lastWords.length - 1] = { ...lastWord, spaceAfter: true };
        const style = styles[item.fontName];
        const runWords = textRunWords(run, style, frame);
        if (runWords.length === 0) continue;
        const extent = uprightRunExtent(run, style, frame);
        runs.push({ text: item.str, words: runWords, ...(extent === undefined ? {} : { extent }) });
        lastWords = runWords;
      }
      // Ruling lines (table borders) come from the operator list, the costliest read (it also decodes
      // images); a page without words can hold no table, so it skips the list, as does parse_light.
      // The same walk yields figure candidates (images, vector drawings) for figures/.
      const { rulings, shades, graphics, ligatures, textSpans, glyphs, symbols } =
        runs.length > 0 && this.#vectorGraphics
          ? await readPageGraphics(page, transform)
          : {
              rulings: [],
              shades: [],
              graphics: undefined,
              ligatures: undefined,
              textSpans: [],
              glyphs: undefined,
              symbols: new Map(),
            };
      const spans = textSpans.length > 0 ? new SpanIndex(textSpans) : undefined;
      // Word edges where their glyphs are drawn, then words at the size their glyphs are drawn (a run
      // pdf.js sized by its first glyph alone).
      const placed = glyphs === undefined ? runs : withGlyphPositions(runs, glyphs);
      const sized = spans === undefined ? placed : withGlyphSizes(placed, spans);
      // Checkbox glyphs of symbol fonts read as ballot boxes (their text decodes to nothing).
      const words = withSymbolMeanings(withoutPartialOverprints(sized), symbols);
      // Filled-in form values live in widget annotations, not in the page's text.
      const formFields = await readFormFields(page, transform);
      this.#pagesRead++;
      return {
        number: pageNumber,
        width: viewport.width,
        height: viewport.height,
        // After the operator list: only then has pdf.js handed over the page's font objects.
        // Right-to-left words with a ligature pdf.js turned around read as the glyphs show.
        words: withFontStyles(
          ligatures === undefined ? words : repairLigatures(words, ligatures),
          page.commonObjs,
          this.#fontStyles,
        ),
        lines: [],
        blocks: [],
        rulings,
        shades,
        ...(graphics === undefined ? {} : { graphics }),
        ...(formFields.length === 0 ? {} : { formFields }),
      };
    } finally {
      // Released by the next read, a render of this page, or close.
      this.#held = { number: pageNumber, page };
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#scanRasters.clear();
    await this.#releaseHeld();
    await this.#task.destroy();
  }
}

/** The words with bold/italic and the font name set where their font is known (others unchanged). */
function withFontStyles(words: Word[], store: PdfFontStore, styles: DocumentFontStyles): Word[] {
  return words.map((word) => {
    const style = styles.lookup(store, word.fontId);
    const fontName = styles.name(word.fontId);
    const named = fontName === undefined ? word : { ...word, fontName };
    return style === undefined ? named : { ...named, bold: style.bold, italic: style.italic };
  });
}
