/**
 * Draws a decoded grey image onto a white raster the way pdf.js draws it onto an @napi-rs/canvas (so the
 * pixels match a render of the page): pdf.js first halves a much larger image in steps while it is more
 * than twice the device size (CanvasGraphics._scaleImage), then draws it to an integer-aligned device
 * rectangle (drawImageAtIntegerCoords) with Skia's bilinear filter (nearest neighbour when pdf.js turns
 * smoothing off: an enlarged image without /Interpolate), through antialiased rectangle clips.
 * Only axis-aligned placements (quarter turns, flips) are drawn; others give undefined.
 */
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { type Matrix, multiply } from "./matrix.ts";

const MAX_OVERDRAW = 4;

/** A clip rectangle already in device pixels: [left, top, right, bottom]. */
export type DeviceRectangle = readonly [number, number, number, number];

/**
 * `image` painted by `unitToDevice` (the image's unit square to device pixels, PDF image space: sample row
 * 0 at the square's top, y = 1) on a `width` × `height` white raster, inside `clip`.
 */
export function drawScanImage(
  image: GrayImage,
  unitToDevice: Matrix,
  clip: DeviceRectangle,
  width: number,
  height: number,
  interpolate = false,
): GrayImage | undefined {
  // pdf.js scales the context to image pixels, y up: the image occupies (0, -h)–(w, 0).
  const transform = multiply(unitToDevice, [1 / image.width, 0, 0, -1 / image.height, 0, 0]);
  const [a, b, c, d, tx, ty] = transform;
  const swapped = a === 0 && d === 0;
  if (!swapped && !(b === 0 && c === 0)) return undefined;
  const determinant = a * d - b * c;
  if (determinant === 0 || !Number.isFinite(determinant)) return undefined;
  // The inverse's columns: image pixels per device pixel along each device axis.
  const inverse = [d / determinant, -b / determinant, -c / determinant, a / determinant];
  const scaled = halveWhileLarge(
    image,
    Math.max(Math.hypot(inverse[0]!, inverse[1]!), 1),
    Math.max(Math.hypot(inverse[2]!, inverse[3]!), 1),
  );
  const destY = -image.height;
  let left: number;
  let top: number;
  let localWidth: number;
  let localHeight: number;
  if (!swapped) {
    left = Math.round(tx);
    top = Math.round(destY * d + ty);
    localWidth = Math.abs(Math.round(image.width * a + tx) - left) || 1;
    localHeight = Math.abs(Math.round((destY + image.height) * d + ty) - top) || 1;
  } else {
    left = Math.round(destY * c + tx);
    top = Math.round(ty);
    const deviceWidth = Math.abs(Math.round((destY + image.height) * c + tx) - left) || 1;
    const deviceHeight = Math.abs(Math.round(image.width * b + ty) - top) || 1;
    localWidth = deviceHeight;
    localHeight = deviceWidth;
  }
  // An image placed far larger than the raster (mostly clipped away) is left to pdf.js: resampling all
  // of it here would take memory the canvas never needs.
  if (localWidth * localHeight > MAX_OVERDRAW * width * height) return undefined;
  // pdf.js's getImageSmoothingEnabled: smooth unless the image is enlarged beyond CSS pixel size.
  const limit = Math.fround(96 / 72);
  const smooth = interpolate || (Math.hypot(a, b) <= limit && Math.hypot(c, d) <= limit);
  const local = smooth
    ? resampleBilinear(scaled, localWidth, localHeight, swapped)
    : resampleNearest(scaled, localWidth, localHeight);
  const gray = new Uint8Array(width * height).fill(255);
  const coverX = coverage(clip[0], clip[2], width, false);
  const coverY = coverage(clip[1], clip[3], height, true);
  // Local pixel → device pixel through setTransform(sign, 0, 0, sign, left, top) or its swap.
  const xSign = Math.sign(swapped ? c : a);
  const ySign = Math.sign(swapped ? b : d);
  const deviceX = (along: number) => (xSign > 0 ? left + along : left - 1 - along);
  const deviceY = (along: number) => (ySign > 0 ? top + along : top - 1 - along);
  // Per local column and row: the device offset it lands on (-1 off the raster) and its clip coverage.
  const columnOffset = new Int32Array(localWidth);
  const columnCover = new Float64Array(localWidth);
  for (let column = 0; column < localWidth; column++) {
    const inside = swapped ? deviceY(column) : deviceX(column);
    const limit = swapped ? height : width;
    const valid = inside >= 0 && inside < limit;
    columnOffset[column] = valid ? (swapped ? inside * width : inside) : -1;
    columnCover[column] = valid ? (swapped ? coverY : coverX)[inside]! : 0;
  }
  // Columns wholly inside the clip that land on consecutive device pixels: copied a row span at a time.
  let spanStart = 0;
  let spanEnd = 0;
  if (!swapped && xSign > 0) {
    while (spanStart < localWidth && columnCover[spanStart] !== 1) spanStart++;
    spanEnd = spanStart;
    while (spanEnd < localWidth && columnCover[spanEnd] === 1) spanEnd++;
  }
  for (let row = 0; row < localHeight; row++) {
    const inside = swapped ? deviceX(row) : deviceY(row);
    if (inside < 0 || inside >= (swapped ? width : height)) continue;
    const rowOffset = swapped ? inside : inside * width;
    const rowCover = (swapped ? coverX : coverY)[inside]!;
    if (rowCover === 0) continue;
    const source = row * localWidth;
    const span = rowCover === 1 && spanEnd > spanStart;
    if (span)
      gray.set(
        local.gray.subarray(source + spanStart, source + spanEnd),
        rowOffset + columnOffset[spanStart]!,
      );
    for (let column = 0; column < localWidth; column++) {
      if (span && column === spanStart) column = spanEnd;
      if (column >= localWidth) break;
      const cover = columnCover[column]! * rowCover;
      if (cover === 0) continue;
      const value = local.gray[source + column]!;
      gray[rowOffset + columnOffset[column]!] = cover === 1 ? value : Math.round(255 - (255 - value) * cover);
    }
  }
  return { width, height, gray };
}

