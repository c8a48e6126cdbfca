/**
 * HEIC/HEIF images (iPhone photos): libvips as shipped with sharp reads AVIF-coded HEIF but not
 * HEVC-coded HEIC, so when sharp cannot decode an HEIF file it is decoded by heic-decode (libheif in
 * WebAssembly) to RGBA and re-encoded as a lossless PNG that the rest of ingest reads like any image.
 */
import sharp from "sharp";

/** An ISO-BMFF `ftyp` box: the HEIF family (HEIC, HEIF, AVIF). */
export function isHeif(bytes: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(bytes.subarray(4, 8)) === "ftyp";
}

/**
 * `read(bytes)`, or — when that fails on an HEIF file — `read` of its primary image decoded by
 * heic-decode. Rejects with the decoder's error when neither can read it.
 */
export async function readWithHeicFallback<T>(
  bytes: Uint8Array,
  read: (bytes: Uint8Array) => Promise<T>,
): Promise<T> {
  try {
    return await read(bytes);
  } catch (error) {
    if (!isHeif(bytes)) throw error;
    return read(await heicToPng(bytes));
  }
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
