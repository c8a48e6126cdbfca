/**
 * Renders one PDF page to a raster with pdf.js onto an @napi-rs/canvas canvas, for OCR and page images.
 * The raster is the page as displayed (after /Rotate, crop box and /UserUnit), so pixel ÷ scale gives the
 * same page points, top-left origin, as the words of the text layer.
 */
import { createCanvas } from "@napi-rs/canvas";
import { encodePng } from "./encode-png.ts";
import { toMatrix } from "./matrix.ts";
import type { PDFPageProxy } from "./pdfjs.ts";
import { regionOperationsFilter } from "./region-ops-filter.ts";

export interface RenderPageOptions {
  /** Dots per inch; PDF points are 1/72 inch, so the scale is dpi / 72 pixels per point. */
  readonly dpi: number;
  /**
   * Largest raster allowed, in pixels (width × height); a bigger page renders at a lower DPI instead, as
   * the RGBA copy alone takes 4 bytes a pixel. Default 36 million (A2 at 300 DPI; a letter page is 8.4).
   */
  readonly maxPixels?: number;
  /** Also encode the raster as PNG (for page images or engines that want a file). */
  readonly png?: boolean;
}

export interface RenderedPage {
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  /** Unpremultiplied RGBA, row-major; opaque (the page is painted on white). */
  readonly rgba: Uint8ClampedArray;
  /** Present when `png` was asked for. */
  readonly png?: Uint8Array;
  /** Pixels per page point: point = pixel / scale. Lower than dpi / 72 when `maxPixels` capped it. */
  readonly scale: number;
  /** The resolution actually rendered at (scale × 72). */
  readonly dpi: number;
}

const DEFAULT_MAX_PIXELS = 36_000_000;
// Skia refuses canvases wider or taller than this, whatever the pixel count.
const MAX_SIDE = 32_767;

/**
 * Renders `page` (owned by the caller, who releases it with `page.cleanup()` afterwards, as the PDF
 * source does for every page it reads). Call for one page at a time: each raster is tens of megabytes.
 */
