/**
 * PNG encoding of rendered rasters (figure images, page images): rows unfiltered, deflated by Node's zlib
 * at level 6. Skia's own encoder (canvas.encode) tries every row filter, which made encoding the costliest
 * part of a figure image (~13 ms for a 150 DPI half-page photo); one fixed filter at the same level takes
 * about a third of that, for files some 10% larger. Opaque rasters (every page render: pdf.js paints the
 * page white first) are stored as RGB, the alpha channel carrying nothing. The pixels are unchanged.
 */
import { crc32, deflateSync } from "node:zlib";

const COMPRESSION_LEVEL = 6;
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** IHDR colour types. */
const RGB = 2;
const RGBA = 6;

/** A rectangle of a raster's pixels: its top-left pixel and its size. */
export interface PixelWindow {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function encodePng(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  if (rgba.length !== width * height * 4)
    throw new RangeError(`${width} × ${height} RGBA needs ${width * height * 4} bytes`);
  return encodePngWindow({ rgba, width, height }, { left: 0, top: 0, width, height });
}

/**
 * `window` of `raster` as PNG, read in place: the same file encodePng writes for a copy of those pixels,
 * without making the copy (a figure image cut from a larger render).
 */
export function encodePngWindow(
  raster: { readonly rgba: Uint8ClampedArray | Uint8Array; readonly width: number; readonly height: number },
  window: PixelWindow,
): Uint8Array {
  const { left, top, width, height } = window;
  if (raster.rgba.length !== raster.width * raster.height * 4)
    throw new RangeError(
      `${raster.width} × ${raster.height} RGBA needs ${raster.width * raster.height * 4} bytes`,
    );
  if (
    left < 0 ||
    top < 0 ||
    width < 1 ||
    height < 1 ||
    left + width > raster.width ||
    top + height > raster.height
  )
    throw new RangeError(
      `window ${width} × ${height} at ${left}, ${top} is not inside ${raster.width} × ${raster.height}`,
    );
  const rgba = raster.rgba;
  const opaque = isOpaque(rgba, raster.width, window);
  const channels = opaque ? 3 : 4;
  const rowBytes = width * channels;
  // Each row starts with its filter type, 0 (none).
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * raster.width + left) * 4;
    const row = y * (rowBytes + 1) + 1;
    if (!opaque) {
      raw.set(rgba.subarray(from, from + width * 4), row);
      continue;
    }
    for (let x = 0, at = from, to = row; x < width; x++, at += 4, to += 3) {
      raw[to] = rgba[at]!;
      raw[to + 1] = rgba[at + 1]!;
      raw[to + 2] = rgba[at + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = opaque ? RGB : RGBA;
  const chunks = [
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: COMPRESSION_LEVEL })),
    chunk("IEND", Buffer.alloc(0)),
  ];
  return new Uint8Array(Buffer.concat([Buffer.from(SIGNATURE), ...chunks]));
}

/** Length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Every pixel of the window has alpha 255. */
function isOpaque(rgba: Uint8ClampedArray | Uint8Array, rasterWidth: number, window: PixelWindow): boolean {
  for (let y = window.top; y < window.top + window.height; y++) {
    const end = ((y * rasterWidth + window.left + window.width) * 4) | 0;
    for (let at = (y * rasterWidth + window.left) * 4 + 3; at < end; at += 4)
      if (rgba[at] !== 255) return false;
  }
  return true;
}
