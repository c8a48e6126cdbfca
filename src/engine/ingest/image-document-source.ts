/**
 * An image file (PNG, JPEG, GIF, BMP, WebP) as a one-page document. Its page is the image with one
 * point per pixel (boxes of image documents are in pixels), and it has no text layer, so its words come
 * from the OCR stage. The image is decoded once and kept for that one page.
 */
import type { DocumentSource } from "../document/document-source.ts";
import { emptyPage, type Page } from "../document/page.ts";
import type { OcrEngine, RgbaImage } from "../ocr/ocr-engine.ts";
import { type OcrPageResult, type OcrPdfPageOptions, ocrPage } from "../ocr/ocr-page.ts";
import { decodeImageFile } from "../ocr/raster.ts";

export class ImageDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCount = 1;
  #image: RgbaImage | undefined;

  private constructor(image: RgbaImage) {
    this.#image = image;
  }

  /** Rejects when the bytes do not decode (a corrupt or truncated image). */
  static async open(bytes: Uint8Array): Promise<ImageDocumentSource> {
    return new ImageDocumentSource(await decodeImageFile(bytes));
  }

  async readPage(pageNumber: number): Promise<Page> {
    const image = this.#requireImage();
    if (pageNumber !== 1) throw new Error(`An image has one page, not ${pageNumber}`);
    return emptyPage(1, image.width, image.height);
  }

  async ocrPage(
    pageNumber: number,
    engine: OcrEngine,
    options: Omit<OcrPdfPageOptions, "pageNumber">,
  ): Promise<OcrPageResult> {
    // scale 1: one point per pixel, whatever DPI tesseract is told the scan has.
    return ocrPage(this.#requireImage(), engine, { ...options, pageNumber, scale: 1 });
  }

  async close(): Promise<void> {
    this.#image = undefined;
  }

  #requireImage(): RgbaImage {
    if (this.#image === undefined) throw new Error("The image source is closed");
    return this.#image;
  }
}
