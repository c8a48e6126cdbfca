/**
 * Reusing a region already rendered: a page's figure images are usually the very images the barcode scan
 * rendered moments before (the same image box with a quiet zone around it, at 150 DPI for large images).
 * When an earlier raster of the page covers a region at the scale that region would be rendered at, the
 * region's pixels are cut out of it instead of replaying the page. The cut is aligned to the earlier raster's pixel
 * grid, so content may sit up to half a pixel from where a fresh render would put it; everything else
 * (size, what is drawn) is the same. A raster at a finer scale (a mid-sized image is scanned for codes at
 * 200 DPI, its figure image is 150) gives the region resampled by libvips (a triangle filter as wide as
 * the reduction): the size a fresh render would have, edges a little softer than pdf.js draws them.
 */
import type { Box } from "../document/box.ts";
import type { RgbaPagePixels } from "../document/document-source.ts";
import { fromRgba, rgbaOf } from "../document/sharp-pixels.ts";
import type { PixelWindow } from "./encode-png.ts";
import { regionRasterSize } from "./render-page.ts";

/** A rendered region of a page: `scale` pixels per point, top-left pixel at the region's top-left. */
export interface RegionRaster extends RgbaPagePixels {
  readonly region: Box;
  readonly scale: number;
}

const SCALE_TOLERANCE = 1e-9;

/**
 * Where `region` at `scale` lies in `raster`'s pixels, or undefined when the raster was rendered at another
 * scale or does not cover the region. The size is the one a fresh render of the region would have.
 */
export function cropWindow(raster: RegionRaster, region: Box, scale: number): PixelWindow | undefined {
  if (Math.abs(raster.scale - scale) > SCALE_TOLERANCE * scale) return undefined;
  const { width, height } = regionRasterSize(region, scale);
  const left = Math.round((region.left - raster.region.left) * scale);
  const top = Math.round((region.top - raster.region.top) * scale);
  if (left < 0 || top < 0 || left + width > raster.width || top + height > raster.height) return undefined;
  return { left, top, width, height };
}

/** `region` at `scale` cut out of `raster` (a copy of the cropWindow's pixels), or undefined as there. */
export function cropRaster(raster: RegionRaster, region: Box, scale: number): RgbaPagePixels | undefined {
  const window = cropWindow(raster, region, scale);
  if (window === undefined) return undefined;
  const { left, top, width, height } = window;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const rowBytes = width * 4;
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * raster.width + left) * 4;
    rgba.set(raster.rgba.subarray(from, from + rowBytes), row * rowBytes);
  }
  return { width, height, rgba };
}

/**
 * `region` at `scale` resampled from `raster` rendered at a finer scale, or undefined when the raster is
 * not finer or does not cover the region.
 */
export async function resampledCrop(
  raster: RegionRaster,
  region: Box,
  scale: number,
): Promise<RgbaPagePixels | undefined> {
  if (raster.scale <= scale * (1 + SCALE_TOLERANCE)) return undefined;
  const left = Math.round((region.left - raster.region.left) * raster.scale);
  const top = Math.round((region.top - raster.region.top) * raster.scale);
  const right = Math.round((region.right - raster.region.left) * raster.scale);
  const bottom = Math.round((region.bottom - raster.region.top) * raster.scale);
  if (left < 0 || top < 0 || right > raster.width || bottom > raster.height) return undefined;
  if (right <= left || bottom <= top) return undefined;
  const { width, height } = regionRasterSize(region, scale);
  return rgbaOf(
    fromRgba(raster)
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(width, height, { fit: "fill", kernel: "linear" }),
  );
}
