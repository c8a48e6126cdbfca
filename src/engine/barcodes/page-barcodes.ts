/**
 * Barcode blocks of a page: each candidate region (barcode-regions.ts) is rendered to pixels and decoded
 * by zxing (an image region as the image alone in a white quiet zone); every code found becomes a `barcode` block with its box
 * in page points, placed into the reading order like a figure. A figure that is mostly the barcode (the
 * image the code was printed as) and text blocks lying inside a code (OCR reading modules as letters)
 * leave the page, so the code is not there twice.
 */
import type { Block } from "../document/block.ts";
import { type Box, boxAroundPoints, boxHeight, boxWidth, clipBox } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import type { Page } from "../document/page.ts";
import { fromPixels, pixelsOf, rgbaPixels } from "../document/sharp-pixels.ts";
import { type BarcodeRegion, barcodeRegions } from "./barcode-regions.ts";
import { decodeBarcodes } from "./zxing-reader.ts";

export interface BarcodeRenderer {
  /** A region of the page as pixels (DocumentSource.renderPage). */
  page(pageNumber: number, dpi: number, region: Box): Promise<PagePixels>;
  /** Regions as PNG (DocumentSource.renderRegions), for barcode images. */
  regions(pageNumber: number, regions: readonly Box[], dpi: number): Promise<Uint8Array[]>;
}

export interface BarcodePageOptions {
  /** blockOptions.barcodes.readingEnabled: keep the decoded value on the block. */
  readonly reading: boolean;
  /** blockOptions.barcodes.imageClippingEnabled: render each code's box to PNG. */
  readonly clipping: boolean;
}

/**
 * Resolution of region renders. Each region is rendered on its own (pdf.js replays the page, but pixels
 * outside the region are never drawn: a whole page can cost many times its parts). Tiny regions (up to
 * TINY_REGION square points: a code on its own) at TINY_DPI, so small printed codes get a few pixels a
 * module; others at SCAN_DPI (a 0.33 mm EAN module: 2.6 px); large ones (photos) at LARGE_DPI, where
 * rendering dominates the cost; whole scanned pages at SCAN_DPI.
 */
const TINY_DPI = 300;
const TINY_REGION = 100 * 100;
const SCAN_DPI = 200;
const LARGE_DPI = 150;
const LARGE_REGION = 200 * 200;
/** Thumbnail resolution for the ink check of whole pages, and the dark share below which a page is blank. */
const INK_DPI = 24;
const MIN_INK = 0.002;
const CLIP_DPI = 150;
/**
 * Pixels a whole-page scan is decoded at, at most: an A4 page at SCAN_DPI (3.9 MP). Image inputs render at
 * their own resolution (one point per pixel, DPI unknown), so a 300 DPI scan or a 12 MP photo would be
 * searched at full size, two to three times zxing's work for the same codes; larger rasters are shrunk to
 * this budget first, which puts an image upload on the footing of a scanned PDF page (scanned at SCAN_DPI).
 */
export const MAX_PAGE_SCAN_PIXELS = 4_000_000;
/** Pixels the ink check of a whole page looks at, at most (every n-th pixel of a larger raster). */
const INK_SAMPLES = 250_000;
/** A figure this much covered by barcodes is the barcode's own image. */
const FIGURE_COVER = 0.25;
/** A text block this much inside a barcode is OCR noise read off its modules. */
const INSIDE_SHARE = 0.8;

export interface FoundBarcode {
  readonly format: string;
  readonly text: string;
  readonly box: Box;
}
type Found = FoundBarcode;

/**
 * Adds barcode blocks to `page.blocks`; returns how many were found. `scanned`: the whole page already
 * scanned (scanWholePage) as the box it gives, taken instead of scanning it again when that is the box.
 */
