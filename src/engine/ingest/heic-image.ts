/**
 * HEIC/HEIF images (iPhone photos): libvips as shipped with sharp reads AVIF but not HEVC-coded HEIF,
 * so those are decoded by heic-decode (libheif in WebAssembly) to RGBA and re-encoded as a lossless PNG
 * that the rest of ingest reads like any other image. AVIF (also an HEIF container) stays with sharp.
 */
import sharp from "sharp";

/** True for HEIF brands that sharp cannot decode itself (everything except AVIF). */
export function needsHeicDecoder(bytes: Uint8Array): boolean {
  const brand = new TextDecoder("latin1").decode(bytes.subarray(8, 12));
  return (
    new TextDecoder("latin1").decode(bytes.subarray(4, 8)) === "ftyp" && brand !== "avif" && brand !== "avis"
  );
}

/** The primary image as PNG; rejects when the file does not decode. */
export async function heicToPng(bytes: Uint8Array): Promise<Uint8Array> {
  // Loaded on first use: the WebAssembly build of libheif is large and most workers never need it.
  const { default: decodeHeic } = await import("heic-decode");
  const image = await decodeHeic({ buffer: bytes });
  const png = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
