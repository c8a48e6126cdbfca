/**
 * Enlarges images whose text is too small for tesseract. Low-resolution scans and faxes (a letter page
 * in 754 × 1000 pixels, ~90 DPI) have letters 7–9 px tall; tesseract's layout analysis and binarisation
 * lose most of them at that size, and telling it a lower DPI does not help. Resampled smoothly to ~32 px
 * letters (a little above what a 300 DPI scan of 10–12 pt text has), the same image reads with about
 * twice the words (FUNSD: 24 px targets read 1.5 pp fewer words right than 32 px; 40 px no more).
 * Images whose text is already large enough, or that show no measurable text, are returned as they are.
 */
import sharp from "sharp";
import { measureGlyphSize } from "./glyph-size.ts";
import type { GrayImage } from "./ocr-engine.ts";

// Median glyph heights (glyph-size.ts) of 300 DPI body text: 19–23 px on the corpus's scans; 15–18 px
// on tesseract's own clean test page, which it reads without a single error. Below SMALL, upscale.
const SMALL_GLYPH_HEIGHT = 12;
const TARGET_GLYPH_HEIGHT = 32;
const MAX_FACTOR = 4;
// The enlarged raster stays within what a 300 DPI A3 render would be.
const MAX_PIXELS = 20_000_000;
// Images this large are not measured (labelling costs ~50 ms a megapixel): a page in 6 MP is ~250 DPI,
// where only text under ~5 pt would be too small.
const MAX_MEASURED_PIXELS = 6_000_000;

export interface UpscaleDecision {
  /** 1 when the image is left alone. */
  readonly factor: number;
  /** Median glyph height measured, in pixels of the original; undefined when no text was measurable. */
  readonly glyphHeight: number | undefined;
}

/** The factor to enlarge an image by so its median glyph is about TARGET_GLYPH_HEIGHT tall. */
export function upscaleFactor(glyphHeight: number | undefined, width: number, height: number): number {
  if (glyphHeight === undefined || glyphHeight >= SMALL_GLYPH_HEIGHT) return 1;
  const wanted = Math.min(MAX_FACTOR, TARGET_GLYPH_HEIGHT / glyphHeight);
  const allowed = Math.sqrt(MAX_PIXELS / Math.max(1, width * height));
  const factor = Math.min(wanted, allowed);
  // Quarter steps: the exact value does not matter, and round factors keep boxes easy to read back.
  return factor < 1.25 ? 1 : Math.floor(factor * 4) / 4;
}

export async function upscaleSmallText(
  image: GrayImage,
): Promise<{ readonly image: GrayImage } & UpscaleDecision> {
  if (image.width * image.height > MAX_MEASURED_PIXELS) return { image, factor: 1, glyphHeight: undefined };
  const glyphHeight = measureGlyphSize(image)?.height;
  const factor = upscaleFactor(glyphHeight, image.width, image.height);
  if (factor === 1) return { image, factor, glyphHeight };
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  // Lanczos keeps stroke edges sharp where bilinear smears them into grey.
  const { data, info } = await sharp(image.gray, {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .resize(width, height, { kernel: "lanczos3", fit: "fill" })
    .toColourspace("b-w")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`Upscaled raster has ${info.channels} channels, expected 1`);
  return {
    image: {
      width: info.width,
      height: info.height,
      gray: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    },
    // The real ratio (rounding to whole pixels), so boxes map back exactly.
    factor: info.width / image.width,
    glyphHeight,
  };
}
