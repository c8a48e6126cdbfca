/**
 * DocumentSource: an opened input that yields pages one at a time, so a long document never has all its
 * pages' resources in memory (the PDF source frees each pdf.js page once it has been read).
 */

import type { OcrEngine } from "../ocr/ocr-engine.ts";
import type { OcrPageResult, OcrPdfPageOptions } from "../ocr/ocr-page.ts";
import type { Box } from "./box.ts";
import type { Issue, StageId } from "./issue.ts";
import type { Page } from "./page.ts";

export interface DocumentSource {
  /** The stage that reading pages belongs to, for issues about unreadable pages. */
  readonly stage: StageId;
  readonly pageCount: number;
  /**
   * What metrics.pageCount counts: the pages read ("pages", the default) or, for spreadsheets, an
   * estimate from the rendered content's volume ("content"; Extend: "~1000 tokens per page").
   */
  readonly pageCountBasis?: "pages" | "content";
  /** What opening found worth saying (warnings about content left out); the ingest stage reports them. */
  readonly openIssues?: readonly Issue[];
  /**
   * Reads page `pageNumber` (1-based) with its words, or its blocks when the source has no geometry.
   * Callers read pages in order and one at a time. Rejects when the page cannot be read.
   */
  readPage(pageNumber: number): Promise<Page>;
  /**
   * Renders page `pageNumber` and recognises its text (sources whose pages are images: scanned PDFs).
   * Absent when the source has no page images (plain text).
   */
  ocrPage?(
    pageNumber: number,
    engine: OcrEngine,
    options: Omit<OcrPdfPageOptions, "pageNumber">,
  ): Promise<OcrPageResult>;
  /**
   * A hint that page `pageNumber` will be OCR'd next at `dpi`: a source that can prepare its raster
   * cheaply in the background starts now (called while the engine reads the page before it).
   */
  prepareOcrPage?(pageNumber: number, options: { readonly dpi: number }): void;
  /**
   * Renders `regions` of page `pageNumber` (page points, as displayed) to PNG, one image per region, in
   * order (figure images). Absent when the source has no page images (plain text).
   */
  renderRegions?(pageNumber: number, regions: readonly Box[], dpi: number): Promise<Uint8Array[]>;
  /**
   * Renders `region` of page `pageNumber` (page points; default the whole page) to pixels at about `dpi`
   * (image sources: at their own resolution; large regions at less), for barcode scanning: grey when the
   * page is grey (a scan), else RGBA. Absent when the source has no page images (plain text).
   */
  renderPage?(pageNumber: number, dpi: number, region?: Box): Promise<PagePixels>;
  /** Frees everything the source holds; idempotent. */
  close(): Promise<void>;
}

/**
 * A rendered page or region, row-major: unpremultiplied, opaque RGBA, or 8-bit grey for a page that has no
 * colour (a scan), a quarter of the bytes for the same pixels.
 */
export type PagePixels = RgbaPagePixels | GrayPagePixels;

export interface RgbaPagePixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array | Uint8ClampedArray;
}

export interface GrayPagePixels {
  readonly width: number;
  readonly height: number;
  readonly gray: Uint8Array;
}

/** Why a source could not be opened, in Extend's failureReason vocabulary. */
export type SourceFailureReason =
  | "CORRUPT_FILE"
  | "PASSWORD_PROTECTED_FILE"
  | "FILE_SIZE_TOO_LARGE"
  | "FILE_TYPE_NOT_SUPPORTED"
  | "FAILED_TO_CONVERT_TO_PDF";

export type OpenSourceResult =
  | { readonly ok: true; readonly source: DocumentSource }
  | { readonly ok: false; readonly reason: SourceFailureReason; readonly message: string };