export async function barcodePage(
  page: Page,
  render: BarcodeRenderer,
  options: BarcodePageOptions,
  scanned?: { readonly box: Box; readonly codes: Promise<FoundBarcode[]> },
): Promise<number> {
  const regions = barcodeRegions(page);
  if (regions.length === 0 || page.width === null || page.height === null) return 0;
  const found: Found[] = [];
  for (const region of regions)
    for (const code of region.kind === "page" && sameBox(region.box, scanned?.box)
      ? await scanned!.codes
      : await decodeRegion(page.number, region, render))
      if (
        !found.some(
          (other) =>
            other.text === code.text && other.format === code.format && overlaps(other.box, code.box),
        )
      )
        found.push(code);
  if (found.length === 0) return 0;
  const clips = options.clipping
    ? await render.regions(
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

/** Codes on the whole page `box` (the region barcodeRegions gives a page without graphics). */
export function scanWholePage(
  pageNumber: number,
  box: Box,
  render: BarcodeRenderer,
): Promise<FoundBarcode[]> {
  return decodeRegion(pageNumber, { box, core: box, kind: "page" }, render);
}

function sameBox(a: Box, b: Box | undefined): boolean {
  return (
    b !== undefined && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom
  );
}

/** Codes in `region`, rendered, with their boxes in page points. */
async function decodeRegion(
  pageNumber: number,
  region: BarcodeRegion,
  render: BarcodeRenderer,
): Promise<Found[]> {
  const box = region.box;
  if (boxWidth(box) <= 0 || boxHeight(box) <= 0) return [];
  // A page scanned whole is rendered in full only when a thumbnail shows ink: a blank page costs a thumbnail.
  if (region.kind === "page" && inkShare(await render.page(pageNumber, INK_DPI, box)) < MIN_INK) return [];
  const size = area(region.core);
  const dpi =
    size <= TINY_REGION ? TINY_DPI : size > LARGE_REGION && region.kind !== "page" ? LARGE_DPI : SCAN_DPI;
  // An image's code lies within the image: only the image is rendered, and its quiet zone is white
  // (page content around it costs rendering and decoding, and text close by can only break the zone).
  const drawn = region.kind === "image" ? onPixelGrid(region.core, box, dpi / 72) : box;
  const rendered = await render.page(pageNumber, dpi, drawn);
  const pixels = region.kind === "page" ? await withinPixelBudget(rendered, MAX_PAGE_SCAN_PIXELS) : rendered;
  // Image sources render at their own resolution, so the scale is read off the raster, not the DPI.
  const scaleX = pixels.width / boxWidth(drawn);
  const scaleY = pixels.height / boxHeight(drawn);
  const margin = {
    left: Math.max(0, Math.round((drawn.left - box.left) * scaleX)),
    top: Math.max(0, Math.round((drawn.top - box.top) * scaleY)),
    right: Math.max(0, Math.round((box.right - drawn.right) * scaleX)),
    bottom: Math.max(0, Math.round((box.bottom - drawn.bottom) * scaleY)),
  };
  const image = withWhiteMargin(pixels, margin);
  let codes = await decodeBarcodes(image);
  // Modules drawn as separate squares leave anti-aliased seams between them that break the code's
  // pattern; a drawing that read as nothing is tried once more with the seams closed.
  if (codes.length === 0 && region.kind === "drawing") codes = await decodeBarcodes(closeSeams(image));
  return codes.map((code) => ({
    format: code.format,
    text: code.text,
    box: boxAroundPoints(
      code.corners.map((point) => ({
        x: drawn.left + (point.x - margin.left) / scaleX,
        y: drawn.top + (point.y - margin.top) / scaleY,
      })),
    )!,
  }));
}

/**
 * `inner` widened to the pixel grid a render of `outer` at `scale` would have: its pixels are the ones that
 * render has there (modules a pixel or two wide decode or not with their phase on the grid). One pixel
 * more at the right and bottom, within `outer`, lets a figure image of `inner` be cut from the render
 * whichever way its own pixel edges round.
 */
function onPixelGrid(inner: Box, outer: Box, scale: number): Box {
  const grid = (from: number, to: number, round: (value: number) => number) =>
    from + round((to - from) * scale) / scale;
  return {
    left: grid(outer.left, inner.left, (value) => Math.floor(value + 1e-6)),
    top: grid(outer.top, inner.top, (value) => Math.floor(value + 1e-6)),
    right: Math.min(
      outer.right,
      grid(outer.left, inner.right, (value) => Math.ceil(value - 1e-6) + 1),
    ),
    bottom: Math.min(
      outer.bottom,
      grid(outer.top, inner.bottom, (value) => Math.ceil(value - 1e-6) + 1),
    ),
  };
}

/**
 * `pixels` inside a white border of the given widths (whole pixels, not negative), as zxing takes them:
 * RGBA (a grey raster widened to it).
 */
export function withWhiteMargin(
  given: PagePixels,
  margin: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number },
): { data: Uint8ClampedArray; width: number; height: number } {
  const { left, top, right, bottom } = margin;
  const pixels = rgbaPixels(given);
  const source = new Uint8ClampedArray(pixels.rgba.buffer, pixels.rgba.byteOffset, pixels.rgba.byteLength);
  if (left === 0 && top === 0 && right === 0 && bottom === 0)
    return { data: source, width: pixels.width, height: pixels.height };
  const width = pixels.width + left + right;
  const height = pixels.height + top + bottom;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const rowBytes = pixels.width * 4;
  for (let row = 0; row < pixels.height; row++)
    data.set(source.subarray(row * rowBytes, (row + 1) * rowBytes), ((row + top) * width + left) * 4);
  return { data, width, height };
}

/** Grey image where each pixel takes the darkest of itself and its four neighbours (one-pixel seams close). */
function closeSeams(image: { data: Uint8ClampedArray; width: number; height: number }) {
  const { data, width, height } = image;
  const grey = new Uint8Array(width * height);
  for (let at = 0; at < grey.length; at++)
    grey[at] = 0.299 * data[at * 4]! + 0.587 * data[at * 4 + 1]! + 0.114 * data[at * 4 + 2]!;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      let value = grey[at]!;
      if (x > 0) value = Math.min(value, grey[at - 1]!);
      if (x < width - 1) value = Math.min(value, grey[at + 1]!);
      if (y > 0) value = Math.min(value, grey[at - width]!);
      if (y < height - 1) value = Math.min(value, grey[at + width]!);
      out[at * 4] = value;
      out[at * 4 + 1] = value;
      out[at * 4 + 2] = value;
      out[at * 4 + 3] = 255;
    }
  return { data: out, width, height };
}

