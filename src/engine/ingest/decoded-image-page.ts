/**
 * One page of an image file decoded by sharp (libvips) in the bands it has: grey stays one band, colour is
 * sRGB (three, or four with alpha; grey with alpha comes out as that too), 8 bits each, upright (the EXIF
 * orientation applied). OCR and the barcode scan take the grey raster from it without first widening every
 * pixel to RGBA: a grey scan (fax, TIFF, grey PNG) is already the raster, and a colour one is one pass from
 * three bands; figure crops are cut from the bands themselves.
 *
 * The grey levels are those rgbaToGray (raster.ts) gives for the same file decoded to RGBA: libvips widens
 * grey to sRGB by copying the band, and BT.601 luma of three equal bands is that band.
 */
import sharp from "sharp";
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { rgbaToGray, rgbToGray } from "../ocr/raster.ts";

export interface DecodedImagePage {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 3 sRGB, 4 sRGB and alpha; interleaved, row-major. */
  readonly channels: 1 | 3 | 4;
  readonly data: Uint8Array;
}

/** Page `pageNumber` (1-based; only TIFFs have more than one) of an image file, upright. */
export async function decodeImagePage(
  bytes: Uint8Array,
  pageNumber: number,
  limitInputPixels: number,
): Promise<DecodedImagePage> {
  const input = () => sharp(bytes, { page: pageNumber - 1, limitInputPixels });
  const { channels } = await input().metadata();
  // `rotate()` without an angle applies the EXIF orientation.
  const pipeline = input().rotate();
  // Grey in (8 or 16 bits) stays grey: libvips would otherwise widen it to sRGB. Not grey with alpha:
  // converting to b-w drops the alpha band, so that comes out as sRGB and alpha.
  if (channels === 1) pipeline.toColourspace("b-w");
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (![1, 3, 4].includes(info.channels) || data.byteLength !== info.width * info.height * info.channels)
    throw new Error(`Unexpected decoded image: ${info.channels} bands, ${data.byteLength} bytes`);
  return {
    width: info.width,
    height: info.height,
    channels: info.channels as DecodedImagePage["channels"],
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** The page as 8-bit grey: the decoded band itself when the page is grey without alpha (no copy). */
export function grayOfPage(page: DecodedImagePage): GrayImage {
  const { width, height, channels, data } = page;
  if (channels === 1) return { width, height, gray: data };
  if (channels === 4) return rgbaToGray({ width, height, rgba: data });
  return { width, height, gray: rgbToGray(data, width * height) };
}
