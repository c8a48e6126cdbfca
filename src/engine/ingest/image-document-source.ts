/**
 * An image file as a document: PNG, JPEG (EXIF orientation applied), GIF, BMP, WebP, HEIC/HEIF/AVIF,
 * and TIFF with one page per TIFF page. Each page is its image with one point per pixel (boxes of image documents are in
 * pixels) and no text layer, so its words come from the OCR stage. Pages are decoded (by sharp/libvips)
 * one at a time, when read, so a long multi-page TIFF never sits decoded in memory; the last page decoded
 * is kept, because reading, OCR and the barcode scan of a page each need its pixels. A page is kept in
 * the bands it has (decoded-image-page.ts), with its grey raster, which OCR and the barcode scan share;
 * figure crops are cut from the bands (in colour for a colour image).
 */
import sharp from "sharp";
import type { Box } from "../document/box.ts";
import type { DocumentSource, PagePixels } from "../document/document-source.ts";
import { emptyPage, type Page } from "../document/page.ts";
import type { GrayImage, OcrEngine } from "../ocr/ocr-engine.ts";
import { type OcrPageResult, type OcrPdfPageOptions, ocrPage } from "../ocr/ocr-page.ts";
import { type DecodedImagePage, decodeImagePage, grayOfPage } from "./decoded-image-page.ts";
import { readWithHeicFallback } from "./heic-image.ts";

// libvips refuses images above this many pixels unless told otherwise; a 600 DPI A3 scan is ~70 MP.
const MAX_INPUT_PIXELS = 100_000_000;

export class ImageDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCount: number;
  readonly #bytes: Uint8Array;
  /** The page decoded last, shared by the stages that read it; never modified. */
  #decoded: { readonly pageNumber: number; readonly image: Promise<DecodedImagePage> } | undefined;
  /** That page's grey raster, made once for OCR and the barcode scan both. */
  #gray: { readonly pageNumber: number; readonly image: GrayImage } | undefined;
  #closed = false;

  private constructor(bytes: Uint8Array, pageCount: number, first: DecodedImagePage) {
    this.#bytes = bytes;
    this.pageCount = pageCount;
    this.#decoded = { pageNumber: 1, image: Promise.resolve(first) };
  }

  /** Rejects when the bytes do not decode (a corrupt or truncated image). */
  static async open(input: Uint8Array): Promise<ImageDocumentSource> {
    // HEVC-coded HEIC, which libvips cannot read, is decoded once, up front, into a lossless PNG.
    return readWithHeicFallback(input, (bytes) => ImageDocumentSource.#open(bytes));
  }

  static async #open(bytes: Uint8Array): Promise<ImageDocumentSource> {
    const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    // Decode the first page now so a truncated file fails at open, not halfway through a run.
    const first = await decodePage(bytes, 1);
    // Only TIFF pages are separate pages; an animated GIF or WebP is one picture.
    return new ImageDocumentSource(bytes, metadata.format === "tiff" ? (metadata.pages ?? 1) : 1, first);
  }

  async readPage(pageNumber: number): Promise<Page> {
    this.#checkPage(pageNumber);
    const image = await this.#page(pageNumber);
    return emptyPage(pageNumber, image.width, image.height);
  }

  async ocrPage(
    pageNumber: number,
    engine: OcrEngine,
    options: Omit<OcrPdfPageOptions, "pageNumber">,
  ): Promise<OcrPageResult> {
    this.#checkPage(pageNumber);
    // scale 1: one point per pixel, whatever DPI tesseract is told the scan has. An image's resolution is
    // unknown, so OCR measures its text and enlarges it when the letters are too small to read.
    return ocrPage(await this.#pageGray(pageNumber), engine, {
      ...options,
      pageNumber,
      scale: 1,
      upscaleSmallText: true,
    });
  }

  /**
   * A region of the page (default: all of it) at the image's own resolution, whatever `dpi` asks, in grey:
   * the raster OCR reads (barcode decoding reads luminance only, and a colour photo's RGBA would be four
   * times the bytes to make, shrink and search).
   */
  async renderPage(pageNumber: number, _dpi: number, region?: Box): Promise<PagePixels> {
    this.#checkPage(pageNumber);
    const image = await this.#pageGray(pageNumber);
    if (region === undefined) return image;
    const { left, top, width, height } = pixelRect(region, image);
    // The whole page (a scan searched for barcodes) needs no copy.
    if (width === image.width && height === image.height) return image;
    const gray = new Uint8Array(width * height);
    for (let row = 0; row < height; row++) {
      const from = (top + row) * image.width + left;
      gray.set(image.gray.subarray(from, from + width), row * width);
    }
    return { width, height, gray };
  }

  /**
   * Cuts `regions` (pixels: one point per pixel) out of the page as PNG at the image's own resolution,
   * whatever `dpi` asks: resampling a raster adds no detail (figure and barcode images).
   */
  async renderRegions(pageNumber: number, regions: readonly Box[], _dpi: number): Promise<Uint8Array[]> {
    this.#checkPage(pageNumber);
    const image = await this.#page(pageNumber);
    const raw = { width: image.width, height: image.height, channels: image.channels };
    const pngs: Uint8Array[] = [];
    for (const region of regions) {
      const { left, top, width, height } = pixelRect(region, image);
      // Grey pages give grey PNGs: the same pixels, in a quarter of the bytes.
      const png = await sharp(image.data, { raw })
        .extract({ left, top, width, height })
        .png({ compressionLevel: 1 })
        .toBuffer();
      // A copy that owns its memory: sharp's buffer is external and cannot be moved between threads.
      pngs.push(new Uint8Array(png));
    }
    return pngs;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#decoded = undefined;
    this.#gray = undefined;
  }

  /** Page `pageNumber` in grey, kept while it is the page last decoded. */
  async #pageGray(pageNumber: number): Promise<GrayImage> {
    const page = await this.#page(pageNumber);
    if (this.#gray?.pageNumber !== pageNumber) this.#gray = { pageNumber, image: grayOfPage(page) };
    return this.#gray.image;
  }

  /** Page `pageNumber` decoded, from the one-page cache when it was the last one asked for. */
  #page(pageNumber: number): Promise<DecodedImagePage> {
    if (this.#decoded?.pageNumber !== pageNumber) {
      const image = decodePage(this.#bytes, pageNumber);
      this.#decoded = { pageNumber, image };
      this.#gray = undefined;
      // A failed decode is not kept: the next call tries again.
      image.catch(() => {
        if (this.#decoded?.image === image) this.#decoded = undefined;
      });
    }
    return this.#decoded!.image;
  }

  #checkPage(pageNumber: number): void {
    if (this.#closed) throw new Error("The image source is closed");
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > this.pageCount) {
      throw new Error(`The image has ${this.pageCount} page(s), not page ${pageNumber}`);
    }
  }
}

/** The whole pixels `region` (points are pixels) covers, within the image; at least one pixel. */
function pixelRect(region: Box, image: { width: number; height: number }) {
  const left = Math.max(0, Math.min(image.width - 1, Math.floor(region.left)));
  const top = Math.max(0, Math.min(image.height - 1, Math.floor(region.top)));
  const width = Math.max(1, Math.min(image.width, Math.ceil(region.right)) - left);
  const height = Math.max(1, Math.min(image.height, Math.ceil(region.bottom)) - top);
  return { left, top, width, height };
}

/** One page, upright, in the bands it has. */
function decodePage(bytes: Uint8Array, pageNumber: number): Promise<DecodedImagePage> {
  return decodeImagePage(bytes, pageNumber, MAX_INPUT_PIXELS);
}