/** Share of dark pixels (luminance below one half), from at most INK_SAMPLES evenly spread pixels. */
function inkShare(image: PagePixels): number {
  const pixels = image.width * image.height;
  const step = Math.max(1, Math.floor(pixels / INK_SAMPLES));
  let dark = 0;
  let seen = 0;
  if ("gray" in image) {
    for (let pixel = 0; pixel < pixels; pixel += step, seen++) if (image.gray[pixel]! < 128) dark++;
    return dark / Math.max(1, seen);
  }
  const data = image.rgba;
  for (let pixel = 0; pixel < pixels; pixel += step) {
    const at = pixel * 4;
    if (0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]! < 128) dark++;
    seen++;
  }
  return dark / Math.max(1, seen);
}

/**
 * `image` shrunk (area-averaged by libvips) to at most `budget` pixels, keeping its aspect and its kind (a
 * grey raster is a quarter of the work); as is when within it.
 */
export async function withinPixelBudget(image: PagePixels, budget: number): Promise<PagePixels> {
  const factor = Math.sqrt(budget / (image.width * image.height));
  if (factor >= 1) return image;
  const width = Math.max(1, Math.floor(image.width * factor));
  const height = Math.max(1, Math.floor(image.height * factor));
  return pixelsOf(fromPixels(image).resize(width, height, { fit: "fill", kernel: "linear" }), image);
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
