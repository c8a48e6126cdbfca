/**
 * Barcode blocks of a page: each candidate region (barcode-regions.ts) is rendered and decoded by zxing;
 * every code found becomes a `barcode` block with its box in page points, placed into the reading order
 * like a figure. A figure that is mostly the barcode (the image the code was printed as) and text blocks
 * lying inside a code (OCR reading modules as letters) leave the page, so the code is not there twice.
 */
import type { Block } from "../document/block.ts";
import { type Box, boxAroundPoints, boxHeight, boxWidth, clipBox } from "../document/box.ts";
import type { Page } from "../document/page.ts";
import { type BarcodeRegion, barcodeRegions } from "./barcode-regions.ts";
import { decodeBarcodes } from "./zxing-reader.ts";

export type RenderRegions = (
  pageNumber: number,
  regions: readonly Box[],
  dpi: number,
) => Promise<Uint8Array[]>;

export interface BarcodePageOptions {
  /** blockOptions.barcodes.readingEnabled: keep the decoded value on the block. */
  readonly reading: boolean;
  /** blockOptions.barcodes.imageClippingEnabled: render each code's box to PNG. */
  readonly clipping: boolean;
}

/**
 * Resolution of region renders. Tiny regions (up to TINY_REGION square points: a code on its own) render
 * at TINY_DPI and small ones (up to SMALL_REGION: a label) at SMALL_DPI, so the modules of small printed
 * codes get a few pixels each (a 0.33 mm EAN module: 2.6 px at 200 DPI); larger ones
 * (photos, whole scanned pages) at LARGE_DPI, as rendering dominates the cost — and a large image that
 * already has its figure image (figure-images.ts, at that resolution) is decoded from it, not rendered again.
 */
const TINY_DPI = 300;
const TINY_REGION = 100 * 100;
const SMALL_DPI = 200;
const LARGE_DPI = 150;
const PAGE_DPI = 200;
const SMALL_REGION = 200 * 200;
/** A figure image matches a region when their edges are this close (points). */
const SAME_EDGE = 2;
const CLIP_DPI = 150;
/** A figure this much covered by barcodes is the barcode's own image. */
const FIGURE_COVER = 0.25;
/** A text block this much inside a barcode is OCR noise read off its modules. */
const INSIDE_SHARE = 0.8;

/** Adds barcode blocks to `page.blocks`; returns how many were found. */
export async function barcodePage(
  page: Page,
  render: RenderRegions,
  options: BarcodePageOptions,
): Promise<number> {
  const regions = barcodeRegions(page);
  if (regions.length === 0) return 0;
  const figureImages = page.blocks.flatMap((block) =>
    block.figure?.png !== undefined && block.box !== null ? [{ box: block.box, png: block.figure.png }] : [],
  );
  const found: { format: string; text: string; box: Box }[] = [];
  for (const region of regions)
    for (const code of await decodeRegion(page.number, region, render, figureImages))
      if (
        !found.some(
          (other) =>
            other.text === code.text && other.format === code.format && overlaps(other.box, code.box),
        )
      )
        found.push(code);
  if (found.length === 0) return 0;
  const clips = options.clipping
    ? await render(
        page.number,
        found.map((code) => clipRegion(code.box, page)),
        CLIP_DPI,
      )
    : [];
  const codes: Block[] = found.map((code, index) => {
    const png = clips[index];
    return {
      type: "barcode",
      text: options.reading ? code.text : "",
      box: code.box,
      lines: [],
      barcode: {
        format: code.format,
        ...(options.reading ? { value: code.text } : {}),
        ...(png === undefined ? {} : { png }),
      },
    };
  });
  let blocks = page.blocks.filter(
    (block) =>
      !isCoveredBy(
        block,
        found.map((code) => code.box),
      ),
  );
  const byPosition = rowMajor(codes);
  for (const code of byPosition) blocks = placeBarcode(blocks, code);
  page.blocks = blocks;
  return codes.length;
}

/** Codes in rows (a code starting above the row's first one ends joins it), each row left to right. */
function rowMajor(codes: readonly Block[]): Block[] {
  const byTop = [...codes].sort((a, b) => a.box!.top - b.box!.top);
  const rows: Block[][] = [];
  for (const code of byTop) {
    const row = rows.at(-1);
    if (row !== undefined && code.box!.top < row[0]!.box!.bottom) row.push(code);
    else rows.push([code]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box!.left - b.box!.left));
}

