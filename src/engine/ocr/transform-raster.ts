/**
 * Geometric operations on grey rasters for orientation work: exact quarter turns, small-angle rotation
 * (deskew), integer downscaling and cropping. All in pixels, origin top-left, y downwards, so "clockwise"
 * is as the image is displayed.
 */
import type { GrayImage, PixelBox, QuarterTurn } from "./ocr-engine.ts";

/** Rotates clockwise by a quarter-turn multiple; an exact pixel permutation (no resampling). */
export function rotateQuarterTurns(image: GrayImage, rotation: QuarterTurn): GrayImage {
  if (rotation === 0) return image;
  const { width, height, gray } = image;
  // Half a turn reverses the pixel order.
  if (rotation === 180) return { width, height, gray: gray.slice(0, width * height).reverse() };
  const target = new Uint8Array(width * height);
  // The turned raster is `height` wide; its row ty is source column ty read upwards (90°) or column
  // width - 1 - ty read downwards (270°). Written in order, read down a column.
  for (let ty = 0; ty < width; ty++) {
    const out = ty * height;
    if (rotation === 90)
      for (let tx = 0, at = (height - 1) * width + ty; tx < height; tx++, at -= width)
        target[out + tx] = gray[at]!;
    else for (let tx = 0, at = width - 1 - ty; tx < height; tx++, at += width) target[out + tx] = gray[at]!;
  }
  return { width: height, height: width, gray: target };
}

/**
 * Rotates clockwise by `degrees` about the image centre, keeping the size (corners that leave the frame
 * are lost, uncovered ones are white). Bilinear, so thin strokes survive for OCR; meant for small angles.
 */
export function rotateByDegrees(image: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return image;
  const { width, height } = image;
  const radians = (degrees * Math.PI) / 180;
  const target = new Uint8Array(width * height);
  const rotation = {
    cos: Math.cos(radians),
    sin: Math.sin(radians),
    centerX: width / 2,
    centerY: height / 2,
  };
  for (let ty = 0; ty < height; ty++) rotateRow(image, rotation, ty, target);
  return { width, height, gray: target };
}

/**
 * Row `ty` of rotateByDegrees. A function of its own, called per row, so V8 optimises it whole (a hot inner
 * loop inside the row loop is compiled on its own and thrown away at each row's end); pixels whose four
 * taps lie inside the image are blended inline, the rest (the frame's edges) by sampleBilinear, with the
 * same arithmetic, so the values are those of sampleBilinear everywhere.
 */
function rotateRow(
  image: GrayImage,
  rotation: {
    readonly cos: number;
    readonly sin: number;
    readonly centerX: number;
    readonly centerY: number;
  },
  ty: number,
  target: Uint8Array,
): void {
  const { width, height, gray } = image;
  const { cos, sin, centerX, centerY } = rotation;
  const dy = ty + 0.5 - centerY;
  for (let tx = 0, out = ty * width; tx < width; tx++, out++) {
    const dx = tx + 0.5 - centerX;
    // Inverse mapping: the source point that the clockwise rotation carries onto this pixel centre.
    const sx = dx * cos + dy * sin + centerX - 0.5;
    const sy = -dx * sin + dy * cos + centerY - 0.5;
    const x0 = Math.floor(sx);
    const y0 = Math.floor(sy);
    if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
      target[out] = sampleBilinear(gray, width, height, sx, sy);
      continue;
    }
    const fx = sx - x0;
    const fy = sy - y0;
    const at = y0 * width + x0;
    const top = gray[at]! * (1 - fx) + gray[at + 1]! * fx;
    const bottom = gray[at + width]! * (1 - fx) + gray[at + width + 1]! * fx;
    // Math.round for a value in [0, 256) (a blend of grey levels), which V8 does not compile to one
    // instruction: below one half it is 0, above it adding one half and truncating is exact (the sum
    // cannot round up across an integer there).
    const value = top * (1 - fy) + bottom * fy;
    target[out] = value < 0.5 ? 0 : (value + 0.5) | 0;
  }
}

function sampleBilinear(gray: Uint8Array, width: number, height: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const at = (px: number, py: number) =>
    px < 0 || py < 0 || px >= width || py >= height ? 255 : gray[py * width + px]!;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return Math.round(top * (1 - fy) + bottom * fy);
}

/** Shrinks by an integer factor, averaging each factor × factor block (a remainder strip is dropped). */
export function downscale(image: GrayImage, factor: number): GrayImage {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`Bad downscale factor ${factor}`);
  if (factor === 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const target = new Uint8Array(width * height);
  if (factor === 2 && image.width >= 2 && image.height >= 2) {
    // Four pixels a target pixel, rounded half up as Math.round(sum / 4) does.
    const gray = image.gray;
    for (let y = 0; y < height; y++) {
      const out = y * width;
      for (let x = 0, above = 2 * y * image.width, below = above + image.width; x < width; x++) {
        target[out + x] = (gray[above]! + gray[above + 1]! + gray[below]! + gray[below + 1]! + 2) >> 2;
        above += 2;
        below += 2;
      }
    }
    return { width, height, gray: target };
  }
  const sums = new Uint32Array(width);
  const area = factor * factor;
  const gray = image.gray;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const sourceY = Math.min(image.height - 1, y * factor + dy);
      const row = sourceY * image.width;
      // Every block lies within its row: width * factor <= image.width.
      for (let x = 0, at = row; x < width; x++, at += factor) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++) sum += gray[at + dx]!;
        sums[x]! += sum;
      }
    }
    const base = y * width;
    for (let x = 0; x < width; x++) target[base + x] = Math.round(sums[x]! / area);
  }
  return { width, height, gray: target };
}

/** The part of the image inside `box` (clamped to the image; pixel edges are rounded outwards). */
export function crop(image: GrayImage, box: PixelBox): GrayImage {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const right = Math.min(image.width, Math.ceil(box.right));
  const bottom = Math.min(image.height, Math.ceil(box.bottom));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const target = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = (top + y) * image.width + left;
    target.set(image.gray.subarray(start, start + width), y * width);
  }
  return { width, height, gray: target };
}