export async function renderPdfPage(page: PDFPageProxy, options: RenderPageOptions): Promise<RenderedPage> {
  const { scale, viewport, width, height } = pageRasterGeometry(page, options);
  const canvas = createCanvas(width, height);
  try {
    const context = canvas.getContext("2d");
    // pdf.js fills the background white itself, so the raster is opaque.
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    const rendered = { width, height, rgba, scale, dpi: scale * 72 };
    if (options.png !== true) return rendered;
    return { ...rendered, png: encodePng(rgba, width, height) };
  } finally {
    // The canvas's native pixels are freed only when it is collected; a zero-size canvas frees them now.
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** The scale, viewport and pixel size renderPdfPage renders `page` at. */
export function pageRasterGeometry(
  page: PDFPageProxy,
  options: { readonly dpi: number; readonly maxPixels?: number },
) {
  if (!(options.dpi > 0)) throw new RangeError(`DPI must be positive, got ${options.dpi}`);
  const pointSize = page.getViewport({ scale: 1 });
  const scale = cappedScale(pointSize.width, pointSize.height, options.dpi / 72, options.maxPixels);
  const viewport = page.getViewport({ scale });
  // The last partial pixel column/row is kept (white beyond the page edge) so no content is cut.
  const width = Math.max(1, Math.ceil(viewport.width - 1e-6));
  const height = Math.max(1, Math.ceil(viewport.height - 1e-6));
  return { scale, viewport, width, height };
}

/** The scale to render at: the asked one, lowered so the raster stays within the pixel and side limits. */
export function cappedScale(
  widthPoints: number,
  heightPoints: number,
  scale: number,
  maxPixels = DEFAULT_MAX_PIXELS,
): number {
  const pixels = widthPoints * scale * heightPoints * scale;
  let capped = pixels > maxPixels ? scale * Math.sqrt(maxPixels / pixels) : scale;
  const side = Math.max(widthPoints, heightPoints) * capped;
  if (side > MAX_SIDE) capped *= MAX_SIDE / side;
  return capped;
}

/** A region of a page in page points (as displayed, top-left origin), like a block's box. */
export interface PageRegion {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Renders only `region` of `page` to PNG (figure images): the viewport is shifted so the region's
 * top-left corner is the canvas origin, so the raster is the region's size, not the page's. Text and
 * images drawn wholly above or below the region are skipped (region-ops-filter.ts): same pixels, less work.
 */
export async function renderPdfRegion(
  page: PDFPageProxy,
  region: PageRegion,
  options: {
    readonly dpi: number;
    readonly maxPixels?: number;
    /** false draws every operator (for comparison); by default what lies outside the region is skipped. */
    readonly skipOutside?: boolean;
  },
): Promise<Uint8Array> {
  return (await drawRegion(page, region, options, true)).png!;
}

/** Renders only `region` of `page` to RGBA pixels (barcode scanning), as renderPdfRegion does to PNG. */
export async function renderPdfRegionPixels(
  page: PDFPageProxy,
  region: PageRegion,
  options: { readonly dpi: number; readonly maxPixels?: number },
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray; scale: number }> {
  return drawRegion(page, region, options, false);
}

/** Pixels per point a region is rendered at: the DPI's, lowered to stay within the raster limits. */
export function regionScale(
  region: PageRegion,
  options: { readonly dpi: number; readonly maxPixels?: number },
) {
  if (!(options.dpi > 0)) throw new RangeError(`DPI must be positive, got ${options.dpi}`);
  const regionWidth = Math.max(region.right - region.left, 1);
  const regionHeight = Math.max(region.bottom - region.top, 1);
  return cappedScale(regionWidth, regionHeight, options.dpi / 72, options.maxPixels);
}

/** The raster size of a region at `scale`: the last partial pixel column and row are kept. */
export function regionRasterSize(region: PageRegion, scale: number): { width: number; height: number } {
  const regionWidth = Math.max(region.right - region.left, 1);
  const regionHeight = Math.max(region.bottom - region.top, 1);
  return {
    width: Math.max(1, Math.ceil(regionWidth * scale - 1e-6)),
    height: Math.max(1, Math.ceil(regionHeight * scale - 1e-6)),
  };
}

async function drawRegion(
  page: PDFPageProxy,
  region: PageRegion,
  options: { readonly dpi: number; readonly maxPixels?: number; readonly skipOutside?: boolean },
  png: boolean,
): Promise<{ width: number; height: number; scale: number; rgba: Uint8ClampedArray; png?: Uint8Array }> {
  const scale = regionScale(region, options);
  const viewport = page.getViewport({ scale });
  const { width, height } = regionRasterSize(region, scale);
  const pageTransform = toMatrix(page.getViewport({ scale: 1 }).transform);
  const canvas = createCanvas(width, height);
  try {
    const context = canvas.getContext("2d");
    await page.render({
      canvasContext: context as never,
      canvas: canvas as never,
      viewport,
      transform: [1, 0, 0, 1, -region.left * scale, -region.top * scale],
      ...(options.skipOutside === false || pageTransform === undefined
        ? {}
        : { operationsFilter: regionOperationsFilter(pageTransform, region, (id) => isPlainFont(page, id)) }),
    }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    if (png)
      return {
        width,
        height,
        scale,
        rgba: new Uint8ClampedArray(0),
        png: encodePng(rgba, width, height),
      };
    return { width, height, scale, rgba };
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** A loaded, horizontal, non-Type3 font: its glyphs stay within about an em of the baseline. */
function isPlainFont(page: PDFPageProxy, fontId: string): boolean {
  if (!page.commonObjs.has(fontId)) return false;
  const font = page.commonObjs.get(fontId) as { vertical?: unknown; isType3Font?: unknown } | null;
  return font !== null && font.vertical !== true && font.isType3Font !== true;
}
