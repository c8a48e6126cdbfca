/**
 * PNG encoding of rendered rasters (figure images, page images) with sharp (libvips + zlib). Skia's own
 * encoder (canvas.encode) tries every row filter at zlib level 6, which made encoding the costliest part
 * of a figure image (~13 ms for a 150 DPI half-page photo); one fixed filter at the same level takes about
 * a third of that for files some 10% larger. Opaque rasters (every page render: pdf.js paints the page
 * white first) are stored as RGB, the alpha channel carrying nothing. The pixels are unchanged.
 */
import sharp from "sharp";

const COMPRESSION_LEVEL = 6;

export async function encodePng(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number) {
  const raw = { width, height, channels: 4 as const };
  let image = sharp(rgba, { raw });
  if (isOpaque(rgba)) image = image.removeAlpha();
  const png = await image.png({ compressionLevel: COMPRESSION_LEVEL, adaptiveFiltering: false }).toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

function isOpaque(rgba: Uint8ClampedArray | Uint8Array): boolean {
  for (let at = 3; at < rgba.length; at += 4) if (rgba[at] !== 255) return false;
  return true;
}
