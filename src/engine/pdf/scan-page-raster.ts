/**
 * The OCR raster of a scanned PDF page without pdf.js drawing it: when the page is one plain image
 * (single-image-page.ts), its samples are decoded natively and drawn as pdf.js would (draw-scan-image.ts),
 * at the size and scale renderPdfPage gives. A 600 DPI scan costs pdf.js about as long to decode and draw at
 * 300 DPI as the OCR itself; this path takes a fraction of that. Any page it cannot draw exactly gives
 * undefined, and the caller renders it with pdf.js.
 */
import { PDFBool, PDFDocument, PDFName } from "pdf-lib";
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { type DeviceRectangle, drawScanImage } from "./draw-scan-image.ts";
import { applyToPoint, type Matrix, multiply, toMatrix } from "./matrix.ts";
import type { PDFDocumentProxy, PDFPageProxy } from "./pdfjs.ts";
import { pageRasterGeometry } from "./render-page.ts";
import { scanImageSamples } from "./scan-image-samples.ts";
import { type ClipRectangle, singlePageImage } from "./single-image-page.ts";

export interface ScanRaster {
  readonly image: GrayImage;
  /** Pixels per page point. */
  readonly scale: number;
  readonly dpi: number;
}

// pdf-lib parses every object of the file on load (seconds for thousands of pages), and keeps a copy of
// it: worth it for scans (large pages, each saving pdf.js's draw), not for a long digital document with the
// odd scanned page, nor for a file too large to hold twice.
const MAX_PAGES_ANY_SIZE = 100;
const MIN_BYTES_PER_PAGE = 50_000;
const MAX_FILE_BYTES = 512 * 1024 * 1024;

interface RasterOptions {
  readonly dpi: number;
  readonly maxPixels?: number;
}

/**
 * Reads a document's scanned pages straight from its image streams; the PDF is parsed on first use. One
 * page may be drawn ahead (prefetch): while tesseract reads a page, this thread is idle, and drawing the
 * next page then takes that time off the next page's start.
 */
export class ScanPageRasters {
  readonly #source: PDFDocumentProxy;
  #document: Promise<PDFDocument | undefined> | undefined;
  #ahead: { readonly key: string; readonly raster: Promise<ScanRaster | undefined> } | undefined;

  constructor(source: PDFDocumentProxy) {
    this.#source = source;
  }

  /** `page` (pdf.js, page `pageNumber`) as renderPdfPage + rgbaToGray would give it, or undefined. */
  render(page: PDFPageProxy, pageNumber: number, options: RasterOptions): Promise<ScanRaster | undefined> {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    if (ahead?.key === keyOf(pageNumber, options)) return ahead.raster;
    return this.#draw(page, pageNumber, options);
  }

  /**
   * Starts drawing `page` for a render() with the same page and options to come; a render of anything
   * else drops it (one page ahead at most: a raster is megabytes).
   */
  prefetch(page: PDFPageProxy, pageNumber: number, options: RasterOptions): Promise<ScanRaster | undefined> {
    const key = keyOf(pageNumber, options);
    if (this.#ahead?.key !== key)
      this.#ahead = { key, raster: this.#draw(page, pageNumber, options).catch(() => undefined) };
    return this.#ahead.raster;
  }

  /** Drops a raster drawn ahead. */
  clear(): void {
    this.#ahead = undefined;
  }

  async #draw(
    page: PDFPageProxy,
    pageNumber: number,
    options: RasterOptions,
  ): Promise<ScanRaster | undefined> {
    this.#document ??= this.#load();
    const document = await this.#document;
    if (document === undefined || pageNumber < 1 || pageNumber > document.getPageCount()) return undefined;
    const leaf = document.getPage(pageNumber - 1);
    // pdf-lib and pdf.js must agree on the page (a repaired file may be read differently).
    const box = leaf.getMediaBox();
    const [x1, y1, x2, y2] = page.view as [number, number, number, number];
    const sameBox = Math.abs(box.width - (x2 - x1)) < 0.01 && Math.abs(box.height - (y2 - y1)) < 0.01;
    if (!sameBox || ((leaf.getRotation().angle % 360) + 360) % 360 !== page.rotate) return undefined;
    const found = singlePageImage(leaf.node);
    if (found === undefined) return undefined;
    const { scale, viewport, width, height } = pageRasterGeometry(page, options);
    const toDevice = toMatrix(viewport.transform);
    if (toDevice === undefined) return undefined;
    const clip = deviceClip(found.clips, toDevice, width, height);
    if (clip === undefined) return undefined;
    const samples = await scanImageSamples(found.stream);
    if (samples === undefined) return undefined;
    const interpolate = found.stream.dict.lookup(PDFName.of("Interpolate")) === PDFBool.True;
    const image = drawScanImage(samples, multiply(toDevice, found.matrix), clip, width, height, interpolate);
    return image === undefined ? undefined : { image, scale, dpi: scale * 72 };
  }

  async #load(): Promise<PDFDocument | undefined> {
    try {
      const { length } = await this.#source.getDownloadInfo();
      const pages = this.#source.numPages;
      if (length > MAX_FILE_BYTES || (pages > MAX_PAGES_ANY_SIZE && length / pages < MIN_BYTES_PER_PAGE))
        return undefined;
      return await PDFDocument.load(await this.#source.getData(), { updateMetadata: false });
    } catch {
      return undefined; // encrypted or unreadable to pdf-lib: pdf.js renders every page
    }
  }
}

/** The intersection of the clips (and the raster) in device pixels; undefined if one is not axis-aligned. */
function deviceClip(
  clips: readonly ClipRectangle[],
  toDevice: Matrix,
  width: number,
  height: number,
): DeviceRectangle | undefined {
  let [left, top, right, bottom] = [0, 0, width, height];
  for (const clip of clips) {
    const matrix = multiply(toDevice, clip.matrix);
    if (!((matrix[1] === 0 && matrix[2] === 0) || (matrix[0] === 0 && matrix[3] === 0))) return undefined;
    const corner1 = applyToPoint(matrix, { x: clip.x, y: clip.y });
    const corner2 = applyToPoint(matrix, { x: clip.x + clip.width, y: clip.y + clip.height });
    left = Math.max(left, Math.min(corner1.x, corner2.x));
    right = Math.min(right, Math.max(corner1.x, corner2.x));
    top = Math.max(top, Math.min(corner1.y, corner2.y));
    bottom = Math.min(bottom, Math.max(corner1.y, corner2.y));
  }
  return [left, top, Math.max(left, right), Math.max(top, bottom)];
}

function keyOf(pageNumber: number, options: RasterOptions): string {
  return `${pageNumber}:${options.dpi}:${options.maxPixels ?? ""}`;
}
