/**
 * Conversions between the raster forms OCR meets: RGBA from a canvas, 8-bit grey for analysis and for the
 * engines (as PGM bytes, which tesseract's image reader takes without a PNG decode), and encoded files.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { LITTLE_ENDIAN } from "../document/byte-order.ts";
import type { GrayImage, OcrImage, RgbaImage } from "./ocr-engine.ts";

/**
 * Grey levels from RGBA (ITU-R BT.601 luma), composited over white: a transparent pixel is background,
 * whatever colour bytes it carries (canvases leave unpainted pixels as transparent black).
 */
export function rgbaToGray(image: RgbaImage): GrayImage {
  const { width, height, rgba } = image;
  if (rgba.length !== width * height * 4)
    throw new RangeError(`RGBA data has ${rgba.length} bytes, expected ${width * height * 4}`);
  const gray = new Uint8Array(width * height);
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) {
    // A pixel a load (R in the low byte): a third of the time of four byte loads on a 9 MP page. Luma
    // without a branch (grey pixels come out as they are: 77 + 150 + 29 = 256), the alphas ANDed on the
    // way; a raster with any pixel not opaque (rare: decoded scans and page renders are opaque) is done
    // again below with compositing over white.
    const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, gray.length);
    let alphas = 0xff;
    for (let at = 0; at < gray.length; at++) {
      const pixel = pixels[at]!;
      alphas &= pixel >>> 24;
      gray[at] = ((pixel & 255) * 77 + ((pixel >>> 8) & 255) * 150 + ((pixel >>> 16) & 255) * 29) >> 8;
    }
    if (alphas === 0xff) return { width, height, gray };
  }
  for (let source = 0, target = 0; target < gray.length; source += 4, target++) {
    const luma = (rgba[source]! * 77 + rgba[source + 1]! * 150 + rgba[source + 2]! * 29) >> 8;
    const alpha = rgba[source + 3]!;
    // Opaque pixels (all of a decoded scan) skip the division.
    gray[target] = alpha === 255 ? luma : 255 - ((((255 - luma) * alpha + 127) / 255) | 0);
  }
  return { width, height, gray };
}

/** Grey levels from packed RGB (three bytes a pixel, opaque): rgbaToGray's luma. */
export function rgbToGray(rgb: Uint8Array, pixels: number): Uint8Array {
  if (rgb.length < pixels * 3)
    throw new RangeError(`RGB data has ${rgb.length} bytes, expected ${pixels * 3}`);
  const gray = new Uint8Array(pixels);
  for (let source = 0, target = 0; target < pixels; source += 3, target++)
    gray[target] = (rgb[source]! * 77 + rgb[source + 1]! * 150 + rgb[source + 2]! * 29) >> 8;
  return gray;
}

/** Decodes any image file the canvas library reads (PNG, JPEG, WebP, GIF, BMP; not TIFF) to RGBA. */
export async function decodeImageFile(bytes: Uint8Array): Promise<RgbaImage> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  try {
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height);
    return { width: image.width, height: image.height, rgba: data.data };
  } finally {
    // Native canvas memory is freed only when the object is collected; shrinking it frees the pixels now.
    canvas.width = 0;
    canvas.height = 0;
  }
}

/** The image as 8-bit grey, decoding a PNG when that is what was given. */
export async function toGrayImage(image: OcrImage): Promise<GrayImage> {
  if ("gray" in image) return image;
  if ("rgba" in image) return rgbaToGray(image);
  return rgbaToGray(await decodeImageFile(image.png));
}

/** Binary PGM (P5): a short text header and the grey bytes as they are, so encoding costs one copy. */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = pgmHeader(image);
  const bytes = new Uint8Array(header.length + image.gray.length);
  bytes.set(header, 0);
  bytes.set(image.gray, header.length);
  return bytes;
}

/** The header of encodePgm(image): a file of it followed by `image.gray` is that PGM, with no copy made. */
export function pgmHeader(image: GrayImage): Uint8Array {
  return new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
}

/**
 * Bytes for an engine built on tesseract, with the image size: always a PGM we wrote. Tesseract decodes
 * PGM without the cost of PNG inflation, and a file its reader cannot decode would be taken as a list of
 * image paths to open, so user bytes (a PNG) are never handed over as they are.
 */
export async function encodeForTesseract(
  image: OcrImage,
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const gray = await toGrayImage(image);
  return { bytes: encodePgm(gray), width: gray.width, height: gray.height };
}
