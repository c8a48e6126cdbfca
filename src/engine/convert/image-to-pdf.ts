/**
 * Images to PDF without LibreOffice: sharp decodes each page (EXIF orientation applied; TIFF pages
 * become PDF pages; HEIC goes through heic-decode first), re-encodes it as JPEG at the requested
 * quality, and pdf-lib places it on a page of the image's pixel size (one point per pixel, as image
 * documents are measured everywhere else). `imageConversionQuality` trades size for fidelity: high keeps
 * full resolution at JPEG 92, medium caps the long side at 3000 px (JPEG 80), low at 1600 px (JPEG 60).
 */
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { readWithHeicFallback } from "../ingest/heic-image.ts";

export type ImageConversionQuality = "high" | "medium" | "low";

const SETTINGS: Record<ImageConversionQuality, { readonly jpegQuality: number; readonly maxSide: number }> = {
  high: { jpegQuality: 92, maxSide: Number.POSITIVE_INFINITY },
  medium: { jpegQuality: 80, maxSide: 3000 },
  low: { jpegQuality: 60, maxSide: 1600 },
};

const MAX_INPUT_PIXELS = 100_000_000;

/** One PDF page per image page; rejects when the image does not decode. */
export async function imageToPdf(
  input: Uint8Array,
  quality: ImageConversionQuality = "high",
): Promise<Uint8Array> {
  return readWithHeicFallback(input, (bytes) => toPdf(bytes, quality));
}

async function toPdf(bytes: Uint8Array, quality: ImageConversionQuality): Promise<Uint8Array> {
  const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const pages = metadata.format === "tiff" ? (metadata.pages ?? 1) : 1;
  const { jpegQuality, maxSide } = SETTINGS[quality];
  const pdf = await PDFDocument.create();
  for (let page = 0; page < pages; page++) {
    const upright = sharp(bytes, { page, limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    const pageMetadata = await sharp(bytes, { page, limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    // EXIF orientations 5–8 turn the picture a quarter: width and height swap.
    const turned = (pageMetadata.orientation ?? 1) >= 5;
    const width = (turned ? pageMetadata.height : pageMetadata.width) ?? 1;
    const height = (turned ? pageMetadata.width : pageMetadata.height) ?? 1;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const jpeg = await upright
      .resize(
        scale < 1 ? { width: Math.round(width * scale), height: Math.round(height * scale) } : undefined,
      )
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: jpegQuality })
      .toBuffer();
    const embedded = await pdf.embedJpg(jpeg);
    // The page keeps the original pixel size whatever the resolution stored, so boxes mean the same.
    pdf.addPage([width, height]).drawImage(embedded, { x: 0, y: 0, width, height });
  }
  return pdf.save();
}
