/**
 * Images for OCR tests: a synthetic page (known Helvetica text drawn with pdf-lib, rendered with pdf.js)
 * whose word boxes are known in points, corpus scans rendered or decoded, and box overlap. Test support only.
 */
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Box } from "../document/box.ts";
import { loadPdf } from "../pdf/pdfjs.ts";
import { renderPdfPage } from "../pdf/render-page.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import type { GrayImage, OcrEngine } from "./ocr-engine.ts";
import { decodeImageFile, rgbaToGray } from "./raster.ts";
import { TesseractCliOcrEngine } from "./tesseract-cli-ocr-engine.ts";
import { TesseractJsOcrEngine } from "./tesseract-js-ocr-engine.ts";

export interface KnownWord {
  readonly text: string;
  /** Font box (descent to ascent) in page points, top-left origin. */
  readonly box: Box;
}

export interface SyntheticPage {
  readonly image: GrayImage;
  readonly dpi: number;
  /** Pixels per point. */
  readonly scale: number;
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  readonly words: readonly KnownWord[];
}

export const SYNTHETIC_LINES = [
  "Quarterly revenue grew by twelve percent",
  "Invoice number 4821 was paid in March",
  "The quick brown fox jumps over the lazy dog",
  "Shipping address: 17 Harbour Street, Leeds",
  "Please contact the office before Friday",
] as const;

const SIZE = 16;
const LEADING = 26;
const MARGIN = 54;
// Helvetica's font box per em (AFM ascender 718, descender −207).
const ASCENT = 0.718;
const DESCENT = 0.207;

const synthetic = new Map<number, Promise<SyntheticPage>>();

/** A short page (612 × 200 pt) of five 16-pt lines, rendered at `dpi`; cached per DPI. */
export function syntheticPage(dpi: number): Promise<SyntheticPage> {
  let page = synthetic.get(dpi);
  if (page === undefined) {
    page = makeSyntheticPage(dpi);
    synthetic.set(dpi, page);
  }
  return page;
}

async function makeSyntheticPage(dpi: number): Promise<SyntheticPage> {
  const width = 612;
  const height = 200;
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const pdfPage = document.addPage([width, height]);
  const words: KnownWord[] = [];
  SYNTHETIC_LINES.forEach((line, index) => {
    const baselineFromTop = MARGIN / 2 + SIZE + index * LEADING;
    pdfPage.drawText(line, { x: MARGIN, y: height - baselineFromTop, size: SIZE, font });
    let x = MARGIN;
    for (const text of line.split(" ")) {
      const wordWidth = font.widthOfTextAtSize(text, SIZE);
      const box = {
        left: x,
        top: baselineFromTop - ASCENT * SIZE,
        right: x + wordWidth,
        bottom: baselineFromTop + DESCENT * SIZE,
      };
      words.push({ text, box });
      x += wordWidth + font.widthOfTextAtSize(" ", SIZE);
    }
  });
  const rendered = await renderFirstPage(await document.save(), dpi);
  return { ...rendered, width, height, words };
}

/** Page 1 of a PDF rendered at `dpi`, as grey. */
export async function renderFirstPage(
  pdf: Uint8Array,
  dpi: number,
): Promise<{ image: GrayImage; dpi: number; scale: number }> {
  const task = loadPdf(pdf, undefined);
  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const rendered = await renderPdfPage(page, { dpi });
    page.cleanup();
    return { image: rgbaToGray(rendered), dpi: rendered.dpi, scale: rendered.scale };
  } finally {
    await task.destroy();
  }
}

/** A corpus PDF's first page rendered at `dpi` (path relative to ../shared/corpus). */
export function corpusPdfPage(
  path: string,
  dpi: number,
): Promise<{ image: GrayImage; dpi: number; scale: number }> {
  return renderFirstPage(corpusFile(path), dpi);
}

/** A corpus image file (PNG/JPEG) decoded to grey. */
export async function corpusImage(path: string): Promise<GrayImage> {
  return rgbaToGray(await decodeImageFile(corpusFile(path)));
}

/** A corpus text file. */
export function corpusText(path: string): string {
  return readFileSync(new URL(`../../../../shared/corpus/${path}`, import.meta.url), "utf8");
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
  const height = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const intersection = width * height;
  const area = (box: Box) => (box.right - box.left) * (box.bottom - box.top);
  return intersection === 0 ? 0 : intersection / (area(a) + area(b) - intersection);
}

export function scaleBox(box: Box, factor: number): Box {
  return {
    left: box.left * factor,
    top: box.top * factor,
    right: box.right * factor,
    bottom: box.bottom * factor,
  };
}

/** Lower-cased words with surrounding punctuation removed, for recall against ground truth. */
export function normalizedWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word !== "");
}

/** Share of `expected` words found in `actual` (as a multiset). */
export function wordRecall(expected: readonly string[], actual: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const word of actual) pool.set(word, (pool.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of expected) {
    const left = pool.get(word) ?? 0;
    if (left > 0) {
      found++;
      pool.set(word, left - 1);
    }
  }
  return expected.length === 0 ? 1 : found / expected.length;
}

/** The CLI engine when tesseract is installed (faster), else tesseract.js; for tests not about one engine. */
export async function fastestOcrEngine(): Promise<OcrEngine> {
  const cli = new TesseractCliOcrEngine();
  if (await cli.isAvailable()) return cli;
  await cli.close();
  return new TesseractJsOcrEngine({ workers: 1 });
}
