/** Pixels out of a sharp (libvips) pipeline: its raw output as an RGBA or grey raster over the same memory. */
import sharp, { type Sharp } from "sharp";
import { LITTLE_ENDIAN } from "./byte-order.ts";
import type { GrayPagePixels, PagePixels, RgbaPagePixels } from "./document-source.ts";

/** Runs `pipeline` to raw bytes (the caller made them 4 channels) as an RGBA raster. */
export async function rgbaOf(pipeline: Sharp): Promise<RgbaPagePixels> {
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

/** A sharp pipeline reading page pixels, RGBA or grey. */
export function fromPixels(pixels: PagePixels): Sharp {
  if ("rgba" in pixels) return fromRgba(pixels);
  return sharp(pixels.gray, { raw: { width: pixels.width, height: pixels.height, channels: 1 } });
}

/** Runs `pipeline` (reading pixels of `like`'s kind) to raw bytes of that kind: RGBA, or grey. */
export async function pixelsOf(pipeline: Sharp, like: PagePixels): Promise<PagePixels> {
  if ("rgba" in like) return rgbaOf(pipeline);
  const { data, info } = await pipeline.toColourspace("b-w").raw().toBuffer({ resolveWithObject: true });
  if (data.byteLength !== info.width * info.height)
    throw new Error(`Grey raster has ${data.byteLength} bytes, expected ${info.width * info.height}`);
  const gray = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { width: info.width, height: info.height, gray };
}

/** The pixels as RGBA: as they are, or a grey raster widened (every channel the grey level, opaque). */
export function rgbaPixels(pixels: PagePixels): RgbaPagePixels {
  if ("rgba" in pixels) return pixels;
  return { width: pixels.width, height: pixels.height, rgba: widenGray(pixels) };
}

/** A grey raster as opaque RGBA bytes. */
function widenGray(pixels: GrayPagePixels): Uint8ClampedArray {
  const { gray } = pixels;
  const rgba = new Uint8ClampedArray(gray.length * 4);
  if (LITTLE_ENDIAN) {
    // A pixel a store (R in the low byte).
    const words = new Uint32Array(rgba.buffer, 0, gray.length);
    for (let at = 0; at < gray.length; at++) words[at] = (gray[at]! * 0x010101) | 0xff000000;
    return rgba;
  }
  for (let at = 0, out = 0; at < gray.length; at++, out += 4) {
    rgba.fill(gray[at]!, out, out + 3);
    rgba[out + 3] = 255;
  }
  return rgba;
}