/**
 * Puts a code into blocks already in reading order: before the first block that starts below the code
 * and shares some of its width, or that starts below the code's bottom edge; else at the end.
 */
function placeBarcode(blocks: readonly Block[], code: Block): Block[] {
  const box = code.box!;
  const index = blocks.findIndex((block) => {
    if (block.box === null) return false;
    const sharesWidth = Math.min(block.box.right, box.right) > Math.max(block.box.left, box.left);
    return (sharesWidth && block.box.top >= box.top - 2) || block.box.top >= box.bottom;
  });
  return index < 0 ? [...blocks, code] : [...blocks.slice(0, index), code, ...blocks.slice(index)];
}

async function decodeRegion(
  pageNumber: number,
  region: BarcodeRegion,
  render: RenderRegions,
  figureImages: readonly { readonly box: Box; readonly png: Uint8Array }[],
): Promise<{ format: string; text: string; box: Box }[]> {
  const small = area(region.core) <= SMALL_REGION;
  const rendered = small ? undefined : figureImages.find((image) => sameBox(image.box, region.core));
  if (rendered !== undefined) return decodeImage(rendered.png, rendered.box);
  if (boxWidth(region.box) <= 0 || boxHeight(region.box) <= 0) return [];
  const dpi =
    area(region.core) <= TINY_REGION
      ? TINY_DPI
      : small
        ? SMALL_DPI
        : region.kind === "page"
          ? PAGE_DPI
          : LARGE_DPI;
  const [png] = await render(pageNumber, [region.box], dpi);
  return png === undefined ? [] : decodeImage(png, region.box);
}

/** Codes in `png`, a render of `box`, with their boxes in page points. */
async function decodeImage(png: Uint8Array, box: Box): Promise<{ format: string; text: string; box: Box }[]> {
  const width = boxWidth(box);
  const height = boxHeight(box);
  const size = pngSize(png);
  if (size === undefined) return [];
  // Image sources render at their own resolution, so the scale is read off the raster, not the DPI.
  const scaleX = size.width / width;
  const scaleY = size.height / height;
  return (await decodeBarcodes(png)).map((code) => ({
    format: code.format,
    text: code.text,
    box: boxAroundPoints(
      code.corners.map((point) => ({
        x: box.left + point.x / scaleX,
        y: box.top + point.y / scaleY,
      })),
    )!,
  }));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  if (png.length < 24) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A figure mostly made of barcodes, or a text block inside one. */
function isCoveredBy(block: Block, codes: readonly Box[]): boolean {
  if (block.box === null) return false;
  const own = area(block.box);
  if (own <= 0) return false;
  const covered = codes.reduce((sum, code) => sum + overlapArea(block.box!, code), 0);
  if (block.type === "figure") return covered >= FIGURE_COVER * own;
  if (block.type === "table") return false;
  return covered >= INSIDE_SHARE * own;
}

/** The code's box with a small quiet zone, within the page. */
function clipRegion(box: Box, page: Page): Box {
  const margin = 0.05 * Math.max(boxWidth(box), boxHeight(box)) + 2;
  const padded = {
    left: box.left - margin,
    top: box.top - margin,
    right: box.right + margin,
    bottom: box.bottom + margin,
  };
  if (page.width === null || page.height === null) return padded;
  return clipBox(padded, { left: 0, top: 0, right: page.width, bottom: page.height }) ?? box;
}

function sameBox(a: Box, b: Box): boolean {
  return (
    Math.abs(a.left - b.left) <= SAME_EDGE &&
    Math.abs(a.top - b.top) <= SAME_EDGE &&
    Math.abs(a.right - b.right) <= SAME_EDGE &&
    Math.abs(a.bottom - b.bottom) <= SAME_EDGE
  );
}

function overlaps(a: Box, b: Box): boolean {
  return overlapArea(a, b) > 0;
}

function overlapArea(a: Box, b: Box): number {
  const clipped = clipBox(a, b);
  return clipped === undefined ? 0 : area(clipped);
}

function area(box: Box): number {
  return Math.max(0, boxWidth(box)) * Math.max(0, boxHeight(box));
}
