/**
 * Reusing a region already rendered: a page's figure images are usually the very images the barcode scan
 * rendered moments before (the same image box with a quiet zone around it, at 150 DPI for large images,
 * 200 DPI for medium ones). When an earlier raster of the page covers a region, the region's pixels are
 * cut out of it instead of replaying the page: at the same scale exactly (aligned to the earlier raster's
 * pixel grid, so content may sit up to half a pixel from where a fresh render would put it), at a higher
 * scale (up to MAX_DOWNSCALE times) resampled down to the size a fresh render would have.
 */
import sharp from "sharp";
import type { Box } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import { regionRasterSize } from "./render-page.ts";

/** A rendered region of a page: `scale` pixels per point, top-left pixel at the region's top-left. */
export interface RegionRaster extends PagePixels {
  readonly region: Box;
  readonly scale: number;
}

const SCALE_TOLERANCE = 1e-9;
/** A raster rendered at more than this many times the wanted scale is not resampled (detail is lost). */
const MAX_DOWNSCALE = 2;

/**
 * `region` at `scale` taken from `raster`, or undefined when the raster was rendered at a lower (or much
 * higher) scale or does not cover the region. The size is the one a fresh render of the region would have.
 */
export async function cutRegion(
  raster: RegionRaster,
  region: Box,
  scale: number,
): Promise<PagePixels | undefined> {
  if (raster.scale < scale * (1 - SCALE_TOLERANCE) || raster.scale > scale * MAX_DOWNSCALE) return undefined;
  const size = regionRasterSize(region, scale);
  const same = raster.scale <= scale * (1 + SCALE_TOLERANCE);
  // At the raster's own scale: the region's pixels there (a fresh render's size when the scales match).
  const at = same ? size : regionRasterSize(region, raster.scale);
  const left = Math.round((region.left - raster.region.left) * raster.scale);
  const top = Math.round((region.top - raster.region.top) * raster.scale);
  if (left < 0 || top < 0 || left + at.width > raster.width || top + at.height > raster.height)
    return undefined;
  const rgba = new Uint8ClampedArray(at.width * at.height * 4);
  const rowBytes = at.width * 4;
  for (let row = 0; row < at.height; row++) {
    const from = ((top + row) * raster.width + left) * 4;
    rgba.set(raster.rgba.subarray(from, from + rowBytes), row * rowBytes);
  }
  if (same) return { ...at, rgba };
  const resized = await sharp(rgba, { raw: { ...at, channels: 4 } })
    .resize(size.width, size.height, { fit: "fill" })
    .raw()
    .toBuffer();
  return { ...size, rgba: new Uint8ClampedArray(resized.buffer, resized.byteOffset, resized.byteLength) };
}
