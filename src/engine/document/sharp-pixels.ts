/** Pixels out of a sharp (libvips) pipeline: its raw output as an RGBA raster over the same memory. */
import sharp, { type Sharp } from "sharp";

export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Runs `pipeline` to raw bytes (the caller made them 4 channels) as an RGBA raster. */
export async function rgbaOf(pipeline: Sharp): Promise<RgbaPixels> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    rgba: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** A sharp pipeline reading an RGBA raster. */
export function fromRgba(pixels: { width: number; height: number; rgba: Uint8Array | Uint8ClampedArray }) {
  return sharp(pixels.rgba, { raw: { width: pixels.width, height: pixels.height, channels: 4 } });
}