/** pdf.js's _scaleImage steps: halve (rounding up) each axis scaled down by more than 2 until it is not. */
function halveWhileLarge(image: GrayImage, widthScale: number, heightScale: number): GrayImage {
  let current = image;
  let ws = widthScale;
  let hs = heightScale;
  while ((ws > 2 && current.width > 1) || (hs > 2 && current.height > 1)) {
    let newWidth = current.width;
    let newHeight = current.height;
    if (ws > 2 && current.width > 1) {
      newWidth = Math.ceil(current.width / 2);
      ws /= current.width / newWidth;
    }
    if (hs > 2 && current.height > 1) {
      newHeight = Math.ceil(current.height / 2);
      hs /= current.height / newHeight;
    }
    current = resampleBilinear(current, newWidth, newHeight);
  }
  return current;
}

/**
 * How much of each device pixel along one axis lies inside [low, high], as Skia's antialiased clip counts it:
 * exact across a row, four sub-scanlines down a column.
 */
function coverage(low: number, high: number, size: number, subSamples: boolean): Float64Array {
  const cover = new Float64Array(size);
  for (let at = 0; at < size; at++) {
    if (!subSamples) {
      cover[at] = Math.max(0, Math.min(at + 1, high) - Math.max(at, low));
      continue;
    }
    let inside = 0;
    for (let sample = 0.125; sample < 1; sample += 0.25)
      if (at + sample >= low && at + sample < high) inside++;
    cover[at] = inside / 4;
  }
  return cover;
}

/**
 * Taps and weights of a bilinear resample along one axis: sample centres map to sample centres, and the
 * weight of the second tap is in sixteenths (truncated, as Skia's scale-only sampler has it, or `exact`).
 */
function taps(from: number, to: number, exact: boolean) {
  const first = new Int32Array(to);
  const second = new Int32Array(to);
  const weight = new Float64Array(to);
  const ratio = from / to;
  for (let at = 0; at < to; at++) {
    const position = Math.min(Math.max((at + 0.5) * ratio - 0.5, 0), from - 1);
    const low = Math.floor(position);
    first[at] = low;
    second[at] = Math.min(low + 1, from - 1);
    weight[at] = exact ? (position - low) * 16 : Math.floor((position - low) * 16);
  }
  return { first, second, weight };
}

/**
 * Resizes with Skia's bilinear filter (edges clamped), as drawImage with smoothing does: with 4-bit weights
 * and truncation for a scale-only drawing, exact weights and rounding (`exact`) for a quarter-turned one.
 */
