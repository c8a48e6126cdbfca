/**
 * A region of a page cut from a raster the page was already rendered to (the grey OCR render of a
 * scanned page), resampled down to the resolution asked for: what renderPdfRegionPixels would draw, without
 * pdf.js drawing the page again. A scanned page is one large image, and pdf.js re-decodes and rescales it
 * on every render (0.5–1 s a render for a 300 DPI CCITT or JPEG scan); cutting a region from memory costs
 * tens of milliseconds.
 */
import sharp from "sharp";
import type { Box } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { cappedScale, regionRasterSize } from "./render-page.ts";

export interface PageRaster {
  readonly image: GrayImage;
  /** Pixels per page point. */
  readonly scale: number;
}

// A region may overhang the raster by this much (points) and still be served from it.
const EDGE_TOLERANCE = 0.5;

/**
 * `region` (page points as displayed) at about `dpi` as grey pixels (the raster's own kind), sized as
 * renderPdfRegionPixels sizes it; undefined when the raster cannot give it (the region leaves the page, or asks for more detail).
 */
export async function regionFromRaster(
  raster: PageRaster,
  region: Box,
  options: { readonly dpi: number; readonly maxPixels?: number },
): Promise<PagePixels | undefined> {
  const { image, scale } = raster;
  const pageWidth = image.width / scale;
  const pageHeight = image.height / scale;
  if (
    region.left < -EDGE_TOLERANCE ||
    region.top < -EDGE_TOLERANCE ||
    region.right > pageWidth + EDGE_TOLERANCE ||
    region.bottom > pageHeight + EDGE_TOLERANCE
  )
    return undefined;
  const regionWidth = Math.max(region.right - region.left, 1);
  const regionHeight = Math.max(region.bottom - region.top, 1);
  const target = cappedScale(regionWidth, regionHeight, options.dpi / 72, options.maxPixels);
  if (target > scale * 1.001) return undefined;
  const { width, height } = regionRasterSize(region, target);
  const left = clamp(Math.floor(region.left * scale), 0, image.width - 1);
  const top = clamp(Math.floor(region.top * scale), 0, image.height - 1);
  const right = clamp(Math.ceil(region.right * scale - 1e-6), left + 1, image.width);
  const bottom = clamp(Math.ceil(region.bottom * scale - 1e-6), top + 1, image.height);
  let gray: Uint8Array;
  if (
    left === 0 &&
    top === 0 &&
    right === image.width &&
    bottom === image.height &&
    width === image.width &&
    height === image.height
  )
    gray = image.gray;
  else {
    const data = await sharp(image.gray, { raw: { width: image.width, height: image.height, channels: 1 } })
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(width, height, { fit: "fill" })
      .toColourspace("b-w")
      .raw()
      .toBuffer();
    if (data.length !== width * height)
      throw new Error(`Resampled region has ${data.length} bytes, expected ${width * height}`);
    gray = data;
  }
  return { width, height, gray };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
