/**
 * Reusing a region already rendered: a page's figure images are usually the very images the barcode scan
 * rendered moments before (the same image box with a quiet zone around it, at 150 DPI for large images).
 * When an earlier raster of the page covers a region at the scale that region would be rendered at, the
 * region's pixels are cut out of it instead of replaying the page. The cut is aligned to the earlier raster's pixel
 * grid, so content may sit up to half a pixel from where a fresh render would put it; everything else
 * (size, what is drawn) is the same.
 */
import type { Box } from "../document/box.ts";
import type { PagePixels } from "../document/document-source.ts";
import type { PixelWindow } from "./encode-png.ts";
import { regionRasterSize } from "./render-page.ts";

/** A rendered region of a page: `scale` pixels per point, top-left pixel at the region's top-left. */
export interface RegionRaster extends PagePixels {
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
export function cropRaster(raster: RegionRaster, region: Box, scale: number): PagePixels | undefined {
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