export function resampleBilinear(image: GrayImage, width: number, height: number, exact = false): GrayImage {
  if (width === image.width && height === image.height) return image;
  const columns = taps(image.width, width, exact);
  const rows = taps(image.height, height, exact);
  const gray = new Uint8Array(width * height);
  if (exact) resampleExact(image, columns, rows, gray, width, height);
  else
    resampleSixteenths(
      image,
      { first: columns.first, second: columns.second, weight: Int32Array.from(columns.weight) },
      { first: rows.first, second: rows.second, weight: Int32Array.from(rows.weight) },
      gray,
      width,
      height,
    );
  return { width, height, gray };
}

interface Taps<Weights> {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly weight: Weights;
}

/**
 * Integer arithmetic throughout: 4-bit weights, the sum truncated. The filter is separable in exact
 * integers, so each source row is blended across once (at most 255 × 16, in 16 bits) and kept while
 * consecutive output rows use it, and output rows only blend two such rows down.
 */
function resampleSixteenths(
  image: GrayImage,
  columns: Taps<Int32Array>,
  rows: Taps<Int32Array>,
  gray: Uint8Array,
  width: number,
  height: number,
): void {
  const source = image.gray;
  const stride = image.width;
  const { first: x0s, second: x1s, weight: acrosses } = columns;
  const blendAcross = (sourceRow: number, into: Uint16Array) => {
    const start = sourceRow * stride;
    for (let column = 0; column < width; column++) {
      const across = acrosses[column]!;
      into[column] = source[start + x0s[column]!]! * (16 - across) + source[start + x1s[column]!]! * across;
    }
  };
  // Two source rows blended across, by source row index (-1: none yet).
  let upperRow = -1;
  let lowerRow = -1;
  let upper = new Uint16Array(width);
  let lower = new Uint16Array(width);
  for (let row = 0; row < height; row++) {
    const top = rows.first[row]!;
    const bottom = rows.second[row]!;
    if (top !== upperRow) {
      if (top === lowerRow) [upper, lower, lowerRow] = [lower, upper, -1];
      else blendAcross(top, upper);
      upperRow = top;
    }
    const down = rows.weight[row]!;
    const up = 16 - down;
    const out = row * width;
    if (down === 0) {
      // (upper × 16) >> 8.
      for (let column = 0; column < width; column++) gray[out + column] = upper[column]! >> 4;
      continue;
    }
    if (bottom !== lowerRow) {
      blendAcross(bottom, lower);
      lowerRow = bottom;
    }
    for (let column = 0; column < width; column++)
      gray[out + column] = (upper[column]! * up + lower[column]! * down) >> 8;
  }
}

/** Exact weights, rounded to the nearest level. */
function resampleExact(
  image: GrayImage,
  columns: Taps<Float64Array>,
  rows: Taps<Float64Array>,
  gray: Uint8Array,
  width: number,
  height: number,
): void {
  const source = image.gray;
  const stride = image.width;
  for (let row = 0; row < height; row++) {
    const top = rows.first[row]! * stride;
    const bottom = rows.second[row]! * stride;
    const down = rows.weight[row]!;
    const out = row * width;
    for (let column = 0; column < width; column++) {
      const x0 = columns.first[column]!;
      const x1 = columns.second[column]!;
      const across = columns.weight[column]!;
      const upper = source[top + x0]! * (16 - across) + source[top + x1]! * across;
      const lower = source[bottom + x0]! * (16 - across) + source[bottom + x1]! * across;
      gray[out + column] = (upper * (16 - down) + lower * down + 128) >> 8;
    }
  }
}

/** Resizes with Skia's nearest-neighbour sampling (drawImage without smoothing). */
export function resampleNearest(image: GrayImage, width: number, height: number): GrayImage {
  if (width === image.width && height === image.height) return image;
  const nearest = (from: number, to: number) =>
    Int32Array.from({ length: to }, (_, at) =>
      Math.min(Math.max(Math.ceil(((at + 0.5) * from) / to) - 1, 0), from - 1),
    );
  const columns = nearest(image.width, width);
  const rows = nearest(image.height, height);
  const gray = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const source = rows[row]! * image.width;
    const out = row * width;
    for (let column = 0; column < width; column++)
      gray[out + column] = image.gray[source + columns[column]!]!;
  }
  return { width, height, gray };
}
